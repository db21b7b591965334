"""Commands that write action files: update, new, and the progress group (list, amend, remove)."""

from __future__ import annotations

import sys
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from ..choices import ProgressFormat
from ..errors import UsageError
from .app import RrsGroup
from .options import (
    ByOpt,
    DayArg,
    IndexOpt,
    NoteOpt,
    StatusOpt,
    TermOpt,
    checked_action_id,
    checked_date,
    checked_text,
)
from .output import interactive
from .session import session_of

if TYPE_CHECKING:
    from ..models import ProgressEntry

# The core is imported inside each command, not at the top, so that `rrs --help`
# loads no Pydantic models, YAML or rich, and a command only what it uses (start-up speed).

app = typer.Typer()


@app.command("update")
def update_command(
    ctx: typer.Context,
    action_id: Annotated[str, typer.Argument(metavar="ID", help="Action to update.")],
    note: NoteOpt = None,
    status: StatusOpt = None,
    when: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="Date of the entry, YYYY-MM-DD (default: today). An earlier date than "
            "the last entry's is inserted at its place in the log.",
        ),
    ] = None,
    by: ByOpt = None,
    amend: Annotated[
        bool,
        typer.Option(
            "--amend",
            help="Correct the latest entry instead of adding one: the options given "
            "replace its values.",
        ),
    ] = False,
) -> None:
    """Record progress: a dated entry in the action's log (a status change, a note, or both).

    The file's comments and layout are kept; the entry goes where its date puts it.
    """
    from ..models import Status
    from ..progress import Amendment, EntryRef, Update, amend_progress, append_progress
    from ..query import STATUS_ALIASES, resolve_enum

    note, by = checked_text(note, "--note"), checked_text(by, "--by")
    new_status = resolve_enum(Status, status, "status", STATUS_ALIASES) if status else None
    entry_date = checked_date(when, "--date")
    root = session_of(ctx).root_for_writing("update")
    if amend:
        path, old, _ = amend_progress(
            root, action_id, EntryRef(), Amendment(new_status, note, entry_date, by)
        )
        typer.echo(f"amended the {old.date} entry of {action_id.upper()} in {path}", err=True)
        return
    if note is not None and not note.strip():
        raise UsageError("--note is empty", hint="write what happened, or leave --note out")
    if note is None and new_status is None:
        raise UsageError(
            "nothing to record", hint="give --status (a status change), --note, or both"
        )
    day = entry_date or date.today()
    repeats: list[ProgressEntry] = []
    path = append_progress(
        root, Update(action_id, new_status, note or "", day, by), on_duplicate=repeats.append
    )
    typer.echo(f"recorded {day} for {action_id.upper()} in {path}", err=True)
    for entry in repeats:
        typer.echo(
            f"rrs: warning: this entry repeats the one of {entry.date} with the same note "
            f"(`rrs validate` reports it as RRS113); if it was recorded twice, "
            f"`rrs progress list {action_id.upper()}` numbers the entries and "
            f"`rrs progress remove {action_id.upper()} {day} --index N` removes one",
            err=True,
        )


@app.command("new")
def new_command(
    ctx: typer.Context,
    action_id: Annotated[str, typer.Argument(metavar="ID", help="New id: letters or a number.")],
    title: Annotated[str, typer.Option("--title", help="The action's title.")],
    kind: Annotated[
        str | None,
        typer.Option("--kind", "-k", help="flywheel or connected (default: from the id)."),
    ] = None,
    goal: Annotated[
        str | None, typer.Option("--goal", "-g", help="Goal section (required for a flywheel).")
    ] = None,
    owner: Annotated[str, typer.Option("--owner", help="Owner.")] = "",
    status: StatusOpt = None,
    term: TermOpt = None,
    links: Annotated[
        list[str] | None, typer.Option("--link", "-l", help="A linked action id; repeat for more.")
    ] = None,
    back_link: Annotated[
        bool | None,
        typer.Option(
            "--back-link/--no-back-link",
            help="Also add the new id to the links of each --link action, in the same "
            "all-or-nothing write (default: ask in a terminal, no otherwise).",
        ),
    ] = None,
    published: Annotated[
        bool,
        typer.Option(
            "--published",
            help="The action is part of the published strategy (you are transcribing it): "
            "no 'added' date, its status is its status at publication.",
        ),
    ] = False,
    added: Annotated[
        str | None,
        typer.Option(
            "--added",
            metavar="DATE",
            help="The day it was added to the strategy, after its publication "
            "(default: today, once the strategy's publication date in strategy.yaml has "
            "passed; before it, the action counts as part of the strategy).",
        ),
    ] = None,
) -> None:
    """Create a new action file, validated against the catalogue before it is written.

    An action entered after the strategy's publication is a later addition (added:
    today, its status its initial status); one entered before it, or with
    --published, is part of the published strategy.
    """
    from ..models import Kind, Status, Term
    from ..new_action import create_action
    from ..query import KIND_ALIASES, STATUS_ALIASES, resolve_enum

    session = session_of(ctx)
    new_id = checked_action_id(action_id)
    link_ids = [checked_action_id(link, "--link") for link in links or []]
    fields = {
        "id": new_id,
        "kind": resolve_enum(Kind, kind, "kind", KIND_ALIASES).value if kind else None,
        "title": checked_text(title, "--title"),
        "owner": checked_text(owner, "--owner"),
        "goal": goal,
        "links": link_ids,
        "status": resolve_enum(Status, status, "status", STATUS_ALIASES).value if status else None,
        "term": resolve_enum(Term, term, "term").value if term else None,
    }
    if back_link is None and link_ids and interactive():
        back_link = typer.confirm(
            f"Add {new_id} to the links of {', '.join(link_ids)} too (so they name it back)?",
            default=True,
        )
    added_day = checked_date(added, "--added")
    written = create_action(
        session.root_for_writing("new"),
        fields,
        back_links=bool(back_link),
        added=added_day,
        published=published,
    )
    typer.echo(f"created {written[0]}", err=True)
    if not published and added_day is None and fields.get("added") is not None:
        typer.echo(
            f"rrs: note: {new_id} is recorded as added on {fields['added']}, after the "
            "strategy's publication (strategy.yaml), so its status is its initial status; "
            "if it is part of the published strategy, remove 'added:' from the file, or use "
            "--published next time",
            err=True,
        )
    for path in written[1:]:
        typer.echo(f"added {new_id} to the links in {path}", err=True)
    if link_ids and not back_link:
        names = " and ".join(
            [", ".join(link_ids[:-1]), link_ids[-1]] if len(link_ids) > 1 else link_ids
        )
        verb = "does" if len(link_ids) == 1 else "do"
        typer.echo(
            f"rrs: note: {names} {verb} not name {new_id} back (`rrs validate` warns about a "
            "one-sided link); add it in an editor, or use --back-link next time",
            err=True,
        )


progress_app = typer.Typer(
    cls=RrsGroup,
    help="Read and correct an action's progress log (list, amend, remove), and run a "
    "progress round: a form per owner out, filled forms in (forms, import, round).",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@progress_app.command("list")
def progress_list_command(
    ctx: typer.Context,
    action_id: Annotated[str, typer.Argument(metavar="ID", help="Action.")],
    output_format: Annotated[
        ProgressFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ProgressFormat.TEXT,
) -> None:
    """The progress log, one numbered entry a line (the numbers --index takes)."""
    from ..query import resolve_action
    from ..render import progress as render

    catalogue, _ = session_of(ctx).open()
    action = resolve_action(catalogue, action_id)
    if output_format is ProgressFormat.JSON:
        sys.stdout.write(render.json_text(action))
        return
    if not action.progress:
        typer.echo(f"{action.id} has no progress entries", err=True)
        return
    for line in render.lines(action):
        typer.echo(line)


@progress_app.command("amend")
def progress_amend_command(
    ctx: typer.Context,
    action_id: Annotated[str, typer.Argument(metavar="ID", help="Action.")],
    day: DayArg,
    index: IndexOpt = None,
    note: NoteOpt = None,
    status: StatusOpt = None,
    when: Annotated[
        str | None, typer.Option("--date", help="A new date (the entry moves to its place).")
    ] = None,
    by: ByOpt = None,
) -> None:
    """Correct the entry of DATE: the options given replace its values."""
    from ..models import Status
    from ..progress import Amendment, EntryRef, amend_progress
    from ..query import STATUS_ALIASES, resolve_enum

    ref = EntryRef(checked_date(day, "DATE"), index)
    new_status = resolve_enum(Status, status, "status", STATUS_ALIASES) if status else None
    amendment = Amendment(
        new_status,
        checked_text(note, "--note"),
        checked_date(when, "--date"),
        checked_text(by, "--by"),
    )
    path, old, _ = amend_progress(
        session_of(ctx).root_for_writing("progress amend"), action_id, ref, amendment
    )
    typer.echo(f"amended the {old.date} entry of {action_id.upper()} in {path}", err=True)


@progress_app.command("remove")
def progress_remove_command(
    ctx: typer.Context,
    action_id: Annotated[str, typer.Argument(metavar="ID", help="Action.")],
    day: DayArg,
    index: IndexOpt = None,
) -> None:
    """Remove a mistaken entry (`rrs diff` reports it as history rewritten)."""
    from ..progress import EntryRef, remove_progress
    from ..render.text import visible

    ref = EntryRef(checked_date(day, "DATE"), index)
    path, entry = remove_progress(
        session_of(ctx).root_for_writing("progress remove"), action_id, ref
    )
    typer.echo(
        visible(
            f"removed the {entry.date} entry ({entry.status.value}) of {action_id.upper()} "
            f"from {path}"
        ),
        err=True,
    )
