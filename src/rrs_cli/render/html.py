"""The HTML renderers' shared Jinja2 environment.

Templates live in ``rrs_cli/templates`` and are autoescaped: every catalogue
string is HTML-escaped unless a template says otherwise, so a title holding
``<script>`` renders as text. Interface strings come from ``i18n`` through the
``t`` global (``{{ t("field.owner") }}``), with the page's language bound by
:func:`environment`. Used by ``rrs report --format html`` and ``rrs site``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from ..i18n import Language, format_date, name_in, plural, status_label, term_label, text
from .text import visible

if TYPE_CHECKING:
    from markupsafe import Markup

    from .report_document import Cell


@cache
def _base() -> Any:
    # Jinja is imported here, not at the top: only HTML output loads it (start-up speed).
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=PackageLoader("rrs_cli", "templates"),
        # No bytecode cache: Jinja's sits at a predictable path in the shared
        # temporary folder, where another user can plant a link or a compiled
        # template (code); compiling the templates costs a moment per run.
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,  # a misspelt variable is an error, not an empty string
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Every printed string: control and invisible characters shown as
        # escapes (newlines kept, HTML folds them), then autoescaped.
        # Markup (the package's own CSS, `| safe`) is left as it is.
        finalize=lambda value: (
            visible(value, keep_newlines=True)
            if isinstance(value, str) and not hasattr(value, "__html__")
            else value
        ),
    )


def environment(lang: Language) -> Any:
    """An environment whose ``t``, ``plural``, ``name_in`` (a goal's, quality's or
    strategy's name), ``status_label``, ``term_label`` and ``format_date`` speak ``lang``."""
    env = _base().overlay()
    # An overlay shares its parent's globals dict: a copy of its own, so that
    # two languages built in one process do not overwrite each other's strings.
    env.globals = dict(env.globals)
    env.globals.update(
        lang=lang,
        t=lambda key, **fields: text(key, lang, **fields),
        plural=lambda key, count, **fields: plural(key, count, lang, **fields),
        status_label=lambda status: status_label(status, lang),
        term_label=lambda term: term_label(term, lang),
        format_date=lambda day: format_date(day, lang),
        name_in=lambda item: name_in(item, lang),
        report_rows=report_rows,
    )
    return env


def report_rows(
    rows: list[list[Cell]], header: int, action_href: Callable[[str], str] | None = None
) -> Markup:
    """The report's table rows (render/report_document.py cells) as HTML, one line a row.

    Written in Python, not as a template macro: a large catalogue's report has
    hundreds of thousands of cells, and a macro call per cell doubled its time.
    Text is escaped as the templates escape it (invisible characters shown, then
    HTML-escaped); ``action_href`` links the cells that name an action (the site)."""
    from markupsafe import Markup, escape

    def shown(value: str) -> str:
        return str(escape(visible(value)))

    def linked(action: str | None, label: str) -> str:
        if action and action_href is not None:
            return f'<a href="{escape(action_href(action))}">{shown(label)}</a>'
        return shown(label)

    def content(cell: Cell) -> str:
        if cell.ids:
            return ", ".join(linked(i, i) for i in cell.ids)
        if cell.lead:
            return f"<strong>{linked(cell.action, cell.lead)}</strong> {shown(cell.text)}"
        if cell.day:
            return f'<time datetime="{cell.day.isoformat()}">{shown(cell.text)}</time>'
        if cell.strong:
            return f"<strong>{linked(cell.action, cell.text)}</strong>"
        return linked(cell.action, cell.text)

    lines = []
    for cells in rows:
        parts = []
        for index, cell in enumerate(cells):
            kind = " ".join(
                c for c in ("num" if cell.number else "", "rrs-gap" if cell.gap else "") if c
            )
            cls = f' class="{kind}"' if kind else ""
            if cell.lang:
                cls += f' lang="{escape(cell.lang)}"'
            if index == header:
                parts.append(f'<th scope="row"{cls}>{content(cell)}</th>')
            else:
                parts.append(f"<td{cls}>{content(cell)}</td>")
        lines.append(f"<tr>{''.join(parts)}</tr>")
    return Markup("\n".join(lines))


def render(template: str, lang: Language, **context: Any) -> str:
    return str(environment(lang).get_template(template).render(**context))
