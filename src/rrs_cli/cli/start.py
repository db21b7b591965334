"""Starting a catalogue: init (another city's strategy, or a copy of the bundled one)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..choices import LanguageChoice
from ..errors import UsageError
from .options import language_choice
from .output import interactive
from .session import session_of

if TYPE_CHECKING:
    from ..i18n import Language
    from ..init import InitOptions

# The core is imported inside the command, not at the top (start-up speed).

app = typer.Typer()


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
