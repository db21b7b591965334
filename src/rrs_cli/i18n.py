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
    # Words a command-line value may carry around a goal number or a term
    # ("goal 3", "doel 3", "korte termijn"): rrs ignores them when matching.
    "query.word.goal": ("doel", "goal"),
    "query.word.term": ("termijn", "term"),
    # Kinds of action.
    "kind.flywheel": ("Vliegwielactie", "Flywheel action"),
    "kind.connected": ("Verbonden actie", "Connected action"),
    "kind.flywheel.plural": ("Vliegwielacties", "Flywheel actions"),
    "kind.connected.plural": ("Verbonden acties", "Connected actions"),
    # Impact levels.
    "impact.individual": ("Individueel", "Individual"),
    "impact.neighbourhood": ("Wijk", "Neighbourhood"),
    "impact.city": ("Stad", "City"),
    # The link network drawn as SVG (site/svg.py): its legend.
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
    # `rrs list`: the table's short headings and its count.
    "list.term": ("Termijn", "Term"),
    "list.goals": ("Doelen", "Goals"),
    "list.status_at_publication": ("Status bij publicatie", "Status at publication"),
    "list.end_of_term": ("Einde termijn", "End of term"),
    "list.last_update": ("Laatste melding", "Last update"),
    "list.count": ("{count} acties", "{count} actions"),
    "list.count.one": ("{count} actie", "{count} action"),
    # `rrs show`: one action's labels.
    "show.goals_named": ("Genoemde doelen", "Goals named"),
    "show.links_as_printed": ("Links zoals gedrukt", "Links as printed"),
    "show.linked": ("Gelinkte acties ({count})", "Linked actions ({count})"),
    "show.linked.heading": ("Gelinkte acties", "Linked actions"),
    "show.link.both": ("beide kanten", "both"),
    "show.link.here": ("alleen hier genoemd", "named here only"),
    "show.link.there": ("alleen daar genoemd", "named there only"),
    "show.link.there_all": ("daar genoemd (alle vliegwielen)", "named there (all flywheels)"),
    "show.none": ("geen", "none"),
    "show.field": ("Veld", "Field"),
    "show.value": ("Waarde", "Value"),
    "show.notes": ("Over de bron", "Notes"),
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
    # `rrs init`: its questions, asked in the language chosen first.
    "init.prompt.city": ("Stad", "City"),
    "init.prompt.name": (
        "Naam van de strategie (in haar eigen taal)",
        "Strategy name (in its own language)",
    ),
    "init.prompt.name_en": ("Naam van de strategie in het Engels", "Strategy name in English"),
    "init.prompt.published": ("Jaar van publicatie", "Year of publication"),
    "init.prompt.contact": (
        "E-mailadres voor reacties (leeg: geen)",
        "Contact e-mail (empty: none)",
    ),
    "init.prompt.goal": ("Doel {number} (leeg: klaar)", "Goal {number} (empty: done)"),
    "init.default_name": ("{city} Resilience Strategie", "{city} Resilience Strategy"),
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
    "report.scope_goals": ("{count} acties, doelen {goals}", "{count} actions, goals {goals}"),
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


# The website (`rrs site`): navigation, page texts and labels.
SITE_MESSAGES: dict[str, tuple[str, str]] = {
    "site.skip": ("Naar de inhoud", "Skip to content"),
    "site.nav": ("Hoofdmenu", "Main menu"),
    "site.nav.home": ("Start", "Home"),
    "site.nav.actions": ("Acties", "Actions"),
    "site.nav.search": ("Zoeken", "Search"),
    "site.nav.report": ("Rapportage", "Report"),
    "site.nav.network": ("Netwerk", "Network"),
    "site.nav.organisations": ("Organisaties", "Organisations"),
    "site.nav.data": ("Over de gegevens", "About the data"),
    "site.intro": (
        "{name} is de resilience strategie van {city}, gepubliceerd in {year}. Deze site "
        "toont de doelen en acties van de strategie en hoe ver ze zijn.",
        "{name} is the resilience strategy of {city}, published in {year}. This site shows "
        "the strategy's goals and actions and how far they have got.",
    ),
    "site.intro_undated": (
        "{name} is de resilience strategie van {city}. Deze site toont de doelen en acties "
        "van de strategie en hoe ver ze zijn.",
        "{name} is the resilience strategy of {city}. This site shows the strategy's goals "
        "and actions and how far they have got.",
    ),
    "site.source": ("Bron", "Source"),
    "site.as_of": ("Stand op {date}", "As of {date}"),
    "site.last_change": (
        "Laatste voortgangsmelding: {date}",
        "Data last changed: {date}",
    ),
    "site.no_change": ("Nog geen voortgang gemeld", "No progress logged yet"),
    "site.goals": ("Doelen", "Goals"),
    "site.goal_number": ("Doel {number}", "Goal {number}"),
    "site.goal_counts": ("{flywheels}, {connected}", "{flywheels}, {connected}"),
    # Counts with singular and plural forms: see plural().
    "site.count.flywheels.one": ("{count} vliegwielactie", "{count} flywheel action"),
    "site.count.flywheels.other": ("{count} vliegwielacties", "{count} flywheel actions"),
    "site.count.connected.one": ("{count} verbonden actie", "{count} connected action"),
    "site.count.connected.other": ("{count} verbonden acties", "{count} connected actions"),
    "site.status_of": ("Status van de acties", "Status of the actions"),
    "site.more": ("Verder op deze site", "More on this site"),
    "site.more.actions": (
        "Alle acties, met filters op doel, kwaliteit, status, termijn, soort en eigenaar",
        "All actions, filtered by goal, quality, status, term, kind and owner",
    ),
    "site.more.search": ("Zoeken in de tekst van alle acties", "Search the text of all actions"),
    "site.more.report": (
        "De voortgangsrapportage voor de stuurgroep",
        "The steering group's progress report",
    ),
    "site.more.network": (
        "Hoe de acties met elkaar verbonden zijn",
        "How the actions link to each other",
    ),
    "site.more.organisations": (
        "Wie welke actie trekt of eraan meedoet",
        "Who owns or takes part in which action",
    ),
    "site.more.data": (
        "De gegevens: validatie, bekende inconsistenties en downloads",
        "The data: validation, known inconsistencies and downloads",
    ),
    "site.qualities": ("Kwaliteiten", "Qualities"),
    "site.chart.status": ("Acties per status", "Actions by status"),
    "site.chart.goals": ("Acties per doel", "Actions by goal"),
    "site.chart.terms": ("Acties per termijn", "Actions by term"),
    "site.chart.numbers": ("De cijfers van deze grafiek", "The numbers in this chart"),
    "site.chart.goals_note": (
        "Een actie telt mee bij elk doel waaraan zij bijdraagt, dus de totalen tellen op "
        "tot meer dan het aantal acties.",
        "An action counts under each goal it reaches, so the totals add up to more than "
        "the number of actions.",
    ),
    "site.goals.cards_note": (
        "Bij elk doel tellen de acties die het bereiken: de acties uit zijn hoofdstuk en de "
        "acties die via hun links ook aan dit doel bijdragen. Een actie kan zo bij meer "
        "doelen meetellen.",
        "Each goal counts the actions that reach it: those in its chapter and those that "
        "contribute to it through their links. An action can therefore count under more "
        "than one goal.",
    ),
    "site.count": ("Aantal", "Number"),
    "site.total": ("Totaal", "Total"),
    "site.flywheels": (
        "Vliegwielacties en hun verbonden acties",
        "Flywheel actions and their connected actions",
    ),
    "site.unattached": (
        "Andere verbonden acties bij dit doel",
        "Other connected actions of this goal",
    ),
    "site.cross_cutting": (
        "Verbonden met alle vliegwielacties",
        "Linked with all flywheel actions",
    ),
    "site.members": ("Acties bij dit doel: {count}", "Actions of this goal: {count}"),
    "site.goal_actions_link": (
        "Deze acties in de lijst met filters",
        "These actions in the filtered list",
    ),
    "site.network_of_goal": ("Dit doel in het netwerk", "This goal in the link network"),
    "site.network_whole": ("Het hele netwerk", "The whole network"),
    "site.network_per_goal": ("Per doel", "Per goal"),
    "site.network_intro": (
        "Elk doel met zijn vliegwielacties en de acties die ermee verbonden zijn. Een "
        "stippellijn is een link die maar aan één kant in de strategie staat. Elke actie is "
        "een link naar haar pagina.",
        "Each goal with its flywheel actions and the actions connected to them. A dashed "
        "line is a link printed on one side only. Each action links to its page.",
    ),
    "site.network_too_big": (
        "Dit netwerk heeft {count} acties, te veel om leesbaar te tekenen; de lijst van "
        "acties en de doelpagina's tonen dezelfde verbanden.",
        "This network has {count} actions, too many to draw legibly; the list of actions "
        "and the goal pages show the same links.",
    ),
    "site.links": ("Verbonden acties", "Linked actions"),
    "site.links_none": ("Geen verbonden acties", "No linked actions"),
    "site.link.both": ("aan beide kanten genoemd", "named on both sides"),
    "site.link.here": (
        "eenzijdig: alleen bij deze actie genoemd",
        "one-sided: named by this action only",
    ),
    "site.link.there": (
        "eenzijdig: alleen bij de andere actie genoemd",
        "one-sided: named by the other action only",
    ),
    "site.link.all": (
        "verbonden met alle vliegwielacties",
        "linked with all flywheel actions",
    ),
    "site.links_all_flywheels": (
        "Deze actie is verbonden met alle vliegwielacties.",
        "This action is linked with all flywheel actions.",
    ),
    "site.verbatim": ("in de strategie: “{text}”", "as printed: “{text}”"),
    "site.horizon.passed": ("Ja, op {date}", "Yes, on {date}"),
    "site.horizon.running": ("Nee, loopt tot {date}", "No, it runs until {date}"),
    "site.horizon.open": ("Nee, open termijn", "No, open-ended"),
    "site.timeline": ("Voortgang", "Progress"),
    "site.respond": ("Reageer op deze actie", "Respond to this action"),
    "site.respond_subject": ("Reactie op actie {id}: {title}", "Response to action {id}: {title}"),
    "site.respond_intro": (
        "De strategie is vrijgegeven voor consultatie: uw reactie gaat per e-mail naar {address}.",
        "The strategy was released for consultation: your response goes by email to {address}.",
    ),
    "site.filters": ("Filters", "Filters"),
    "site.filter.all": ("Alle", "All"),
    "site.filter.q": ("Zoek in titel en eigenaar", "Search title and owner"),
    "site.filter.apply": ("Toon", "Show"),
    "site.filter.clear": ("Wis filters", "Clear filters"),
    "site.filter.owner_help": (
        "Een deel van de naam is genoeg.",
        "Part of the name is enough.",
    ),
    "site.filter.none_status": ("Zonder status", "Without status"),
    # A filter value in the address that names no choice (actions.html?owner=...).
    "site.filter.unknown": (
        "{filter} ‘{value}’ komt in deze lijst niet voor.",
        "{filter} ‘{value}’ matches nothing in this list.",
    ),
    "site.filter.none_term": ("Zonder termijn", "Without term"),
    "site.result_count": ("{count} van {total} acties", "{count} of {total} actions"),
    "site.list_caption": ("Alle acties", "All actions"),
    "site.list_pages": ("Pagina's van de lijst", "Pages of the list"),
    "site.list_range": (
        "Acties {first} tot en met {last} van {total}",
        "Actions {first} to {last} of {total}",
    ),
    "site.list_page_title": (
        "Acties, pagina {page} van {pages}",
        "Actions, page {page} of {pages}",
    ),
    "site.previous_page": ("Vorige pagina", "Previous page"),
    "site.next_page": ("Volgende pagina", "Next page"),
    "site.list_loading": ("De andere pagina's worden geladen…", "Loading the other pages…"),
    "site.list_partial": (
        "{count} van de {total} acties op deze pagina (de andere pagina's worden alleen "
        "doorzocht als de site via een webserver is geopend)",
        "{count} of the {total} actions on this page (the other pages are searched only "
        "when the site is opened through a web server)",
    ),
    "site.search.title": ("Zoeken", "Search"),
    "site.search.label": ("Zoek in alle acties", "Search all actions"),
    "site.search.button": ("Zoeken", "Search"),
    "site.search.help": (
        "Zoekt in titels, omschrijvingen, resilience values, eigenaren en partners.",
        "Searches titles, descriptions, resilience values, owners and partners.",
    ),
    "site.search.file": (
        "Zoeken werkt alleen als de site via een webserver wordt geopend (bijvoorbeeld met "
        "rrs site --serve), niet als bestand. De lijst van acties werkt wel.",
        "Search works only when the site is opened through a web server (for example with "
        "rrs site --serve), not as a file. The list of actions does work.",
    ),
    "site.search.noscript": (
        "Zoeken heeft JavaScript nodig; de lijst van acties werkt ook zonder.",
        "Search needs JavaScript; the list of actions works without it.",
    ),
    "site.search.unavailable": (
        "Zoeken is niet beschikbaar: deze site is gebouwd zonder zoekindex.",
        "Search is not available: this site was built without a search index.",
    ),
    "site.search.none": ("Niets gevonden.", "Nothing found."),
    "site.search.count": ("{count} resultaten", "{count} results"),
    "site.organisations.intro": (
        "Elke eigenaar en partner van een actie, met de acties die ze trekken of waaraan ze "
        "meedoen. Namen die de strategie op meer manieren schrijft staan samen.",
        "Every owner and partner of an action, with the actions they own or take part in. "
        "Names the strategy writes in more than one way are grouped.",
    ),
    "site.owns": ("Eigenaar van", "Owner of"),
    "site.partner_in": ("Partner bij", "Partner in"),
    "site.also_written": ("Ook geschreven als", "Also written as"),
    "site.organisation": ("Organisatie", "Organisation"),
    "site.quality": ("Kwaliteit", "Quality"),
    "site.quality.actions": ("Acties met deze kwaliteit", "Actions with this quality"),
    "site.quality.none": (
        "Geen enkele actie noemt deze kwaliteit.",
        "No action names this quality.",
    ),
    "site.quality.by_goal": (
        "Acties met deze kwaliteit, per doel",
        "Actions with this quality, per goal",
    ),
    "site.matrix_link": (
        "De hele tabel van doelen en kwaliteiten staat in de voortgangsrapportage.",
        "The whole table of goals and qualities is in the progress report.",
    ),
    "site.all_flywheels_here": (
        "Ook met deze actie verbonden, want verbonden met alle vliegwielacties:",
        "Also linked with this action, as linked with all flywheel actions:",
    ),
    "site.all_flywheels_every": (
        "Alle {count} acties die met alle vliegwielacties verbonden zijn",
        "All {count} actions linked with all flywheel actions",
    ),
    "site.flywheels_list": ("Naar de vliegwielacties.", "See the flywheel actions."),
    "site.report.print": (
        "Voor een PDF: kies Afdrukken in de browser en bewaar als PDF.",
        "For a PDF: choose Print in the browser and save as PDF.",
    ),
    "site.report.parts": (
        "Bij meer dan {limit} acties staan de lange tabellen in delen, zodat geen pagina "
        "te groot wordt:",
        "With more than {limit} actions the long tables are in parts, so that no page grows "
        "too large:",
    ),
    "site.report.part_goals": (
        "Doelen, deel {number} van {total}",
        "Goals, part {number} of {total}",
    ),
    "site.report.part_appendix": (
        "Bijlage, deel {number} van {total}",
        "Appendix, part {number} of {total}",
    ),
    "site.report.parts_nav": ("Delen van het rapport", "Parts of the report"),
    "site.report.continued": ("(vervolg)", "(continued)"),
    "site.report.back": ("Terug naar het rapport", "Back to the report"),
    "site.report.previous": ("Vorig deel", "Previous part"),
    "site.report.next": ("Volgend deel", "Next part"),
    "site.report.print_parts": (
        "Elk deel drukt apart af. Het hele rapport als één bestand: rrs report --format html.",
        "Each part prints on its own. The whole report as one file: rrs report --format html.",
    ),
    "site.data.validation": ("Validatie", "Validation"),
    "site.data.clean": (
        "De catalogus is zonder fouten of waarschuwingen gevalideerd.",
        "The catalogue validated without errors or warnings.",
    ),
    "site.data.warnings": (
        "De catalogus heeft geen fouten, wel {count} waarschuwingen: vooral bekende "
        "inconsistenties in de brontekst, zoals links die maar aan één kant staan.",
        "The catalogue has no errors, but {count} warnings: mostly known inconsistencies "
        "in the source text, such as links printed on one side only.",
    ),
    "site.data.file": ("Bestand", "File"),
    "site.data.line": ("Regel", "Line"),
    "site.data.code": ("Code", "Code"),
    "site.data.message": ("Melding", "Message"),
    "site.data.download": ("Downloads", "Downloads"),
    "site.data.export": (
        "Alle doelen, kwaliteiten en acties als JSON",
        "All goals, qualities and actions as JSON",
    ),
    "site.data.build": ("Deze site", "This site"),
    "site.data.date": ("Peildatum", "Date"),
    "site.data.version": ("Versie van de catalogus", "Catalogue version"),
    "site.data.version_hash": (
        "inhoudshash {version} (van de bestanden van de catalogus)",
        "content hash {version} (of the catalogue's files)",
    ),
    "site.data.counts": (
        "{actions} acties, {goals} doelen, {qualities} kwaliteiten",
        "{actions} actions, {goals} goals, {qualities} qualities",
    ),
    "site.footer": (
        "Gemaakt met rrs uit de catalogus van de {name}.",
        "Made with rrs from the catalogue of the {name}.",
    ),
    "site.yes": ("Ja", "Yes"),
    "site.no": ("Nee", "No"),
    "site.goals_named": ("Doelen genoemd in het blok", "Goals named in the block"),
    "site.organisations.letters": (
        "Organisaties per beginletter",
        "Organisations by first letter",
    ),
    "site.organisations.letter": ("Organisaties: {letter}", "Organisations: {letter}"),
    "site.organisations.count.one": ("{count} organisatie", "{count} organisation"),
    "site.organisations.count.other": ("{count} organisaties", "{count} organisations"),
}
MESSAGES.update(SITE_MESSAGES)


# Progress rounds (`rrs progress forms`, `rrs progress round`): the forms owners
# fill in, in the catalogue's language, and the round's summary line.
FORMS_MESSAGES: dict[str, tuple[str, str]] = {
    "forms.sheet.instructions": ("Toelichting", "Instructions"),
    "forms.sheet.actions": ("Acties", "Actions"),
    "forms.col.id": ("Actie", "Action"),
    "forms.col.title": ("Titel", "Title"),
    "forms.col.baseline": ("Status bij publicatie ({year})", "Status at publication ({year})"),
    "forms.col.current": ("Status op {date}", "Status on {date}"),
    "forms.col.last_update": ("Laatste melding", "Last update"),
    "forms.col.end_of_term": ("Einde termijn", "End of term"),
    "forms.col.last_note": ("Laatste toelichting", "Last note"),
    "forms.col.new_status": ("Nieuwe status", "New status"),
    "forms.col.date": ("Datum", "Date"),
    "forms.col.note": ("Toelichting", "Note"),
    "forms.col.by": ("Gemeld door", "Reported by"),
    "forms.open_term": ("geen einddatum", "open-ended"),
    "forms.no_owner": ("Zonder eigenaar", "No owner"),
    "forms.title": ("Voortgangsronde {round}", "Progress round {round}"),
    "forms.for": ("Voor: {owner}", "For: {owner}"),
    "forms.intro": (
        "Dit formulier hoort bij de {strategy}. Op het blad ‘{sheet}’ staan de acties waarvan "
        "u eigenaar bent ({count}), met hoe ze ervoor stonden op {as_of}. Wilt u per actie "
        "laten weten hoe het ermee staat?",
        "This form belongs to the {strategy}. The sheet ‘{sheet}’ lists the actions you own "
        "({count}), as they stood on {as_of}. Please tell us how each of them is going.",
    ),
    "forms.what.heading": ("Wat vult u in?", "What to fill in"),
    "forms.what.status": (
        "Nieuwe status: kies uit de lijst ({statuses}). Is de status niet veranderd, laat "
        "dit vak dan leeg.",
        "New status: choose from the list ({statuses}). If the status has not changed, "
        "leave it empty.",
    ),
    "forms.what.date": (
        "Datum: de dag waarop de status veranderde of waarop uw toelichting slaat. Laat u "
        "het leeg, dan geldt de dag waarop wij het formulier verwerken. Een datum in de "
        "toekomst kan niet.",
        "Date: the day the status changed or your note refers to. Left empty, it is the "
        "day we process the form. A date in the future is not possible.",
    ),
    "forms.what.note": (
        "Toelichting: in een paar zinnen wat er is gebeurd.",
        "Note: in a few sentences, what happened.",
    ),
    "forms.what.by": ("Gemeld door: uw naam.", "Reported by: your name."),
    "forms.what.empty": (
        "Is er bij een actie niets te melden, laat de rij dan leeg. De grijze kolommen kunt "
        "u niet wijzigen.",
        "If there is nothing to report for an action, leave its row empty. The grey columns "
        "cannot be changed.",
    ),
    "forms.use.heading": ("Wat gebeurt ermee?", "What happens with it"),
    "forms.use.text": (
        "Wij nemen uw antwoorden over in het overzicht van de strategie. Ze komen in de "
        "voortgangsrapportage voor de stuurgroep en op de website van de strategie, met de "
        "naam die u bij ‘Gemeld door’ invult.",
        "We enter your answers in the strategy's records. They appear in the steering "
        "group's progress report and on the strategy's website, with the name you give "
        "under ‘Reported by’.",
    ),
    "forms.when.heading": ("Wanneer?", "By when"),
    "forms.when.due": (
        "Stuur het ingevulde bestand uiterlijk {due} terug aan {contact}.",
        "Please return the completed file by {due} to {contact}.",
    ),
    "forms.when.soon": (
        "Stuur het ingevulde bestand zo snel mogelijk terug aan {contact}.",
        "Please return the completed file as soon as possible to {contact}.",
    ),
    "forms.when.sender": ("de afzender", "the sender"),
    "forms.keep": (
        "Sla het bestand op in hetzelfde formaat ({format}) en verander niets aan de bladen. "
        "Het verborgen blad ‘rrs’ hoort bij het formulier: daaraan herkennen wij het.",
        "Save the file in the same format ({format}) and do not change the sheets. The "
        "hidden sheet ‘rrs’ belongs to the form: it is how we recognise it.",
    ),
    "forms.valid.status": (
        "Kies een status uit de lijst, of laat het vak leeg.",
        "Choose a status from the list, or leave the cell empty.",
    ),
    "forms.valid.date": (
        "Vul een datum in, bijvoorbeeld {example}, of laat het vak leeg.",
        "Enter a date, for example {example}, or leave the cell empty.",
    ),
    "forms.valid.title": ("Voortgangsronde", "Progress round"),
    # Words owners may write for a status: never accepted as the status, only used
    # for the "did you mean" of an unknown status word.
    "forms.hint.new": ("niet gestart, nog niet begonnen", "not started"),
    "forms.hint.starting": ("gestart, begonnen, start", "started, begun"),
    "forms.hint.in-development": ("in voorbereiding, wordt ontwikkeld", "in preparation"),
    "forms.hint.being-set-up": ("wordt opgericht, opgericht", "setting up"),
    "forms.hint.ongoing": ("loopt, bezig, in uitvoering", "running, in progress, underway"),
    "forms.hint.completed": ("klaar, gereed, voltooid, opgeleverd", "done, finished, complete"),
    "forms.hint.stopped": ("beëindigd, geannuleerd, gestaakt", "cancelled, ended, halted"),
    "forms.csv.owner": ("eigenaar", "owner"),
    "forms.csv.file": ("bestand", "file"),
    "forms.csv.actions": ("acties", "actions"),
    "forms.csv.ids": ("actie-ids", "action ids"),
    "forms.round.summary": (
        "Voortgangsronde {round}: {answered} van {owners} eigenaren hebben gereageerd; "
        "{updated} acties bijgewerkt.",
        "Progress round {round}: {answered} of {owners} owners have responded; "
        "{updated} actions updated.",
    ),
}
MESSAGES.update(FORMS_MESSAGES)


def text(key: str, lang: Language, /, **fields: object) -> str:
    """The interface string ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    dutch, english = MESSAGES[key]
    template = dutch if lang == "nl" else english
    return template.format(**fields) if fields else template


t = text


def plural(key: str, count: int, lang: Language, /, **fields: object) -> str:
    """``key.one`` for a count of one, else ``key.other``, with ``{count}`` filled in."""
    form = "one" if count == 1 else "other"
    return text(f"{key}.{form}", lang, count=count, **fields)


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


LANGUAGE_VAR = "RRS_LANG"


def interface_language(
    option: str | None, catalogue_language: str | None, environ: dict[str, str] | None = None
) -> Language:
    """The language every command speaks: ``--lang``, else ``$RRS_LANG``, else the
    catalogue's own language (strategy.yaml), else English.

    A Dutch catalogue is read by Dutch staff: its labels are Dutch unless they
    ask otherwise. An unknown value in the environment is ignored (a typo there
    should not stop every command); ``--lang`` itself is checked by the CLI.
    """
    import os

    env = os.environ if environ is None else environ
    for value in (option, env.get(LANGUAGE_VAR), catalogue_language):
        chosen = (value or "").strip().lower()
        if chosen in LANGUAGES:
            return "nl" if chosen == "nl" else "en"
    return "en"
