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
from typing import Literal, Protocol

from .models import Status, Strategy, Term

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
    "svg.link.both_sides": ("verbinding bij beide acties genoemd", "link named at both actions"),
    "svg.link.one_sided": ("verbinding bij één actie genoemd", "link named at one action only"),
    # Field labels shared by the terminal, the report and the site.
    "field.id": ("Id", "ID"),
    "field.title": ("Titel", "Title"),
    "field.kind": ("Soort", "Type"),
    "field.goal": ("Doel", "Goal"),
    "field.goal_section": ("Doel (hoofdstuk)", "Goal (chapter)"),
    "field.goals_reached": ("Telt mee bij doel", "Contributes to goals"),
    "field.owner": ("Eigenaar", "Owner"),
    "field.partners": ("Partners", "Partners"),
    "field.funding": ("Financiën (mogelijk)", "Possible funding"),
    "field.status": ("Status", "Status"),
    "field.status_at_publication": (
        "Status bij publicatie ({year})",
        "Status at publication ({year})",
    ),
    "field.status_initial": ("Status bij opname", "Initial status"),
    "field.current_status": ("Huidige status", "Current status"),
    "field.term": ("Resultaat (termijn)", "Expected result (term)"),
    "field.qualities": ("Kwaliteiten", "Qualities"),
    "field.impact_levels": ("Impactniveau", "Impact level"),
    "field.description": ("Omschrijving", "Description"),
    "field.resilience_value": ("Resiliencewaarde", "Resilience value"),
    "field.links": ("Verbindingen", "Links"),
    "field.progress": ("Voortgang", "Progress"),
    "field.last_update": ("Laatste voortgangsmelding", "Last progress update"),
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
    "list.count.one": ("{count} actie", "{count} action"),
    "list.count.other": ("{count} acties", "{count} actions"),
    # `rrs show`: one action's labels.
    "show.goals_named": ("Genoemde doelen", "Goals named"),
    "show.links_as_printed": ("Verbindingen in het bestand", "Links in the file"),
    "show.links_inferred": ("afgeleid, niet gedrukt: {ids}", "inferred, not printed: {ids}"),
    "show.linked": ("Verbonden acties ({count})", "Linked actions ({count})"),
    "show.linked.heading": ("Verbonden acties", "Linked actions"),
    "show.link.both": ("beide kanten", "both"),
    "show.link.here": ("alleen hier genoemd", "named here only"),
    "show.link.there": ("alleen daar genoemd", "named there only"),
    "show.link.all": (
        "daar genoemd (alle vliegwielacties)",
        "named there (all flywheel actions)",
    ),
    "show.none": ("geen", "none"),
    "show.field": ("Veld", "Field"),
    "show.value": ("Waarde", "Value"),
    "show.notes": ("Over de bron", "Notes"),
    "value.all_flywheels": ("Alle vliegwielacties", "All flywheel actions"),
    "value.all_goals": ("alle", "all"),
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
    "report.version": (
        "Catalogusversie: {version} (controlegetal van de catalogusbestanden).",
        "Catalogue version: {version} (checksum of the catalogue's files).",
    ),
    "report.version.short": ("catalogus {version}", "catalogue {version}"),
    "report.page_of": ("pagina {page} van {pages}", "page {page} of {pages}"),
    "report.date": ("{day:02d}-{month:02d}-{year}", "{day:02d}/{month:02d}/{year}"),
    "report.decisions": ("Ter besluitvorming", "For decision"),
    "report.decisions.intro": (
        "Acties die in deze periode als gestopt zijn gemeld, en acties waarvan de verwachte "
        "termijn in deze periode is verstreken zonder dat een afronding is gemeld.",
        "Actions reported as stopped in this period, and actions whose expected term expired "
        "in this period with no completion reported.",
    ),
    "report.decisions.intro_all": (
        "Acties die tot de peildatum als gestopt zijn gemeld; de acties met een verstreken "
        "termijn staan onder Aandachtspunten.",
        "Actions reported as stopped up to the reference date; the actions past their expected "
        "term are under Needs attention.",
    ),
    "report.decisions.stopped": (
        "Gestopt in deze periode ({count})",
        "Stopped in this period ({count})",
    ),
    "report.decisions.stopped_all": (
        "Gestopt tot de peildatum ({count})",
        "Stopped up to the reference date ({count})",
    ),
    "report.decisions.expired": (
        "Termijn verstreken in deze periode ({count})",
        "Term expired in this period ({count})",
    ),
    "report.derived": (
        "Einde termijn is afgeleid, niet gedrukt: 31 december van het jaar van publicatie "
        "({year}) plus de termijn in jaren ({terms}). De strategie noemt alleen de termijn.",
        "End of term is derived, not printed: 31 December of the year of publication ({year}) "
        "plus the term in years ({terms}). The strategy gives only the term.",
    ),
    "report.derived.term": ("{term}: {years} jaar", "{term}: {years} years"),
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
        "Acties waarvan de verwachte termijn is verstreken en waarvan geen afronding is "
        "gemeld: {count} van {total}.",
        "Actions past their expected term with no completion reported: {count} of {total}.",
    ),
    "report.summary.stale": (
        "Acties zonder voortgangsmelding in de afgelopen {days} dagen: {count} van {total} "
        "(nog nooit gemeld: {never}).",
        "Actions without a progress entry in the last {days} days: {count} of {total} "
        "(never reported: {never}).",
    ),
    "report.summary.funding": (
        "Acties waarvan de (mogelijke) financiering nog niet bepaald is: {count}.",
        "Actions whose (possible) funding is not yet settled: {count}.",
    ),
    "report.summary.decide": (
        "Hieronder per doel en per eigenaar de acties waarvan de termijn is verstreken en de "
        "acties zonder voortgangsmelding; de volledige lijsten staan in de bijlage.",
        "Below, by goal and by owner, the actions past their expected term and those without "
        "a progress entry; the full lists are in the appendix.",
    ),
    "report.per_goal": ("Per doel", "Per goal"),
    "report.per_owner": ("Per eigenaar", "Per owner"),
    "report.col.actions": ("Acties", "Actions"),
    "report.col.changed": ("Gewijzigd", "Changed"),
    "report.col.overdue": ("Termijn verstreken", "Term expired"),
    "report.col.stale": ("Geen melding", "No update"),
    "report.col.also": ("Draagt ook bij", "Also contributes"),
    "report.col.total": ("Totaal", "Total"),
    "report.col.action": ("Actie", "Action"),
    "report.col.count": ("Aantal", "Count"),
    "report.col.horizon": ("Einde termijn", "End of term"),
    "report.col.status": ("Status", "Status"),
    "report.col.last_update": ("Laatste melding", "Last update"),
    "report.col.quality": ("Kwaliteit", "Quality"),
    "report.col.statuses": ("Huidige statussen", "Current statuses"),
    "report.col.change": ("Statuswijziging", "Status change"),
    "report.total": ("Totaal", "Total"),
    "report.no_goal": ("Zonder doel", "No goal"),
    "report.goal_name": ("{number}. {name}", "{number}. {name}"),
    "report.goal_short": ("Doel {number}", "Goal {number}"),
    "report.per_goal.caption": (
        "Elke actie telt één keer, bij het doel in het hoofdstuk waarin de strategie haar "
        "noemt (samen {total}). ‘Draagt ook bij’ telt daarnaast de acties uit andere "
        "hoofdstukken die via hun koppelingen ook aan dit doel bijdragen (samen {also}); die "
        "tellen niet mee in het totaal.",
        "Each action is counted once, under the goal whose chapter the strategy prints it in "
        "(together {total}). ‘Also contributes’ counts, in addition, the actions from other "
        "chapters that also contribute to this goal through their links (together {also}); "
        "they are not part of the total.",
    ),
    "report.per_owner.caption": (
        "Eigenaren zoals de strategie ze noemt. Een actie met meer eigenaren telt bij elk "
        "van hen. Schrijfwijzen die alleen in hoofdletters, spaties of leestekens verschillen "
        "en andere namen van dezelfde organisatie zijn samengevoegd. De {others} eigenaren "
        "met één actie staan in de bijlage.",
        "Owners as named in the strategy. An action with several owners counts under each "
        "of them. Spellings that differ only in case, spacing or punctuation, and other "
        "names of the same organisation, are merged. The {others} owners of one action are "
        "listed in the appendix.",
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
        "Verwachte termijn verstreken, geen afronding gemeld ({count})",
        "Expected term expired, no completion reported ({count})",
    ),
    "report.stale": (
        "Geen voortgangsmelding in de afgelopen {days} dagen ({count})",
        "No progress entry in the last {days} days ({count})",
    ),
    "report.see_appendix": (
        "Volledige lijst: bijlage, ‘{section}’.",
        "Full list: appendix, ‘{section}’.",
    ),
    "report.none": ("Geen.", "None."),
    "report.goals": ("Doelen", "Goals"),
    "report.goals.caption": (
        "Per doel elke vliegwielactie (vet) met haar verbonden acties. Status: bij publicatie "
        "({year}) en op de peildatum, met een pijl als die verschillen.",
        "Per goal, each flywheel action (bold) with its connected actions. Status: at "
        "publication ({year}) and on the reference date, with an arrow where they differ.",
    ),
    "report.flywheel_heading": ("Vliegwielactie {id}: {title}", "Flywheel action {id}: {title}"),
    "report.unattached": (
        "Verbonden acties zonder vliegwielactie bij dit doel",
        "Connected actions linked to no flywheel action of this goal",
    ),
    "report.cross_cutting": (
        "Verbonden met alle vliegwielacties",
        "Linked to all flywheel actions",
    ),
    "report.no_actions": ("Geen acties.", "No actions."),
    "report.coverage": ("Dekking doel × kwaliteit", "Goal × quality coverage"),
    "report.coverage.caption": (
        "Aantal acties per doel waarvan de tekst over de resiliencewaarde de kwaliteit noemt. "
        "Een kwaliteit telt alleen mee waar die tekst haar noemt; — betekent: geen actie van "
        "dit doel noemt haar, niet dat het doel haar mist.",
        "Number of actions per goal whose resilience-value text names the quality. A quality "
        "is counted only where that text names it; — means that no action of this goal names "
        "it, not that the goal lacks it.",
    ),
    "report.coverage.legend": ("Doelen: {goals}.", "Goals: {goals}."),
    "report.coverage.gaps": (
        "Bij {gaps} van de {total} combinaties van doel en kwaliteit noemt geen actie de "
        "kwaliteit.",
        "In {gaps} of {total} goal–quality pairs no action names the quality.",
    ),
    "report.owners": ("Eigenaren", "Owners"),
    "report.other_owners": (
        "Overige eigenaren (elk één actie)",
        "Other owners (one action each)",
    ),
    "report.no_owner": ("Geen eigenaar vermeld", "No owner given"),
    "report.funding": ("Financiën (mogelijk)", "Funding (possible)"),
    "report.funding.note": (
        "De strategie noemt bij elke actie mogelijke financiering; geen van deze "
        "financieringsbronnen is daarmee toegezegd.",
        "The strategy gives each action's possible funding; this does not mean that any of "
        "these sources has been committed.",
    ),
    "report.funding.unsettled": (
        "Financiering nog niet bepaald ({count})",
        "Funding not yet settled ({count})",
    ),
    "report.funding.unsettled_words": (
        "Als nog niet bepaald gelden: {words}.",
        "Counted as not yet settled: {words}.",
    ),
    "report.funding.empty": ("een leeg veld", "an empty field"),
    "report.and": ("en", "and"),
    "report.no_funding": ("Geen financiering vermeld", "No funding given"),
    "report.appendix": ("Bijlage", "Appendix"),
    "report.appendix.overdue": ("Termijn verstreken", "Term expired"),
    "report.appendix.stale": ("Zonder recente voortgangsmelding", "No recent progress entry"),
    "report.appendix.never": (
        "Nog nooit een voortgangsmelding ({count}; titels, eigenaren en statussen onder "
        "Doelen en Eigenaren):",
        "No progress entry ever ({count}; titles, owners and statuses under Goals and Owners):",
    ),
    "report.appendix.owners": ("Alle eigenaren", "All owners"),
    "report.appendix.funding": ("Alle (mogelijke) financiering", "All (possible) funding"),
    "report.never": ("nog geen", "none yet"),
    "report.contents": ("Inhoud", "Contents"),
    "report.generated": (
        "Gemaakt met rrs uit de catalogus van de strategie; contact: {contact}.",
        "Made with rrs from the strategy's catalogue; contact: {contact}.",
    ),
}


# The website (`rrs site`): navigation, page texts and labels.
SITE_MESSAGES: dict[str, tuple[str, str]] = {
    # The frame of every page.
    "site.skip": ("Naar de inhoud", "Skip to content"),
    "site.nav": ("Hoofdmenu", "Main menu"),
    "site.nav.home": ("Start", "Home"),
    "site.nav.actions": ("Acties", "Actions"),
    "site.nav.search": ("Zoeken", "Search"),
    "site.nav.report": ("Rapportage", "Report"),
    "site.nav.network": ("Netwerk", "Network"),
    "site.nav.organisations": ("Organisaties", "Organisations"),
    "site.nav.data": ("Over de gegevens", "About the data"),
    "site.nav.footer": ("Over deze website", "About this website"),
    "site.nav.accessibility": ("Toegankelijkheid", "Accessibility"),
    "site.nav.privacy": ("Privacy", "Privacy"),
    "site.nav.contact": ("Contact", "Contact"),
    "site.nav.colophon": ("Colofon", "Colophon"),
    "site.header_search": ("Zoeken op deze website", "Search this website"),
    "site.language_other": ("English", "Nederlands"),
    "site.language_other_label": (
        "This page in English",
        "Deze pagina in het Nederlands",
    ),
    "language.nl": ("Nederlands", "Dutch"),
    "language.en": ("Engels", "English"),
    "site.catalogue_notice": (
        "De teksten uit de strategie zelf (titels, omschrijvingen, eigenaren en partners) "
        "staan hier in het {language}, zoals ze zijn gepubliceerd.",
        "The strategy's own texts (titles, descriptions, owners and partners) are shown in "
        "{language}, as they were published.",
    ),
    "site.footer": (
        "Deze website is gemaakt met rrs uit de gegevens van de {name}.",
        "This website was made with rrs from the data of the {name}.",
    ),
    "site.as_of": ("Stand van zaken: {date}", "As of {date}"),
    "site.description.home": (
        "De doelen en acties van de {name} en de voortgang daarvan.",
        "The goals and actions of the {name} and the progress made on them.",
    ),
    "site.description.action": (
        "{kind} {id} van de {name}: omschrijving, status, termijn en verbonden acties.",
        "{kind} {id} of the {name}: description, status, term and linked actions.",
    ),
    # The home page.
    "site.intro": (
        "De {name} ({year}) is de resiliencestrategie van {city}. Op deze website vindt u "
        "de doelen en acties van de strategie en de voortgang daarvan.",
        "The {name} is the resilience strategy of {city}, published in {year}. This website "
        "shows its goals and actions and the progress made on them.",
    ),
    "site.intro_undated": (
        "De {name} is de resiliencestrategie van {city}. Op deze website vindt u de doelen "
        "en acties van de strategie en de voortgang daarvan.",
        "The {name} is the resilience strategy of {city}. This website shows its goals and "
        "actions and the progress made on them.",
    ),
    "site.source": ("Bron", "Source"),
    "site.source_link": ("Het brondocument", "The source document"),
    "site.last_change": ("Laatste voortgangsmelding: {date}", "Last progress update: {date}"),
    "site.no_change": ("Nog geen voortgang gemeld", "No progress recorded yet"),
    "site.attention": ("Stand van de acties", "Where the actions stand"),
    "site.attention.overdue.other": (
        "Bij {count} van de {total} acties is de verwachte termijn verstreken zonder dat er "
        "voortgang is gemeld.",
        "For {count} of the {total} actions the expected term has expired without any "
        "progress being recorded.",
    ),
    "site.attention.overdue.one": (
        "Bij {count} van de {total} acties is de verwachte termijn verstreken zonder dat er "
        "voortgang is gemeld.",
        "For {count} of the {total} actions the expected term has expired without any "
        "progress being recorded.",
    ),
    "site.attention.never.one": (
        "Van {count} actie is sinds de publicatie nog geen voortgang gemeld.",
        "No progress has been recorded for {count} action since publication.",
    ),
    "site.attention.never.other": (
        "Van {count} acties is sinds de publicatie nog geen voortgang gemeld.",
        "No progress has been recorded for {count} actions since publication.",
    ),
    "site.attention.link": (
        "Bekijk deze acties in de actielijst",
        "See these actions in the list of actions",
    ),
    "site.goals": ("Doelen", "Goals"),
    "site.goal_number": ("Doel {number}", "Goal {number}"),
    "site.goal_counts": ("{flywheels}, {connected}", "{flywheels}, {connected}"),
    # Counts with singular and plural forms: see plural().
    "site.count.flywheels.one": ("{count} vliegwielactie", "{count} flywheel action"),
    "site.count.flywheels.other": ("{count} vliegwielacties", "{count} flywheel actions"),
    "site.count.connected.one": ("{count} verbonden actie", "{count} connected action"),
    "site.count.connected.other": ("{count} verbonden acties", "{count} connected actions"),
    "site.status_of": ("Status van de acties", "Status of the actions"),
    "site.status_of_note": (
        "De status van een actie zonder voortgangsmelding is de status uit {year}.",
        "The status of an action without a progress update is its status of {year}.",
    ),
    "site.more": ("Verder op deze website", "More on this website"),
    "site.more.actions": (
        "Alle acties, te filteren op doel, kwaliteit, status, termijn, soort en eigenaar",
        "All actions, filtered by goal, quality, status, term, type and owner",
    ),
    "site.more.search": ("Zoeken in de tekst van alle acties", "Search the text of all actions"),
    "site.more.report": (
        "De voortgangsrapportage voor de stuurgroep",
        "The steering group's progress report",
    ),
    "site.more.network": (
        "Hoe de acties met elkaar verbonden zijn",
        "How the actions are linked to each other",
    ),
    "site.more.organisations": (
        "Wie eigenaar of partner van welke actie is",
        "Who owns or takes part in which action",
    ),
    "site.more.data": (
        "Hoe de gegevens zijn gemaakt, bekende inconsistenties en downloads",
        "How the data was made, known inconsistencies and downloads",
    ),
    "site.qualities": ("Kwaliteiten", "Qualities"),
    "site.qualities_intro": (
        "De strategie beschrijft zeven kwaliteiten van een resiliente stad. Bij een actie "
        "staat een kwaliteit als de resiliencewaarde van de actie haar noemt.",
        "The strategy describes seven qualities of a resilient city. An action has a "
        "quality when its resilience value names it.",
    ),
    "site.chart.status": ("Acties per status", "Actions by status"),
    "site.chart.goals": ("Acties per doel", "Actions by goal"),
    "site.chart.terms": ("Acties per verwachte termijn", "Actions by expected term"),
    "site.chart.goals_note": (
        "Een actie telt mee bij elk doel waaraan zij bijdraagt, dus samen zijn de aantallen "
        "hoger dan het totale aantal acties ({total}).",
        "An action counts under each goal it contributes to, so together the numbers are "
        "higher than the total number of actions ({total}).",
    ),
    "site.goals.cards_note": (
        "Per doel worden alle acties geteld die eraan bijdragen: de acties uit het eigen "
        "hoofdstuk en de acties die via hun verbindingen ook aan dit doel bijdragen. Een actie "
        "kan dus bij meerdere doelen meetellen.",
        "Each goal card counts the actions that contribute to the goal: those in its own "
        "chapter and those that contribute to it through their links. An action can therefore "
        "count under more than one goal.",
    ),
    "site.explain.flywheel": (
        "Een vliegwielactie is een actie die de strategie als cruciaal en als voorbeeld "
        "uitlicht; verbonden acties zijn de acties die eraan bijdragen.",
        "A flywheel action is an action the strategy singles out as crucial and as an "
        "example; connected actions are the actions that contribute to it.",
    ),
    "site.count": ("Aantal", "Number"),
    # Goal and quality pages.
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
    "site.goal_too_long": (
        "Bij dit doel horen {count} acties, te veel voor één pagina: hieronder staat per "
        "vliegwielactie het aantal verbonden acties.",
        "This goal has {count} actions, too many for one page: below, each flywheel action "
        "with the number of its connected actions.",
    ),
    "site.goal_actions_link": (
        "Bekijk deze acties in de actielijst",
        "See these actions in the list of actions",
    ),
    "site.network_of_goal": ("Dit doel in het netwerk", "This goal in the network"),
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
    # The network page.
    "site.network_whole": ("Het hele netwerk", "The whole network"),
    "site.network_per_goal": ("Per doel", "Per goal"),
    "site.network_intro": (
        "Elk doel met zijn vliegwielacties en de acties die daarmee verbonden zijn. Een "
        "stippellijn is een verbinding die de strategie maar bij één van beide acties noemt. "
        "Klik op een actie om haar pagina te openen.",
        "Each goal with its flywheel actions and the actions linked to them. A dashed line "
        "is a link the strategy names at only one of the two actions. Click an action to open "
        "its page.",
    ),
    "site.network_list": ("De verbindingen als lijst", "The links as a list"),
    "site.network_list_note": (
        "Op een klein scherm is de tekening niet leesbaar; dezelfde verbindingen staan op "
        "deze pagina ook als lijst.",
        "On a small screen the drawing cannot be read; this page also lists the same links.",
    ),
    "site.network_too_big": (
        "Dit netwerk heeft {count} acties, te veel om leesbaar te tekenen; de doelpagina's "
        "tonen dezelfde verbindingen als lijst.",
        "This network has {count} actions, too many to draw legibly; the goal pages list the "
        "same links.",
    ),
    "site.network_goal_page": (
        "De verbindingen van {name} als lijst, op de pagina van het doel",
        "The links of {name} as a list, on the goal's page",
    ),
    # Action pages.
    "site.status_in": ("Status in {year}", "Status in {year}"),
    "site.status_added": ("Status bij opname op {date}", "Status when added on {date}"),
    "site.status_unknown_year": ("Status in de strategie", "Status in the strategy"),
    "site.status.unchanged": ("sindsdien geen voortgang gemeld", "no progress recorded since"),
    "site.status.current": ("Huidige status", "Current status"),
    "site.status.updated": (
        "laatste voortgangsmelding {date}",
        "last progress update {date}",
    ),
    "site.term_end": ("Einde termijn", "End of term"),
    "site.term_end_year": ("eind {year}", "end of {year}"),
    "site.term_open": ("open", "open-ended"),
    "site.horizon.passed": ("verstreken op {date}", "expired on {date}"),
    "site.horizon.running": ("loopt tot {date}", "runs until {date}"),
    "site.horizon.open": ("open termijn", "open-ended"),
    "site.horizon.derived": (
        "afgeleid: {term} betekent binnen {years} jaar na de publicatie in {year}, tot het "
        "einde van dat jaar",
        "inferred: {term} means within {years} years of publication in {year}, until the end "
        "of that year",
    ),
    "site.facts": ("Gegevens", "Details"),
    "site.goals_named": ("Doelen genoemd in de tekst", "Goals named in the text"),
    "site.organisations_of": ("Organisaties", "Organisations"),
    "site.links": ("Verbonden acties", "Linked actions"),
    "site.links_none": ("Geen verbonden acties.", "No linked actions."),
    "site.link.both": ("bij beide acties genoemd", "named at both actions"),
    "site.link.here": (
        "alleen bij deze actie genoemd",
        "named at this action only",
    ),
    "site.link.there": (
        "alleen bij de andere actie genoemd",
        "named at the other action only",
    ),
    "site.link.all": (
        "verbonden met alle vliegwielacties",
        "linked with all flywheel actions",
    ),
    "site.link.none": ("bij geen van beide acties gedrukt", "printed at neither action"),
    "site.link.inferred_here": (
        "bij deze actie afgeleid: de strategie drukt hier geen verbinding af",
        "inferred at this action: the strategy prints no link here",
    ),
    "site.link.inferred_there": (
        "bij de andere actie afgeleid: de strategie drukt daar geen verbinding af",
        "inferred at the other action: the strategy prints no link there",
    ),
    "site.links_all_flywheels": (
        "Deze actie is verbonden met alle vliegwielacties.",
        "This action is linked with all flywheel actions.",
    ),
    "site.verbatim": ("in de strategie: “{text}”", "as printed: “{text}”"),
    "site.timeline": ("Voortgang", "Progress"),
    "site.timeline.none": (
        "Sinds de publicatie is voor deze actie geen voortgang gemeld.",
        "No progress has been recorded for this action since publication.",
    ),
    "site.issues": ("Bijzonderheden in de strategie", "Notes on the strategy's text"),
    "site.issues_intro": (
        "Wat de strategie bij deze actie onvolledig of tegenstrijdig afdrukt:",
        "What the strategy prints incompletely or inconsistently for this action:",
    ),
    "site.respond": ("Reageer op deze actie", "Respond to this action"),
    "site.respond_subject": ("Reactie op actie {id}: {title}", "Response to action {id}: {title}"),
    "site.respond_intro": (
        "U kunt op deze actie reageren per e-mail aan {address}.",
        "You can respond to this action by email to {address}.",
    ),
    # The action list.
    "site.filters": ("Filters", "Filters"),
    "site.filter.all": ("Alle", "All"),
    "site.filter.q": ("Zoek in titel en eigenaar", "Search title and owner"),
    "site.filter.apply": ("Toon", "Show"),
    "site.filter.clear": ("Wis filters", "Clear filters"),
    "site.filter.owner_help": (
        "Een deel van de naam is genoeg.",
        "Part of the name is enough.",
    ),
    "site.filter.status": ("Status", "Status"),
    "site.filter.overdue": ("Termijn verstreken", "Term expired"),
    "site.filter.overdue.yes": ("Ja", "Yes"),
    "site.filter.overdue.no": ("Nee", "No"),
    "site.filter.stale": ("Geen voortgang gemeld sinds", "No progress recorded since"),
    "site.filter.stale.never": ("de publicatie", "publication"),
    "site.filter.sort": ("Sorteer op", "Sort by"),
    "site.sort.id": ("Nummer", "Number"),
    "site.sort.title": ("Titel", "Title"),
    "site.sort.status": ("Status", "Status"),
    "site.sort.end": ("Einde termijn", "End of term"),
    "site.sort.updated": ("Laatste voortgangsmelding", "Last progress update"),
    "site.list.noscript": (
        "Zonder JavaScript werken de keuzelijsten wel: de tabel toont direct alleen de acties "
        "die passen. Zoeken op tekst, sorteren en het aantal werken alleen met JavaScript.",
        "Without JavaScript the choice lists still work: the table at once shows only the "
        "matching actions. Searching text, sorting and the count need JavaScript.",
    ),
    "site.list.shown": ("Getoond: ", "Shown: "),
    "site.filter.unknown": (
        "{filter} ‘{value}’ komt in deze lijst niet voor.",
        "{filter} ‘{value}’ matches nothing in this list.",
    ),
    "site.result_count": ("{count} van {total} acties", "{count} of {total} actions"),
    "site.list_caption": ("Alle acties", "All actions"),
    "site.col.action": ("Actie", "Action"),
    "site.never": ("nog geen", "none yet"),
    "site.since_publication": ("({year})", "({year})"),
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
        "doorzocht als de website via een webserver is geopend)",
        "{count} of the {total} actions on this page (the other pages are searched only "
        "when the website is opened through a web server)",
    ),
    # Search.
    "site.search.title": ("Zoeken", "Search"),
    "site.search.label": ("Zoek in alle acties", "Search all actions"),
    "site.search.button": ("Zoeken", "Search"),
    "site.search.help": (
        "Zoekt in titels, omschrijvingen, resiliencewaarden, eigenaren en partners. Zoek op "
        "een nummer of letter (17, K) om die actie te openen.",
        "Searches titles, descriptions, resilience values, owners and partners. Search for a "
        "number or letter (17, K) to open that action.",
    ),
    "site.search.file": (
        "Zoeken werkt alleen als de website via een webserver wordt geopend, niet als "
        "bestand. De lijst van acties werkt wel.",
        "Search works only when the website is opened through a web server, not as a file. "
        "The list of actions does work.",
    ),
    "site.search.noscript": (
        "Zoeken heeft JavaScript nodig; de lijst van acties werkt ook zonder.",
        "Search needs JavaScript; the list of actions works without it.",
    ),
    "site.search.unavailable": (
        "Zoeken is niet beschikbaar op deze website. Gebruik de lijst van acties.",
        "Search is not available on this website. Use the list of actions.",
    ),
    "site.search.none": (
        "Geen acties gevonden met ‘{query}’.",
        "No actions found with ‘{query}’.",
    ),
    "site.search.count.one": (
        "1 actie gevonden met ‘{query}’",
        "1 action found with ‘{query}’",
    ),
    "site.search.count.other": (
        "{count} acties gevonden met ‘{query}’",
        "{count} actions found with ‘{query}’",
    ),
    "site.search.near": (
        "Acties met woorden die erop lijken",
        "Actions with similar words",
    ),
    "site.search.near_note": (
        "Deze acties bevatten niet ‘{query}’, maar een woord dat erop lijkt.",
        "These actions do not contain ‘{query}’, but a word that resembles it.",
    ),
    "site.search.id": ("Actie {id}", "Action {id}"),
    "site.search.more": (
        "Alleen de eerste {shown} worden getoond; maak de zoekopdracht preciezer.",
        "Only the first {shown} are shown; make the search more specific.",
    ),
    # Organisations.
    "site.organisations.intro": (
        "Elke organisatie die de strategie als eigenaar of partner van een actie noemt, met "
        "die acties. Schrijfwijzen van dezelfde organisatie zijn samengevoegd.",
        "Every organisation the strategy names as owner or partner of an action, with those "
        "actions. Spellings of the same organisation are merged.",
    ),
    "site.organisations.rule": (
        "Een actie met meer eigenaren staat bij elk van hen, en zo telt ook de rapportage "
        "eigenaren. Partners die de strategie in een zin beschrijft, staan alleen bij de "
        "actie zelf.",
        "An action with several owners is listed under each of them, which is also how the "
        "report counts owners. Partners the strategy describes in a sentence are shown only "
        "on the action's own page.",
    ),
    "site.owns": ("Eigenaar van", "Owner of"),
    "site.partner_in": ("Partner bij", "Partner in"),
    "site.also_written": ("Ook geschreven als", "Also written as"),
    "site.organisations.letters": (
        "Organisaties per beginletter",
        "Organisations by first letter",
    ),
    "site.organisations.count.one": ("{count} organisatie", "{count} organisation"),
    "site.organisations.count.other": ("{count} organisaties", "{count} organisations"),
    # The report page.
    "site.report.print": (
        "Voor een pdf: kies Afdrukken in de browser en daarna Opslaan als pdf.",
        "For a PDF: choose Print in the browser, then Save as PDF.",
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
        "Elk deel wordt apart afgedrukt.",
        "Each part prints on its own.",
    ),
    # About the data.
    "site.data.made": ("Hoe de gegevens zijn gemaakt", "How the data was made"),
    "site.data.made_text": (
        "Alle acties, doelen en kwaliteiten zijn overgenomen uit de tekst van de strategie: "
        "titels, omschrijvingen, eigenaren, partners, financiën, status en termijn zoals ze "
        "zijn gedrukt. Daarna is elke actie nog een keer met de brontekst vergeleken. Alleen "
        "regels die in de opmaak waren afgebroken, zijn weer aan elkaar gezet.",
        "Every action, goal and quality was taken from the text of the strategy: titles, "
        "descriptions, owners, partners, funding, status and term as printed. Each action was "
        "then compared with the source text a second time. Only lines broken by the layout "
        "were joined again.",
    ),
    "site.data.made_icons": (
        "De strategie toont de kwaliteiten en het impactniveau van een actie als pictogrammen, "
        "die in de tekst ontbreken. Kwaliteiten staan bij een actie alleen als de "
        "resiliencewaarde ze noemt; het impactniveau is niet ingevuld.",
        "The strategy shows an action's qualities and impact level as icons, which the text "
        "does not carry. An action has a quality only when its resilience value names it; the "
        "impact level is left empty.",
    ),
    "site.data.made_derived": (
        "Twee dingen zijn afgeleid en staan daarom als afgeleid bij de acties: het einde van "
        "een termijn (korte termijn = binnen {short} jaar, middellange termijn = binnen {medium} "
        "jaar na de publicatie, steeds tot het einde van het jaar) en de verbindingen van "
        "acties waarbij de strategie de regel LINK leeg laat.",
        "Two things are inferred, and are marked as such on the actions: the end of a term "
        "(short term = within {short} years, medium term = within {medium} years of "
        "publication, each until the end of the year) and the links of actions whose LINK "
        "line the strategy leaves empty.",
    ),
    "site.data.made_progress": (
        "De status van een actie is de status uit de strategie, tot er voortgang wordt gemeld. "
        "Elke voortgangsmelding heeft een datum; de laatste bepaalt de huidige status.",
        "An action's status is its status in the strategy until progress is recorded. Each "
        "progress update has a date; the latest one sets the current status.",
    ),
    "site.data.size": ("Omvang", "Size"),
    "site.data.counts": (
        "{actions} acties, {goals} doelen, {qualities} kwaliteiten",
        "{actions} actions, {goals} goals, {qualities} qualities",
    ),
    "site.data.date": ("Stand van zaken", "As of"),
    "site.data.known": (
        "Bekende inconsistenties in de strategie",
        "Known inconsistencies in the strategy",
    ),
    "site.data.known_intro": (
        "De strategie is op enkele plaatsen onvolledig of spreekt zichzelf tegen. De gegevens "
        "volgen wat er is gedrukt; hieronder staat waar dat zo is.",
        "In a few places the strategy is incomplete or contradicts itself. The data follows "
        "what was printed; these are the places.",
    ),
    "site.data.known_none": (
        "Er zijn geen inconsistenties in de gegevens gevonden.",
        "No inconsistencies were found in the data.",
    ),
    "site.data.unaccepted": (
        "De controle van de gegevens heeft {count} punten gevonden die nog niet zijn "
        "beoordeeld; de technische details staan in de download.",
        "The check of the data found {count} points that have not been reviewed yet; the "
        "technical details are in the download.",
    ),
    "site.data.download": ("Downloads", "Downloads"),
    "site.data.export": (
        "alle doelen, kwaliteiten en acties, met alle velden (JSON)",
        "all goals, qualities and actions, with every field (JSON)",
    ),
    "site.data.csv": (
        "alle acties als tabel, te openen in een spreadsheet (CSV)",
        "all actions as a table, to open in a spreadsheet (CSV)",
    ),
    "site.data.findings_csv": (
        "de technische uitkomst van de controle van de gegevens (CSV)",
        "the technical result of the check of the data (CSV)",
    ),
    "site.data.licence": ("Licentie", "Licence"),
    "site.data.licence_given": (
        "De gegevens zijn beschikbaar onder de licentie {licence}.",
        "The data is available under the licence {licence}.",
    ),
    "site.data.licence_none": (
        "Voor deze gegevens is geen licentie opgegeven.",
        "No licence is given for this data.",
    ),
    # Known inconsistencies, in readers' words: one sentence per kind of finding.
    "issue.RRS101.kind": (
        "Verbindingen die maar bij één van beide acties staan",
        "Links named at only one of the two actions",
    ),
    "issue.RRS101": (
        "{id} noemt {other}, maar {other} noemt {id} niet.",
        "{id} names {other}, but {other} does not name {id}.",
    ),
    "issue.RRS102.kind": (
        "Verbonden acties zonder vliegwielactie",
        "Connected actions without a flywheel action",
    ),
    "issue.RRS102": (
        "Verbonden actie {id} is aan geen vliegwielactie gekoppeld.",
        "Connected action {id} is linked to no flywheel action.",
    ),
    "issue.RRS103.kind": ("Status niet ingevuld", "Status not filled in"),
    "issue.RRS103": (
        "Bij {id} is de status in de strategie niet ingevuld.",
        "The strategy gives no status for {id}.",
    ),
    "issue.RRS104.kind": (
        "Vliegwielacties zonder verbonden acties",
        "Flywheel actions without connected actions",
    ),
    "issue.RRS104": (
        "Vliegwielactie {id} heeft geen verbonden acties (aan geen van beide kanten genoemd).",
        "Flywheel action {id} has no connected actions (named on neither side).",
    ),
    "issue.RRS106.kind": ("Verbindingen die twee keer staan", "Links printed twice"),
    "issue.RRS106": (
        "Bij {id} staat de verbinding met {other} twee keer vermeld.",
        "At {id} the link with {other} is printed twice.",
    ),
    "issue.RRS107.kind": ("Termijn niet ingevuld", "Term not filled in"),
    "issue.RRS107": (
        "Bij {id} is de verwachte termijn in de strategie niet ingevuld.",
        "The strategy gives no expected term for {id}.",
    ),
    "issue.inferred.kind": (
        "Verbindingen die de strategie niet afdrukt",
        "Links the strategy does not print",
    ),
    "issue.inferred": (
        "Bij {id} is de regel LINK leeg; de verbinding met {other} is afgeleid uit de "
        "opmaak van de pagina.",
        "At {id} the LINK line is empty; the link with {other} is inferred from the page's layout.",
    ),
    "issue.other.kind": ("Overige punten", "Other points"),
    "issue.other": (
        "Bij {id} heeft de controle van de gegevens een punt gevonden (zie de download).",
        "The check of the data found a point at {id} (see the download).",
    ),
    # The basic pages of a public website.
    "site.accessibility.title": ("Toegankelijkheidsverklaring", "Accessibility statement"),
    "site.accessibility.intro": (
        "{publisher} wil dat iedereen deze website kan gebruiken. In deze verklaring staat "
        "hoe toegankelijk de website is, hoe dat is getest en wat nog niet goed werkt.",
        "{publisher} wants everyone to be able to use this website. This statement says how "
        "accessible the website is, how that was tested and what does not work well yet.",
    ),
    "site.accessibility.publisher_unknown": (
        "De uitgever van deze website",
        "The publisher of this website",
    ),
    "site.accessibility.scope": ("Over welke website gaat dit?", "Which website is this about?"),
    "site.accessibility.scope_text": (
        "Deze verklaring gaat over alle pagina's van deze website over de {name}.",
        "This statement covers every page of this website about the {name}.",
    ),
    "site.accessibility.standard": ("Welke eisen gelden?", "Which requirements apply?"),
    "site.accessibility.standard_text": (
        "Overheidswebsites moeten voldoen aan de Europese norm EN 301 549, die verwijst naar "
        "de Web Content Accessibility Guidelines (WCAG) 2.1 op niveau AA.",
        "Government websites must meet the European standard EN 301 549, which refers to the "
        "Web Content Accessibility Guidelines (WCAG) 2.1 at level AA.",
    ),
    "site.accessibility.status": ("Nalevingsstatus", "Compliance status"),
    "site.accessibility.status.full": (
        "{publisher} verklaart dat deze website volledig voldoet aan de eisen.",
        "{publisher} declares that this website fully meets the requirements.",
    ),
    "site.accessibility.status.partial": (
        "{publisher} verklaart dat deze website gedeeltelijk voldoet aan de eisen.",
        "{publisher} declares that this website partially meets the requirements.",
    ),
    "site.accessibility.status.first-steps": (
        "{publisher} heeft de eerste maatregelen genomen om aan de eisen te voldoen.",
        "{publisher} has taken the first measures to meet the requirements.",
    ),
    "site.accessibility.status.none": (
        "Deze website voldoet nog niet aan de eisen.",
        "This website does not meet the requirements yet.",
    ),
    "site.accessibility.status.unknown": (
        "De uitgever van deze website heeft nog geen nalevingsstatus vastgesteld.",
        "The publisher of this website has not yet determined a compliance status.",
    ),
    "site.accessibility.date": (
        "Deze verklaring is vastgesteld op {date}.",
        "This statement was adopted on {date}.",
    ),
    "site.accessibility.tested": ("Hoe is de website getest?", "How was the website tested?"),
    "site.accessibility.tested_text": (
        "Elke versie van de software die deze website maakt, wordt automatisch getest: elk "
        "soort pagina wordt in een browser geopend op een telefoon-, tablet- en "
        "computerscherm, in het Nederlands en het Engels, en gecontroleerd met axe-core op de "
        "regels van WCAG 2.1 en 2.2 (niveau A en AA) en op de aanbevolen werkwijzen. Daarnaast "
        "wordt getest dat alles met het toetsenbord werkt, dat de focus goed zichtbaar is, dat "
        "niets buiten het scherm valt en dat tekst in grafieken groot genoeg is.",
        "Every version of the software that makes this website is tested automatically: each "
        "kind of page is opened in a browser on a phone, tablet and desktop screen, in Dutch "
        "and English, and checked with axe-core against the rules of WCAG 2.1 and 2.2 (levels "
        "A and AA) and the recommended practices. It is also tested that everything works "
        "with the keyboard, that focus is clearly visible, that nothing falls off the screen "
        "and that text in charts is large enough.",
    ),
    "site.accessibility.evaluation": (
        "Onderzoek door de uitgever: {evaluation}",
        "Evaluation by the publisher: {evaluation}",
    ),
    "site.accessibility.no_evaluation": (
        "Een onderzoek door een onafhankelijke deskundige is (nog) niet gedaan. Automatische "
        "tests vinden niet alle problemen.",
        "No evaluation by an independent expert has been done (yet). Automatic tests do not "
        "find every problem.",
    ),
    "site.accessibility.exceptions": ("Wat werkt nog niet goed?", "What does not work well yet?"),
    "site.accessibility.exception.network": (
        "De tekening van het netwerk van acties is op een klein scherm niet leesbaar. Op elke "
        "pagina met een tekening staan dezelfde verbindingen ook als lijst.",
        "The drawing of the network of actions cannot be read on a small screen. Every page "
        "with a drawing also lists the same links.",
    ),
    "site.accessibility.exception.search": (
        "Zoeken werkt alleen met JavaScript. De lijst van acties, de doelpagina's en de "
        "organisaties werken ook zonder.",
        "Search works only with JavaScript. The list of actions, the goal pages and the "
        "organisations also work without it.",
    ),
    "site.accessibility.exception.source": (
        "De teksten van de acties zijn overgenomen zoals de strategie ze drukt, met de "
        "taalfouten en vaktaal die daarin staan.",
        "The actions' texts are shown as the strategy prints them, including their errors "
        "and jargon.",
    ),
    "site.accessibility.feedback": ("Een probleem melden", "Reporting a problem"),
    "site.accessibility.feedback_text": (
        "Kunt u iets op deze website niet gebruiken? Meld het per e-mail aan {address}. U "
        "krijgt binnen vijf werkdagen een reactie.",
        "Is there something on this website you cannot use? Report it by email to "
        "{address}. You will receive a reply within five working days.",
    ),
    "site.accessibility.feedback_none": (
        "Deze website heeft geen contactadres opgegeven; neem contact op met de uitgever.",
        "This website gives no contact address; please contact the publisher.",
    ),
    "site.accessibility.ombudsman": (
        "Bent u niet tevreden over hoe uw melding is behandeld? Dan kunt u een klacht "
        "indienen bij de Nationale ombudsman.",
        "If you are not satisfied with how your report was handled, you can file a complaint "
        "with the National Ombudsman.",
    ),
    "site.privacy.title": ("Privacy", "Privacy"),
    "site.privacy.text": (
        "Deze website plaatst geen cookies, gebruikt geen analyse- of volgsoftware en haalt "
        "niets op bij andere websites: lettertypen, stijlen, scripts en de zoekindex komen "
        "allemaal van deze website zelf. De website vraagt u niet om gegevens.",
        "This website sets no cookies, uses no analytics or tracking software and fetches "
        "nothing from other websites: fonts, styles, scripts and the search index all come "
        "from this website itself. The website does not ask you for any data.",
    ),
    "site.privacy.search": (
        "Zoeken gebeurt in uw eigen browser: wat u intypt, wordt niet naar een server gestuurd.",
        "Search runs in your own browser: what you type is not sent to a server.",
    ),
    "site.privacy.hosting": (
        "De server waarop de website staat, kan zoals elke webserver technische gegevens "
        "bijhouden, zoals het opgevraagde adres en het tijdstip. Vraag de uitgever hoe lang "
        "die worden bewaard.",
        "Like any web server, the server hosting this website may keep technical records, "
        "such as the address requested and the time. Ask the publisher how long they are "
        "kept.",
    ),
    "site.privacy.email": (
        "Als u per e-mail reageert, gebruikt de ontvanger uw e-mailadres alleen om u te "
        "antwoorden.",
        "If you respond by email, the recipient uses your address only to reply to you.",
    ),
    "site.contact.title": ("Contact", "Contact"),
    "site.contact.text": (
        "Vragen of opmerkingen over deze website of over de acties? Mail naar {address}.",
        "Questions or comments about this website or the actions? Email {address}.",
    ),
    "site.contact.none": (
        "Deze website heeft geen contactadres opgegeven.",
        "This website gives no contact address.",
    ),
    "site.contact.publisher": ("Uitgever: {publisher}", "Publisher: {publisher}"),
    "site.colophon.title": ("Colofon", "Colophon"),
    "site.colophon.source": (
        "Gegevens: de {name}, uitgegeven door {publisher} ({year}).",
        "Data: the {name}, published by {publisher} ({year}).",
    ),
    "site.colophon.source_plain": ("Gegevens: de {name}.", "Data: the {name}."),
    "site.colophon.made": (
        "Deze website is gemaakt met rrs, een programma dat een catalogus van de acties van "
        "een resiliencestrategie controleert en publiceert. De vormgeving volgt NL Design "
        "System: de componenten komen uit @utrecht/component-library-css (EUPL-1.2), de "
        "zoekfunctie is Pagefind.",
        "This website was made with rrs, a program that checks and publishes a catalogue of "
        "the actions of a resilience strategy. The design follows NL Design System: its "
        "components come from @utrecht/component-library-css (EUPL-1.2), search is by "
        "Pagefind.",
    ),
    "site.not_found.title": ("Pagina niet gevonden", "Page not found"),
    "site.not_found.text": (
        "Deze pagina bestaat niet (meer). Misschien is het adres verkeerd overgenomen.",
        "This page does not exist (any more). Perhaps the address was copied incorrectly.",
    ),
    "site.not_found.home": ("Naar de startpagina", "To the home page"),
    "site.table": ("Tabel", "Table"),
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


class Named(Protocol):
    """A goal or a quality (or a framework quality): a name in two languages."""

    @property
    def name_nl(self) -> str: ...  # the name in the catalogue's own language
    @property
    def name_en(self) -> str: ...


def name_in(item: Named | Strategy, lang: str) -> str:
    """The name of a goal, quality or strategy to show a reader of ``lang``.

    A strategy has its own name in its own language and an English one. A goal
    or quality has ``name_nl`` (the catalogue's own language, Dutch in the
    strategy) and ``name_en``.
    """
    if isinstance(item, Strategy):
        return item.name if lang == item.language else item.name_en
    return item.name_nl if lang == "nl" else item.name_en


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
