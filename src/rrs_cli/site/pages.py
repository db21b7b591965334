"""The website's pages as HTML text, from the page model in ``site/model.py``.

:class:`SitePages` yields ``(relative path, bytes)`` for every file of the site
except the search index (``build.py`` writes them and runs the indexer).
Pages are Jinja2 templates under ``templates/site/`` rendered with the
autoescaping environment of ``render/html.py``; the two lists that grow with
the catalogue (the action list's rows, the organisations) are built here with
the same escaping, because a compact row matters at 10,000 actions.

Every link is relative (``root`` is ``""`` or ``"../"``), so the site works
under any base path and from ``file://``. Nothing here writes a date other
than the model's ``as_of``, so the output is deterministic.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from datetime import date
from importlib import resources
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from ..catalogue import Catalogue
from ..graph import LinkGraph
from ..i18n import (
    LANGUAGES,
    MESSAGES,
    Language,
    format_date,
    name_in,
    plural,
    status_label,
    term_label,
    text,
)
from ..models import UNNAMED_STRATEGY, Action, Goal, Kind, Quality, Status, Term
from ..render.export import export_document, to_json
from ..render.graph import network
from ..render.html import environment
from ..render.report import page_css
from ..render.report_document import Document
from ..render.report_layout import layout
from ..render.text import visible
from . import svg
from .model import TOLD_KINDS, ActionPage, GoalPage, KnownIssue, Organisation, SiteModel, slug
from .report_parts import REPORT_SPLIT, Part, report_parts

MARKER = ".rrs-site"
# Script and style only from the site's own files; Pagefind's WebAssembly needs
# 'wasm-unsafe-eval' and its index is fetched from the site (connect-src).
CSP = (
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'"
)
NAV = (
    ("index.html", "site.nav.home"),
    ("actions.html", "site.nav.actions"),
    ("search.html", "site.nav.search"),
    ("report.html", "site.nav.report"),
    ("network.html", "site.nav.network"),
    ("organisations.html", "site.nav.organisations"),
    ("data.html", "site.nav.data"),
)
# A municipality's basic pages, linked from every page's footer.
FOOTER_NAV = (
    ("data.html", "site.nav.data"),
    ("accessibility.html", "site.nav.accessibility"),
    ("privacy.html", "site.nav.privacy"),
    ("contact.html", "site.nav.contact"),
    ("colophon.html", "site.nav.colophon"),
)
BASICS = ("accessibility.html", "privacy.html", "contact.html", "colophon.html")
# The static files every page loads; the NL Design System component CSS is
# vendored under static/vendor (scripts/vendor_nlds.py refreshes it from npm).
ASSETS = {
    "assets/utrecht.css": "vendor/utrecht/utrecht.css",
    "assets/tokens.css": "tokens.css",
    "assets/site.css": "site.css",
    "assets/site.js": "site.js",
    "assets/report.css": "report.css",
    "assets/favicon.svg": "favicon.svg",
}
# Markers for the parts of an action page that differ from page to page: a
# NUL cannot come from catalogue text (``visible`` shows it as an escape), so a
# marker can never be content.
MARK = {
    name: Markup(f"\x00rrs-{name}\x00")
    for name in ("title", "description", "main", "canonical", "alternate")
}
# Networks with more actions than this are not drawn: the drawing would be
# illegible and heavy (the list and the goal pages show the same links).
MAX_DRAWN = 400
# More actions than this: the action list is paged (actions.html, actions-2.html,
# ...), so that no page is megabytes without compression (3.7 MB for 10,000
# rows on one page). Every page carries the filters; with JavaScript a filter
# fetches the other pages and narrows all rows; without it, the pages link to
# each other, so the whole list is still there.
LIST_PAGE = 1000
# More organisations than this: one page per first letter, and the list's owner
# filter is a text box (a choice of 10,000 owners is 600 kB on every list page).
ORG_PAGE_LIMIT = 600
# More action items than this on a goal page (a connected action is listed under
# each of the goal's flywheels it is linked with): the page shows each flywheel
# with the number of its connected actions, and the filtered list has them all,
# so that no goal page is over 500 kB (about 2,300 items at 10,000 actions).
GOAL_LIST_LIMIT = 1500
# Actions linked with every flywheel shown on a goal or flywheel page; all of
# them are listed once, on the network page.
CROSS_SHOWN = 10
STATUS_ORDER: list[Status | None] = [*Status, None]


def esc(value: str) -> Markup:
    """Catalogue text for HTML: invisible characters shown, then escaped."""
    return escape(visible(value, keep_newlines=True))


def date_text(day: date, lang: Language) -> str:
    return format_date(day, lang)


def paragraphs(value: str) -> list[str]:
    return [p.strip("\n") for p in value.split("\n\n") if p.strip()]


def mailto(address: str, subject: str) -> str:
    return f"mailto:{quote(address, safe='@')}?subject={quote(visible(subject), safe='')}"


def stacked_bar(counts: list[tuple[Status | None, int]], lang: Language) -> Markup:
    """A small horizontal bar of the status mix; the legend beside it has the numbers."""
    total = sum(n for _, n in counts) or 1
    parts = []
    x = 0.0
    for status, count in counts:
        width = 100 * count / total
        name = status.value if status else "none"
        parts.append(f'<rect class="st-{name}" x="{x:.2f}" y="0" width="{width:.2f}" height="6"/>')
        x += width
    label = ", ".join(f"{status_label(s, lang)}: {n}" for s, n in counts)
    return Markup(
        '<svg class="status-bar" viewBox="0 0 100 6" preserveAspectRatio="none" '
        f'role="img" aria-label="{escape(label)}">' + "".join(parts) + "</svg>"
    )


def bar(count: int, top: int) -> Markup:
    """A bar whose length repeats ``count`` (out of ``top``); no text, for a chart table."""
    width = 0.0 if top <= 0 else max(0, count) * 100 / top
    if count > 0:
        width = max(width, 1.0)  # a non-zero value is never invisible
    return Markup(
        '<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">'
        f'<rect width="{width:.1f}" height="10"/></svg>'
    )


def csv_cell(value: object) -> str:
    """A CSV cell that a spreadsheet shows as text: a leading = + - @ (a formula in
    Excel or LibreOffice) is preceded by an apostrophe, as OWASP advises."""
    shown = "" if value is None else visible(str(value), keep_newlines=True)
    return "'" + shown if shown[:1] in ("=", "+", "-", "@", "\t", "\r") else shown


def csv_text(rows: list[list[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow([csv_cell(cell) for cell in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM tells Excel it is UTF-8


def css_string(value: str) -> str:
    """``value`` as a CSS string literal (double quotes, every non-ASCII escaped)."""
    return (
        '"'
        + "".join(c if c.isalnum() or c in " .,:;()/-" else f"\\{ord(c):x} " for c in value)
        + '"'
    )


class _Site:
    def __init__(
        self,
        model: SiteModel,
        catalogue: Catalogue,
        graph: LinkGraph,
        *,
        search: bool,
        other_site: str | None = None,
        theme: bool = False,
    ) -> None:
        self.model = model
        self.catalogue = catalogue
        self.graph = graph
        self.search = search
        self.lang = model.lang
        # The other language's site, relative to this site's root ("en/", "../").
        self.other_site = other_site
        self.other_lang: Language = next(lang for lang in LANGUAGES if lang != self.lang)
        self.env = environment(model.lang)
        self.svg = svg
        self.current = {p.action.id: p.current_status for p in model.actions}
        self.updated = {p.action.id for p in model.actions if p.last_update}
        self.split_orgs = len(model.organisations) > ORG_PAGE_LIMIT
        self.org_pages = org_pages(model.organisations) if self.split_orgs else {}
        self.org_page_of = {org.key: path for path, orgs in self.org_pages.items() for org in orgs}
        self.org_names = {o.key: o.name for o in model.organisations}
        strategy = model.strategy
        self.site_name = name_in(strategy, self.lang)
        year = strategy.year
        self.baseline_heading = (
            text("site.status_in", self.lang, year=year)
            if year
            else text("site.status_unknown_year", self.lang)
        )
        self.baseline_short = text("site.since_publication", self.lang, year=year) if year else ""
        settings = strategy.site
        self.publisher = (settings.publisher if settings else "") or (
            strategy.source.publisher if strategy.source else ""
        )
        notice = ""
        if strategy.language != self.lang:
            name = f"language.{strategy.language}"
            language = text(name, self.lang) if name in MESSAGES else strategy.language
            notice = text("site.catalogue_notice", self.lang, language=language)
        self.env.globals.update(
            site_name=self.site_name,
            strategy=strategy,
            model=model,
            csp=CSP,
            nav=NAV,
            footer_nav=FOOTER_NAV,
            catalogue_lang=strategy.language,
            catalogue_notice=notice,
            as_of_text=date_text(model.as_of, self.lang),
            date_text=lambda day: date_text(day, self.lang),
            paragraphs=paragraphs,
            status_of=self.current,
            updated=self.updated,
            goals=catalogue.goals,
            qualities=catalogue.qualities,
            org_names=self.org_names,
            stacked_bar=lambda counts: stacked_bar(counts, self.lang),
            bar=bar,
            cross_cutting=model.cross_cutting,
            cross_shown=CROSS_SHOWN,
            max_drawn=MAX_DRAWN,
            baseline_heading=self.baseline_heading,
            baseline_short=self.baseline_short,
            theme=theme,
            other_lang=self.other_lang,
            header_search=True,
            site_links=True,
            contact=model.contact or "",
            publisher=self.publisher,
        )
        self.env.globals.update(
            # Every interface string without placeholders, looked up without a call.
            L={key: text(key, self.lang) for key in MESSAGES},
            tm=self.tm,
            badge=self.badge,
            goal_link=self.goal_link,
            quality_link=self.quality_link,
            org_text=self.org_text,
            issue_text=self.issue_text,
            horizon_note=self.horizon_note,
            mail_link=mail_link,
            catalogue_span=self.catalogue_span,
        )
        self.goal_counts = {g.key: (fw, conn) for g, fw, conn in model.by_goal}
        self._badges: dict[Status | None, Markup] = {}
        self._shell: str | None = None
        self._body = self.env.get_template("site/action_body.html")
        self._parts: dict[str, list[Part]] | None = None
        self._report_document: Document | None = None

    # -- helpers -------------------------------------------------------------

    def name(self, item: Goal | Quality) -> str:
        return name_in(item, self.lang)

    def tm(self, key: str, **fields: object) -> Markup:
        """An interface string with Markup in its placeholders (a link, a tagged span)."""
        template = MESSAGES[key][0 if self.lang == "nl" else 1]
        return Markup(escape(template)).format(**fields)

    def catalogue_span(self, value: str) -> Markup:
        """Catalogue text inside interface text, tagged with the catalogue's language."""
        return (
            Markup(f'<span lang="{self.model.strategy.language}">') + esc(value) + Markup("</span>")
        )

    def org_href(self, key: str, root: str) -> str:
        if self.split_orgs:
            return f"{root}{self.org_page_of[key]}#org-{key}"
        return f"{root}organisations.html#org-{key}"

    def badge(self, status: Status | None) -> Markup:
        """A status as text in a coloured box (the colour only repeats the text)."""
        found = self._badges.get(status)
        if found is None:
            name = status.value if status else "none"
            found = self._badges[status] = Markup(
                f'<span class="status status-{name}">{escape(status_label(status, self.lang))}'
                "</span>"
            )
        return found

    def goal_link(self, goal: Goal) -> Markup:
        return (
            Markup(f'<a href="../goals/{goal.key}.html">{goal.number}. ')
            + esc(self.name(goal))
            + Markup("</a>")
        )

    def quality_link(self, quality: Quality) -> Markup:
        return (
            Markup(f'<a href="../qualities/{quality.key}.html">')
            + esc(self.name(quality))
            + Markup("</a>")
        )

    def org_text(self, value: str, names: list[tuple[str, str]]) -> Markup:
        """An owner or partners field as printed, its organisations linked: the names
        themselves when the field is just the list of them, else a labelled list."""
        lang = self.model.strategy.language
        printed = " ".join(value.split()).strip(" ,;.")
        links = [
            Markup(f'<a href="{self.org_href(key, "../")}">') + esc(name) + Markup("</a>")
            for name, key in names
        ]
        if names and ", ".join(name for name, _ in names) == printed:
            return Markup(f'<span lang="{lang}">') + Markup(", ").join(links) + Markup("</span>")
        out = Markup(f'<span lang="{lang}">') + esc(value) + Markup("</span>")
        if links:
            label = escape(text("site.organisations_of", self.lang))
            out += Markup(
                f' <span class="orgs" data-pagefind-ignore>({label}: <span lang="{lang}">'
            )
            out += Markup(", ").join(links) + Markup("</span>)</span>")
        return out

    def issue_text(self, issue: KnownIssue) -> str:
        key = f"issue.{issue.kind}" if issue.kind in (*TOLD_KINDS, "inferred") else "issue.other"
        return text(key, self.lang, id=issue.action_id, other=issue.other)

    def horizon_note(self, term: Term | None) -> str:
        """How an end of term was worked out (it is rrs's convention, not printed)."""
        strategy = self.model.strategy
        years = strategy.horizon_years(term)
        if years is None or strategy.year is None:
            return ""
        return text(
            "site.horizon.derived",
            self.lang,
            term=term_label(term, self.lang).lower(),
            years=years,
            year=strategy.year,
        )

    def alternate(self, path: str) -> str | None:
        """The same page in the other language, relative to ``path``."""
        if self.other_site is None:
            return None
        return "../" * path.count("/") + self.other_site + path

    def shell(self) -> str:
        """An action page's surroundings, rendered once, with markers."""
        if self._shell is None:
            self._shell = self.page(
                "shell.html",
                "actions/_.html",
                shell_title=MARK["title"],
                shell_description=MARK["description"],
                shell_main=MARK["main"],
                canonical_override=MARK["canonical"] if self.model.base_url else None,
                alternate_override=MARK["alternate"] if self.other_site is not None else None,
            )
        return self._shell

    def page(self, template: str, path: str, **context: Any) -> str:
        root = "../" * path.count("/")
        canonical = f"{self.model.base_url.rstrip('/')}/{path}" if self.model.base_url else None
        if "canonical_override" in context:
            canonical = context.pop("canonical_override")
        alternate = self.alternate(path)
        if "alternate_override" in context:
            alternate = context.pop("alternate_override")
        tpl = self.env.get_template(f"site/{template}")
        return str(
            tpl.render(root=root, current=path, canonical=canonical, alternate=alternate, **context)
        )

    def network(self, actions: list[Action], title: str, root: str) -> Markup:
        if len(actions) > MAX_DRAWN:
            return (
                Markup("<p>")
                + escape(text("site.network_too_big", self.lang, count=len(actions)))
                + Markup("</p>")
            )
        if not actions:
            return Markup("")
        net = network(self.catalogue, self.graph, actions, with_goals=True)
        goal_names = {g.key: f"{g.number}. {self.name(g)}" for g in self.catalogue.goals.values()}
        drawn = self.svg.network_svg(
            net,
            href=lambda action_id: f"{root}actions/{action_id}.html",
            title=title,
            lang=self.lang,
            goal_labels=goal_names,
            text_lang=self.model.strategy.language,
        )
        note = escape(text("site.network_list_note", self.lang))
        return (
            Markup('<div class="network" tabindex="0" role="region" aria-label="')
            + escape(title)
            + Markup('">')
            + Markup(drawn)
            + Markup('</div>\n<p class="network-note">')
            + note
            + Markup("</p>")
        )

    # -- pages ---------------------------------------------------------------

    def count(self) -> int:
        m = self.model
        orgs = len(self.org_pages)
        parts = self.report_parts()
        report = len(parts["goals"]) + len(parts["appendix"])
        lists = max(1, -(-len(m.actions) // LIST_PAGE))
        fixed = 8 + len(BASICS) + 1  # + the basic pages and 404.html
        return fixed + lists + len(m.actions) + len(m.goals) + len(m.qualities) + orgs + report

    def report_document(self) -> Document:
        """The report's layout, the same the standalone report draws."""
        if self._report_document is None:
            self._report_document = layout(self.model.report, self.lang)
        return self._report_document

    def report_parts(self) -> dict[str, list[Part]]:
        if self._parts is None:
            self._parts = report_parts(self.model.report, self.report_document())
        return self._parts

    def pages(self) -> Iterator[tuple[str, str]]:
        yield from self.action_pages()
        yield from self.other_pages()

    def action_pages(self) -> Iterator[tuple[str, str]]:
        """``actions/ID.html``: the pages the search index is made from."""
        for action_page in self.model.actions:
            path = f"actions/{action_page.action.id}.html"
            yield path, self.action(action_page, path)

    def other_pages(self) -> Iterator[tuple[str, str]]:
        yield "index.html", self.home()
        yield from self.action_lists()
        for goal_page in self.model.goals:
            path = f"goals/{goal_page.goal.key}.html"
            yield (
                path,
                self.page(
                    "goal.html",
                    path,
                    page=goal_page,
                    counts=self.goal_counts.get(goal_page.goal.key, (0, 0)),
                    listed=goal_items(goal_page) <= GOAL_LIST_LIMIT,
                    network=self.network(goal_page.members, self.name(goal_page.goal), "../"),
                ),
            )
        for quality_page in self.model.qualities:
            path = f"qualities/{quality_page.quality.key}.html"
            yield path, self.page("quality.html", path, page=quality_page)
        yield from self.organisations()
        yield "network.html", self.network_page()
        yield from self.report()
        yield "data.html", self.data_page()
        yield (
            "search.html",
            self.page(
                "search.html",
                "search.html",
                search_available=self.search,
                header_search=False,
                action_ids=" ".join(p.action.id for p in self.model.actions),
            ),
        )
        yield from self.basics()

    def home(self) -> str:
        lang = self.lang
        m = self.model
        status_rows = [(status_label(s, lang), n) for s, n in m.by_status]
        goal_rows = [(f"{g.number}. {self.name(g)}", fw + conn) for g, fw, conn in m.by_goal]
        term_rows = [(term_label(t, lang), n) for t, n in m.by_term]
        rows = {"status": status_rows, "goals": goal_rows, "terms": term_rows}
        source = m.strategy.source
        return self.page(
            "index.html",
            "index.html",
            rows=rows,
            goal_counts=self.goal_counts,
            named=m.strategy != UNNAMED_STRATEGY,
            source_url=source.url if source and source.url and _WEB.fullmatch(source.url) else None,
        )

    def action(self, page: ActionPage, path: str) -> str:
        action = page.action
        contact = self.model.contact
        link = None
        if contact:
            subject = text("site.respond_subject", self.lang, id=action.id, title=action.title)
            link = mailto(contact, subject)
        settings = self.model.strategy.site
        body = self._body.render(
            root="../",
            a=action,
            page=page,
            mailto=link,
            contact=contact or "",
            respond_text=settings.respond if settings else "",
        )
        kind = text(f"kind.{action.kind.value}", self.lang)
        description = text(
            "site.description.action", self.lang, kind=kind, id=action.id, name=self.site_name
        )
        html = self.shell()
        html = html.replace(MARK["title"], str(esc(f"{action.id} {action.title}")), 2)
        html = html.replace(MARK["description"], str(escape(description)), 2)
        if self.model.base_url:
            canonical = str(escape(f"{self.model.base_url.rstrip('/')}/{path}"))
            html = html.replace(MARK["canonical"], canonical, 2)
        if self.other_site is not None:
            html = html.replace(MARK["alternate"], str(escape(self.alternate(path) or "")), 3)
        return html.replace(MARK["main"], body, 1)

    def filters(self) -> dict[str, list[tuple[str, str, str]]]:
        lang = self.lang
        goals = sorted(self.catalogue.goals.values(), key=lambda g: g.number)
        used_status = {p.current_status for p in self.model.actions}
        used_terms = {p.action.term for p in self.model.actions}
        as_of = self.model.as_of
        return {
            "goal": [
                (g.key, f"{g.number}. {self.name(g)}", f"{g.number} {g.name_nl} {g.name_en}")
                for g in goals
            ],
            "quality": [
                (q.key, self.name(q), f"{q.name_nl} {q.name_en}")
                for q in self.catalogue.qualities.values()
            ],
            "status": [
                (
                    s.value if s else "none",
                    status_label(s, lang),
                    f"{text(f'status.{s.value}', 'nl')} {text(f'status.{s.value}', 'en')}"
                    if s
                    else "",
                )
                for s in STATUS_ORDER
                if s in used_status
            ],
            "term": [
                (
                    t.value if t else "none",
                    term_label(t, lang),
                    f"{text(f'term.{t.value}', 'nl')} {text(f'term.{t.value}', 'en')}" if t else "",
                )
                for t in [*Term, None]
                if t in used_terms
            ],
            "kind": [
                (k.value, text(f"kind.{k.value}", lang), f"{text(f'kind.{k.value}', 'nl')}")
                for k in Kind
            ],
            "owner": [
                (o.key, o.name, " ".join(o.spellings[1:]))
                for o in self.model.organisations
                if o.owns
            ],
            "overdue": [
                ("yes", text("site.filter.overdue.yes", lang), ""),
                ("no", text("site.filter.overdue.no", lang), ""),
            ],
            "stale": [
                ("never", text("site.filter.stale.never", lang), ""),
                *(
                    (f"{years}y", date_text(_years_before(as_of, years), lang), "")
                    for years in STALE_YEARS
                ),
            ],
        }

    def action_lists(self) -> Iterator[tuple[str, str]]:
        """The action list: one page, or pages of LIST_PAGE rows linked to each other."""
        rows = self.list_rows()
        total = len(rows)
        chunks = [rows[start : start + LIST_PAGE] for start in range(0, total, LIST_PAGE)]
        chunks = chunks or [[]]
        paths = [list_path(n) for n in range(1, len(chunks) + 1)]
        filters = self.filters()
        owner_box = len(filters["owner"]) > ORG_PAGE_LIMIT
        if owner_box:  # only the organisations whose other spellings must still match
            filters["owner"] = [option for option in filters["owner"] if option[2]]
        self._list_filters = filters
        status_order = " ".join(s.value if s else "none" for s in STATUS_ORDER)
        for number, (path, chunk) in enumerate(zip(paths, chunks, strict=True), 1):
            first = (number - 1) * LIST_PAGE + 1
            yield (
                path,
                self.page(
                    "actions.html",
                    path,
                    rows=Markup("\n".join(chunk)),
                    filters=filters,
                    owner_box=owner_box,
                    # strategy.yaml's names per organisation: an owner in the URL
                    # matches under any of them, as in `rrs list --owner`.
                    organisations=json.dumps(self.model.strategy.organisations, ensure_ascii=False),
                    total=total,
                    list_pages=paths if len(paths) > 1 else [],
                    list_page=number,
                    first=first,
                    last=first + len(chunk) - 1,
                    status_order=status_order,
                ),
            )

    def list_rows(self) -> list[str]:
        rows = []
        lang = self.lang
        status_text = {s: escape(status_label(s, lang)) for s in STATUS_ORDER}
        baseline = escape(self.baseline_short)
        never = escape(text("site.never", lang))
        expired = escape(text("site.filter.overdue", lang).lower())
        open_term = escape(text("site.term_open", lang))
        # Catalogue text is tagged with its language only where the page's differs
        # (a row is repeated 1,000 times a page: every byte counts).
        catalogue_lang = self.model.strategy.language
        tag = f' lang="{catalogue_lang}"' if catalogue_lang != lang else ""
        cutoffs = [(f"{y}y", _years_before(self.model.as_of, y)) for y in STALE_YEARS]
        for page in self.model.actions:
            a = page.action
            status = page.current_status
            name = status.value if status else "none"
            last = page.last_update
            stale = (
                "never " + " ".join(k for k, _ in cutoffs)
                if last is None
                else " ".join(key for key, day in cutoffs if last < day)
            )
            if page.horizon:
                end = escape(text("site.term_end_year", lang, year=page.horizon.year))
                end_cell = f"{end} ({expired})" if page.overdue else str(end)
            else:
                end_cell = str(open_term) if a.term else "—"
            # "(2016)": the status printed in the strategy (not for a later addition)
            since = f" {baseline}" if last is None and baseline and a.added is None else ""
            updated = (
                f'<time datetime="{last.isoformat()}">{escape(date_text(last, lang))}</time>'
                if last
                else str(never)
            )
            rows.append(
                f'<tr data-id="{a.id}" data-goal="{" ".join(g.key for g in page.goals_reached)}"'
                f' data-quality="{escape(" ".join(a.qualities))}" data-status="{name}"'
                f' data-term="{a.term.value if a.term else "none"}" data-kind="{a.kind.value}"'
                f' data-owner="{" ".join(page.owners)}"'
                f' data-overdue="{"yes" if page.overdue else "no"}" data-stale="{stale}"'
                f' data-end="{page.horizon.isoformat() if page.horizon else ""}"'
                f' data-updated="{last.isoformat() if last else ""}">'
                f'<td><a href="actions/{a.id}.html"><b class="id">{a.id}</b>'
                f" <span{tag}>{esc(a.title)}</span></a>"
                f'<td><span class="status status-{name}">{status_text[status]}</span>{since}'
                f"<td>{end_cell}<td>{updated}"
                f"<td{tag}>{esc(a.owner)}"
            )
        return rows

    def list_css(self) -> bytes:
        """The action list's own stylesheet, made per build: the filters without
        JavaScript (each choice hides the rows it excludes, with ``:has()``) and
        the labels of a row shown as a card on a small screen."""
        filters = getattr(self, "_list_filters", None) or self.filters()
        rules = []
        for name, options in filters.items():
            for value, _, _ in options:
                if not re.fullmatch(r"[a-z0-9-]+", value):
                    continue  # keys are slugs; anything else is not a CSS-safe value
                rules.append(
                    f'html:not(.js) main:has(#f-{name} option[value="{value}"]:checked)'
                    f' #action-list tbody tr:not([data-{name}~="{value}"]){{display:none}}'
                )
        lang = self.lang
        labels = [
            text("field.status", lang),
            text("site.term_end", lang),
            text("field.last_update", lang),
            text("field.owner", lang),
        ]
        cards = "\n".join(
            f"  #action-list td:nth-child({n})::before{{content:{css_string(label + ': ')}}}"
            for n, label in enumerate(labels, 2)
        )
        shown = css_string(text("site.list.shown", lang))
        return (
            "/* rrs site: the action list (made per build by site/pages.py). */\n"
            + "\n".join(rules)
            + f"\nhtml:not(.js) .nojs-count::before{{content:{shown} counter(shown)}}\n"
            + f"@media (max-width: 40rem) {{\n{cards}\n}}\n"
        ).encode("utf-8")

    def organisations(self) -> Iterator[tuple[str, str]]:
        orgs = self.model.organisations
        if not self.split_orgs:
            yield (
                "organisations.html",
                self.page("organisations.html", "organisations.html", body=self.org_body(orgs, "")),
            )
            return
        index = [Markup('<h2 id="letters">'), escape(text("site.organisations.letters", self.lang))]
        index.append(Markup('</h2>\n<ul class="letters">'))
        for path, members in self.org_pages.items():
            index.append(
                Markup(f'<li><a href="{path}">')
                + escape(org_page_name(path))
                + Markup("</a> ")
                + escape(plural("site.organisations.count", len(members), self.lang))
                + Markup("</li>")
            )
        index.append(Markup("</ul>"))
        yield (
            "organisations.html",
            self.page("organisations.html", "organisations.html", body=Markup("").join(index)),
        )
        for path, members in self.org_pages.items():
            yield path, self.page("organisations.html", path, body=self.org_body(members, "../"))

    def org_body(self, orgs: list[Organisation], root: str) -> Markup:
        lang = self.lang
        owns = escape(text("site.owns", lang))
        partner_in = escape(text("site.partner_in", lang))
        also = escape(text("site.also_written", lang))
        catalogue_lang = self.model.strategy.language
        tag = f' lang="{catalogue_lang}"' if catalogue_lang != lang else ""
        out = []
        for org in orgs:
            out.append(f'<section class="org"><h2 id="org-{org.key}"{tag}>{esc(org.name)}</h2>')
            others = [s for s in org.spellings if s != org.name]
            if others:
                out.append(f"<p>{also}: <span{tag}>{esc(', '.join(others))}</span></p>")
            for label, actions in ((owns, org.owns), (partner_in, org.partner_in)):
                if actions:
                    items = "".join(
                        f'<li><a href="{root}actions/{a.id}.html"><b class="id">{a.id}</b>'
                        f" <span{tag}>{esc(a.title)}</span></a></li>"
                        for a in actions
                    )
                    heading = f'<p class="label">{label} ({len(actions)}):</p>'
                    out.append(f'{heading}<ul class="actions">{items}</ul>')
            out.append("</section>")
        return Markup("\n".join(out))

    def report(self) -> Iterator[tuple[str, str]]:
        document = self.report_document()
        parts = self.report_parts()
        word = text("site.table", self.lang)
        yield (
            "report.html",
            wrap_tables(
                self.page(
                    "report.html",
                    "report.html",
                    document=document,
                    report_parts=parts,
                    parts_limit=REPORT_SPLIT,
                    action_href=_action_href(""),
                ),
                word,
            ),
        )
        for part in parts["goals"] + parts["appendix"]:
            page = self.page(
                "report_part.html",
                part.path,
                document=document,
                part=part,
                action_href=_action_href("../" * part.path.count("/")),
            )
            yield part.path, wrap_tables(page, word)

    def network_page(self) -> str:
        m = self.model
        whole = self.network(
            [p.action for p in m.actions], text("site.network_whole", self.lang), ""
        )
        per_goal = [(g, self.network(g.members, self.name(g.goal), "")) for g in m.goals]
        return self.page("network.html", "network.html", whole=whole, per_goal=per_goal)

    def data_page(self) -> str:
        groups: dict[str, list[tuple[KnownIssue, str]]] = {}
        for issue in self.model.data.issues:
            kind = issue.kind if issue.kind in (*TOLD_KINDS, "inferred") else "other"
            groups.setdefault(kind, []).append((issue, self.issue_text(issue)))
        order = ["inferred", *TOLD_KINDS, "other"]
        issue_groups = [
            (text(f"issue.{kind}.kind", self.lang), groups[kind])
            for kind in order
            if kind in groups
        ]
        strategy = self.model.strategy
        short = strategy.horizon_years(Term.SHORT)
        medium = strategy.horizon_years(Term.MEDIUM)
        made_derived = (
            text("site.data.made_derived", self.lang, short=short, medium=medium)
            if short is not None and medium is not None and strategy.year
            else ""
        )
        return self.page(
            "data.html",
            "data.html",
            issue_groups=issue_groups,
            made_derived=made_derived,
            licence_text=self.licence_text(),
        )

    def licence_text(self) -> Markup:
        licence = self.model.strategy.licence
        if licence is None:
            return escape(text("site.data.licence_none", self.lang))
        name = esc(licence.name)
        if licence.url and _WEB.fullmatch(licence.url):
            name = Markup(f'<a href="{escape(licence.url)}" rel="license">') + name + Markup("</a>")
        return self.tm("site.data.licence_given", licence=name)

    def basics(self) -> Iterator[tuple[str, str]]:
        """Accessibility statement, privacy, contact, colophon and the 404 page."""
        strategy = self.model.strategy
        settings = strategy.site
        accessibility = settings.accessibility if settings else None
        feedback = (accessibility.feedback if accessibility else None) or self.model.contact
        publisher_span = (
            self.catalogue_span(self.publisher)
            if self.publisher
            else escape(text("site.accessibility.publisher_unknown", self.lang))
        )
        source = strategy.source
        if source and source.publisher:
            colophon_source = self.tm(
                "site.colophon.source",
                name=self.catalogue_span(source.title),
                publisher=self.catalogue_span(source.publisher),
                year=source.year or strategy.year or "—",
            )
        else:
            colophon_source = self.tm(
                "site.colophon.source_plain", name=self.catalogue_span(self.site_name)
            )
        context = {
            "accessibility": accessibility,
            "feedback": feedback,
            "publisher_span": publisher_span,
            "colophon_source": colophon_source,
            "licence_text": self.licence_text(),
        }
        for path in BASICS:
            yield path, self.page(path, path, **context)
        yield "404.html", self.not_found()

    def not_found(self) -> str:
        """The page a web server shows for a missing address, at any depth: with
        --base-url its links are absolute, else relative to the site's root."""
        html = self.page("not_found.html", "404.html", alternate_override=None)
        base = self.model.base_url
        if not base:
            return html
        prefix = base.rstrip("/") + "/"
        return re.sub(r'(href|src)="(?!#|mailto:|[a-z]+://)', rf'\1="{prefix}', html)

    def csv_files(self) -> Iterator[tuple[str, bytes]]:
        yield "data/actions.csv", self.actions_csv()
        yield "data/findings.csv", self.findings_csv()

    def actions_csv(self) -> bytes:
        """Every action as one row, the columns in the catalogue's own field names."""
        header = [
            "id", "kind", "title", "goal", "goals_reached", "owner", "partners", "funding",
            "status", "status_text", "current_status", "last_update", "term", "term_text",
            "end_of_term", "term_expired", "qualities", "links", "links_inferred",
            "links_all_flywheels",
        ]  # fmt: skip
        rows: list[list[object]] = [list(header)]
        for page in self.model.actions:
            a = page.action
            rows.append(
                [
                    a.id, a.kind.value, a.title, a.goal or "",
                    " ".join(g.key for g in page.goals_reached), a.owner, a.partners, a.funding,
                    a.status.value if a.status else "", a.status_text,
                    page.current_status.value if page.current_status else "",
                    page.last_update.isoformat() if page.last_update else "",
                    a.term.value if a.term else "", a.term_text,
                    page.horizon.isoformat() if page.horizon else "",
                    "yes" if page.horizon_passed else "no", " ".join(a.qualities),
                    " ".join(a.links), " ".join(a.links_inferred),
                    "yes" if a.links_all_flywheels else "no",
                ]
            )  # fmt: skip
        return csv_text(rows)

    def findings_csv(self) -> bytes:
        """What `rrs validate` found, for the technically minded (codes, files, lines)."""
        rows: list[list[object]] = [
            ["file", "line", "column", "code", "severity", "field", "message", "accepted"]
        ]
        for item in self.model.data.findings:
            rows.append(
                [
                    item.file, item.line or "", item.column or "", item.code,
                    item.severity.value, item.field, item.message, item.accepted or "",
                ]
            )  # fmt: skip
        return csv_text(rows)


def goal_items(page: GoalPage) -> int:
    """How many action items a goal page lists in full."""
    return sum(1 + len(connected) for _, connected in page.flywheels) + len(page.unattached)


# Lengths of "no progress recorded since" choices in the action list, in years.
STALE_YEARS = (1, 2)
_WEB = re.compile(r"https?://[^\s<>\"'`\\]+", re.IGNORECASE)


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def mail_link(address: str) -> Markup:
    return (
        Markup(f'<a href="mailto:{escape(quote(address, safe="@"))}">')
        + esc(address)
        + Markup("</a>")
    )


# A heading, a table, or a table the report already puts in a scrolling box.
_HEADING_OR_TABLE = re.compile(
    r"<h[1-3][^>]*>(.*?)</h[1-3]>|<div class=\"rrs-scroll\"[^>]*>\s*<table\b.*?</table>"
    r"|<table\b|</table>",
    re.DOTALL,
)
_TAG = re.compile(r"<[^>]+>")


def wrap_tables(html: str, word: str) -> str:
    """Each table of the report in a box that scrolls on its own (focusable, and
    named "Table: " and the heading above it), so that a wide table never widens
    the page."""
    out: list[str] = []
    names: dict[str, int] = {}
    heading = ""
    position = 0
    for match in _HEADING_OR_TABLE.finditer(html):
        out.append(html[position : match.start()])
        token = match.group(0)
        if token.startswith("<h"):
            heading = " ".join(_TAG.sub("", match.group(1)).split())  # already escaped
            out.append(token)
        elif token.startswith("<div"):
            out.append(token)
        elif token == "</table>":
            out.append("</table></div>")
        else:
            names[heading] = names.get(heading, 0) + 1
            name = f"{word}: {heading}"
            name = name if names[heading] == 1 else f"{name} ({names[heading]})"
            out.append(
                f'<div class="table-wrap" tabindex="0" role="region" aria-label="{name}"><table'
            )
        position = match.end()
    out.append(html[position:])
    return "".join(out)


# The size of one page of organisations, counted as links to actions (about 100
# bytes each) plus three for each organisation's heading and labels: a first
# letter with more gets more pages (organisations/t.html, t-2.html, ...).
ORG_PAGE_LINKS = 2000


def org_pages(organisations: list[Organisation]) -> dict[str, list[Organisation]]:
    """The pages of a large catalogue's organisations, by first letter, each with at
    most ORG_PAGE_LINKS links to actions (an organisation is never split)."""
    letters: dict[str, list[Organisation]] = {}
    for org in organisations:
        letters.setdefault(_letter(org.key), []).append(org)
    pages: dict[str, list[Organisation]] = {}
    for letter, members in sorted(letters.items()):
        number, links = 1, 0
        for org in members:
            size = 3 + len(org.owns) + len(org.partner_in)
            if links and links + size > ORG_PAGE_LINKS:
                number, links = number + 1, 0
            path = (
                f"organisations/{letter}.html"
                if number == 1
                else (f"organisations/{letter}-{number}.html")
            )
            pages.setdefault(path, []).append(org)
            links += size
    return pages


def org_page_name(path: str) -> str:
    """ "T", "T (2)" for organisations/t.html, organisations/t-2.html."""
    stem = path.rsplit("/", 1)[-1].removesuffix(".html")
    letter, _, number = stem.partition("-")
    shown = letter.upper() if letter != "other" else "#"
    return f"{shown} ({number})" if number else shown


def list_path(number: int) -> str:
    """Page ``number`` of the action list (``actions.html`` is the first)."""
    return "actions.html" if number == 1 else f"actions-{number}.html"


def _letter(key: str) -> str:
    first = key[:1]
    return first if first.isascii() and first.isalnum() else "other"


class SitePages:
    """The rendered site: its page count (for a progress bar) and its files."""

    def __init__(
        self,
        model: SiteModel,
        catalogue: Catalogue,
        graph: LinkGraph,
        *,
        search: bool,
        other_site: str | None = None,
        theme: bytes | None = None,
    ) -> None:
        self._site = _Site(
            model, catalogue, graph, search=search, other_site=other_site, theme=theme is not None
        )
        self.catalogue = catalogue
        self.graph = graph
        self.theme = theme

    def count(self) -> int:
        return self._site.count()

    def files(self, tick: Callable[[], None] | None = None) -> Iterator[tuple[str, bytes]]:
        yield from self.action_files(tick)
        yield from self.other_files(tick)

    def action_files(self, tick: Callable[[], None] | None = None) -> Iterator[tuple[str, bytes]]:
        """The action pages (the search indexer's input), written first."""
        yield from _encoded(self._site.action_pages(), tick)

    def other_files(self, tick: Callable[[], None] | None = None) -> Iterator[tuple[str, bytes]]:
        yield from _encoded(self._site.other_pages(), tick)
        for target, source in ASSETS.items():
            yield target, _static(source)
        # The printed report's footer (its title, date and catalogue version): a file,
        # as the site's CSP allows no inline style.
        yield "assets/report-page.css", page_css(self._site.report_document()).encode()
        yield "assets/list.css", self._site.list_css()
        if self.theme is not None:
            yield "assets/theme.css", self.theme
        yield "data/export.json", to_json(export_document(self.catalogue, self.graph)).encode()
        yield from self._site.csv_files()
        yield MARKER, b"Built by rrs site. This folder is replaced whole by the next build.\n"


def _encoded(
    pages: Iterator[tuple[str, str]], tick: Callable[[], None] | None
) -> Iterator[tuple[str, bytes]]:
    for path, page in pages:
        if tick:
            tick()
        yield path, page.encode("utf-8")


def _action_href(root: str) -> Callable[[str], str]:
    """The report's rows link to the action pages (ids are letters or digits only)."""
    return lambda action_id: f"{root}actions/{action_id}.html"


def _static(name: str) -> bytes:
    return (resources.files("rrs_cli") / "static").joinpath(*name.split("/")).read_bytes()


__all__ = ["CSP", "MARKER", "SitePages", "date_text", "esc", "mailto", "slug"]
