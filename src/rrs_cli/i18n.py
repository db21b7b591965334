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
    "site.goal_counts": (
        "{flywheels} vliegwielacties, {connected} verbonden acties",
        "{flywheels} flywheel actions, {connected} connected actions",
    ),
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
    "site.filter.none_status": ("Zonder status", "Without status"),
    "site.filter.none_term": ("Zonder termijn", "Without term"),
    "site.result_count": ("{count} van {total} acties", "{count} of {total} actions"),
    "site.list_caption": ("Alle acties", "All actions"),
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
    "site.matrix": ("Doel × kwaliteit", "Goal × quality"),
    "site.matrix_caption": (
        "Aantal acties per doel met elke kwaliteit",
        "Number of actions of each goal with each quality",
    ),
    "site.report.print": (
        "Voor een PDF: kies Afdrukken in de browser en bewaar als PDF.",
        "For a PDF: choose Print in the browser and save as PDF.",
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
    "site.data.version_git": ("git-commit {version}", "git commit {version}"),
    "site.data.version_hash": (
        "inhoudshash {version} (geen schone git-checkout)",
        "content hash {version} (not a clean git checkout)",
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
    "site.organisations.count": ("{count} organisaties", "{count} organisations"),
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
}
MESSAGES.update(SITE_MESSAGES)


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
