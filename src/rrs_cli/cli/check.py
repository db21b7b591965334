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
            help="Print only errors (with --strict: and the warnings that fail it); "
            "the counts line says what was not shown.",
        ),
    ] = False,
    show_accepted: Annotated[
        bool,
        typer.Option(
            "--show-accepted",
            "--verbose",
            "-v",
            help="Also list the findings accepted.yaml accepts, each with its reason "
            "(never as GitHub annotations).",
        ),
    ] = False,
) -> None:
    """Check a catalogue's schema and references; exit 1 on errors.

    With --strict, warnings fail too, unless the catalogue's accepted.yaml
    accepts them: accepted findings are one count on the last line, listed
    with --show-accepted, and never fail the check.
    """
    from ..diagnostics import fails
    from ..render import findings as render
    from ..render.text import visible
    from ..validation import validate

    session = session_of(ctx)
    root = session.root if path is None else _named_catalogue(path, session.option)
    found = validate(root)
    failed = fails(found, strict=strict)
    listed = render.listed(
        found, strict=strict, errors_only=errors_only, show_accepted=show_accepted
    )
    if output_format is FindingsFormat.JSON:
        sys.stdout.write(
            render.json_text(
                found, strict=strict, errors_only=errors_only, show_accepted=show_accepted
            )
        )
    else:
        if output_format is FindingsFormat.GITHUB:
            sys.stdout.write(render.github(listed, strict=strict))
        else:
            sys.stdout.write(render.text(listed))
        summary = render.summary_line(
            found, strict=strict, errors_only=errors_only, show_accepted=show_accepted
        )
        shown = visible(render.display_path(str(root)))
        typer.echo(f"{shown}: {summary}: {render.verdict(found, strict=strict)}", err=True)
    if failed:
        raise typer.Exit(EXIT_FINDINGS)


def _named_catalogue(path: Path, option: Path | None) -> Path:
    """The catalogue PATH means (its actions folder or one of its files name it too);
    refused when ``-C`` names another one (exit 2)."""
    from ..discovery import catalogue_for_path
    from ..render.text import visible

    root, note = catalogue_for_path(path)
    if option is not None:
        chosen, _ = catalogue_for_path(option)
        if not _same_folder(chosen, root):
            raise UsageError(
                f"two catalogues named: '{visible(str(path))}' and --catalogue "
                f"'{visible(str(option))}'",
                hint="name the catalogue once: rrs validate PATH, or rrs -C PATH validate",
            )
    if note:
        typer.echo(f"rrs: note: {visible(note)}", err=True)
    return root


def _same_folder(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve()
    except OSError:
        return one == other


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
    A version with errors is still compared as far as it can be read, and the
    summary says so first; rrs diff then exits 1 (after printing it).
    """
    from ..diff import compare
    from ..render import diff as render
    from ..revisions import checkout, read_version

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
                return read_version(folder, str(folder)), str(folder)
            assert revision is not None
            tree = stack.enter_context(checkout(revision, session.root))
            return read_version(tree.path, revision, tree.findings), revision

        old, base_name = version(base, base_dir)
        if head is None and head_dir is None:
            new, head_name = read_version(session.root, "working tree"), "working tree"
        else:
            new, head_name = version(head, head_dir)
    result = compare(
        old.catalogue,
        new.catalogue,
        base_name,
        head_name,
        base_errors=old.error_lines,
        head_errors=new.error_lines,
    )
    sys.stdout.write(
        render.markdown(result)
        if output_format is DiffFormat.MARKDOWN
        else render.json_text(result)
    )
    if result.has_errors:
        for line in [*old.error_lines, *new.error_lines][:10]:
            typer.echo(f"  {line}", err=True)
        typer.echo(
            "rrs: the compared versions have errors: files with errors were left out of "
            "the comparison (exit 1); run `rrs validate` for every problem",
            err=True,
        )
        raise typer.Exit(EXIT_FINDINGS)
