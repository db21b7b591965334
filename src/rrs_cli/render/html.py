"""The HTML renderers' shared Jinja2 environment.

Templates live in ``rrs_cli/templates`` and are autoescaped: every catalogue
string is HTML-escaped unless a template says otherwise, so a title holding
``<script>`` renders as text. Interface strings come from ``i18n`` through the
``t`` global (``{{ t("field.owner") }}``), with the page's language bound by
:func:`environment`. Used by ``rrs report --format html`` and ``rrs site``.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ..i18n import Language, format_date, plural, status_label, term_label, text
from .text import visible


@cache
def _base() -> Any:
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
    """An environment whose ``t``, ``status_label`` and ``term_label`` speak ``lang``."""
    env = _base().overlay()
    env.globals.update(
        lang=lang,
        t=lambda key, **fields: text(key, lang, **fields),
        plural=lambda key, count, **fields: plural(key, count, lang, **fields),
        status_label=lambda status: status_label(status, lang),
        term_label=lambda term: term_label(term, lang),
        format_date=lambda day: format_date(day, lang),
    )
    return env


def render(template: str, lang: Language, **context: Any) -> str:
    return str(environment(lang).get_template(template).render(**context))
