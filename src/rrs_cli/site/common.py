"""What every page of the website shares: its constants, the small HTML helpers
and :class:`SiteBase`, the state of one build (the Jinja2 environment, the
catalogue, the organisation pages) with the helpers its templates call.

The page families build on it: ``site/lists.py`` (the action list and the
organisations) and ``site/pages.py`` (every other page, and :class:`SitePages`).
"""

from __future__ import annotations

import csv
import io
from datetime import date
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
    status_label,
    term_label,
    text,
)
from ..models import Action, Goal, Quality, Status, Term
from ..render.graph import network
from ..render.html import environment
from ..render.report_document import Document
from ..render.report_layout import layout
from ..render.text import visible
from . import svg
from .model import TOLD_KINDS, KnownIssue, Organisation, SiteModel
from .report_parts import Part, report_parts

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


def mail_link(address: str) -> Markup:
    return (
        Markup(f'<a href="mailto:{escape(quote(address, safe="@"))}">')
        + esc(address)
        + Markup("</a>")
    )


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


def _letter(key: str) -> str:
    first = key[:1]
    return first if first.isascii() and first.isalnum() else "other"


class SiteBase:
    """One build of the site: the model, the template environment and the helpers
    the templates and the page families share."""

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

    def report_document(self) -> Document:
        """The report's layout, the same the standalone report draws."""
        if self._report_document is None:
            self._report_document = layout(self.model.report, self.lang)
        return self._report_document

    def report_parts(self) -> dict[str, list[Part]]:
        if self._parts is None:
            self._parts = report_parts(self.model.report, self.report_document())
        return self._parts
