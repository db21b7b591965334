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

from datetime import date
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
    # `rrs init`: the example content of a new catalogue.
    "init.example_goal": ("Voorbeelddoel", "Example goal"),
    "init.example_flywheel": ("Voorbeeld van een vliegwielactie", "Example flywheel action"),
    "init.example_connected": ("Voorbeeld van een verbonden actie", "Example connected action"),
    "init.example_description": (
        "Vervang dit voorbeeld door een actie uit de strategie.",
        "Replace this example with an action from the strategy.",
    ),
    # Months, for dates written out in the report.
    "month.1": ("januari", "January"),
    "month.2": ("februari", "February"),
    "month.3": ("maart", "March"),
    "month.4": ("april", "April"),
    "month.5": ("mei", "May"),
    "month.6": ("juni", "June"),
    "month.7": ("juli", "July"),
    "month.8": ("augustus", "August"),
    "month.9": ("september", "September"),
    "month.10": ("oktober", "October"),
    "month.11": ("november", "November"),
    "month.12": ("december", "December"),
    # The steering-group report.
    "report.title": ("{name}: voortgangsrapportage", "{name}: progress report"),
    "report.as_of": ("Peildatum {date}", "As of {date}"),
    "report.period": (
        "wijzigingen van {since} tot en met {as_of}",
        "changes from {since} up to and including {as_of}",
    ),
    "report.scope_all": ("{count} acties, alle doelen", "{count} actions, all goals"),
    "report.scope_goal": ("{count} acties, doel {goal}", "{count} actions, goal {goal}"),
    "report.baseline_note": (
        "Uitgangspunt is de status bij publicatie van de strategie ({year}); "
        "de huidige status is de laatst gemelde.",
        "The baseline is the status when the strategy was published ({year}); "
        "the current status is the latest one reported.",
    ),
    "report.summary": ("Samenvatting", "Summary"),
    "report.summary.changes": (
        "Acties met een voortgangsmelding in deze periode: {actions} "
        "(meldingen: {entries}; statuswijzigingen: {status_changes}).",
        "Actions with a progress entry in this period: {actions} "
        "(entries: {entries}; status changes: {status_changes}).",
    ),
    "report.summary.all_changes": (
        "Acties met een voortgangsmelding tot de peildatum: {actions} "
        "(meldingen: {entries}; statuswijzigingen: {status_changes}).",
        "Actions with a progress entry up to this date: {actions} "
        "(entries: {entries}; status changes: {status_changes}).",
    ),
    "report.summary.no_changes_ever": (
        "Er is nog geen voortgang gemeld.",
        "No progress has been recorded yet.",
    ),
    "report.summary.no_changes": (
        "In deze periode is geen voortgang gemeld.",
        "No progress was recorded in this period.",
    ),
    "report.summary.overdue": (
        "Acties over hun verwachte termijn en niet afgerond: {count} van {total}.",
        "Actions past their expected-result horizon and not completed: {count} of {total}.",
    ),
    "report.summary.stale": (
        "Acties zonder voortgangsmelding in de laatste {days} dagen: {count} van {total} "
        "(nog nooit gemeld: {never}).",
        "Actions without a progress entry in the last {days} days: {count} of {total} "
        "(never reported: {never}).",
    ),
    "report.summary.funding": (
        "Acties waarvan de (mogelijke) financiering nog niet bepaald is: {count}.",
        "Actions whose (possible) funding is not yet settled: {count}.",
    ),
    "report.summary.decide": (
        "Voor een besluit: de acties over hun termijn en zonder voortgangsmelding, "
        "per doel en per eigenaar hieronder; de volledige lijsten staan in de bijlage.",
        "For a decision: the actions past their horizon and without a progress entry, "
        "per goal and per owner below; the full lists are in the appendix.",
    ),
    "report.per_goal": ("Per doel", "Per goal"),
    "report.per_owner": ("Per eigenaar", "Per owner"),
    "report.col.actions": ("Acties", "Actions"),
    "report.col.changed": ("Gewijzigd", "Changed"),
    "report.col.overdue": ("Termijn verstreken", "Past horizon"),
    "report.col.stale": ("Geen melding", "No update"),
    "report.col.also": ("Draagt ook bij", "Also contributes"),
    "report.col.total": ("Totaal", "Total"),
    "report.col.action": ("Actie", "Action"),
    "report.col.count": ("Aantal", "Count"),
    "report.col.horizon": ("Termijn tot", "Horizon"),
    "report.col.baseline": ("Bij publicatie ({year})", "At publication ({year})"),
    "report.col.statuses": ("Huidige statussen", "Current statuses"),
    "report.col.change": ("Statuswijziging", "Status change"),
    "report.total": ("Totaal", "Total"),
    "report.no_goal": ("Zonder doel", "No goal"),
    "report.goal_name": ("{number}. {name}", "{number}. {name}"),
    "report.goal_short": ("Doel {number}", "Goal {number}"),
    "report.per_goal.caption": (
        "Elke actie telt één keer, bij het doel in wiens hoofdstuk de strategie haar noemt "
        "(samen {total}). ‘Draagt ook bij’ telt daarnaast de acties uit andere hoofdstukken "
        "die via hun links ook dit doel bereiken (samen {also}); die tellen niet mee in "
        "het totaal.",
        "Each action is counted once, under the goal whose chapter the strategy prints it in "
        "(together {total}). ‘Also contributes’ counts, in addition, the actions from other "
        "chapters that reach this goal through their links (together {also}); they are not part "
        "of the total.",
    ),
    "report.per_owner.caption": (
        "Eigenaren zoals de strategie ze noemt, samengevoegd ongeacht hoofdletters en spaties "
        "en onder hun andere namen; elke actie telt één keer. Eigenaren met één actie, "
        "hier niet getoond: {others} (zie de bijlage).",
        "Owners as the strategy names them, merged regardless of case and spacing and under "
        "their other names; each action is counted once. Owners of one action, not shown "
        "here: {others} (see the appendix).",
    ),
    "report.overview": ("Overzicht", "Overview"),
    "report.by_status": ("Naar huidige status", "By current status"),
    "report.by_goal": ("Naar doel", "By goal"),
    "report.by_term": ("Naar verwachte termijn", "By expected-result term"),
    "report.chart.status": ("Acties naar huidige status", "Actions by current status"),
    "report.chart.goal": ("Acties naar doel", "Actions by goal"),
    "report.chart.term": ("Acties naar termijn", "Actions by term"),
    "report.changes": ("Wijzigingen in de periode", "Changes in the period"),
    "report.changes_all": ("Alle gemelde wijzigingen", "All recorded changes"),
    "report.changes.none": (
        "In deze periode is geen voortgang gemeld.",
        "No progress was recorded in this period.",
    ),
    "report.unchanged": ("ongewijzigd: {status}", "unchanged: {status}"),
    "report.attention": ("Aandachtspunten", "Needs attention"),
    "report.overdue": (
        "Verwachte termijn verstreken, niet afgerond ({count})",
        "Expected-result horizon passed, not completed ({count})",
    ),
    "report.stale": (
        "Geen voortgangsmelding in de laatste {days} dagen ({count})",
        "No progress entry in the last {days} days ({count})",
    ),
    "report.see_appendix": (
        "Volledige lijst: bijlage, ‘{section}’.",
        "Full list: appendix, ‘{section}’.",
    ),
    "report.none": ("Geen.", "None."),
    "report.goals": ("Doelen", "Goals"),
    "report.flywheel_heading": ("Vliegwielactie {id}: {title}", "Flywheel action {id}: {title}"),
    "report.connected_of": ("Verbonden acties van {id}", "Connected actions of {id}"),
    "report.unattached": (
        "Verbonden acties zonder vliegwielactie in dit doel",
        "Connected actions linked to no flywheel action of this goal",
    ),
    "report.cross_cutting": (
        "Verbonden met alle vliegwielacties",
        "Linked to all flywheel actions",
    ),
    "report.no_actions": ("Geen acties.", "No actions."),
    "report.coverage": ("Dekking doel × kwaliteit", "Goal × quality coverage"),
    "report.coverage.caption": (
        "Aantal acties per doel waarvan de resilience value de kwaliteit noemt; — is een gat.",
        "Actions per goal whose resilience value names each quality; — marks a gap.",
    ),
    "report.coverage.gaps": (
        "{gaps} van de {total} combinaties van doel en kwaliteit hebben geen actie.",
        "{gaps} of {total} goal–quality pairs have no action.",
    ),
    "report.owners": ("Eigenaren", "Owners"),
    "report.other_owners": (
        "Andere eigenaren (elk één actie)",
        "Other owners (one action each)",
    ),
    "report.no_owner": ("Geen eigenaar vermeld", "No owner given"),
    "report.funding": ("Financiën (mogelijk)", "Funding (possible)"),
    "report.funding.note": (
        "De strategie noemt bij elke actie mogelijke financiering: geen van deze bedragen of "
        "bronnen is daarmee toegezegd.",
        "The strategy gives each action's possible funding: none of these sources or amounts "
        "is thereby committed.",
    ),
    "report.funding.unsettled": (
        "Financiering nog niet bepaald ({count})",
        "Funding not yet settled ({count})",
    ),
    "report.funding.unsettled_words": (
        "Als niet bepaald geldt: leeg, of {words}.",
        "Counted as not settled: empty, or {words}.",
    ),
    "report.funding.by_source": ("Mogelijke financiering per bron", "Possible funding by source"),
    "report.no_funding": ("Geen financiering vermeld", "No funding given"),
    "report.appendix": ("Bijlage", "Appendix"),
    "report.appendix.overdue": ("Termijn verstreken", "Horizon passed"),
    "report.appendix.stale": ("Zonder recente voortgangsmelding", "No recent progress entry"),
    "report.appendix.owners": ("Alle eigenaren", "All owners"),
    "report.appendix.funding": ("Alle (mogelijke) financiering", "All (possible) funding"),
    "report.never": ("nooit", "never"),
    "report.chart.table": ("Dezelfde cijfers als tabel", "The same numbers as a table"),
    "report.contents": ("Inhoud", "Contents"),
    "report.generated": (
        "Gemaakt met rrs uit de catalogus van de strategie; contact: {contact}.",
        "Made with rrs from the strategy's catalogue; contact: {contact}.",
    ),
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


def format_date(day: date, lang: Language) -> str:
    """``day`` written out: "1 juli 2026" in Dutch, "1 July 2026" in English."""
    return f"{day.day} {text(f'month.{day.month}', lang)} {day.year}"


def language(value: str | None, default: str = "en") -> Language:
    """``value`` (or the catalogue's language) as an interface language; English otherwise."""
    chosen = (value or default).strip().lower()
    return "nl" if chosen == "nl" else "en"
