"""GeoNames postal-code places: the packaged layer of front-line villages, and user imports.

A GeoNames postal dump (``UA.txt`` from download.geonames.org/export/zip) has one
postal code a line, 12 tab-separated columns: country code, postal code, place name
(in the country's script; Ukraine's may end with the council's name in brackets),
admin1 name and code, admin2 name and code, admin3 name and code, latitude,
longitude, accuracy. One place repeats once per postal code.

:func:`derive_places` turns those rows into one :class:`PostalPlace` per place
(same name, same admin1, points within :data:`CLUSTER_KM`), with a romanised
main name and the spellings news uses (:mod:`frontlines.geo.romanise`).
``tools/build_postal_layer.py`` writes them to the packaged layer
(``frontlines/data/places/postal-UA.tsv.gz``), which :func:`read_layer` reads
when the gazetteer is built. :func:`merge_postal` then adds each place to the
gazetteer: as more names of a GeoNames city already there (same name or
spelling, same admin1, within :data:`MERGE_KM`), else as a new settlement with
precision "near", since a postal point often serves several villages.

Some points are wrong: GeoNames placed part of the postal codes by matching the
name to a geonameid, sometimes a namesake in another oblast (Прохорівка of
Cherkasy oblast at a Donetsk village). A point outside its admin1 (the box of the
GeoNames cities there) is not believed: the place takes the middle of its raion's
believable points (precision "admin2"), else its admin1's point ("admin1").
"""

from __future__ import annotations

import dataclasses
import gzip
import math
import re
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from frontlines.errors import GeoError
from frontlines.geo.entries import BadLine, Entry, normalise_name
from frontlines.geo.packaged import curated_dir_default, iso3_of
from frontlines.geo.romanise import fix_homoglyphs, russian_spellings, spellings

LAYER_VERSION = "1"
LAYER_NAME = "postal-UA.tsv.gz"
LAYER_SOURCE = "geonames-postal"
IMPORT_SOURCE = "import:geonames-postal"
POSTAL_COLUMNS = 12
CLUSTER_KM = 5.0  # one name in one admin1 within this distance: one place (a city's many postal codes)
MERGE_KM = 10.0  # a postal place this close to a GeoNames city of the same name and admin1 is that city
LAYER_HINT = (
    "rebuild it from a source checkout with `python tools/build_postal_layer.py UA.txt` "
    "(UA.txt from download.geonames.org/export/zip), then `frontlines gazetteer build --force`"
)
_LAYER_HEADER = "# frontlines postal layer v"
_LAYER_FIELDS = ("code", "country", "admin1", "admin1_code", "admin2", "lat", "lon", "name", "native", "names")
BOX_MARGIN = 0.1  # degrees around the box of an admin1's GeoNames cities that still count as inside

# Whole names that are a facility, not a settlement (a station or a depot with its own postcode)
_FACILITY_NAMES = frozenset(normalise_name(n) for n in (
    "Завод", "Заводи", "Ферма", "Вокзал", "Станція", "Агробаза", "Радгосп", "Лісництво", "Кордон", "Поштамт",
    "Станция", "Почтамт",  # the Russian words, for imports of Russian postal files
))
_BRACKETS = re.compile(r"\s*\(.*?(\)|$)")
_NUMBERED = re.compile(r"[\s-]*\d+$")  # "Шевченківка 1", "Привороття-2": parts of one village
_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@dataclass(frozen=True, slots=True, kw_only=True)
class PostalRow:
    """One line of a GeoNames postal dump."""

    line: int
    country: str  # ISO2
    code: str
    name: str
    admin1: str
    admin1_code: str
    admin2: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True, kw_only=True)
class PostalPlace:
    """One place of the postal layer: a name in one admin1 at one (approximate) point."""

    code: str  # its lowest postal code
    country: str  # ISO2
    admin1: str  # as the dump spells it ("Donetska")
    admin1_code: str
    admin2: str  # as the dump spells it ("Bakhmutskyi"); may be ""
    lat: float
    lon: float
    name: str  # romanised main name ("Klishchiivka")
    native: str  # as the dump writes it, without the council ("Кліщіївка")
    names: tuple[str, ...]  # other spellings ("Klishchiyivka", "Klishcheyevka", ...)


def parse_postal_lines(lines: Iterable[str], *, start: int = 1) -> Iterator[PostalRow | BadLine]:
    """Rows of a postal dump, and a :class:`BadLine` for each line that is not one."""
    for n, raw in enumerate(lines, start=start):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) != POSTAL_COLUMNS:
            yield BadLine(line=n, reason=f"{len(cols)} tab-separated columns, expected {POSTAL_COLUMNS}")
            continue
        try:
            lat, lon = float(cols[9]), float(cols[10])
        except ValueError:
            yield BadLine(line=n, reason=f"latitude/longitude {cols[9]!r}, {cols[10]!r} are not numbers")
            continue
        if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0) or (lat == 0.0 and lon == 0.0):
            yield BadLine(line=n, reason=f"latitude/longitude {lat}, {lon} out of range")
            continue
        if len(cols[0]) != 2 or not cols[0].isalpha():
            yield BadLine(line=n, reason=f"country code {cols[0]!r} is not ISO 3166 alpha-2")
            continue
        if not _LETTER.search(cols[2]):
            yield BadLine(line=n, reason="no place name")
            continue
        yield PostalRow(line=n, country=cols[0].upper(), code=cols[1], name=cols[2], admin1=cols[3].strip(),
                        admin1_code=cols[4].strip(), admin2=cols[5].strip(), lat=lat, lon=lon)


def settlement_name(raw: str) -> str | None:
    """The place's own name from a dump's name column, or None when it names no settlement.

    Drops the council in brackets ("Нагірна (Нагірнянська сільська рада)"), a part number
    ("Шевченківка 1"), Latin look-alike letters in Cyrillic words; refuses names that are
    a facility alone ("Завод", "Станція") or hold no letter.
    """
    name = _BRACKETS.sub("", raw)
    name = _NUMBERED.sub("", name)
    name = " ".join(fix_homoglyphs(name).replace("`", "'").split())
    name = re.sub(r"\s*-\s*", "-", name)
    if not _LETTER.search(name) or normalise_name(name) in _FACILITY_NAMES:
        return None
    return name


def name_spellings(native: str, country: str) -> tuple[str, ...]:
    """Main Latin name first, then other spellings; () when the name needs none (Latin already)."""
    if not _CYRILLIC.search(native):
        return (native,)
    if country == "UA":
        return spellings(native)
    return russian_spellings(native)


def derive_places(rows: Iterable[PostalRow]) -> list[PostalPlace]:
    """One place per name, admin1, admin2 and cluster of points (postal codes of one place merged).

    The admin2 keeps apart namesakes that GeoNames put at one wrong point.
    """
    groups: dict[tuple[str, str, str, str], list[list[PostalRow]]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: (r.code, r.line)):
        name = settlement_name(row.name)
        if name is None:
            continue
        clusters = groups[(row.country, row.admin1, row.admin2, name)]
        for cluster in clusters:
            if distance_km(cluster[0].lat, cluster[0].lon, row.lat, row.lon) <= CLUSTER_KM:
                cluster.append(row)
                break
        else:
            clusters.append([row])
    out: list[PostalPlace] = []
    spelled: dict[tuple[str, str], tuple[str, ...]] = {}
    for (country, admin1, admin2, native), clusters in groups.items():
        forms = spelled.get((native, country))
        if forms is None:
            forms = spelled[(native, country)] = name_spellings(native, country)
        for cluster in clusters:
            first = cluster[0]
            out.append(PostalPlace(
                code=first.code, country=country, admin1=admin1, admin1_code=first.admin1_code, admin2=admin2,
                lat=round(first.lat, 4), lon=round(first.lon, 4), name=forms[0], native=native,
                names=tuple(forms[1:]),
            ))
    out.sort(key=lambda p: (p.country, p.admin1, p.code, p.name))
    return out


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


# --------------------------------------------------------------------------
# The packaged layer file
# --------------------------------------------------------------------------

def layer_path_default() -> Path:
    """The packaged postal layer (may be absent in a stripped install)."""
    return curated_dir_default() / LAYER_NAME


def layer_bytes(places: Sequence[PostalPlace], *, source: str) -> bytes:
    """The layer file's bytes: a header naming the source and version, then one place a line.

    Gzip with a fixed timestamp, so the same source gives the same bytes.
    """
    lines = [f"{_LAYER_HEADER}{LAYER_VERSION}; {source}", "\t".join(_LAYER_FIELDS)]
    for p in places:
        fields = (p.code, p.country, p.admin1, p.admin1_code, p.admin2, f"{p.lat:.4f}", f"{p.lon:.4f}", p.name, p.native,
                  "|".join(p.names))
        lines.append("\t".join(f.replace("\t", " ").replace("\n", " ") for f in fields))
    return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0)


def write_layer(places: Sequence[PostalPlace], path: Path, *, source: str) -> Path:
    """Write the layer file at ``path`` (see :func:`layer_bytes`)."""
    path = Path(path)
    path.write_bytes(layer_bytes(places, source=source))
    return path


def read_layer(path: Path) -> list[PostalPlace]:
    """The places of a layer file; GeoError E303 naming the rebuild command when it is corrupt or stale."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GeoError(f"{path}: {exc}; {LAYER_HINT}", code="E303") from exc
    return parse_layer(data, origin=str(path))


def parse_layer(data: bytes, *, origin: str, hint: str = LAYER_HINT, code: str = "E303") -> list[PostalPlace]:
    """The places of a layer file's bytes (``origin`` names it in errors, ``hint`` says how to fix it)."""
    try:
        text = gzip.decompress(data).decode("utf-8")
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
        raise GeoError(f"{origin}: {exc}; {hint}", code=code) from exc
    lines = text.split("\n")
    if not lines[0].startswith(_LAYER_HEADER) or len(lines) < 2 or lines[1] != "\t".join(_LAYER_FIELDS):
        raise GeoError(f"{origin}: not a postal layer file (no header); {hint}", code=code)
    version = lines[0][len(_LAYER_HEADER):].split(";", 1)[0]
    if version != LAYER_VERSION:
        raise GeoError(f"{origin}: layer version {version!r}, this frontlines reads {LAYER_VERSION!r}; {hint}",
                       code=code)
    out: list[PostalPlace] = []
    for n, line in enumerate(lines[2:], start=3):
        if not line:
            continue
        cols = line.split("\t")
        try:
            if len(cols) != len(_LAYER_FIELDS):
                raise ValueError(f"{len(cols)} columns, expected {len(_LAYER_FIELDS)}")
            out.append(PostalPlace(
                code=cols[0], country=cols[1], admin1=cols[2], admin1_code=cols[3], admin2=cols[4],
                lat=float(cols[5]), lon=float(cols[6]), name=cols[7], native=cols[8],
                names=tuple(n for n in cols[9].split("|") if n),
            ))
        except ValueError as exc:
            raise GeoError(f"{origin} line {n}: {exc}; {hint}", code=code) from exc
    return out


# --------------------------------------------------------------------------
# Into the gazetteer
# --------------------------------------------------------------------------

_DIVISION_WORDS = re.compile(
    r"\s+(oblast|oblast'|oblast’|region|province|governorate|state|krai|kray|raion|republic|county|city)$")


class Admin1Index:
    """Maps a dump's admin1 name (or code) to the gazetteer's first-order division of that country.

    Tried in order: the division's main name ("Kyiv"), its names without a division word
    ("Donetska oblast" -> "donetska"), its other names, and last the GeoNames admin1 code.
    """

    def __init__(self, entries: Iterable[Entry], codes: dict[str, str] | None = None) -> None:
        self._by_name: dict[tuple[str, str], dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
        self._entries: dict[str, Entry] = {}
        self._codes = codes or {}
        for e in entries:
            if e.kind != "admin1" or not e.country:
                continue
            self._entries[e.gid] = e
            for rank, names in enumerate(((e.name,), tuple(e.names))):
                for name in names:
                    key = normalise_name(name)
                    self._by_name[(e.country, key)][rank * 2].add(e.gid)
                    bare = _DIVISION_WORDS.sub("", key)
                    if bare != key:
                        self._by_name[(e.country, bare)][rank * 2 + 1].add(e.gid)

    def find(self, country: str, admin1: str, code: str = "") -> Entry | None:
        """The division called ``admin1`` in ``country`` (ISO3), or None when none or several."""
        key = normalise_name(admin1)
        ranks = self._by_name.get((country, key)) or self._by_name.get((country, _DIVISION_WORDS.sub("", key)))
        if ranks:
            for rank in sorted(ranks):
                if len(ranks[rank]) == 1:
                    return self._entries[next(iter(ranks[rank]))]
        gid = self._codes.get(f"{country}.{code}") if code else None
        return self._entries.get(gid) if gid else None


@dataclass(frozen=True, slots=True, kw_only=True)
class PostalMerge:
    """The outcome of :func:`merge_postal`."""

    entries: list[Entry]  # the entries given (a copy with more names for each that gained some) + ``added``
    added: list[Entry]  # new settlements
    merged: list[PostalPlace]  # places that were already there


def merge_postal(
    entries: Sequence[Entry], places: Iterable[PostalPlace], *, source: str = LAYER_SOURCE,
    codes: dict[str, str] | None = None,
) -> PostalMerge:
    """Add postal places to ``entries`` (which are not changed: a settlement that gains names is copied).

    A place whose name or spelling is that of a settlement already in ``entries``, in the same
    admin1 and within :data:`MERGE_KM` (anywhere in the admin1 when the postal point is not
    believable and the name is unique there), lends it its names, and its official
    romanisation counts as a main name (GeoNames often spells towns by an older system,
    "Mykolayiv", "Avdiyivka"); any other becomes a settlement with population 0 (known
    towns win ambiguity) and its point's precision.
    """
    admins = Admin1Index(entries, codes)
    places = list(places)
    countries = {iso3_of(p.country) for p in places}
    by_key: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    extents: dict[str, list[float]] = {}  # admin1 gid -> [min lat, max lat, min lon, max lon] of its cities
    for e in entries:
        if e.kind != "settlement" or e.country is None or e.country not in countries:
            continue
        for key in {normalise_name(n) for n in (e.name, *e.names)}:
            by_key[(e.country, key)].append(e)
        if e.admin1_gid and e.precision is None:
            extent = extents.setdefault(e.admin1_gid, [e.lat, e.lat, e.lon, e.lon])
            extent[0], extent[1] = min(extent[0], e.lat), max(extent[1], e.lat)
            extent[2], extent[3] = min(extent[2], e.lon), max(extent[3], e.lon)

    # each place's admin1, whether its point is believable, and its raion's believable points
    located: list[tuple[PostalPlace, str | None, Entry | None, bool]] = []
    raion_points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for p in places:
        country = iso3_of(p.country)
        admin = admins.find(country or "", p.admin1, p.admin1_code) if country else None
        box = extents.get(admin.gid) if admin else None
        believable = box is None or (box[0] - BOX_MARGIN <= p.lat <= box[1] + BOX_MARGIN
                                     and box[2] - BOX_MARGIN <= p.lon <= box[3] + BOX_MARGIN)
        located.append((p, country, admin, believable))
        if believable and p.admin2:
            raion_points[(p.country, p.admin1, p.admin2)].append((p.lat, p.lon))

    new: list[Entry] = []
    more: dict[str, dict[str, None]] = defaultdict(dict)  # gid -> names gained, in order
    official: dict[str, dict[str, None]] = defaultdict(dict)
    merged: list[PostalPlace] = []
    for p, country, admin, believable in located:
        names = (p.native, *p.names)
        target = _same_place(p, country, admin, names, by_key, anywhere=not believable)
        if target is not None:
            more[target.gid].update(dict.fromkeys((p.name, *names)))
            official[target.gid][p.name] = None
            merged.append(p)
            continue
        lat, lon, precision = p.lat, p.lon, "near"
        if not believable:
            pts = raion_points.get((p.country, p.admin1, p.admin2))
            if pts:
                lat, lon, precision = _middle(pts) + ("admin2",)
            elif admin is not None:
                lat, lon, precision = admin.lat, admin.lon, "admin1"
        slug = normalise_name(p.name).replace(" ", "-")
        new.append(Entry(
            gid=f"postal:{p.country}/{p.code}/{slug}", name=p.name, kind="settlement", lat=lat, lon=lon,
            country=country, admin1=admin.name if admin else (p.admin1 or None),
            admin1_gid=admin.gid if admin else None, population=0, source=source, names=names,
            precision=precision,
        ))
    out = [
        dataclasses.replace(e, names=(*e.names, *more[e.gid]), main_names=(*e.main_names, *official[e.gid]))
        if e.gid in more else e
        for e in entries
    ]
    return PostalMerge(entries=[*out, *new], added=new, merged=merged)


def _middle(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """The per-axis median of points (robust to a stray one)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    return round(lats[len(lats) // 2], 4), round(lons[len(lons) // 2], 4)


def _same_place(
    p: PostalPlace, country: str | None, admin: Entry | None, names: Sequence[str],
    by_key: dict[tuple[str, str], list[Entry]], *, anywhere: bool = False,
) -> Entry | None:
    """The nearest settlement called like ``p`` in its admin1 within MERGE_KM, or None.

    With ``anywhere`` (the postal point is not believable), the only settlement of that
    name in the admin1, wherever it is.
    """
    if not country:
        return None
    near: tuple[float, Entry] | None = None
    same_admin: dict[str, Entry] = {}
    seen: set[str] = set()
    for name in (p.name, *names):
        for e in by_key.get((country, normalise_name(name)), ()):
            if e.gid in seen:
                continue
            seen.add(e.gid)
            if admin is not None and e.admin1_gid is not None and e.admin1_gid != admin.gid:
                continue
            if admin is not None and e.admin1_gid == admin.gid:
                same_admin[e.gid] = e
            d = distance_km(p.lat, p.lon, e.lat, e.lon)
            if d <= MERGE_KM and (near is None or d < near[0]):
                near = (d, e)
    if near is not None:
        return near[1]
    if anywhere and len(same_admin) == 1:
        return next(iter(same_admin.values()))
    return None
