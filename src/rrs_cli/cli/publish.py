"""Commands that publish: report (for the steering group), site (the website), init."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from ..choices import LanguageChoice, ReportFormat
from ..errors import UnknownChoiceError, UsageError
from .options import GoalsOpt, check_base_url, check_contact, checked_date, language_choice
from .output import STDOUT, interactive, plain, rich_console, site_progress, write_output
from .session import session_of

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
        typer.Option(
            "--lang", help="Language of the report's labels (default: the catalogue's language)."
        ),
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
    from ..i18n import language
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
    lang_code = language(lang.value if lang else None, catalogue.strategy.language)
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
        typer.Option(
            "--lang", help="Interface language, nl or en (default: the catalogue's language)."
        ),
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
    from ..i18n import language
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
    chosen = language(lang.value if lang else None, catalogue.strategy.language)
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
    directory: Annotated[
        Path,
        typer.Argument(metavar="DIR", help="New catalogue folder (must not exist or be empty)."),
    ],
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
    """Start a new catalogue for a city's resilience strategy (asks, or takes options)."""
    from ..init import InitOptions, default_year, write_catalogue

    ask = not yes and interactive()

    def value(given: str | None, question: str, default: str) -> str:
        if given is not None:
            return given
        return str(typer.prompt(question, default=default)) if ask else default

    city_value = value(city, "City", "Example City")
    name_value = value(
        name, "Strategy name (in its own language)", f"{city_value} Resilience Strategy"
    )
    name_en_value = value(name_en, "Strategy name in English", name_value)
    year = published
    if year is None:
        year = (
            int(typer.prompt("Year of publication", default=default_year(), type=int))
            if ask
            else default_year()
        )
    lang = language or language_choice(value(None, "Language of the text (nl or en)", "en"))
    contact_value = (
        contact
        if contact is not None
        else (value(None, "Contact e-mail (empty: none)", "") if ask else "")
    )
    goal_names = list(goals or [])
    if not goal_names and ask:
        while True:
            answer = str(
                typer.prompt(
                    f"Goal {len(goal_names) + 1} (empty: done)", default="", show_default=False
                )
            )
            if not answer.strip():
                break
            goal_names.append(answer.strip())
    written = write_catalogue(
        directory,
        InitOptions(
            city=city_value,
            name=name_value,
            name_en=name_en_value,
            published=year,
            language="nl" if lang is LanguageChoice.NL else "en",
            contact=contact_value or None,
            goals=goal_names,
        ),
    )
    typer.echo(
        f"created {directory} ({len(written)} files); try: rrs --catalogue {directory} list",
        err=True,
    )
