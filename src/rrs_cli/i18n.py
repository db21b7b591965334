"""Every interface string of rrs in Dutch and English, in one place.

The report, the terminal tables' labels and the website speak the reader's
language (``--lang nl|en``); catalogue text stays as the strategy printed it.
Each entry is ``key: (Dutch, English)``, so a string cannot exist in one
language only (``tests/test_i18n.py`` checks the placeholders agree too).
Status and term labels use the strategy's own Dutch words where it has them
(the glossary in the README lists the rest).

Add strings here, never in a renderer or template: renderers call
:func:`text` (``t``) with a key.
"""

from __future__ import annotations

from typing import Literal

from .models import Status, Term

Language = Literal["nl", "en"]
LANGUAGES: tuple[Language, ...] = ("nl", "en")

MESSAGES: dict[str, tuple[str, str]] = {
    # Statuses: the strategy's own words (STATUS), then the glossary's.
    "status.new": ("Nieuw", "New"),
    "status.starting": ("Startend", "Starting"),
    "status.in-development": ("In ontwikkeling", "In development"),
    "status.being-set-up": ("In oprichting", "Being set up"),
    "status.ongoing": ("Lopend", "Ongoing"),
    "status.completed": ("Afgerond", "Completed"),
    "status.stopped": ("Gestopt", "Stopped"),
    "status.none": ("Geen status vermeld", "No status given"),
    # Expected-result terms (RESULTAAT).
    "term.short": ("Korte termijn", "Short term"),
    "term.medium": ("Middellange termijn", "Medium term"),
    "term.long": ("Lange termijn", "Long term"),
    "term.short-to-medium": ("Korte tot middellange termijn", "Short to medium term"),
    "term.medium-to-long": ("Middellange tot lange termijn", "Medium to long term"),
    "term.short-to-long": ("Korte tot lange termijn", "Short to long term"),
    "term.none": ("Geen termijn vermeld", "No term given"),
    # Kinds of action.
    "kind.flywheel": ("Vliegwielactie", "Flywheel action"),
    "kind.connected": ("Verbonden actie", "Connected action"),
    "kind.flywheel.plural": ("Vliegwielacties", "Flywheel actions"),
    "kind.connected.plural": ("Verbonden acties", "Connected actions"),
    # Impact levels.
    "impact.individual": ("Individueel", "Individual"),
    "impact.neighbourhood": ("Wijk", "Neighbourhood"),
    "impact.city": ("Stad", "City"),
    # The link network drawn as SVG (render/svg.py): its legend.
    "svg.link.both_sides": ("link aan beide kanten vermeld", "link named on both sides"),
    "svg.link.one_sided": ("link aan één kant vermeld", "link named on one side only"),
    # Field labels shared by the terminal, the report and the site.
    "field.id": ("Id", "ID"),
    "field.title": ("Titel", "Title"),
    "field.kind": ("Soort", "Kind"),
    "field.goal": ("Doel", "Goal"),
    "field.goal_section": ("Doel (hoofdstuk)", "Goal section"),
    "field.goals_reached": ("Doelen waaraan de actie bijdraagt", "Goals reached"),
    "field.owner": ("Eigenaar", "Owner"),
    "field.partners": ("Partners", "Partners"),
    "field.funding": ("Financiën (mogelijk)", "Funding (possible)"),
    "field.status": ("Status", "Status"),
    "field.status_at_publication": (
        "Status bij publicatie ({year})",
        "Status at publication ({year})",
    ),
    "field.status_initial": ("Status bij opname", "Initial status"),
    "field.current_status": ("Huidige status", "Current status"),
    "field.term": ("Resultaat (termijn)", "Expected result (term)"),
    "field.horizon_passed": ("Termijn verstreken", "Horizon passed"),
    "field.qualities": ("Kwaliteiten", "Qualities"),
    "field.impact_levels": ("Niveau", "Impact levels"),
    "field.description": ("Omschrijving", "Description"),
    "field.resilience_value": ("Resilience value", "Resilience value"),
    "field.links": ("Links", "Links"),
    "field.progress": ("Voortgang", "Progress"),
    "field.progress_entry": ("Voortgangsmelding", "Progress entry"),
    "field.last_update": ("Laatste voortgangsmelding", "Last update"),
    "field.notes": ("Over de bron", "About the source"),
    "field.as_of": ("Peildatum", "As of"),
    "field.date": ("Datum", "Date"),
    "field.note": ("Toelichting", "Note"),
    "field.by": ("Door", "By"),
    "value.none": ("—", "—"),
    "value.all_flywheels": ("Alle vliegwielacties", "All flywheel actions"),
    "value.all_goals": ("alle", "all"),
    "finding.accepted": ("geaccepteerde bevinding", "accepted finding"),
}


def text(key: str, lang: Language, /, **fields: object) -> str:
    """The interface string ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    dutch, english = MESSAGES[key]
    template = dutch if lang == "nl" else english
    return template.format(**fields) if fields else template


t = text


def status_label(status: Status | None, lang: Language) -> str:
    """A status in the reader's language: the strategy's own word in Dutch."""
    return text(f"status.{status.value}" if status else "status.none", lang)


def term_label(term: Term | None, lang: Language) -> str:
    return text(f"term.{term.value}" if term else "term.none", lang)


def language(value: str | None, default: str = "en") -> Language:
    """``value`` (or the catalogue's language) as an interface language; English otherwise."""
    chosen = (value or default).strip().lower()
    return "nl" if chosen == "nl" else "en"
