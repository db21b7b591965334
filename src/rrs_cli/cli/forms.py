"""A progress round in the ``progress`` group: forms, import, round."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from ..choices import FormFormat, ProgressFormat
from ..errors import EXIT_FINDINGS, UnknownChoiceError, UsageError
from .options import checked_date, checked_text
from .output import interactive
from .session import session_of

# The core is imported inside each command, not at the top, so that `rrs --help`
# loads no Pydantic models, YAML or spreadsheet readers (start-up speed).

app = typer.Typer()


@app.command("forms")
def progress_forms_command(
    ctx: typer.Context,
    outdir: Annotated[
        Path, typer.Argument(metavar="OUTDIR", help="Folder for the forms (made if missing).")
    ],
    round_name: Annotated[
        str | None,
        typer.Option("--round", help="The round's name (default: the quarter, e.g. 2026-Q4)."),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Show the statuses of this day, YYYY-MM-DD (default: today)."),
    ] = None,
    due: Annotated[
        str | None,
        typer.Option("--due", help="The day the forms are due back, YYYY-MM-DD (in the text)."),
    ] = None,
    owner: Annotated[
        list[str] | None,
        typer.Option("--owner", help="Only the forms of owners matching this; repeat for more."),
    ] = None,
    file_format: Annotated[
        FormFormat, typer.Option("--format", "-f", help="xlsx (Excel) or ods (OpenDocument).")
    ] = FormFormat.XLSX,
) -> None:
    """Make one form per owner for a progress round, and record the round (rounds.yaml)."""
    from ..forms.out import ROUND_CSV, make_forms
    from ..forms.show import made_lines
    from ..render.text import visible

    if round_name is not None:
        _round_name(round_name)
    root = session_of(ctx).root_for_writing("progress forms")
    made = make_forms(
        root,
        outdir,
        name=round_name,
        as_of=checked_date(as_of, "--as-of") or date.today(),
        due=checked_date(due, "--due"),
        owners=[checked_text(o, "--owner") or "" for o in owner or []],
        file_format=file_format.value,
    )
    for line in made_lines(made.round, visible(str(outdir)), file_format.value):
        typer.echo(line)
    more = " (added to the round of that name)" if made.added_to_existing else ""
    typer.echo(
        f"{ROUND_CSV} lists them for a mail merge; rounds.yaml records the round{more}",
        err=True,
    )


def _round_name(value: str) -> str:
    import re

    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}", value):
        raise UsageError(
            f"--round {value!r} is not a round name",
            hint="letters, digits, '.', '_' and '-', at most 40 (for example 2026-Q4)",
        )
    return value


@app.command("import")
def progress_import_command(
    ctx: typer.Context,
    files: Annotated[
        list[Path], typer.Argument(metavar="FILE...", help="Returned forms: .xlsx, .ods or .csv.")
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Only show what would be recorded.")
    ] = False,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Record without asking (for scripts).")
    ] = False,
    force_row: Annotated[
        list[str] | None,
        typer.Option(
            "--force-row",
            metavar="ID",
            help="Record this action's row although its log changed since the form was made.",
        ),
    ] = None,
    round_name: Annotated[
        str | None,
        typer.Option("--round", help="The round a .csv file belongs to (forms know their own)."),
    ] = None,
    output_format: Annotated[
        ProgressFormat, typer.Option("--format", "-f", help="Output format of the review.")
    ] = ProgressFormat.TEXT,
) -> None:
    """Take in returned forms: check every row, show the review, record all or nothing."""
    from ..forms.read import read_forms
    from ..forms.record import entries, import_forms

    session = session_of(ctx)
    root = session.root if dry_run else session.root_for_writing("progress import")
    if round_name is not None:
        _round_name(round_name)
    today = date.today()
    json_out = output_format is ProgressFormat.JSON
    forms = read_forms(files)

    def run(*, dry: bool, confirmed: list[tuple[str, str]] | None = None) -> Any:
        return import_forms(
            root,
            forms,
            today=today,
            force=force_row or [],
            csv_round=round_name,
            dry_run=dry,
            confirmed=confirmed,
        )

    # With --yes the rows are checked and recorded under one lock; otherwise the
    # review is shown first, and what was agreed to is recorded only if the
    # catalogue still gives the same review.
    done = run(dry=dry_run or not yes)
    review = done.review
    _unused_force(review, force_row or [])
    if done.problems or dry_run or not done.rows:
        _show(review, done.problems, done.language, json_out, dry_run=dry_run, recorded=False)
        if done.problems:
            typer.echo(f"rrs: {len(done.problems)} problem(s); nothing was recorded", err=True)
            raise typer.Exit(EXIT_FINDINGS)
        if not done.rows:
            already = sum(r.outcome == "already" for r in review.rows)
            why = " (every entry is already in the log)" if already else ""
            typer.echo(f"nothing to record{why}", err=True)
        return
    if not yes:
        _show(review, [], done.language, json_out, dry_run=False, recorded=False)
        if not interactive():
            raise UsageError(
                "not a terminal, so rrs cannot ask; nothing was recorded",
                hint="run with --yes to record, or --dry-run to only look",
            )
        count = len(done.rows)
        if not typer.confirm(f"Record {count} entr{'y' if count == 1 else 'ies'}?", default=False):
            typer.echo("nothing was recorded", err=True)
            raise typer.Exit(EXIT_FINDINGS)
        done = run(dry=False, confirmed=entries(review))
        if done.problems:
            _show(
                done.review, done.problems, done.language, json_out, dry_run=False, recorded=False
            )
            typer.echo(f"rrs: {len(done.problems)} problem(s); nothing was recorded", err=True)
            raise typer.Exit(EXIT_FINDINGS)
    else:
        _show(review, [], done.language, json_out, dry_run=False, recorded=True)
    files_written = sum(p.suffix == ".yaml" and p.parent.name == "actions" for p in done.written)
    typer.echo(
        f"recorded {len(done.rows)} entr{'y' if len(done.rows) == 1 else 'ies'} in "
        f"{files_written} action file(s)",
        err=True,
    )


def _unused_force(review: object, forced: list[str]) -> None:
    from ..forms.check import Review

    assert isinstance(review, Review)
    conflicted = {r.action_id for r in review.rows if r.outcome in ("forced", "conflict")}
    for value in forced:
        if value.strip().upper() not in conflicted:
            typer.echo(f"note: --force-row {value}: that row has no conflict", err=True)


def _show(
    review: object,
    problems: Sequence[object],
    lang: str,
    json_out: bool,
    *,
    dry_run: bool,
    recorded: bool | int,
) -> None:
    from ..forms.check import Review
    from ..forms.model import Problem
    from ..forms.show import problem_line, review_json, review_lines
    from ..i18n import language

    assert isinstance(review, Review)
    located = [p for p in problems if isinstance(p, Problem)]
    if json_out:
        sys.stdout.write(review_json(review, located, dry_run=dry_run, recorded=bool(recorded)))
    else:
        for line in review_lines(review, language(lang)):
            typer.echo(line)
    for problem in located:
        typer.echo(f"rrs: error: {problem_line(problem)}", err=True)


@app.command("round")
def progress_round_command(
    ctx: typer.Context,
    name: Annotated[
        str | None, typer.Argument(metavar="[NAME]", help="The round (default: the latest).")
    ] = None,
    output_format: Annotated[
        ProgressFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ProgressFormat.TEXT,
) -> None:
    """Who has answered a progress round, and which actions have no entry since it began."""
    from ..forms.show import status_json, status_lines
    from ..forms.status import round_status

    catalogue, _ = session_of(ctx).open()
    status = round_status(catalogue, name)
    if status is None:
        if name is None:
            typer.echo("no progress rounds yet (`rrs progress forms` starts one)", err=True)
            return
        known = ", ".join(r.name for r in catalogue.rounds) or "none yet"
        raise UnknownChoiceError(f"unknown round '{name}'", hint=f"rounds: {known}")
    if output_format is ProgressFormat.JSON:
        sys.stdout.write(status_json(status))
        return
    for line in status_lines(status):
        typer.echo(line)
