"""The gazetteer file: names, spellings, speed of the key index, errors."""

from __future__ import annotations

import pickle
import sqlite3
from pathlib import Path

import pytest

from frontlines.errors import GeoError
from frontlines.geo.builder import load_gazetteer
from frontlines.geo.gazetteer import (
    MAX_CANDIDATES,
    Entry,
    Gazetteer,
    normalise_name,
    write_gazetteer,
)
from frontlines.records import PlaceKind


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Kyiv", "kyiv"),
        ("Ivano-Frankivsk", "ivano frankivsk"),
        ("Dnipropetrovs'k", "dnipropetrovsk"),
        ("St. Louis", "st louis"),
        ("  Zaporizhzhia  ", "zaporizhzhia"),
        ("Київ", "киів"),  # accents dropped the same way on both sides
        ("", ""),
    ],
)
def test_normalise_name(name: str, key: str) -> None:
    assert normalise_name(name) == key


@pytest.mark.parametrize(
    ("name", "canonical", "kind", "country"),
    [
        ("Kyiv", "Kyiv", PlaceKind.SETTLEMENT, "UKR"),
        ("Kiev", "Kyiv", PlaceKind.SETTLEMENT, "UKR"),
        ("Київ", "Kyiv", PlaceKind.SETTLEMENT, "UKR"),
        ("Kharkov", "Kharkiv", PlaceKind.SETTLEMENT, "UKR"),
        ("Izium", "Izyum", PlaceKind.SETTLEMENT, "UKR"),
        ("Zaporozhye", "Zaporizhzhya", PlaceKind.SETTLEMENT, "UKR"),
        ("Artemivsk", "Bakhmut", PlaceKind.SETTLEMENT, "UKR"),
        ("Dnipropetrovsk Oblast", "Dnipropetrovsk Oblast", PlaceKind.ADMIN1, "UKR"),
        ("Kherson Oblast", "Kherson Oblast", PlaceKind.ADMIN1, "UKR"),
        ("Black Sea", "Black Sea", PlaceKind.SEA, None),
        ("Dnieper", "Dnipro", PlaceKind.RIVER, "UKR"),
        ("Donbass", "Donbas", PlaceKind.REGION, "UKR"),
        ("U.S.", "United States", PlaceKind.COUNTRY, "USA"),
    ],
)
def test_lookup_spellings(gazetteer: Gazetteer, name: str, canonical: str, kind: PlaceKind, country: str | None) -> None:
    found = [c for c in gazetteer.lookup(name) if c.kind == kind]
    assert found, f"{name} has no {kind.value} candidate"
    assert found[0].name == canonical
    assert found[0].country == country


def test_dnipro_city_and_river(gazetteer: Gazetteer) -> None:
    kinds = {c.kind for c in gazetteer.lookup("Dnipro")}
    assert {PlaceKind.SETTLEMENT, PlaceKind.RIVER} <= kinds


@pytest.mark.parametrize("name", ["Xqzzyville", "", "the", "Нетакогомісця"])
def test_unknown_names(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.lookup(name) == ()
    assert name not in gazetteer


def test_demonym(gazetteer: Gazetteer) -> None:
    sudan = gazetteer.demonym("Sudanese")
    assert sudan is not None and sudan.country == "SDN" and sudan.kind == PlaceKind.COUNTRY
    assert gazetteer.demonym("Kherson") is None


def test_info(gazetteer: Gazetteer) -> None:
    info = gazetteer.info()
    assert info.places > 200_000
    assert info.by_kind["settlement"] > 200_000
    assert info.by_kind["river"] >= 10


def _small(tmp_path: Path) -> Path:
    path = tmp_path / "small.sqlite"
    write_gazetteer(
        path,
        [
            Entry(gid="t:1", name="Testivka", kind="settlement", lat=48.5, lon=37.5, country="UKR", population=120,
                  names=("Testiwka",)),
            Entry(gid="t:2", name="Testivka", kind="settlement", lat=50.0, lon=30.0, country="UKR", population=9000),
            Entry(gid="t:3", name="Test Oblast", kind="admin1", lat=49.0, lon=36.0, country="UKR"),
        ],
        aliases={"t:3": ("Testshchyna",)},
        demonyms={"Testian": "UKR"},
    )
    return path


def test_small_gazetteer_lookup_order(tmp_path: Path) -> None:
    gaz = load_gazetteer(_small(tmp_path))
    assert [c.gid for c in gaz.lookup("testivka")] == ["t:2", "t:1"]
    assert [c.gid for c in gaz.lookup("Testiwka")] == ["t:1"]
    assert not gaz.lookup("Testiwka")[0].main
    assert [c.gid for c in gaz.lookup("Testshchyna")] == ["t:3"]
    assert gaz.get("t:3") is not None and gaz.get("t:404") is None


def test_gazetteer_pickles_by_path(tmp_path: Path) -> None:
    gaz = load_gazetteer(_small(tmp_path))
    copy = pickle.loads(pickle.dumps(gaz))
    assert copy.lookup("Testivka") == gaz.lookup("Testivka")


def test_corrupt_file_names_the_rebuild_command(tmp_path: Path) -> None:
    bad = tmp_path / "gazetteer.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(GeoError, match=r"E301.*frontlines gazetteer build --force"):
        load_gazetteer(bad)


def test_database_without_index_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    sqlite3.connect(path).execute("CREATE TABLE meta (k TEXT, v BLOB)").connection.commit()
    with pytest.raises(GeoError, match="E301"):
        load_gazetteer(path)


def test_stale_packaged_build_is_rebuilt_but_custom_files_are_not(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    """A packaged build is a cache of the packaged data: a changed fingerprint rebuilds it."""
    import sqlite3

    from frontlines.geo import builder

    custom = write_gazetteer(tmp_path / "custom.sqlite", [Entry(gid="t:1", name="Testville", kind="settlement",
                                                                lat=1.0, lon=2.0, country="UKR")])
    built = []
    monkeypatch.setattr(builder, "build_gazetteer", lambda path, **kw: built.append(path))
    builder.load_gazetteer(custom)  # custom entries: never rebuilt behind the user's back
    assert built == []
    conn = sqlite3.connect(custom)
    conn.execute("UPDATE meta SET v = '0' WHERE k = 'imported'")  # now it looks like a stale packaged build
    conn.commit()
    conn.close()
    builder.load_gazetteer(custom)
    assert built == [custom]


def _sql_lookup(gaz: Gazetteer, key: str) -> list[tuple[str, bool]]:
    rows = gaz._conn.execute(
        "SELECT p.gid, n.main FROM names n JOIN places p ON p.rowid = n.place WHERE n.key = ? ORDER BY n.rank, n.place",
        (key,),
    ).fetchall()
    return [(gid, bool(main)) for gid, main in rows]


@pytest.mark.parametrize("name", ["Kharkiv", "Springfield", "Dublin", "Washington", "Dnipro", "Testivka"])
def test_packed_index_agrees_with_the_tables(gazetteer: Gazetteer, name: str) -> None:
    """The in-memory name index (what lookup reads) lists exactly what the SQL tables hold."""
    key = normalise_name(name)
    got = [(c.gid, c.main) for c in gazetteer.lookup(name)]
    assert got == _sql_lookup(gazetteer, key)[: len(got)]
    assert len(got) == min(MAX_CANDIDATES, len(_sql_lookup(gazetteer, key)))


def test_packed_columns_round_trip(tmp_path: Path) -> None:
    gaz = load_gazetteer(_small(tmp_path))
    oblast = gaz.lookup("Test Oblast")[0]
    assert (oblast.kind, oblast.country, oblast.lat, oblast.lon, oblast.admin1_gid) == (
        PlaceKind.ADMIN1, "UKR", 49.0, 36.0, None)
    assert oblast == gaz.get("t:3")


def test_empty_gazetteer_opens(tmp_path: Path) -> None:
    gaz = load_gazetteer(write_gazetteer(tmp_path / "none.sqlite", []))
    assert gaz.lookup("Kyiv") == () and "kyiv" not in gaz


@pytest.mark.parametrize(
    ("key", "skeleton"),
    [
        ("luhanske", "lhnsk"),
        ("luganskoye", "lhnsk"),  # г written g (Russian) or h (Ukrainian): one letter
        ("nova kakhovka", "nvkkhvk"),  # a consonant repeated across a vowel stays twice
        ("novoselivka", "nvslvk"),
        ("novovasylivka", "nvvslvk"),  # another village, not another spelling of Novoselivka
        ("kamianka-dniprovska", "kmnkdnprvsk"),
        ("zaporizhzhia", "zprzh"),
        ("zaporizhia", "zprzh"),  # жж written once
        ("kabkabiyah", "kbkb"),  # a silent final h after a vowel (Arabic names) ...
        ("kabkabiya", "kbkb"),
        ("shah alam", "shlm"),  # ... at each word's end; a digraph's h stays
        ("bakh", "bkh"),  # an h after a consonant is a letter of the name
        ("", ""),
    ],
)
def test_consonant_skeleton(key: str, skeleton: str) -> None:
    from frontlines.geo.gazetteer import consonant_skeleton

    assert consonant_skeleton(key) == skeleton


def test_consonant_skeletons_of_many_keys_at_once_are_each_keys_skeleton() -> None:
    from frontlines.geo.gazetteer import consonant_skeleton, consonant_skeletons

    # runs across a separator, doubled digraphs, empty keys, capitals, digits, non-ASCII and newlines
    keys = ["luganskoye", "kk", "k-k", "kkk", "", "zhzhzh", "kh-kh", "ggh", "AAbB", "ab12cc", "", "gg",
            "łódź", "жж", "k\nk", "kk\n", "tsts", "nova kakhovka", "zaporizhzhia", "kabkabiyah", "ah\nah"]
    assert consonant_skeletons(keys) == [consonant_skeleton(k) for k in keys]
    assert consonant_skeletons([]) == []


@pytest.mark.parametrize(
    ("name", "countries", "expected"),
    [
        ("Novaya Kakhovka", ["UKR"], "Nova Kakhovka"),  # Russian-style adjective, no table derives it
        ("Selidove", ["UKR"], "Selydove"),  # a hybrid of two romanisations
        # negatives: another consonant is another name; a country's places only; too short to judge
        ("Volchansk", ["UKR"], None),  # Vovchansk: л/в differ, not a spelling
        ("Nova Kakhovka", ["USA"], None),
        ("Ovo", ["UKR"], None),
        ("Boston", ["UKR"], None),
    ],
)
def test_sound_alike(gazetteer: Gazetteer, name: str, countries: list[str], expected: str | None) -> None:
    found = gazetteer.sound_alike(name, countries)
    if expected is None:
        assert found == ()
    else:
        assert found and found[0].name == expected and all(c.country in countries for c in found)
        assert not found[0].main  # matched by sound, never by its own name


def test_sound_alike_index_built_ahead_answers_as_one_built_on_first_use(gazetteer: Gazetteer) -> None:
    # pipeline.warm_up builds the index after loading (geo.prepare_places); the answers must not change
    ahead = load_gazetteer(gazetteer.path)
    ahead.prepare_sound_alike(["UKR", "BLR"])
    ahead.prepare_sound_alike(["UKR"])  # a country already built is left as it is
    for name in ("Novaya Kakhovka", "Selidove", "Volchansk", "Ovo"):
        assert ahead.sound_alike(name, ["UKR"]) == gazetteer.sound_alike(name, ["UKR"])
    assert ahead.sound_alike("Boston", ["BLR"]) == ()


def test_towns_with_division_are_the_countrys_settlements_bearing_one_largest_first(tmp_path: Path) -> None:
    path = write_gazetteer(tmp_path / "towns.sqlite", [
        Entry(gid="t:1", name="Smallton", kind="settlement", lat=48.5, lon=37.5, country="UKR", population=120,
              admin1="Test Oblast", admin1_gid="t:9"),
        Entry(gid="t:2", name="Bigton", kind="settlement", lat=50.0, lon=30.0, country="UKR", population=9000,
              admin1="Other Oblast", admin1_gid="t:8"),
        Entry(gid="t:3", name="Nowhereton", kind="settlement", lat=45.3, lon=30.2, country="UKR", population=50_000),
        Entry(gid="t:4", name="Abroadton", kind="settlement", lat=52.0, lon=23.0, country="BLR", population=90_000,
              admin1="Brest", admin1_gid="t:7"),
        Entry(gid="t:9", name="Test Oblast", kind="admin1", lat=49.0, lon=36.0, country="UKR", admin1="Test Oblast",
              admin1_gid="t:9"),
    ])
    gaz = load_gazetteer(path)
    assert gaz.towns_with_division("UKR") == [(50.0, 30.0, "Other Oblast", "t:8"), (48.5, 37.5, "Test Oblast", "t:9")]
    assert gaz.towns_with_division("UKR", limit=1) == [(50.0, 30.0, "Other Oblast", "t:8")]
    assert gaz.towns_with_division("MDA") == []
