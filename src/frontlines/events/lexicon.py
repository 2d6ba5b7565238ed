"""The event lexicon: triggers, context cues and the PLOVER<->ACLED mapping,
loaded once from data/events/*.yaml and passed to the stage as
``Resources.event_lexicon``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources as importlib_resources
from typing import Any, Protocol

import yaml

from frontlines.errors import FrontlinesError

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
# the PLOVER types that are said rather than done: a speech act's content is another event's, and its place is where
# it was said (events.mentions, events.context, events.judgements)
SPEECH_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "AGREE", "CONSULT", "THREATEN", "SUPPORT"})
# the copulas: a verb that says what its subject is ("was the largest city", "remains a threat")
COPULAS = frozenset({"be", "become", "remain"})


@dataclass(frozen=True, slots=True)
class TriggerSpec:
    """What a trigger word means: PLOVER type/mode, default ACLED sub-type, refinement."""

    key: str  # "shell", "take back"
    plover: str
    mode: str | None
    acled: str | None
    refine: str | None
    weight: float
    pos: str  # "V", "N" or "VN"


@dataclass(frozen=True, slots=True)
class CueSet:
    """Single-word cues (matched on lemma or lower form) and phrases (matched on text)."""

    words: frozenset[str]
    phrases: tuple[str, ...]
    # the first word of each phrase: a phrase can occur in a text of single-spaced words only where
    # its first word is one of them (SentenceCues.holds)
    openers: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "openers", frozenset(p[1:].split(" ", 1)[0] for p in self.phrases))

    def in_tokens(self, lemmas: frozenset[str], text: str) -> bool:
        """True when any cue is among ``lemmas`` or any phrase occurs in ``text`` (lower-cased, padded)."""
        if not self.words.isdisjoint(lemmas):
            return True
        return any(map(text.__contains__, self.phrases))  # `p in text` for each phrase, without a generator


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """Everything the events stage looks words up in."""

    single: dict[str, TriggerSpec]  # lemma -> spec
    surface: dict[str, TriggerSpec]  # inflected form -> spec, for the lemmatiser's slips ("raped" -> "rap")
    phrasal: dict[str, tuple[tuple[tuple[str, ...], TriggerSpec], ...]]  # first word -> (words, spec), longest first
    weapons: tuple[tuple[str, CueSet], ...]  # ACLED sub-type, cues; in priority order
    cues: dict[str, CueSet]  # civilians, armed, territory, conflict, protest_*, disaster, crime, menace ...
    frames: dict[str, CueSet]  # status -> governing words
    speech: frozenset[str]
    acled_event_type: dict[str, str]  # sub-type -> event type
    acled_plover: dict[str, tuple[str | None, str | None]]  # sub-type -> (PLOVER type, mode)
    plover_acled: dict[str, str | None]  # PLOVER type -> default ACLED sub-type in a conflict setting
    nationality: dict[str, str]  # demonym or country name (lower case, may hold a space) -> ISO3
    groups: dict[str, tuple[str, str]]  # armed/state group name (lower case) -> (ISO3, sector)
    sector_heads: dict[str, str]  # head noun of a doer's phrase -> sector value
    trigger_words: frozenset[str] = field(init=False)  # every key of single, surface and phrasal
    frame_words: frozenset[str] = field(init=False)  # every word of every frame
    cue_words: frozenset[str] = field(init=False)  # every single-word trigger and every word of a cue or weapon set

    def __post_init__(self) -> None:
        object.__setattr__(self, "trigger_words", frozenset(self.single).union(self.surface, self.phrasal))
        object.__setattr__(self, "frame_words", frozenset().union(*(c.words for c in self.frames.values())))
        object.__setattr__(self, "cue_words", frozenset(self.single).union(
            *(c.words for c in self.cues.values()), *(c.words for _, c in self.weapons)))


def _cueset(items: list[Any]) -> CueSet:
    words = frozenset(str(i).lower() for i in items if " " not in str(i))
    # the tagger splits "tear-gas" at its hyphen: such a cue is also the phrase of its parts
    phrases = tuple(f" {str(i).lower().replace('-', ' - ')} " for i in items if " " in str(i) or "-" in str(i))
    return CueSet(words=words, phrases=phrases)


def _read(name: str) -> Any:
    path = importlib_resources.files("frontlines") / "data" / "events" / name
    try:
        # the C loader when PyYAML has it: the pure-Python one takes seconds on these files
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - a safe loader
    except (OSError, yaml.YAMLError) as exc:
        raise FrontlinesError(f"{name}: {exc}", code="E601") from exc


def _phrasings(key: str, keys: Any = ()) -> list[tuple[str, ...]]:
    """The word sequences a trigger key matches in a Doc. The tokenizer splits a hyphenated compound into its parts
    and the hyphen ("sit-in" -> sit, -, in), so a hyphenated key is matched as those three words; and a two-word
    key is also written as its hyphenated compound ("call up" -> "the call-up of reservists", "pull out" ->
    "the pull-out"), which the same split makes three words, unless ``keys`` lists the compound itself with an
    entry of its own."""
    words = tuple(w for part in key.lower().split() for w in re.split(r"(-)", part) if w)
    out = [words]
    if len(words) == 2 and f"{words[0]}-{words[1]}" not in keys:
        out.append((words[0], "-", words[1]))
    return out


def load_event_lexicon() -> EventLexicon:
    """Load and check the packaged event lexicon (raises E601 when it is invalid)."""
    triggers = _read("triggers.yaml")["triggers"]
    context = _read("context.yaml")
    mapping = _read("acled_plover.yaml")
    acled_event_type: dict[str, str] = {}
    acled_plover: dict[str, tuple[str | None, str | None]] = {}
    for sub, (event_type, plover, mode) in mapping["acled"].items():
        acled_event_type[sub] = event_type
        acled_plover[sub] = (plover, mode)
    if len(acled_event_type) != 25:
        raise FrontlinesError(f"acled_plover.yaml lists {len(acled_event_type)} ACLED sub-types, not 25", code="E601")
    plover_acled = dict(mapping["plover"])
    if set(plover_acled) != set(PLOVER_TYPES):
        raise FrontlinesError("acled_plover.yaml: plover section must list the 16 PLOVER types", code="E601")
    single: dict[str, TriggerSpec] = {}
    phrasal: dict[str, list[tuple[tuple[str, ...], TriggerSpec]]] = {}
    for key, entry in triggers.items():
        spec = TriggerSpec(
            key=key,
            plover=entry["type"],
            mode=entry.get("mode"),
            acled=entry.get("acled"),
            refine=entry.get("refine"),
            weight=float(entry.get("w", 0.6)),
            pos=str(entry.get("pos", "VN")),
        )
        if spec.plover not in PLOVER_TYPES:
            raise FrontlinesError(f"trigger {key!r}: unknown PLOVER type {spec.plover!r}", code="E601")
        if spec.acled is not None and spec.acled not in acled_event_type:
            raise FrontlinesError(f"trigger {key!r}: unknown ACLED sub-type {spec.acled!r}", code="E601")
        for words in _phrasings(key, triggers):
            if len(words) == 1:
                single[words[0]] = spec
            else:
                phrasal.setdefault(words[0], []).append((words, spec))
    cues = {
        name: _cueset(values)
        for name, values in context.items()
        if name not in ("weapons", "frames", "speech") and isinstance(values, list)
    }
    surface: dict[str, TriggerSpec] = {}
    for lemma, spec in single.items():
        for form in _inflections(lemma):
            if form not in single:
                surface.setdefault(form, spec)
    nationality, groups, sector_heads = _nationalities(_read("doers.yaml"), _read_demonyms())
    return EventLexicon(
        single=single,
        surface=surface,
        phrasal={k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in phrasal.items()},
        weapons=tuple((sub, _cueset(items)) for sub, items in context["weapons"]),
        cues=cues,
        frames={status: _cueset(items) for status, items in context["frames"].items()},
        speech=frozenset(context["speech"]),
        acled_event_type=acled_event_type,
        acled_plover=acled_plover,
        plover_acled=plover_acled,
        nationality=nationality,
        groups=groups,
        sector_heads=sector_heads,
    )


def _read_demonyms() -> dict[str, str]:
    """The demonyms the gazetteer holds too (``data/places/demonyms.yaml``: one list for both)."""
    path = importlib_resources.files("frontlines") / "data" / "places" / "demonyms.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise FrontlinesError(f"demonyms.yaml: {exc}", code="E601") from exc
    return {str(k): str(v) for k, v in (data.get("demonyms") or {}).items()}


def _nationalities(
    data: Any, demonyms: dict[str, str],
) -> tuple[dict[str, str], dict[str, tuple[str, str]], dict[str, str]]:
    """Country names from pycountry, the shared demonyms, the names news uses for states,
    and the curated groups and sector head nouns."""
    import pycountry

    nationality: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name and "," not in name:
                nationality.setdefault(name.lower(), country.alpha_3)
    for word, iso3 in [*demonyms.items(), *data["states"].items()]:
        nationality[str(word).lower()] = str(iso3)
    groups = {str(k).lower(): (str(v[0]), str(v[1])) for k, v in data["groups"].items()}
    sector_heads: dict[str, str] = {}
    for sector, words in data["sectors"].items():
        for w in words:
            sector_heads.setdefault(str(w).lower(), str(sector))
    return nationality, groups, sector_heads


# Irregular past forms of trigger verbs, for when the lemmatiser leaves them as they are.
_IRREGULAR = {
    "retake": ("retook", "retaken"), "overrun": ("overran",), "shoot": ("shot",), "fight": ("fought",),
    "withdraw": ("withdrew", "withdrawn"), "seize": ("seized",), "beat": ("beaten",), "free": ("freed",),
    "hit": ("hits",), "undertake": ("undertook",), "mistake": ("mistook",), "win": ("won",),
    "bring": ("brought",), "strike": ("struck", "stricken"), "blow": ("blew", "blown"), "flee": ("fled",),
    "lead": ("led",), "hold": ("held",), "meet": ("met",), "speak": ("spoke", "spoken"),
    "forbid": ("forbade", "forbidden"), "slay": ("slew", "slain"), "stab": ("stabbed", "stabbing"),
    "kidnap": ("kidnapped", "kidnapping"), "ban": ("banned", "banning"), "rebuff": ("rebuffed",),
    "shell": ("shelled", "shelling"), "bomb": ("bombed",), "swear": ("swore", "sworn"),
}  # fmt: skip


def _inflections(lemma: str) -> set[str]:
    """Regular inflected forms of a lemma (a guess is harmless: it only has to match real words)."""
    forms = {lemma + "s", lemma + "ed", lemma + "ing"} | set(_IRREGULAR.get(lemma, ()))
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if lemma.endswith(("s", "sh", "ch", "x")):
        forms.add(lemma + "es")
    return forms


class HoldsEventLexicon(Protocol):
    """What :func:`lexicon_from` needs of :class:`frontlines.stages.Resources` (named here
    structurally: the stage contract sits below this package and imports nothing from it)."""

    event_lexicon: EventLexicon | None


def lexicon_from(resources: HoldsEventLexicon) -> EventLexicon:
    """The lexicon injected as ``resources.event_lexicon``; loaded into it on first use."""
    lex = resources.event_lexicon
    if lex is None:
        # Kept on the injected Resources (not a module global) so that a run loads it once.
        lex = resources.event_lexicon = load_event_lexicon()
    return lex
