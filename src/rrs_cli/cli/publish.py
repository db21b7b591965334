"""Commands that publish: report (for the steering group), site (the website), init."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..choices import LanguageChoice, ReportFormat
from ..errors import UnknownChoiceError, UsageError
from .options import (
    LANG_HELP,
    GoalsOpt,
    check_base_url,
    check_contact,
    checked_date,
    label_language,
    language_choice,
)
from .output import STDOUT, interactive, plain, rich_console, site_progress, write_output
from .session import session_of

if TYPE_CHECKING:
    from ..i18n import Language
    from ..init import InitOptions

# The core is imported inside each command, not at the top, so that `rrs --help`
# loads no Pydantic models, YAML or rich, and a command only what it uses (start-up speed).

app = typer.Typer()


@app.command("report")
def report_command(
    ctx: typer.Context,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help="Show changes from this date on, the date itself included (YYYY-MM-DD): "
            "--since 2026-07-01 includes 1 July.",
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Report as it stood on this date, included (default: today)."),
    ] = None,
    goal: GoalsOpt = None,
    stale_days: Annotated[
        int,
        typer.Option("--stale-days", min=1, help="Flag actions with no update for this many days."),
    ] = 365,
    lang: Annotated[
        LanguageChoice | None,
        typer.Option("--lang", help=LANG_HELP),
    ] = None,
    output_format: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            "-f",
            help="markdown (shown with rich in a terminal), json, or html "
            "(one self-contained file for email and print).",
        ),
    ] = ReportFormat.MARKDOWN,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file (atomically) instead of the terminal; "
            "- writes the file's text to standard output.",
        ),
    ] = None,
) -> None:
    """Progress report for the steering group: summary, changes, attention, appendix."""
    from ..query import ActionFilter, resolve_goal
    from ..render import report as render
    from ..report import build_report

    report_date = checked_date(as_of, "--as-of") or date.today()
    since_date = checked_date(since, "--since")
    if since_date is not None and since_date > report_date:
        raise UnknownChoiceError(
            f"--since {since_date} is after --as-of {report_date}",
            hint="the period runs from --since up to and including --as-of",
        )
    catalogue, graph = session_of(ctx).open()
    lang_code = label_language(lang, catalogue.strategy.language)
    goal_filters = [resolve_goal(catalogue, value) for value in goal or []]
    actions = ActionFilter(goal=goal).select(catalogue, graph)
    report = build_report(
        catalogue,
        graph,
        actions,
        as_of=report_date,
        since=since_date,
        stale_days=stale_days,
        goal_filters=goal_filters,
    )
    if output_format is ReportFormat.JSON:
        text = render.json_text(report)
    elif output_format is ReportFormat.HTML:
        text = render.html(report, lang_code)
    elif output is not None or plain():
        text = render.markdown(report, lang_code)
    else:
        rich_console().print(render.terminal(report, lang_code))
        return
    write_output(text, output)


@app.command("site")
def site_command(
    ctx: typer.Context,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder to write the site into.")
    ] = Path("site"),
    lang: Annotated[
        LanguageChoice | None,
        typer.Option("--lang", help=LANG_HELP),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option("--base-url", help="Public address of the site, for canonical links."),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", help="Show the catalogue as it stood on this date (default: today)."
        ),
    ] = None,
    contact: Annotated[
        str | None,
        typer.Option("--contact", help="Address of the 'respond' links (default: strategy.yaml)."),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace a non-empty folder that rrs site did not make."),
    ] = False,
    serve: Annotated[
        bool, typer.Option("--serve", help="After building, preview the site on localhost.")
    ] = False,
    port: Annotated[
        int, typer.Option("--port", min=0, max=65535, help="Port for --serve (0: any free one).")
    ] = 8000,
) -> None:
    """Build the public website: static HTML, search index and JSON download."""
    from ..render import findings as render
    from ..site import build_site
    from ..validation import load_valid

    if output == STDOUT:
        raise UsageError(
            "rrs site writes a folder of files, which standard output (-) cannot hold",
            hint="give a folder: --output site",
        )
    session = session_of(ctx)
    day = checked_date(as_of, "--as-of") or date.today()
    contact = check_contact(contact) if contact else None
    base_url = check_base_url(base_url) if base_url else None
    catalogue, graph, found = load_valid(
        session.root,
        "the catalogue has errors; rrs site builds only from a valid catalogue",
        show_errors=lambda errors: sys.stderr.write(render.text(errors)),
    )
    chosen = label_language(lang, catalogue.strategy.language)
    with site_progress() as progress:
        result = build_site(
            catalogue,
            graph,
            found,
            output,
            lang=chosen,
            as_of=day,
            contact=contact,
            base_url=base_url,
            force=force,
            progress=progress,
        )
    if not result.search:
        typer.echo(
            "rrs: warning: Pagefind is not installed, so the site has no search "
            "(pip install 'pagefind[bin]')",
            err=True,
        )
    typer.echo(f"wrote {result.files} files to {output}", err=True)
    if serve:
        from ..site.serve import serve as serve_folder

        def announce(url: str) -> None:
            typer.echo(f"serving {output} at {url} (Ctrl-C stops)", err=True)
            typer.echo(url)

        serve_folder(output, port, announce)


@app.command("init")
def init_command(
    ctx: typer.Context,
    directory: Annotated[
        Path,
        typer.Argument(metavar="DIR", help="New catalogue folder (must not exist or be empty)."),
    ],
    from_bundled: Annotated[
        bool,
        typer.Option(
            "--from-bundled",
            help="Copy the catalogue bundled with rrs into DIR, to record progress in "
            "(a writable copy; the other options do not apply).",
        ),
    ] = False,
    city: Annotated[
        str | None, typer.Option("--city", help="The city, e.g. 'Example City'.")
    ] = None,
    name: Annotated[
        str | None,
        typer.Option("--name", help="The strategy's name in its own language."),
    ] = None,
    name_en: Annotated[
        str | None, typer.Option("--name-en", help="The strategy's name in English.")
    ] = None,
    published: Annotated[
        int | None,
        typer.Option("--published", help="Year of publication (term horizons count from it)."),
    ] = None,
    language: Annotated[
        LanguageChoice | None,
        typer.Option("--language", help="Language of the catalogue's text: nl or en."),
    ] = None,
    contact: Annotated[
        str | None, typer.Option("--contact", help="Contact e-mail address (optional).")
    ] = None,
    goals: Annotated[
        list[str] | None,
        typer.Option("--goal", help="A goal's name; repeat for more (default: one example)."),
    ] = None,
    yes: Annotated[
        bool,
        typer.Option(
            "--yes",
            "-y",
            help="Ask nothing; use the defaults for every value not given. "
            "Implied when standard input is not a terminal.",
        ),
    ] = False,
) -> None:
    """Start a new catalogue for a city's resilience strategy (asks, or takes options).

    DIR becomes the catalogue and its repository at once: the catalogue's files,
    a README whose commands work in it, a .gitignore for what rrs builds, and
    the pull-request gate in .github/workflows/. With --from-bundled, DIR is a
    copy of the catalogue bundled with rrs.
    """
    from ..init import copy_bundled, write_catalogue

    if session_of(ctx).option is not None:
        raise UsageError(
            "rrs init makes a new catalogue in DIR; --catalogue names an existing one "
            "and does not apply here",
            hint=f"leave --catalogue out: rrs init {directory}",
        )
    if from_bundled:
        if any(v is not None for v in (city, name, name_en, published, language, contact, goals)):
            raise UsageError(
                "--from-bundled copies the bundled catalogue as it is; "
                "--city, --name, --goal and the like do not apply",
                hint="copy it first, then edit strategy.yaml",
            )
        written = copy_bundled(directory)
    else:
        ask = not yes and interactive()
        lang = language or _asked_language(ask)
        written = write_catalogue(
            directory, _answers(lang, city, name, name_en, published, contact, goals, ask=ask)
        )
    typer.echo(
        f"created {directory} ({len(written)} files); try: cd {directory} && rrs list",
        err=True,
    )


def _asked_language(ask: bool) -> LanguageChoice:
    """Asked first, in both languages, so that the other questions are in the one chosen."""
    if not ask:
        return LanguageChoice.EN
    asked = "Taal van de catalogus / language of the catalogue (nl, en)"
    return language_choice(str(typer.prompt(asked, default="en")))


def _answers(
    language: LanguageChoice,
    city: str | None,
    name: str | None,
    name_en: str | None,
    published: int | None,
    contact: str | None,
    goals: list[str] | None,
    *,
    ask: bool,
) -> InitOptions:
    """Each value as given, else asked (in a terminal, in ``language``), else its default."""
    from ..i18n import text
    from ..init import InitOptions, default_year

    lang: Language = "nl" if language is LanguageChoice.NL else "en"

    def value(given: str | None, key: str, default: str) -> str:
        if given is not None:
            return given
        return str(typer.prompt(text(key, lang), default=default)) if ask else default

    city_value = value(city, "init.prompt.city", "Example City")
    name_value = value(name, "init.prompt.name", text("init.default_name", lang, city=city_value))
    name_en_value = value(name_en, "init.prompt.name_en", name_value)
    year = published
    if year is None and ask:
        year = int(
            typer.prompt(text("init.prompt.published", lang), default=default_year(), type=int)
        )
    contact_value = value(contact, "init.prompt.contact", "") if ask else contact
    goal_names = list(goals or [])
    while not goals and ask:
        prompt = text("init.prompt.goal", lang, number=len(goal_names) + 1)
        answer = str(typer.prompt(prompt, default="", show_default=False)).strip()
        if not answer:
            break
        goal_names.append(answer)
    return InitOptions(
        city=city_value,
        name=name_value,
        name_en=name_en_value,
        published=year or default_year(),
        language=lang,
        contact=contact_value or None,
        goals=goal_names,
    )
