"""Selecting actions: filters that combine, and forgiving name matching.

Command-line values are matched case-, accent-, hyphen- and
punctuation-insensitively against keys, numbers and Dutch or English names
(any of their words, see :func:`pick`); an unknown value raises
:class:`UnknownChoiceError` listing the valid choices and a "did you mean", a
value that names several choices raises :class:`AmbiguousChoiceError` naming
them. Repeating a filter gives alternatives (OR); different filters must all
hold (AND).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from .catalogue import Catalogue
from .diagnostics import Finding
from .errors import AmbiguousChoiceError, CatalogueInvalidError, UnknownChoiceError
from .graph import LinkGraph
from .i18n import LANGUAGES, MESSAGES, text
from .models import Action, Goal, Kind, Quality, Status, Term
from .suggest import did_you_mean
from .textsafety import HIDDEN_NOT_SPACE

E = TypeVar("E", bound=StrEnum)


def _organisation_pattern(value: str, organisations: Sequence[Sequence[str]]) -> re.Pattern[str]:
    """A pattern for ``value`` and, when it names a known organisation, its other names.

    ``organisations`` is strategy.yaml's list of names per organisation: a value
    equal to one of them, or the start of one (4 letters or more), searches for
    all of them (`--owner "port authority"` finds "Gemeente, HbR").
    """
    wanted = loose(value)
    terms = {wanted} if wanted else set()
    for group in organisations:
        names = [loose(name) for name in group]
        if any(wanted == n or (len(wanted) > 3 and n.startswith(wanted)) for n in names):
            terms.update(n for n in names if n)
    alternatives = "|".join(
        rf"\b{re.escape(term)}\b" if len(term) <= 4 else rf"\b{re.escape(term)}"
        for term in sorted(terms)
    )
    return re.compile(alternatives or "(?!)")


def organisation_aliases(organisations: Sequence[Sequence[str]]) -> dict[str, str]:
    """Folded name -> the organisation's display name (the first of its names).

    One map for every place that groups owners and partners (the report, the
    site's organisations page), so they cannot group differently.
    """
    aliases: dict[str, str] = {}
    for names in organisations:
        for name in names:
            aliases.setdefault(fold(name), names[0])
    return aliases


_COMBINING_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Case-, accent- and spacing-insensitive form of ``text`` for matching.

    Composed and decomposed forms (NFC "é", NFD "e" + U+0301) fold alike, and
    invisible characters (format, bidi, default-ignorable and tag characters,
    blank fillers: everything RRS112 flags but what separates words) are
    dropped, after compatibility decomposition (which can turn one into another),
    so `--owner Gemeente` finds "Ge\u3164meente".
    """
    if not (text.isascii() and text.isprintable()):  # printable ASCII: nothing to drop
        text = unicodedata.normalize("NFKD", text)
        text = _COMBINING_MARKS.sub("", HIDDEN_NOT_SPACE.sub("", text))
    return " ".join(text.casefold().replace("_", "-").split())


# What separates words for matching: spaces, hyphens, underscores, slashes and
# punctuation ("in-development", "in development" and "IN_DEVELOPMENT" alike).
_WORD_BREAK = re.compile(r"[\W_]+")


def words(text: str) -> list[str]:
    """The folded words of ``text``, punctuation and hyphens dropped."""
    return [w for w in _WORD_BREAK.split(fold(text)) if w]


def loose(text: str) -> str:
    """``text`` folded, with hyphens, underscores and punctuation read as spaces."""
    return " ".join(words(text))


def _label_aliases(enum: type[E], prefix: str) -> dict[str, E]:
    """The interface words (i18n.py) for each member, so `--status lopend` works."""
    return {
        fold(text(f"{prefix}.{member.value}", lang)): member
        for member in enum
        for lang in LANGUAGES
        if f"{prefix}.{member.value}" in MESSAGES
    }


# Dutch and English words for statuses and kinds; kept for callers that pass
# them to resolve_enum (it adds the i18n words for Status, Term and Kind itself).
STATUS_ALIASES: dict[str, Status] = _label_aliases(Status, "status")
KIND_ALIASES: dict[str, Kind] = _label_aliases(Kind, "kind")


@dataclass(frozen=True)
class Choice:
    """One value a command-line option can name, under any of its names."""

    key: str  # what a match returns (and what "did you mean" shows)
    names: tuple[str, ...]  # key, number, Dutch and English names
    label: str  # how the list of valid choices shows it


def _choices_hint(what: str, choices: Sequence[Choice]) -> str:
    """The valid choices, one a line, each with its Dutch and English names."""
    return f"valid choices for {what}:\n" + "\n".join(f"- {c.label}" for c in choices)


def _unknown(
    what: str, value: str, choices: Sequence[Choice], suggestion: str = ""
) -> UnknownChoiceError:
    """``suggestion``: a "did you mean" by meaning; else the closest name in spelling."""
    if not suggestion:
        by_name = {loose(name): c.key for c in choices for name in c.names if loose(name)}
        close = difflib.get_close_matches(loose(value), list(by_name), n=1, cutoff=0.5)
        suggestion = f"did you mean '{by_name[close[0]]}'?" if close else ""
    hint = f"{suggestion}\n" if suggestion else ""
    return UnknownChoiceError(f"unknown {what} '{value}'", hint=hint + _choices_hint(what, choices))


def _ambiguous(what: str, value: str, matches: Sequence[Choice]) -> AmbiguousChoiceError:
    return AmbiguousChoiceError(
        f"{what} '{value}' matches {len(matches)} choices: "
        + ", ".join(f"'{c.key}'" for c in matches),
        hint="give more of the name, or repeat the option for each one you mean:\n"
        + "\n".join(f"- {c.label}" for c in matches),
    )


def pick(
    what: str,
    value: str,
    choices: Sequence[Choice],
    filler: Iterable[str] = (),
    suggest: Callable[[str], str] | None = None,
) -> str:
    """The key of the one choice ``value`` names; raises when none or several do.

    Tried in order, the first step that finds anything decides: the value is
    one of a choice's names; every word of it is a whole word of one choice's
    names; every word starts a word; the value occurs inside a name. Filler
    words ("goal", "doel", "term", "termijn") are ignored on both sides, so
    `goal 3`, `doel 3` and `3` are the same, and `korte` is "Korte termijn".
    More than one choice at a step is an error naming the candidates; no
    choice is an error with ``suggest(value)`` as its "did you mean".
    """
    skip = {fold(word) for word in filler}
    wanted = [w for w in words(value) if w not in skip]
    suggestion = suggest(value) if suggest else ""
    if not wanted:
        raise _unknown(what, value, choices, suggestion)

    def vocabulary(choice: Choice) -> list[list[str]]:
        return [[w for w in words(name) if w not in skip] for name in choice.names]

    steps: list[Callable[[list[list[str]]], bool]] = [
        lambda names: any(n == wanted for n in names),
        lambda names: all(any(w in n for n in names) for w in wanted),
        lambda names: all(any(x.startswith(w) for n in names for x in n) for w in wanted),
        lambda names: any(" ".join(wanted) in " ".join(n) for n in names),
    ]
    vocabularies = [(choice, vocabulary(choice)) for choice in choices]
    for step in steps:
        found = [choice for choice, names in vocabularies if step(names)]
        if len(found) == 1:
            return found[0].key
        if found:
            raise _ambiguous(what, value, found)
    raise _unknown(what, value, choices, suggestion)


def _both(key: str) -> tuple[str, str]:
    return text(key, "nl"), text(key, "en")


def goal_choices(catalogue: Catalogue) -> list[Choice]:
    return [
        Choice(
            g.key,
            (g.key, str(g.number), g.name_nl, g.name_en),
            f"{g.key} ({g.number}: {g.name_nl} / {g.name_en})",
        )
        for g in sorted(catalogue.goals.values(), key=lambda g: g.number)
    ]


def resolve_goal(catalogue: Catalogue, value: str) -> Goal:
    """A goal by key, number ("3", "goal 3", "doel 3") or any words of its names."""
    key = pick("goal", value, goal_choices(catalogue), _both("query.word.goal"))
    return catalogue.goals[key]


def resolve_quality(catalogue: Catalogue, value: str) -> Quality:
    choices = [
        Choice(q.key, (q.key, q.name_nl, q.name_en), f"{q.key} ({q.name_nl} / {q.name_en})")
        for q in catalogue.qualities.values()
    ]
    return catalogue.qualities[pick("quality", value, choices)]


# The i18n prefix of each enum's interface words, and the filler words its
# values may carry ("short term", "korte termijn").
_ENUM_WORDS: dict[type[StrEnum], tuple[str, str | None]] = {
    Status: ("status", None),
    Term: ("term", "query.word.term"),
    Kind: ("kind", None),
}


def enum_choices(enum: type[E], aliases: dict[str, E] | None = None) -> list[Choice]:
    prefix, _ = _ENUM_WORDS.get(enum, ("", None))
    choices = []
    for member in enum:
        labels = tuple(
            text(key, lang)
            for key in (f"{prefix}.{member.value}", f"{prefix}.{member.value}.plural")
            if key in MESSAGES
            for lang in LANGUAGES
        )
        extra = tuple(alias for alias, m in (aliases or {}).items() if m is member)
        names = (member.value, member.name, *labels, *extra)
        shown = f"{member.value} ({labels[0]} / {labels[1]})" if labels else member.value
        choices.append(Choice(member.value, names, shown))
    return choices


def resolve_enum(enum: type[E], value: str, what: str, aliases: dict[str, E] | None = None) -> E:
    """A member by its value or its Dutch or English interface words (i18n.py)."""
    _, filler = _ENUM_WORDS.get(enum, ("", None))
    key = pick(
        what,
        value,
        enum_choices(enum, aliases),
        _both(filler) if filler else (),
        # By meaning, so that "gestart" suggests "starting", not "stopped".
        lambda given: did_you_mean(enum, given),
    )
    return enum(key)


def resolve_action(catalogue: Catalogue, value: str, findings: Sequence[Finding] = ()) -> Action:
    """The action with id ``value``; when its file could not be read, says so and where."""
    wanted = value.strip()
    # Ids are ASCII: "ß".upper() is "SS", and "²" or "①" are digits to isdigit().
    wanted = wanted.upper() if wanted.isascii() else wanted
    if wanted in catalogue.actions:
        return catalogue.actions[wanted]
    unreadable = {i.upper() if i.isascii() else i: i for i in catalogue.unreadable_ids}
    if wanted in unreadable:
        raise _unreadable(wanted, unreadable[wanted], findings)
    close = difflib.get_close_matches(wanted, list(catalogue.actions), n=1, cutoff=0.5)
    hint = f"did you mean '{close[0]}'? " if close else ""
    raise UnknownChoiceError(
        f"unknown action '{value}'", hint=f"{hint}valid choices: {', '.join(catalogue.actions)}"
    )


def _display_path(file: str) -> str:
    """``file`` relative to the working directory when it lies below it."""
    path = Path(file).absolute()
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except (ValueError, OSError):
        return Path(file).as_posix()


def _unreadable(action_id: str, stem: str, findings: Sequence[Finding]) -> CatalogueInvalidError:
    """The file of ``action_id`` exists but has errors: name the file and the first error."""
    errors = [f for f in findings if f.severity.value == "error" and Path(f.file).stem == stem]
    if not errors:
        return CatalogueInvalidError(
            f"the file of action {action_id} has errors", hint="run `rrs validate` to see them"
        )
    first = errors[0]
    where = _display_path(first.file) + (f":{first.line}" if first.line else "")
    where += f":{first.column}" if first.line and first.column else ""
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return CatalogueInvalidError(
        f"the file of action {action_id} has errors: {where}: {first.message}{more}",
        hint=f"fix {Path(first.file).name} (run `rrs validate` to see every problem)",
    )


Values = str | Sequence[str] | None


def _values(given: Values) -> tuple[str, ...]:
    """A filter's values: one string (a single value) or several (alternatives)."""
    if given is None:
        return ()
    return (given,) if isinstance(given, str) else tuple(given)


@dataclass(frozen=True)
class ActionFilter:
    """Filters for `rrs list`, `rrs graph` and reports.

    Each filter takes one value or several; several values of one filter are
    alternatives (any may hold), and every filter given must hold.
    """

    goal: Values = None
    quality: Values = None
    status: Values = None
    term: Values = None
    kind: Values = None
    owner: Values = None
    partner: Values = None
    text: Values = None
    org: Values = None  # owner or partners

    def select(self, catalogue: Catalogue, graph: LinkGraph) -> list[Action]:
        tests = self._tests(catalogue, graph)
        return [a for a in catalogue.actions.values() if all(test(a) for test in tests)]

    def _tests(self, catalogue: Catalogue, graph: LinkGraph) -> list[Callable[[Action], bool]]:
        """One predicate per given filter; every unknown value is reported at once."""
        tests: list[Callable[[Action], bool]] = []
        problems: list[UnknownChoiceError] = []

        def any_of(given: Values, make: Callable[[str], Callable[[Action], bool]]) -> None:
            alternatives = []
            for value in _values(given):
                try:
                    alternatives.append(make(value))
                except UnknownChoiceError as error:
                    problems.append(error)
            if alternatives:
                tests.append(lambda a: any(test(a) for test in alternatives))

        organisations = catalogue.strategy.organisations
        any_of(self.goal, lambda v: _goal_test(resolve_goal(catalogue, v).key, graph))
        any_of(self.quality, lambda v: _quality_test(resolve_quality(catalogue, v).key))
        any_of(self.status, lambda v: _status_test(resolve_enum(Status, v, "status")))
        any_of(self.term, lambda v: _term_test(resolve_enum(Term, v, "term")))
        any_of(self.kind, lambda v: _kind_test(resolve_enum(Kind, v, "kind")))
        any_of(self.owner, lambda v: _text_test(_organisation_pattern(v, organisations), "owner"))
        any_of(
            self.partner, lambda v: _text_test(_organisation_pattern(v, organisations), "partners")
        )
        any_of(
            self.org,
            lambda v: _text_test(_organisation_pattern(v, organisations), "owner", "partners"),
        )
        any_of(self.text, _search_test)
        if len(problems) == 1:
            raise problems[0]
        if problems:
            raise UnknownChoiceError(
                "; ".join(p.message for p in problems),
                hint="\n  ".join(p.hint for p in problems),
            )
        return tests


def _text_test(pattern: re.Pattern[str], *fields: str) -> Callable[[Action], bool]:
    return lambda a: any(pattern.search(loose(getattr(a, f) or "")) for f in fields)


def _search_test(value: str) -> Callable[[Action], bool]:
    wanted = loose(value)
    return lambda a: wanted in _searchable(a)


def _goal_test(key: str, graph: LinkGraph) -> Callable[[Action], bool]:
    return lambda a: key in graph.goals_of(a)


def _quality_test(key: str) -> Callable[[Action], bool]:
    return lambda a: key in a.qualities


def _status_test(status: Status) -> Callable[[Action], bool]:
    return lambda a: a.current_status is status


def _term_test(term: Term) -> Callable[[Action], bool]:
    return lambda a: a.term is term


def _kind_test(kind: Kind) -> Callable[[Action], bool]:
    return lambda a: a.kind is kind


def _searchable(action: Action) -> str:
    return loose(
        " ".join(
            (action.title, action.subtitle or "", action.description, action.resilience_value or "")
        )
    )
