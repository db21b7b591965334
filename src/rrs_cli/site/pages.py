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

import json
import secrets
from collections.abc import Callable, Iterator
from datetime import date
from importlib import resources
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from ..catalogue import Catalogue
from ..graph import LinkGraph
from ..i18n import MESSAGES, Language, format_date, plural, status_label, term_label, text
from ..models import UNNAMED_STRATEGY, Action, Goal, Kind, Quality, Status, Term
from ..query import fold
from ..render.export import export_document, to_json
from ..render.graph import network
from ..render.html import environment
from ..render.text import visible
from . import svg
from .model import Organisation, SiteModel, slug
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


class _Site:
    def __init__(
        self, model: SiteModel, catalogue: Catalogue, graph: LinkGraph, *, search: bool
    ) -> None:
        self.model = model
        self.catalogue = catalogue
        self.graph = graph
        self.search = search
        self.lang = model.lang
        self.env = environment(model.lang)
        self.svg = svg
        self.current = {p.action.id: p.current_status for p in model.actions}
        self.split_orgs = len(model.organisations) > ORG_PAGE_LIMIT
        self.org_names = {o.key: o.name for o in model.organisations}
        strategy = model.strategy
        self.site_name = strategy.name if self.lang == strategy.language else strategy.name_en
        year = strategy.year
        self.status_heading = (
            text("field.status_at_publication", self.lang, year=year)
            if year
            else text("field.status_initial", self.lang)
        )
        self.env.globals.update(
            site_name=self.site_name,
            strategy=strategy,
            model=model,
            csp=CSP,
            nav=NAV,
            catalogue_lang=strategy.language,
            as_of_text=date_text(model.as_of, self.lang),
            date_text=lambda day: date_text(day, self.lang),
            paragraphs=paragraphs,
            status_of=self.current,
            goals=catalogue.goals,
            qualities=catalogue.qualities,
            org_names=self.org_names,
            stacked_bar=lambda counts: stacked_bar(counts, self.lang),
            cross_cutting=model.cross_cutting,
            cross_shown=CROSS_SHOWN,
            is_accepted=lambda finding: bool(getattr(finding, "accepted", False)),
        )
        self.env.globals.update(
            # Every interface string without placeholders, looked up without a call.
            L={key: text(key, self.lang) for key in MESSAGES},
            badge=self.badge,
            goal_link=self.goal_link,
            quality_link=self.quality_link,
            org_links=self.org_links,
        )
        self.goal_counts = {g.key: (fw, conn) for g, fw, conn in model.by_goal}
        self._badges: dict[Status | None, Markup] = {}
        self._shell: tuple[str, str, str] | None = None
        # Where the action pages' title, body and canonical link go in the shell:
        # a random token per build, so no catalogue text can hold a marker.
        token = secrets.token_hex(16)
        self._marks = tuple(
            f"\ue000rrs-{part}-{token}\ue000" for part in ("title", "main", "canonical")
        )
        self._body = self.env.get_template("site/action_body.html")
        self._parts: dict[str, list[Part]] | None = None

    # -- helpers -------------------------------------------------------------

    def name(self, item: Goal | Quality) -> str:
        return item.name_nl if self.lang == "nl" else item.name_en

    def org_href(self, key: str, root: str) -> str:
        if self.split_orgs:
            return f"{root}organisations/{_letter(key)}.html#org-{key}"
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

    def org_links(self, value: str, keys: list[str]) -> Markup:
        """An owner or partners field as printed, with links to its organisations."""
        if not value:
            return escape(text("value.none", self.lang))
        span = Markup(f'<span lang="{self.model.strategy.language}">')
        links = Markup(", ").join(
            Markup(f'<a href="{self.org_href(key, "../")}">')
            + esc(self.org_names[key])
            + Markup("</a>")
            for key in keys
        )
        if len(keys) == 1 and fold(self.org_names[keys[0]]) == fold(value.strip(" .")):
            # The text is the organisation's name: the link alone, never
            # "Gemeente Zeeveen (Gemeente Zeeveen)".
            return span + links + Markup("</span>")
        out = span + esc(value) + Markup("</span>")
        if keys:
            out += Markup(' <span class="orgs" data-pagefind-ignore>(') + links
            out += Markup(")</span>")
        return out

    def shell(self) -> tuple[str, str, str]:
        """An action page's surroundings, rendered once: (before title, before main, after)."""
        if self._shell is None:
            marks = self._marks
            html = self.page(
                "shell.html",
                "actions/_.html",
                shell_title=marks[0],
                shell_main=marks[1],
                canonical_override=marks[2] if self.model.base_url else None,
            )
            before_title, rest = html.split(marks[0])
            before_main, after = rest.split(marks[1])
            self._shell = (before_title, before_main, after)
        return self._shell

    def page(self, template: str, path: str, **context: Any) -> str:
        root = "../" * path.count("/")
        canonical = f"{self.model.base_url.rstrip('/')}/{path}" if self.model.base_url else None
        if "canonical_override" in context:
            canonical = context.pop("canonical_override")
        tpl = self.env.get_template(f"site/{template}")
        return str(tpl.render(root=root, current=path, canonical=canonical, **context))

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
        drawn = self.svg.network_svg(
            net,
            href=lambda action_id: f"{root}actions/{action_id}.html",
            title=title,
            lang=self.lang,
        )
        return Markup('<div class="network">') + Markup(drawn) + Markup("</div>")

    def bar_chart(self, items: list[tuple[str, int]], title: str) -> Markup:
        return Markup(self.svg.bar_chart_svg(items, title=title))

    # -- pages ---------------------------------------------------------------

    def count(self) -> int:
        m = self.model
        orgs = len({_letter(o.key) for o in m.organisations}) if self.split_orgs else 0
        parts = self.report_parts()
        report = len(parts["goals"]) + len(parts["appendix"])
        lists = max(1, -(-len(m.actions) // LIST_PAGE))
        return 8 + lists + len(m.actions) + len(m.goals) + len(m.qualities) + orgs + report

    def report_parts(self) -> dict[str, list[Part]]:
        if self._parts is None:
            self._parts = report_parts(self.model.report, self.lang)
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
                    network=self.network(goal_page.members, self.name(goal_page.goal), "../"),
                ),
            )
        for quality_page in self.model.qualities:
            path = f"qualities/{quality_page.quality.key}.html"
            yield path, self.page("quality.html", path, page=quality_page)
        yield from self.organisations()
        yield "network.html", self.network_page()
        yield from self.report()
        yield "data.html", self.page("data.html", "data.html")
        yield "search.html", self.page("search.html", "search.html", search_available=self.search)

    def home(self) -> str:
        lang = self.lang
        m = self.model
        status_rows = [(status_label(s, lang), n) for s, n in m.by_status]
        goal_rows = [(f"{g.number}. {self.name(g)}", fw + conn) for g, fw, conn in m.by_goal]
        term_rows = [(term_label(t, lang), n) for t, n in m.by_term]
        charts = {
            "status": self.bar_chart(status_rows, text("site.chart.status", lang)),
            "goals": self.bar_chart(goal_rows, text("site.chart.goals", lang)),
            "terms": self.bar_chart(term_rows, text("site.chart.terms", lang)),
        }
        rows = {"status": status_rows, "goals": goal_rows, "terms": term_rows}
        return self.page(
            "index.html",
            "index.html",
            charts=charts,
            rows=rows,
            goal_counts=self.goal_counts,
            named=m.strategy != UNNAMED_STRATEGY,
        )

    def action(self, page: Any, path: str) -> str:
        action = page.action
        contact = self.model.contact
        link = None
        if contact:
            subject = text("site.respond_subject", self.lang, id=action.id, title=action.title)
            link = mailto(contact, subject)
        body = self._body.render(
            root="../",
            a=action,
            page=page,
            status_heading=self.status_heading,
            mailto=link,
            contact=contact or "",
        )
        before_title, before_main, after = self.shell()
        title = esc(f"{action.id} {action.title}")
        if self.model.base_url:
            canonical = str(escape(f"{self.model.base_url.rstrip('/')}/{path}"))
            before_main = before_main.replace(self._marks[2], canonical)
        return f"{before_title}{title}{before_main}{body}{after}"

    def filters(self) -> dict[str, list[tuple[str, str, str]]]:
        lang = self.lang
        goals = sorted(self.catalogue.goals.values(), key=lambda g: g.number)
        used_status = {p.current_status for p in self.model.actions}
        used_terms = {p.action.term for p in self.model.actions}
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
                ),
            )

    def list_rows(self) -> list[str]:
        rows = []
        lang = self.lang
        status_text = {s: escape(status_label(s, lang)) for s in STATUS_ORDER}
        term_text = {t: escape(term_label(t, lang)) for t in [*Term, None]}
        for page in self.model.actions:
            a = page.action
            status = page.current_status
            rows.append(
                f'<tr data-id="{a.id}" data-goal="{" ".join(g.key for g in page.goals_reached)}"'
                f' data-quality="{escape(" ".join(a.qualities))}"'
                f' data-status="{status.value if status else "none"}"'
                f' data-term="{a.term.value if a.term else "none"}" data-kind="{a.kind.value}"'
                f' data-owner="{" ".join(page.owners)}">'
                f'<td><a href="actions/{a.id}.html">{a.id}</a><td>{esc(a.title)}'
                f"<td>{status_text[status]}<td>{term_text[a.term]}<td>{esc(a.owner)}"
            )
        return rows

    def organisations(self) -> Iterator[tuple[str, str]]:
        orgs = self.model.organisations
        if not self.split_orgs:
            yield (
                "organisations.html",
                self.page("organisations.html", "organisations.html", body=self.org_body(orgs, "")),
            )
            return
        letters: dict[str, list[Organisation]] = {}
        for org in orgs:
            letters.setdefault(_letter(org.key), []).append(org)
        index = [Markup('<h2 id="letters">'), escape(text("site.organisations.letters", self.lang))]
        index.append(Markup('</h2>\n<ul class="letters">'))
        for letter, members in sorted(letters.items()):
            index.append(
                Markup(f'<li><a href="organisations/{letter}.html">')
                + escape(letter.upper())
                + Markup("</a> ")
                + escape(plural("site.organisations.count", len(members), self.lang))
                + Markup("</li>")
            )
        index.append(Markup("</ul>"))
        yield (
            "organisations.html",
            self.page("organisations.html", "organisations.html", body=Markup("").join(index)),
        )
        for letter, members in sorted(letters.items()):
            path = f"organisations/{letter}.html"
            yield path, self.page("organisations.html", path, body=self.org_body(members, "../"))

    def org_body(self, orgs: list[Organisation], root: str) -> Markup:
        lang = self.lang
        owns = escape(text("site.owns", lang))
        partner_in = escape(text("site.partner_in", lang))
        also = escape(text("site.also_written", lang))
        out = []
        for org in orgs:
            out.append(f'<section class="org"><h2 id="org-{org.key}">{esc(org.name)}</h2>')
            others = [s for s in org.spellings if s != org.name]
            if others:
                out.append(f"<p>{also}: {esc(', '.join(others))}</p>")
            for label, actions in ((owns, org.owns), (partner_in, org.partner_in)):
                if actions:
                    links = " ".join(
                        f'<a href="{root}actions/{a.id}.html">{a.id}</a>' for a in actions
                    )
                    out.append(f'<p><span class="label">{label}:</span> {links}</p>')
            out.append("</section>")
        return Markup("\n".join(out))

    def report(self) -> Iterator[tuple[str, str]]:
        report = self.model.report
        parts = self.report_parts()
        yield (
            "report.html",
            self.page(
                "report.html",
                "report.html",
                report=report,
                report_parts=parts,
                parts_limit=REPORT_SPLIT,
            ),
        )
        for part in parts["goals"] + parts["appendix"]:
            yield part.path, self.page("report_part.html", part.path, report=report, part=part)

    def network_page(self) -> str:
        m = self.model
        whole = self.network(
            [p.action for p in m.actions], text("site.network_whole", self.lang), ""
        )
        per_goal = [(g.goal, self.network(g.members, self.name(g.goal), "")) for g in m.goals]
        return self.page("network.html", "network.html", whole=whole, per_goal=per_goal)


def list_path(number: int) -> str:
    """Page ``number`` of the action list (``actions.html`` is the first)."""
    return "actions.html" if number == 1 else f"actions-{number}.html"


def _letter(key: str) -> str:
    first = key[:1]
    return first if first.isascii() and first.isalnum() else "other"


class SitePages:
    """The rendered site: its page count (for a progress bar) and its files."""

    def __init__(
        self, model: SiteModel, catalogue: Catalogue, graph: LinkGraph, *, search: bool
    ) -> None:
        self._site = _Site(model, catalogue, graph, search=search)
        self.catalogue = catalogue
        self.graph = graph

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
        yield "assets/site.css", _static("site.css")
        yield "assets/site.js", _static("site.js")
        yield "assets/report.css", _static("report.css")
        yield "assets/favicon.svg", _static("favicon.svg")
        yield "data/export.json", to_json(export_document(self.catalogue, self.graph)).encode()
        yield MARKER, b"Built by rrs site. This folder is replaced whole by the next build.\n"


def _encoded(
    pages: Iterator[tuple[str, str]], tick: Callable[[], None] | None
) -> Iterator[tuple[str, bytes]]:
    for path, page in pages:
        if tick:
            tick()
        yield path, page.encode("utf-8")


def _static(name: str) -> bytes:
    return (resources.files("rrs_cli") / "static" / name).read_bytes()


__all__ = ["CSP", "MARKER", "SitePages", "date_text", "esc", "mailto", "slug"]
