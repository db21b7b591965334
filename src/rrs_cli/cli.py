"""The ``rrs`` command line: parse arguments, call the core, print.

Errors from the core (:class:`RrsError`) become a message on stderr and an
exit code in one place, :class:`_Group.invoke`. Data goes to stdout,
diagnostics to stderr.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

if TYPE_CHECKING:  # the core is imported by each command, not at start-up
    from .catalogue import Catalogue
    from .diagnostics import Finding
    from .graph import LinkGraph

from . import __version__
from .choices import (
    DiffFormat,
    ExportFormat,
    FindingsFormat,
    GraphFormat,
    LanguageChoice,
    LinksFormat,
    ListFormat,
    ProgressFormat,
    ReportFormat,
    SchemaTarget,
    ShowFormat,
    WhereFormat,
)
from .diagnostics import has_errors
from .errors import (
    EXIT_FINDINGS,
    EXIT_USAGE,
    CatalogueInvalidError,
    RrsError,
    UnknownChoiceError,
    UsageError,
)
from .layout import ENV_VAR

if TYPE_CHECKING:
    from .discovery import CatalogueLocation

# The help names no strategy: each catalogue describes its own (strategy.yaml),
# and `rrs --help` does not read one.
APP_HELP = (
    "Query, validate and report on a resilience strategy catalogue: goals, actions, "
    "links and progress. The strategy's name, year and contact come from the "
    "catalogue's strategy.yaml (see `rrs report`, `rrs show`)."
)


class _Group(TyperGroup):
    """Turns every RrsError into one readable line and its exit code.

    It also gives every command the ``--catalogue``/``-C`` option, so it works
    after the command name too (``rrs list -C PATH``) without each command
    declaring it.
    """

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        _add_catalogue_option(self.commands.values())

    def invoke(self, ctx: Any) -> Any:
        try:
            result = super().invoke(ctx)
        except RrsError as error:
            _error(error.message, error.hint)
            raise typer.Exit(error.exit_code) from None
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except KeyboardInterrupt:
            _error("interrupted")
            raise typer.Exit(130) from None
        except Exception as error:  # a bug, not bad input: still no traceback
            if os.environ.get("RRS_DEBUG"):
                raise
            _error(
                f"internal error: {type(error).__name__}: {error}",
                "this is a bug in rrs; set RRS_DEBUG=1 to see the traceback",
            )
            raise typer.Exit(EXIT_USAGE) from None
        session = ctx.find_object(_Session)
        if session is not None and session.incomplete:
            # The answer was printed, but without the files that have errors.
            raise typer.Exit(EXIT_FINDINGS)
        return result


def _add_catalogue_option(commands: Iterable[Any]) -> None:
    """Give each command, and each command of a command group, ``-C/--catalogue``."""
    for command in commands:
        command.params.append(_catalogue_after_command_option())
        _add_catalogue_option(getattr(command, "commands", {}).values())


app = typer.Typer(
    cls=_Group,
    name="rrs",
    help=APP_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _error(message: str, hint: str = "") -> None:
    """One error on stderr; control characters shown as escapes (catalogue text may be in it)."""
    from .render.text import visible

    typer.echo(f"rrs: error: {visible(message)}", err=True)
    for line in hint.split("\n") if hint else ():
        typer.echo(f"  {visible(line.strip())}", err=True)


def _interactive() -> bool:
    """May rrs ask questions? Only when a person is typing on standard input."""
    return sys.stdin.isatty()


def _plain() -> bool:
    return not sys.stdout.isatty() or "NO_COLOR" in os.environ


def _console(*, stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, no_color=_plain(), highlight=False, soft_wrap=False)


@dataclass
class _Session:
    """What one invocation knows: where the catalogue is, and (lazily) its content."""

    option: Path | None
    _loaded: tuple[Catalogue, LinkGraph, list[Finding]] | None = field(default=None)
    incomplete: bool = False  # files with errors were left out of the answer
    _location: CatalogueLocation | None = None
    _hinted: bool = False

    def catalogue_after_command(self, value: Path) -> None:
        """``-C PATH`` after the command name: fine unless it names another folder."""
        if self.option is not None and not _same_path(self.option, value):
            raise UsageError(
                f"--catalogue given twice with different folders: '{self.option}' before "
                f"the command and '{value}' after it",
                hint="give it once",
            )
        self.option = value

    @property
    def location(self) -> CatalogueLocation:
        """Which catalogue, and how it was chosen (option, environment, discovered, bundled)."""
        if self._location is None:
            from .discovery import locate

            self._location = locate(self.option)
        return self._location

    @property
    def root(self) -> Path:
        """The catalogue for reading; a hint on stderr when it is the bundled one."""
        location = self.location
        if not self._hinted:
            self._hinted = True
            _bundled_hint(location)
        return location.path

    def root_for_writing(self, command: str) -> Path:
        """The catalogue a writing command may change (never the bundled one: exit 2)."""
        from .discovery import catalogue_for_writing

        return catalogue_for_writing(self.location, command)

    def open(self) -> tuple[Catalogue, LinkGraph]:
        """The catalogue for a query; warns on stderr when parts of it were skipped."""
        if self._loaded is None:
            from .catalogue import load_catalogue
            from .graph import LinkGraph

            result = load_catalogue(self.root)
            graph = LinkGraph.build(result.catalogue)
            self._loaded = (result.catalogue, graph, result.findings)
        catalogue, graph, findings = self._loaded
        errors = [f for f in findings if f.severity.value == "error"]
        if errors and not self.incomplete:
            self.incomplete = True
            _report_skipped(errors)
            if not catalogue.actions:
                raise CatalogueInvalidError(
                    f"the catalogue at '{self.root}' has no readable actions",
                    hint="run `rrs validate` to see every problem",
                )
        return catalogue, graph

    def action(self, value: str) -> Any:
        """The action ``value`` names; when its file has errors, says so and where."""
        from .query import resolve_action

        catalogue, _ = self.open()
        assert self._loaded is not None
        return resolve_action(catalogue, value, self._loaded[2])


def _lang(choice: LanguageChoice | None) -> Any:
    """The labels' language of `list` and `show`: English unless --lang says otherwise."""
    from .i18n import language

    return language(choice.value if choice else "en")


def _report_skipped(errors: list[Finding], most: int = 10) -> None:
    """Name the problems that made files drop out of an answer (stderr)."""
    from .render.findings import text

    typer.echo(text(errors[:most]), err=True, nl=False)
    more = f" ({len(errors) - most} more not shown)" if len(errors) > most else ""
    typer.echo(
        f"rrs: {len(errors)} error(s) in the catalogue{more}; files with errors are left out "
        "of this answer (exit 1). Run `rrs validate` for the full report.",
        err=True,
    )


def _session(ctx: typer.Context) -> _Session:
    session = ctx.find_object(_Session)
    assert session is not None  # set by the callback for every command
    return session


def _same_path(one: Path, other: Path) -> bool:
    return one == other or one.resolve() == other.resolve()


def _stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


HINT_OFF_VAR = "RRS_NO_HINT"


def _bundled_hint(location: CatalogueLocation) -> None:
    """Say on stderr (never stdout) that the bundled catalogue is in use.

    Only when stderr is a terminal, so scripts and CI logs stay clean; setting
    RRS_NO_HINT silences it in a terminal too.
    """
    from .discovery import bundled_hint

    hint = bundled_hint(location)
    if hint and _stderr_is_terminal() and not os.environ.get(HINT_OFF_VAR):
        from .render.text import visible

        typer.echo(visible(hint), err=True)


CATALOGUE_HELP = (
    f"Catalogue folder (goals.yaml, actions/). Default: ${ENV_VAR}, else the catalogue "
    "found from the current folder upwards, else the bundled one (see `rrs where`)."
)


def _catalogue_after_command_option() -> Any:
    """The ``-C/--catalogue`` option every command accepts after its name."""
    from typer.core import TyperOption

    def remember(ctx: Any, _param: Any, value: str | None) -> None:
        session = ctx.find_object(_Session)
        if value is not None and session is not None:
            session.catalogue_after_command(Path(value))

    return TyperOption(
        param_decls=["--catalogue", "-C", "catalogue_after_command"],
        metavar="PATH",
        expose_value=False,
        callback=remember,
        help=CATALOGUE_HELP,
    )


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    catalogue: Annotated[
        Path | None,
        typer.Option("--catalogue", "-C", metavar="PATH", help=CATALOGUE_HELP),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", help="Show the version and the catalogue in use, and exit."),
    ] = False,
) -> None:
    ctx.obj = _Session(catalogue)
    if version:
        location = ctx.obj.location
        typer.echo(f"rrs {__version__}")
        typer.echo(f"catalogue: {_shown_path(location.path)} ({location.source.value})")
        raise typer.Exit()
    if ctx.invoked_subcommand is None:
        ctx.fail("Missing command.")


STDOUT = Path("-")
OUTPUT_HELP = "Write to this file (atomically) instead of standard output; - is standard output."


def _to_stdout(output: Path | None) -> bool:
    """No --output, or ``--output -``: the text goes to standard output."""
    return output is None or output == STDOUT


def _write_output(text: str, output: Path | None) -> None:
    """Print ``text``, or write it atomically to the --output file."""
    if output is None or _to_stdout(output):
        sys.stdout.write(text)
        return
    from .writing import write_atomic

    write_atomic(output, text)
    typer.echo(f"wrote {output}", err=True)


def _shown_path(path: Path) -> str:
    """An absolute path, control characters escaped (a folder name can hold anything)."""
    from .render.text import visible

    return visible(str(path.absolute()))


# Filters of `list` and `graph`: each may be repeated. Repeated values of one
# filter are alternatives (any may hold); different filters must all hold.
FILTERS_HELP = (
    "Repeat a filter for alternatives (-g cyber -g klimaat: either goal); "
    "different filters combine (all must hold)."
)
GoalsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--goal",
        "-g",
        help="Goal: key, number or any words of its Dutch or English name "
        "(e.g. cyber, 3, 'goal 3', 'cyber havenstad', energy). Repeatable.",
    ),
]
QualitiesOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--quality",
        "-q",
        help="Resilience quality in Dutch or English (e.g. robust, flexibiliteit). Repeatable.",
    ),
]
StatusOpt = Annotated[
    str | None,
    typer.Option(
        "--status",
        "-s",
        help="Current status: new, starting, in-development, being-set-up, "
        "ongoing, completed, stopped (Dutch words work too).",
    ),
]
StatusesOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--status",
        "-s",
        help="Current status, in English or the strategy's Dutch "
        "(e.g. ongoing, lopend, 'in development'). Repeatable.",
    ),
]
TermOpt = Annotated[
    str | None,
    typer.Option(
        "--term",
        "-t",
        help="Expected-result term: short, medium, long, short-to-medium, "
        "medium-to-long, short-to-long.",
    ),
]
TermsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--term",
        "-t",
        help="Expected-result term, in English or Dutch "
        "(e.g. short, korte, 'korte termijn', medium-to-long). Repeatable.",
    ),
]
KindsOpt = Annotated[
    list[str] | None,
    typer.Option("--kind", "-k", help="flywheel or connected (e.g. vliegwiel). Repeatable."),
]
OwnersOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--owner",
        help="Text in the owner; an organisation's other names from strategy.yaml count "
        "(e.g. municipality, 'port authority'). Repeatable.",
    ),
]
PartnersOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--partner", help="Text in the partners, like --owner (e.g. 'water board'). Repeatable."
    ),
]
OrgsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--org",
        help="An organisation as owner or partner, like --owner "
        "(e.g. 'port authority'). Repeatable.",
    ),
]
TextsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--text",
        help="Text in title, subtitle, description or resilience value "
        "(e.g. waterfront). Repeatable.",
    ),
]
LangOpt = Annotated[
    LanguageChoice | None,
    typer.Option("--lang", help="Language of the labels: nl or en (default: en)."),
]


@app.command("list", epilog=FILTERS_HELP)
def list_command(
    ctx: typer.Context,
    goal: GoalsOpt = None,
    quality: QualitiesOpt = None,
    status: StatusesOpt = None,
    term: TermsOpt = None,
    kind: KindsOpt = None,
    owner: OwnersOpt = None,
    partner: PartnersOpt = None,
    org: OrgsOpt = None,
    text: TextsOpt = None,
    output_format: Annotated[
        ListFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ListFormat.TABLE,
    lang: LangOpt = None,
) -> None:
    """List actions; repeated filters are alternatives, different filters must all hold.

    Examples: rrs list -g cyber -g klimaat -s lopend; rrs list --org 'port authority'
    """
    from .query import ActionFilter
    from .render import listing

    catalogue, graph = _session(ctx).open()
    actions = ActionFilter(goal, quality, status, term, kind, owner, partner, text, org).select(
        catalogue, graph
    )
    lang_code = _lang(lang)
    if output_format is ListFormat.TABLE and not sys.stdout.isatty():
        # Piped: one line per action, nothing padded or wrapped (grep finds the id).
        sys.stdout.write(listing.lines(actions, graph, lang=lang_code))
    elif output_format is ListFormat.TABLE:
        console = _console()
        console.print(
            listing.table(actions, graph, plain=_plain(), width=console.width, lang=lang_code)
        )
    elif output_format is ListFormat.JSON:
        sys.stdout.write(listing.json_text(actions, graph))
    elif output_format is ListFormat.MARKDOWN:
        sys.stdout.write(listing.markdown(actions, graph, lang=lang_code))
    else:
        sys.stdout.write(listing.csv_text(actions, graph))


@app.command("show")
def show_command(
    ctx: typer.Context,
    action_id: Annotated[str, typer.Argument(metavar="ID", help="Action id, e.g. I or 12.")],
    output_format: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ShowFormat.TEXT,
    lang: LangOpt = None,
) -> None:
    """Show one action: every field, its goals, and its links in both directions."""
    from .render import show
    from .render.export import action_record, to_json

    session = _session(ctx)
    catalogue, graph = session.open()
    action = session.action(action_id)
    lang_code = _lang(lang)
    if output_format is ShowFormat.JSON:
        sys.stdout.write(to_json(action_record(action, graph)))
    elif output_format is ShowFormat.MARKDOWN:
        sys.stdout.write(show.markdown(catalogue, graph, action, lang_code))
    else:
        _console().print(show.rich_view(catalogue, graph, action, lang_code))


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
    from .diagnostics import fails
    from .render import findings as render
    from .render.text import visible
    from .validation import validate

    root = path if path is not None else _session(ctx).root
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


@app.command("export")
def export_command(
    ctx: typer.Context,
    output_format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="Export format.")
    ] = ExportFormat.JSON,
    output: Annotated[Path | None, typer.Option("--output", "-o", help=OUTPUT_HELP)] = None,
) -> None:
    """Export the whole catalogue as one JSON document (goals, qualities, actions)."""
    from .render.export import export_document, to_json
    from .validation import validate

    session = _session(ctx)
    if has_errors(validate(session.root)):
        raise CatalogueInvalidError(
            "the catalogue has errors; an export would be incomplete",
            hint="run `rrs validate` and fix the errors first",
        )
    catalogue, graph = session.open()
    _write_output(to_json(export_document(catalogue, graph)), output)


@app.command("links")
def links_command(
    ctx: typer.Context,
    action_id: Annotated[str, typer.Argument(metavar="ID", help="Action id to start from.")],
    depth: Annotated[int, typer.Option("--depth", "-d", min=1, help="How many links away.")] = 1,
    output_format: Annotated[
        LinksFormat, typer.Option("--format", "-f", help="Output format.")
    ] = LinksFormat.TEXT,
) -> None:
    """Walk the link graph from one action, up to --depth links away."""
    from .render import links

    session = _session(ctx)
    _, graph = session.open()
    start = session.action(action_id)
    steps = graph.walk(start.id, depth)
    if output_format is LinksFormat.JSON:
        sys.stdout.write(links.json_text(steps))
    else:
        _console().print(links.table(steps, plain=_plain()))


@app.command("graph", epilog=FILTERS_HELP)
def graph_command(
    ctx: typer.Context,
    goal: GoalsOpt = None,
    quality: QualitiesOpt = None,
    status: StatusesOpt = None,
    term: TermsOpt = None,
    kind: KindsOpt = None,
    owner: OwnersOpt = None,
    partner: PartnersOpt = None,
    org: OrgsOpt = None,
    text: TextsOpt = None,
    output_format: Annotated[
        GraphFormat, typer.Option("--format", "-f", help="mermaid or dot (Graphviz).")
    ] = GraphFormat.MERMAID,
    goals: Annotated[
        bool, typer.Option("--goals/--no-goals", help="Draw goal nodes for the flywheels.")
    ] = True,
) -> None:
    """Draw the link network (or the part the filters select) as Mermaid or DOT."""
    from .query import ActionFilter
    from .render import graph as render

    catalogue, link_graph = _session(ctx).open()
    actions = ActionFilter(goal, quality, status, term, kind, owner, partner, text, org).select(
        catalogue, link_graph
    )
    net = render.network(catalogue, link_graph, actions, with_goals=goals)
    sys.stdout.write(
        render.mermaid(net) if output_format is GraphFormat.MERMAID else render.dot(net)
    )


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
    from contextlib import ExitStack

    from .diff import compare
    from .render import diff as render
    from .revisions import checkout, load_version

    if base is not None and base_dir is not None:
        raise UsageError("give the old version once: BASE (a revision) or --base-dir (a folder)")
    if base is None and base_dir is None:
        raise UsageError("name the old version: BASE (a git revision) or --base-dir FOLDER")
    if head is not None and head_dir is not None:
        raise UsageError("give the new version once: HEAD (a revision) or --head-dir (a folder)")
    session = _session(ctx)
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


@app.command("schema")
def schema_command(
    target: Annotated[
        SchemaTarget, typer.Argument(help="Which file's schema.")
    ] = SchemaTarget.ACTION,
    output: Annotated[Path | None, typer.Option("--output", "-o", help=OUTPUT_HELP)] = None,
) -> None:
    """Print the JSON Schema of a catalogue file (for editors and other validators)."""
    from .render.export import to_json
    from .schema import json_schema

    _write_output(to_json(json_schema(target.value)), output)


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UnknownChoiceError(
            f"{option} {value!r} is not a date", hint="write it as YYYY-MM-DD"
        ) from None


def _text(value: str | None, option: str) -> str | None:
    """A text argument, checked as strictly as a file's text would be.

    Bytes that are not UTF-8 reach Python as lone surrogates (they could not be
    written to a file), and control characters other than tab and newline are
    not text.
    """
    if value is None:
        return None
    if any("\ud800" <= char <= "\udfff" for char in value):
        raise UsageError(f"{option} is not valid UTF-8 text", hint="check the terminal's encoding")
    if any((ord(char) < 32 and char not in "\t\n") or 0x7F <= ord(char) < 0xA0 for char in value):
        raise UsageError(f"{option} holds a control character; write plain text")
    return value


def _action_id(value: str, option: str = "ID") -> str:
    """A new action id: ASCII letters or a number without leading zeros, upper-cased.

    Checked before upper-casing: "ß".upper() is "SS", and "²" is a digit to isdigit().
    """
    from .models import ACTION_ID_PATTERN

    cleaned = value.strip()
    candidate = cleaned.upper() if cleaned.isascii() else cleaned
    if not re.fullmatch(ACTION_ID_PATTERN, candidate):
        raise UsageError(
            f"{option} {visible_arg(value)} is not an action id",
            hint="an id is letters (A, B, ..., AA) or a number (1, 2, ..., 45)",
        )
    return candidate


def visible_arg(value: str) -> str:
    return repr(value.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))


NoteOpt = Annotated[str | None, typer.Option("--note", "-n", help="What happened (short).")]
ByOpt = Annotated[str | None, typer.Option("--by", help="Who reports it.")]


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
    from .models import Status
    from .progress import Amendment, EntryRef, Update, amend_progress, append_progress
    from .query import STATUS_ALIASES, resolve_enum

    note, by = _text(note, "--note"), _text(by, "--by")
    new_status = resolve_enum(Status, status, "status", STATUS_ALIASES) if status else None
    entry_date = _date(when, "--date")
    root = _session(ctx).root_for_writing("update")
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
    path = append_progress(root, Update(action_id, new_status, note or "", day, by))
    typer.echo(f"recorded {day} for {action_id.upper()} in {path}", err=True)


progress_app = typer.Typer(
    cls=_Group,
    help="Read and correct an action's progress log (list, amend, remove).",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(progress_app, name="progress")

IndexOpt = Annotated[
    int | None,
    typer.Option(
        "--index",
        "-i",
        min=1,
        help="The entry's number in `rrs progress list` (needed when DATE has several).",
    ),
]
DayArg = Annotated[str, typer.Argument(metavar="DATE", help="The entry's date, YYYY-MM-DD.")]


@progress_app.command("list")
def progress_list_command(
    ctx: typer.Context,
    action_id: Annotated[str, typer.Argument(metavar="ID", help="Action.")],
    output_format: Annotated[
        ProgressFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ProgressFormat.TEXT,
) -> None:
    """The progress log, one numbered entry a line (the numbers --index takes)."""
    from .query import resolve_action
    from .render import progress as render

    catalogue, _ = _session(ctx).open()
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
    from .models import Status
    from .progress import Amendment, EntryRef, amend_progress
    from .query import STATUS_ALIASES, resolve_enum

    ref = EntryRef(_date(day, "DATE"), index)
    new_status = resolve_enum(Status, status, "status", STATUS_ALIASES) if status else None
    amendment = Amendment(
        new_status, _text(note, "--note"), _date(when, "--date"), _text(by, "--by")
    )
    path, old, _ = amend_progress(
        _session(ctx).root_for_writing("progress amend"), action_id, ref, amendment
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
    from .progress import EntryRef, remove_progress
    from .render.text import visible

    ref = EntryRef(_date(day, "DATE"), index)
    path, entry = remove_progress(_session(ctx).root_for_writing("progress remove"), action_id, ref)
    typer.echo(
        visible(
            f"removed the {entry.date} entry ({entry.status.value}) of {action_id.upper()} "
            f"from {path}"
        ),
        err=True,
    )


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
    from .i18n import language
    from .query import ActionFilter, resolve_goal
    from .render import report as render
    from .report import build_report

    report_date = _date(as_of, "--as-of") or date.today()
    since_date = _date(since, "--since")
    if since_date is not None and since_date > report_date:
        raise UnknownChoiceError(
            f"--since {since_date} is after --as-of {report_date}",
            hint="the period runs from --since up to and including --as-of",
        )
    catalogue, graph = _session(ctx).open()
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
    elif output is not None or _plain():
        text = render.markdown(report, lang_code)
    else:
        _console().print(render.terminal(report, lang_code))
        return
    _write_output(text, output)


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
) -> None:
    """Create a new action file, validated against the catalogue before it is written."""
    from .models import Kind, Status, Term
    from .progress import create_action
    from .query import KIND_ALIASES, STATUS_ALIASES, resolve_enum

    session = _session(ctx)
    new_id = _action_id(action_id)
    link_ids = [_action_id(link, "--link") for link in links or []]
    chosen_kind = (
        resolve_enum(Kind, kind, "kind", KIND_ALIASES)
        if kind
        else Kind.CONNECTED
        if new_id.isdigit()
        else Kind.FLYWHEEL
    )
    fields = {
        "id": new_id,
        "kind": chosen_kind.value,
        "title": _text(title, "--title"),
        "owner": _text(owner, "--owner"),
        "goal": goal,
        "links": link_ids,
        "status": resolve_enum(Status, status, "status", STATUS_ALIASES).value if status else None,
        "term": resolve_enum(Term, term, "term").value if term else None,
    }
    if back_link is None and link_ids and _interactive():
        back_link = typer.confirm(
            f"Add {new_id} to the links of {', '.join(link_ids)} too (so they name it back)?",
            default=True,
        )
    written = create_action(session.root_for_writing("new"), fields, back_links=bool(back_link))
    typer.echo(f"created {written[0]}", err=True)
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


@app.command("site")
def site_command(
    ctx: typer.Context,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder to write the site into.")
    ] = Path("site"),
    lang: Annotated[
        str | None,
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
    from .catalogue import load_catalogue
    from .graph import LinkGraph
    from .i18n import language
    from .render import findings as render
    from .site import build_site
    from .site.model import check_base_url, check_contact
    from .validation import findings_of

    if output == STDOUT:
        raise UsageError(
            "rrs site writes a folder of files, which standard output (-) cannot hold",
            hint="give a folder: --output site",
        )
    session = _session(ctx)
    if lang is not None and lang.strip().lower() not in ("nl", "en"):
        raise UnknownChoiceError(f"unknown language '{lang}'", hint="valid choices: nl, en")
    day = _date(as_of, "--as-of") or date.today()
    contact = check_contact(contact) if contact else None
    base_url = check_base_url(base_url) if base_url else None
    # One load serves both the validation and the build.
    loaded = load_catalogue(session.root)
    found = findings_of(loaded)
    if has_errors(found):
        sys.stderr.write(render.text([f for f in found if f.severity.value == "error"]))
        raise CatalogueInvalidError(
            "the catalogue has errors; rrs site builds only from a valid catalogue",
            hint="run `rrs validate` and fix the errors first",
        )
    catalogue = loaded.catalogue
    graph = LinkGraph.build(catalogue)
    chosen = language(lang or catalogue.strategy.language)
    with _site_progress() as progress:
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
        from .site.serve import serve as serve_folder

        def announce(url: str) -> None:
            typer.echo(f"serving {output} at {url} (Ctrl-C stops)", err=True)
            typer.echo(url)

        serve_folder(output, port, announce)


@contextlib.contextmanager
def _site_progress() -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on stderr when it is a terminal, for larger builds."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    started: list[Any] = []
    with Progress(
        TextColumn("building site"),
        BarColumn(),
        MofNCompleteColumn(),
        console=_console(stderr=True),
        transient=True,
    ) as bar:

        def update(done: int, total: int) -> None:
            if not started:
                if total < 200:  # a moment: no bar
                    started.append(None)
                    return
                started.append(bar.add_task("site", total=total))
            task = started[0]
            if task is not None:
                bar.update(task, completed=done)

        yield update


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
    from .init import InitOptions, default_year, write_catalogue

    ask = not yes and _interactive()

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
    lang = language.value if language else value(None, "Language of the text (nl or en)", "en")
    if lang not in ("nl", "en"):
        raise UnknownChoiceError(f"language {lang!r} is not nl or en")
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
            language="nl" if lang == "nl" else "en",
            contact=contact_value or None,
            goals=goal_names,
        ),
    )
    typer.echo(
        f"created {directory} ({len(written)} files); try: rrs --catalogue {directory} list",
        err=True,
    )


@app.command("where")
def where_command(
    ctx: typer.Context,
    output_format: Annotated[
        WhereFormat, typer.Option("--format", "-f", help="text, or json for scripts.")
    ] = WhereFormat.TEXT,
) -> None:
    """Show which catalogue rrs uses, how it was chosen, and whether rrs may write there.

    The order: --catalogue (before or after the command), then $RRS_CATALOGUE,
    then the first folder from the current one upwards with goals.yaml and
    actions/ (within the current repository, whose catalogue/ subfolder counts
    too), then the catalogue bundled with rrs.
    """
    import json

    location = _session(ctx).location
    if output_format is WhereFormat.JSON:
        record = {
            "path": str(location.path.absolute()),
            "source": location.source.value,
            "reason": location.reason,
            "exists": location.path.is_dir(),
            "writable": location.writable,
        }
        sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        return
    typer.echo(_shown_path(location.path))
    typer.echo(f"source: {location.source.value} ({location.reason})")
    if not location.path.is_dir():
        typer.echo("note: this folder does not exist")
    typer.echo(
        "writes: allowed (rrs update, rrs new)"
        if location.writable
        else "writes: refused (rrs update and rrs new need a catalogue of your own)"
    )


def main() -> None:
    """Console-script entry point."""
    # rrs uses no Pydantic plugins; looking for them scans the metadata of every
    # installed package on each start. An explicit setting by the user wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    app()
