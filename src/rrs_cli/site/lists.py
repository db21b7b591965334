"""The two lists of the website that grow with the catalogue: the action list
(paged past LIST_PAGE rows, with its filters and their stylesheet) and the
organisations (one page per first letter past ORG_PAGE_LIMIT).

Their rows are f-strings with the same escaping as the templates, because a
compact row matters at 10,000 actions.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date

from markupsafe import Markup, escape

from ..i18n import (
    plural,
    status_label,
    term_label,
    text,
)
from ..models import Kind, Term
from .common import (
    LIST_PAGE,
    ORG_PAGE_LIMIT,
    STATUS_ORDER,
    SiteBase,
    css_string,
    date_text,
    esc,
    org_page_name,
)
from .model import Organisation

# Lengths of "no progress recorded since" choices in the action list, in years.
STALE_YEARS = (1, 2)


def _years_before(day: date, years: int) -> date:
    if day.year - years < date.min.year:  # --as-of 0001-01-01: no day lies before
        return date.min
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def list_path(number: int) -> str:
    """Page ``number`` of the action list (``actions.html`` is the first)."""
    return "actions.html" if number == 1 else f"actions-{number}.html"


class ListPages(SiteBase):
    """The action list's pages and stylesheet, and the organisations' pages."""

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
        the labels of a row shown as a card on a phone or tablet (up to 60rem, as in
        site.css)."""
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
            + f"@media screen and (max-width: 60rem) {{\n{cards}\n}}\n"  # as in site.css
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
