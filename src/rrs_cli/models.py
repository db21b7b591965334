"""The catalogue's schemas: goals, qualities, actions and their progress log.

Every model forbids unknown fields, so a typo in a catalogue file is an error
rather than a silently ignored key. References between files (links, goal and
quality keys) are checked later, in ``validation``, where the whole catalogue
is known.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

FLYWHEEL_ID = re.compile(r"[A-Z]+")
CONNECTED_ID = re.compile(r"[1-9][0-9]*")
ACTION_ID_PATTERN = r"^([A-Z]+|[1-9][0-9]*)$"


class Kind(StrEnum):
    FLYWHEEL = "flywheel"
    CONNECTED = "connected"


class Status(StrEnum):
    """Normalised status. The strategy's own wording is kept in ``status_text``."""

    NEW = "new"
    STARTING = "starting"
    IN_DEVELOPMENT = "in-development"
    BEING_SET_UP = "being-set-up"
    ONGOING = "ongoing"
    COMPLETED = "completed"
    STOPPED = "stopped"


class Term(StrEnum):
    """Expected-result horizon, counted from the strategy's publication (strategy.yaml)."""

    SHORT = "short"
    MEDIUM = "medium"
    LONG = "long"
    SHORT_TO_MEDIUM = "short-to-medium"
    MEDIUM_TO_LONG = "medium-to-long"
    SHORT_TO_LONG = "short-to-long"


# The usual horizons of a resilience strategy (short < 2 years, medium 2-5
# years, long > 5 years), used when a catalogue's strategy.yaml names none.
# None: open-ended, the horizon never passes.
DEFAULT_TERM_HORIZONS: dict[Term, int | None] = {
    Term.SHORT: 2,
    Term.MEDIUM: 5,
    Term.LONG: None,
    Term.SHORT_TO_MEDIUM: 5,
    Term.MEDIUM_TO_LONG: None,
    Term.SHORT_TO_LONG: None,
}


class ImpactLevel(StrEnum):
    INDIVIDUAL = "individual"
    NEIGHBOURHOOD = "neighbourhood"
    CITY = "city"


def _id_text(value: Any) -> Any:
    """Accept ``id: 12`` as well as ``id: "12"``: YAML reads bare numbers as ints."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("string_too_short", "this field must not be empty")
    return value


# Field() rather than StringConstraints: the same checks, without importing
# pydantic.types at start-up.
ActionId = Annotated[str, BeforeValidator(_id_text), Field(pattern=ACTION_ID_PATTERN)]
Key = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]
Text = str
NonEmpty = Annotated[str, AfterValidator(_not_blank)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class Citation(_Strict):
    """How to cite the strategy the catalogue was transcribed from."""

    title: NonEmpty
    publisher: Text = ""
    year: int | None = Field(default=None, ge=1000, le=9999)
    url: Text | None = None
    file: Text | None = None


LanguageCode = Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]
# One e-mail pattern for strategy.yaml and the command-line options that take
# an address (rrs init --contact): what one accepts, the other does (matched
# whole: no line break after it).
EMAIL_PATTERN = r"^[^@\s<>\"'()]+@[^@\s<>\"'()]+\.[^@\s<>\"'()]+$"
Email = Annotated[str, Field(pattern=EMAIL_PATTERN)]
WebAddress = Annotated[str, Field(pattern=r"^https?://[^\s<>\"'`\\]+$")]


def _catalogue_css_path(value: str) -> str:
    """A CSS file inside the catalogue folder, written relative to it with ``/``."""
    parts = value.split("/")
    if (
        not value
        or value.startswith("/")
        or "\\" in value
        or ":" in value
        or any(part in ("", ".", "..") for part in parts)
        or not value.lower().endswith(".css")
    ):
        raise PydanticCustomError(
            "catalogue_path",
            "must be a .css file inside the catalogue folder, written relative to it with '/' "
            "and without '..' (for example theme/tokens.css)",
        )
    return value


CataloguePath = Annotated[str, AfterValidator(_catalogue_css_path)]

# A term horizon lies at most this many years after publication, so a strategy
# published after LAST_PUBLISHED would put one past the last day a date holds.
MAX_HORIZON_YEARS = 100
LAST_PUBLISHED = date.max.year - MAX_HORIZON_YEARS


def _published_in_range(value: int | date | None) -> int | date | None:
    year = value.year if isinstance(value, date) else value
    if year is not None and year > LAST_PUBLISHED:
        raise PydanticCustomError(
            "published_too_late",
            "must be in {last} or earlier (term horizons count up to {most} years from it)",
            {"last": LAST_PUBLISHED, "most": MAX_HORIZON_YEARS},
        )
    return value


class Licence(_Strict):
    """The licence the catalogue's data is published under (shown on the site)."""

    name: NonEmpty  # e.g. "CC BY 4.0"
    url: WebAddress | None = None


class ComplianceStatus(StrEnum):
    """The compliance statuses of the Dutch model accessibility statement."""

    FULL = "full"  # voldoet volledig
    PARTIAL = "partial"  # voldoet gedeeltelijk
    FIRST_STEPS = "first-steps"  # eerste maatregelen genomen
    NONE = "none"  # voldoet niet


class Accessibility(_Strict):
    """What only the publisher can say in the site's accessibility statement."""

    status: ComplianceStatus | None = None
    statement_date: date | None = None
    # How the publisher had the site evaluated (an audit, by whom, when).
    evaluation: Text = ""
    # Where a visitor can report a barrier, when not the site's contact address.
    feedback: Email | None = None


class SiteSettings(_Strict):
    """How `rrs site` presents the catalogue (strategy.yaml ``site:``), all optional."""

    # Who publishes the website (contact, privacy and accessibility pages).
    publisher: Text = ""
    # A CSS file of design tokens (a house style) inside the catalogue folder,
    # loaded after the bundled neutral theme, e.g. theme/tokens.css.
    tokens: CataloguePath | None = None
    # The text above an action page's "respond" link, in the catalogue's language
    # (without it the site says only where a response goes).
    respond: Text = ""
    accessibility: Accessibility | None = None


class Strategy(_Strict):
    """The strategy a catalogue describes (``strategy.yaml``).

    Everything that would otherwise be a city's constant in the code lives
    here: names, the publication date that term horizons and "status at
    publication" count from, the language of the catalogue's text, the
    citation, the contact address and the organisations' other names.
    """

    name: NonEmpty  # in the catalogue's own language
    name_en: NonEmpty
    city: NonEmpty
    # A year or a full date; term horizons count from its year. null: unknown
    # (no horizon is ever computed as passed).
    published: Annotated[
        Annotated[int, Field(ge=1000, le=9999)] | date | None,
        AfterValidator(_published_in_range),
    ]
    language: LanguageCode = "en"
    source: Citation | None = None
    contact: Email | None = None
    term_horizons: dict[Term, Annotated[int, Field(ge=0, le=MAX_HORIZON_YEARS)] | None] = Field(
        default_factory=lambda: dict(DEFAULT_TERM_HORIZONS)
    )
    # Other names of one organisation, matched by --owner, --partner and --org:
    # each entry lists the names of one organisation.
    organisations: list[list[NonEmpty]] = []
    # How the strategy writes "funding not settled" (PM, to be decided); a word
    # for "not applicable" (NVT, n/a) is not one of them (see report.funding_settled).
    unsettled_funding: list[Text] = []
    # The licence of the catalogue's data; none: the site says no licence is given.
    licence: Licence | None = None
    site: SiteSettings | None = None

    @property
    def year(self) -> int | None:
        if self.published is None or isinstance(self.published, int):
            return self.published
        return self.published.year

    def horizon_years(self, term: Term | None) -> int | None:
        """Years from publication until ``term``'s horizon; None when open-ended."""
        if term is None:
            return None
        return self.term_horizons.get(term, DEFAULT_TERM_HORIZONS[term])

    def horizon(self, term: Term | None) -> date | None:
        """The last day of ``term``'s horizon, or None for an open-ended term."""
        years = self.horizon_years(term)
        if years is None or self.year is None:
            return None
        return date(self.year + years, 12, 31)


# What rrs assumes of a catalogue without strategy.yaml (it warns, RRS110).
UNNAMED_STRATEGY = Strategy(
    name="Resilience strategy", name_en="Resilience strategy", city="—", published=None
)


class Goal(_Strict):
    number: int = Field(ge=1)
    key: Key
    name_nl: NonEmpty
    name_en: NonEmpty
    tagline: Text = ""
    notes: Text | None = None


class Quality(_Strict):
    key: Key
    name_nl: NonEmpty
    name_en: NonEmpty
    definition: Text = ""


class ProgressEntry(_Strict):
    """One dated progress record; the latest one gives an action's current status."""

    date: date
    status: Status
    note: Text = ""
    by: Text | None = None


class Action(_Strict):
    """A flywheel action (letters) or a connected action (numbers)."""

    id: ActionId
    kind: Kind
    title: NonEmpty
    subtitle: Text | None = None
    description: Text = ""
    resilience_value: Text | None = None
    owner: Text = ""
    partners: Text = ""
    funding: Text = ""
    status: Status | None = None
    status_text: Text = ""
    term: Term | None = None
    term_text: Text = ""
    goal: Key | None = None
    goals: list[Key] = []
    qualities: list[Key] = []
    impact_levels: list[ImpactLevel] = []
    links: list[ActionId] = []
    # The links of ``links`` that the strategy does not print but the catalogue
    # infers (each file's notes say how): shown as inferred, never as printed.
    links_inferred: list[ActionId] = []
    links_all_flywheels: bool = False
    notes: Text | None = None
    progress: list[ProgressEntry] = []
    # The day the action was added to the catalogue (`rrs new` sets it): an action
    # that is not in the published strategy. Its `status` is then its initial
    # status, not the status at publication.
    added: date | None = None

    @property
    def is_flywheel(self) -> bool:
        return self.kind is Kind.FLYWHEEL

    def status_on(self, day: date | None = None) -> Status | None:
        """The status on ``day`` (default: now): the latest logged entry up to it,
        or the strategy's baseline when nothing was logged by then."""
        entry = self._latest_entry(day)
        return entry.status if entry else self.status

    def last_update_on(self, day: date | None = None) -> date | None:
        entry = self._latest_entry(day)
        return entry.date if entry else None

    def _latest_entry(self, day: date | None) -> ProgressEntry | None:
        entries = [e for e in self.progress if day is None or e.date <= day]
        return max(entries, key=lambda e: e.date) if entries else None

    @property
    def current_status(self) -> Status | None:
        """The latest logged status, or the strategy's baseline when nothing is logged."""
        return self.status_on()

    @property
    def last_update(self) -> date | None:
        return self.last_update_on()


class AcceptedFinding(_Strict):
    """One finding a catalogue knowingly accepts (``accepted.yaml``), with why."""

    code: Annotated[str, Field(pattern=r"^RRS[0-9]{3}$")]
    # What the finding is about: an action id, a goal or quality key, or a file
    # name (strategy.yaml, goals.yaml, ...).
    action: Annotated[str, BeforeValidator(_id_text), AfterValidator(_not_blank)]
    # The field path the finding names (links[0], status); none: any field.
    field: Text | None = None
    reason: NonEmpty


# A round's name: it becomes part of file names and messages, so plain characters.
RoundName = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")]
Digest = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


def _id_list(value: Any) -> Any:
    """Action ids written as one string ("B 12 14"): a round of thousands of forms
    stays within the limits rrs sets on a catalogue file's number of values."""
    return value.split() if isinstance(value, str) else value


IdList = Annotated[
    list[ActionId], BeforeValidator(_id_list, json_schema_input_type=str | list[str])
]


class RoundForm(_Strict):
    """One form sent out in a progress round: to whom, which actions, its checksum,
    and what came back.

    ``digest`` is the SHA-256 of the form's hidden data (round, revision, each
    row's action id and log fingerprint): a form whose hidden data was changed,
    or that was made from another catalogue, matches no digest recorded here.
    """

    owner: Text = ""  # as the report names the owner; "" for actions without one
    file: NonEmpty
    actions: IdList = []
    digest: Digest
    returned: date | None = None  # the last day a filled form was taken in
    recorded: IdList = []  # the actions that got an entry from it


class Round(_Strict):
    """A progress round ("voortgangsuitvraag"), kept in ``rounds.yaml``."""

    name: RoundName
    made: date  # the day the forms were made: the round begins
    as_of: date  # the forms show the statuses of this day
    due: date | None = None
    revision: Text = ""  # the catalogue's content hash when the forms were made
    forms: list[RoundForm] = []


def action_sort_key(action_id: str) -> tuple[int, int, str]:
    """Flywheels first (A..Z, AA..), then connected actions in numeric order.

    ASCII digits only (a file named ``².yaml`` or ``①.yaml`` is not a number),
    and no ``int()``: numbers without leading zeros sort by length, then text,
    which is numeric order at any length.
    """
    if action_id.isascii() and action_id.isdigit():
        stripped = action_id.lstrip("0") or "0"
        return (1, len(stripped), stripped + "\0" + action_id)
    return (0, len(action_id), action_id)
