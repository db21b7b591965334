"""The website's pages as HTML text, from the page model in ``site/model.py``.

:class:`SitePages` yields ``(relative path, bytes)`` for every file of the site
except the search index (``build.py`` writes them and runs the indexer).
Pages are Jinja2 templates under ``templates/site/`` rendered with the
autoescaping environment of ``render/html.py``; the two lists that grow with
the catalogue (the action list's rows, the organisations) are built in
``site/lists.py`` with the same escaping, because a compact row matters at
10,000 actions, and what every page shares is in ``site/common.py``.

Every link is relative (``root`` is ``""`` or ``"../"``), so the site works
under any base path and from ``file://``. Nothing here writes a date other
than the model's ``as_of``, so the output is deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from importlib import resources

from markupsafe import Markup, escape

from ..catalogue import Catalogue
from ..graph import LinkGraph
from ..i18n import (
    status_label,
    term_label,
    text,
)
from ..models import UNNAMED_STRATEGY, Term
from ..render.export import export_document, records_to_json
from ..render.report import page_css
from .common import (
    ASSETS,
    BASICS,
    LIST_PAGE,
    MARK,
    MARKER,
    csv_text,
    esc,
    mailto,
)
from .lists import ListPages
from .model import TOLD_KINDS, ActionPage, GoalPage, KnownIssue, SiteModel
from .report_parts import REPORT_SPLIT

# More action items than this on a goal page (a connected action is listed under
# each of the goal's flywheels it is linked with): the page shows each flywheel
# with the number of its connected actions, and the filtered list has them all,
# so that no goal page is over 500 kB (about 2,300 items at 10,000 actions).
GOAL_LIST_LIMIT = 1500
_WEB = re.compile(r"https?://[^\s<>\"'`\\]+", re.IGNORECASE)


class _Site(ListPages):
    """Every page of one build (the lists come from :class:`ListPages`)."""

    def count(self) -> int:
        m = self.model
        orgs = len(self.org_pages)
        parts = self.report_parts()
        report = len(parts["goals"]) + len(parts["appendix"])
        lists = max(1, -(-len(m.actions) // LIST_PAGE))
        fixed = 8 + len(BASICS) + 1  # + the basic pages and 404.html
        return fixed + lists + len(m.actions) + len(m.goals) + len(m.qualities) + orgs + report

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
            # The report's own scroll box was named by its section's heading, as the
            # section is: named "Table: heading" here, two landmarks never share a name.
            box = re.sub(r'\saria-labelledby="[^"]*"', "", token.split(">", 1)[0])
            out.append(f'{box} aria-label="{word}: {heading}">{token.split(">", 1)[1]}')
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
    # The site's charts keep their drawn size and scroll on a phone (site.css): a
    # box that scrolls is reachable by keyboard.
    return "".join(out).replace(
        '<figure class="rrs-chart"', '<figure class="rrs-chart" tabindex="0"'
    )


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
        export = export_document(self.catalogue, self.graph)
        yield "data/export.json", records_to_json(export).encode()
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


__all__ = ["MARKER", "SitePages"]
