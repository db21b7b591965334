"""Commands that check a catalogue: validate (schema and references), diff (two versions)."""

from __future__ import annotations

import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Annotated, Any

import typer

from ..choices import DiffFormat, FindingsFormat
from ..errors import EXIT_FINDINGS, UsageError
from .session import session_of

# The core is imported inside each command, not at the top, so that `rrs --help`
# loads no Pydantic models, YAML or rich, and a command only what it uses (start-up speed).

app = typer.Typer()


@app.command("validate")
def validate_command(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(
            help="Catalogue folder to check (default: the catalogue rrs uses; see `rrs where`)."
        ),
    ] = None,
    output_format: Annotated[
        FindingsFormat,
        typer.Option(
            "--format",
            "-f",
            help="text for people, json for scripts, github for GitHub Actions annotations.",
        ),
    ] = FindingsFormat.TEXT,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail on warnings too (not on accepted ones).")
    ] = False,
    errors_only: Annotated[
        bool,
        typer.Option(
            "--errors-only",
            "--quiet",
            "-q",
            help="Print only errors; the counts line says what was not shown.",
        ),
    ] = False,
) -> None:
    """Check a catalogue's schema and references; exit 1 on errors.

    Findings that the catalogue's accepted.yaml accepts are shown as accepted,
    with their reason, and never fail the check.
    """
    from ..diagnostics import fails
    from ..render import findings as render
    from ..render.text import visible
    from ..validation import validate

    root = path if path is not None else session_of(ctx).root
    found = validate(root)
    failed = fails(found, strict=strict)
    if output_format is FindingsFormat.JSON:
        sys.stdout.write(render.json_text(found, strict=strict, errors_only=errors_only))
    elif output_format is FindingsFormat.GITHUB:
        sys.stdout.write(render.github(render.shown(found, errors_only=errors_only), strict=strict))
    else:
        sys.stdout.write(render.text(render.shown(found, errors_only=errors_only)))
        summary = render.summary_line(found, errors_only=errors_only)
        verdict = "failed" if failed else "ok"
        shown = visible(render.display_path(str(root)))
        typer.echo(f"{shown}: {summary}: {verdict}", err=True)
    if failed:
        raise typer.Exit(EXIT_FINDINGS)


@app.command("diff")
def diff_command(
    ctx: typer.Context,
    base: Annotated[
        str | None,
        typer.Argument(help="Old version: a git revision (a folder only with --base-dir)."),
    ] = None,
    head: Annotated[
        str | None,
        typer.Argument(help="New version: a git revision (default: the catalogue on disk)."),
    ] = None,
    base_dir: Annotated[
        Path | None,
        typer.Option("--base-dir", help="Old version: a catalogue folder instead of a revision."),
    ] = None,
    head_dir: Annotated[
        Path | None,
        typer.Option("--head-dir", help="New version: a catalogue folder instead of a revision."),
    ] = None,
    output_format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="Output format.")
    ] = DiffFormat.MARKDOWN,
) -> None:
    """Compare two versions of a catalogue, for a pull-request review.

    BASE and HEAD are always git revisions of the repository holding the
    catalogue, never folders; compare folders with --base-dir and --head-dir.
    """
    from ..diff import compare
    from ..render import diff as render
    from ..revisions import checkout, load_version

    if base is not None and base_dir is not None:
        raise UsageError("give the old version once: BASE (a revision) or --base-dir (a folder)")
    if base is None and base_dir is None:
        raise UsageError("name the old version: BASE (a git revision) or --base-dir FOLDER")
    if head is not None and head_dir is not None:
        raise UsageError("give the new version once: HEAD (a revision) or --head-dir (a folder)")
    session = session_of(ctx)
    with ExitStack() as stack:

        def version(revision: str | None, folder: Path | None) -> tuple[Any, str]:
            if folder is not None:
                return load_version(folder, str(folder)), str(folder)
            assert revision is not None
            tree = stack.enter_context(checkout(revision, session.root))
            return load_version(tree.path, revision, tree.findings), revision

        old, base_name = version(base, base_dir)
        if head is None and head_dir is None:
            new, head_name = load_version(session.root, str(session.root)), "working tree"
        else:
            new, head_name = version(head, head_dir)
    result = compare(old, new, base_name, head_name)
    sys.stdout.write(
        render.markdown(result)
        if output_format is DiffFormat.MARKDOWN
        else render.json_text(result)
    )
