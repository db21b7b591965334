"""Commands that publish: report (for the steering group) and site (the website)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from ..choices import LanguageChoice, ReportFormat
from ..errors import UsageError
from .options import (
    LANG_HELP,
    GoalsOpt,
    check_base_url,
    check_contact,
    checked_date,
    label_language,
)
from .output import STDOUT, plain, rich_console, site_progress, write_output
from .period import AsOfOpt, QuarterOpt, SinceOpt, report_period
from .session import session_of

# The core is imported inside each command, not at the top, so that `rrs --help`
# loads no Pydantic models, YAML or rich, and a command only what it uses (start-up speed).

app = typer.Typer()


@app.command("report")
def report_command(
    ctx: typer.Context,
    since: SinceOpt = None,
    as_of: AsOfOpt = None,
    quarter: QuarterOpt = None,
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
    from ..site.model import catalogue_version

    since_date, report_date = report_period(since, as_of, quarter, date.today())
    session = session_of(ctx)
    catalogue, graph = session.open()
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
        version=catalogue_version(session.root),
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
    bilingual: Annotated[
        bool,
        typer.Option(
            "--bilingual",
            help="Also build the site in the other language (nl/en) in a subfolder, with a "
            "language switch on every page.",
        ),
    ] = False,
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
            also=("en" if chosen == "nl" else "nl") if bilingual else None,
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
