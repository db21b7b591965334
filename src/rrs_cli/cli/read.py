"""Commands that read the catalogue: list, show, links, graph, export, schema, where."""

from __future__ import annotations

import sys
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..choices import (
    ExportFormat,
    GraphFormat,
    LinksFormat,
    ListFormat,
    SchemaTarget,
    ShowFormat,
    WhereFormat,
)
from .options import (
    FILTERS_HELP,
    OUTPUT_HELP,
    GoalsOpt,
    KindsOpt,
    LangOpt,
    OrgsOpt,
    OwnersOpt,
    PartnersOpt,
    QualitiesOpt,
    StatusesOpt,
    TermsOpt,
    TextsOpt,
    label_language,
)
from .output import plain, rich_console, shown_path, write_output
from .session import session_of

if TYPE_CHECKING:
    from ..catalogue import Catalogue
    from ..graph import LinkGraph
    from ..models import Action

# The core is imported inside each command, not at the top, so that `rrs --help`
# loads no Pydantic models, YAML or rich, and a command only what it uses (start-up speed).

app = typer.Typer()


def _selected(ctx: typer.Context) -> tuple[Catalogue, LinkGraph, list[Action]]:
    """The catalogue, its graph and the actions the filter options select.

    The filter options of `list` and `graph` (goal ... text) are named as
    ActionFilter's fields, so the filter is built from them by name, in one place.
    """
    from ..query import ActionFilter

    catalogue, graph = session_of(ctx).open()
    chosen = ActionFilter(**{field.name: ctx.params[field.name] for field in fields(ActionFilter)})
    return catalogue, graph, chosen.select(catalogue, graph)


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
    columns: Annotated[
        list[str] | None,
        typer.Option(
            "--columns",
            help="Columns to show, comma-separated or repeated: id, kind, title, status, "
            "status-at-publication, term, end-of-term, goals, qualities, owner, partners, "
            "funding, last-update, links (default: id,title,status,term,goals).",
        ),
    ] = None,
    sort: Annotated[
        str | None,
        typer.Option(
            "--sort",
            help="Order by a column (e.g. owner, last-update, end-of-term); "
            "-COLUMN for descending (--sort=-last-update).",
        ),
    ] = None,
    count: Annotated[
        bool, typer.Option("--count", help="Print only how many actions match.")
    ] = False,
) -> None:
    """List actions; repeated filters are alternatives, different filters must all hold.

    Examples: rrs list -g cyber -g klimaat -s lopend; rrs list --org 'port authority';
    rrs list --columns id,owner,last-update --sort last-update; rrs list -s lopend --count
    """
    from ..render import listing
    from ..render.columns import View, choose_columns, sort_actions

    catalogue, graph, actions = _selected(ctx)
    lang_code = label_language(lang, catalogue.strategy.language)
    chosen = choose_columns(columns) if columns else None
    actions = sort_actions(actions, sort, View(graph, lang_code))
    if count:
        sys.stdout.write(f"{len(actions)}\n")
    elif output_format is ListFormat.TABLE and not sys.stdout.isatty():
        # Piped: one line per action, nothing padded or wrapped (grep finds the id).
        sys.stdout.write(listing.lines(actions, graph, lang=lang_code, columns=chosen))
    elif output_format is ListFormat.TABLE:
        console = rich_console()
        console.print(
            listing.table(
                actions, graph, plain=plain(), width=console.width, lang=lang_code, columns=chosen
            )
        )
    elif output_format is ListFormat.JSON:
        sys.stdout.write(listing.json_text(actions, graph))
    elif output_format is ListFormat.MARKDOWN:
        sys.stdout.write(listing.markdown(actions, graph, lang=lang_code, columns=chosen))
    else:
        sys.stdout.write(listing.csv_text(actions, graph, chosen))


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
    from ..render import show
    from ..render.export import action_record, to_json

    session = session_of(ctx)
    catalogue, graph = session.open()
    action = session.action(action_id)
    lang_code = label_language(lang, catalogue.strategy.language)
    if output_format is ShowFormat.JSON:
        sys.stdout.write(to_json(action_record(action, graph)))
    elif output_format is ShowFormat.MARKDOWN:
        sys.stdout.write(show.markdown(catalogue, graph, action, lang_code))
    elif plain():
        sys.stdout.write(show.plain_text(catalogue, graph, action, lang_code))
    else:
        rich_console().print(show.rich_view(catalogue, graph, action, lang_code))


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
    from ..render import links

    session = session_of(ctx)
    _, graph = session.open()
    start = session.action(action_id)
    steps = graph.walk(start.id, depth)
    if output_format is LinksFormat.JSON:
        sys.stdout.write(links.json_text(steps))
    else:
        rich_console().print(links.table(steps, plain=plain()))


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
    from ..render import graph as render

    catalogue, link_graph, actions = _selected(ctx)
    net = render.network(catalogue, link_graph, actions, with_goals=goals)
    sys.stdout.write(
        render.mermaid(net) if output_format is GraphFormat.MERMAID else render.dot(net)
    )


@app.command("export")
def export_command(
    ctx: typer.Context,
    output_format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="Export format.")
    ] = ExportFormat.JSON,
    output: Annotated[Path | None, typer.Option("--output", "-o", help=OUTPUT_HELP)] = None,
) -> None:
    """Export the whole catalogue as one JSON document (goals, qualities, actions)."""
    from ..render.export import export_document, records_to_json
    from ..validation import load_valid

    root = session_of(ctx).root
    catalogue, graph, _ = load_valid(
        root, "the catalogue has errors; an export would be incomplete"
    )
    write_output(records_to_json(export_document(catalogue, graph)), output)


@app.command("schema")
def schema_command(
    target: Annotated[
        SchemaTarget, typer.Argument(help="Which file's schema.")
    ] = SchemaTarget.ACTION,
    output: Annotated[Path | None, typer.Option("--output", "-o", help=OUTPUT_HELP)] = None,
) -> None:
    """Print the JSON Schema of a catalogue file (for editors and other validators)."""
    from ..render.export import to_json
    from ..schema import json_schema

    write_output(to_json(json_schema(target.value)), output)


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
    location = session_of(ctx).location
    if output_format is WhereFormat.JSON:
        from ..render import where

        sys.stdout.write(where.json_text(location))
        return
    typer.echo(shown_path(location.path))
    typer.echo(f"source: {location.source.value} ({location.reason})")
    if not location.path.is_dir():
        typer.echo("note: this folder does not exist")
    refusal = location.refusal
    typer.echo(
        f"writes: refused ({refusal})" if refusal else "writes: allowed (rrs update, rrs new)"
    )
