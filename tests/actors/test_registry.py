"""The actor registry: packaged YAML, a user's extension, dated offices, invalid files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from frontlines.actors.registry import load_actor_registry
from frontlines.errors import ActorError
from frontlines.records import Sector

FIXTURES = Path(__file__).parent.parent / "fixtures" / "actors"


@pytest.mark.parametrize(
    ("title", "country", "day", "expected"),
    [
        ("Defense Minister", "RUS", dt.date(2022, 11, 9), "Sergei Shoigu"),
        ("defence minister", "RUS", dt.date(2024, 6, 1), "Andrei Belousov"),
        ("President", "UKR", dt.date(2022, 3, 1), "Volodymyr Zelensky"),
        ("President", "UKR", dt.date(2016, 3, 1), "Petro Poroshenko"),
        ("President", "USA", dt.date(2022, 3, 1), "Joe Biden"),
        ("Minister of Defence", "UKR", dt.date(2023, 10, 1), "Rustem Umerov"),
        ("President", "RUS", dt.date(2010, 1, 1), "Dmitry Medvedev"),
    ],
)
def test_office_holder_on_a_date(registry, title, country, day, expected) -> None:
    assert registry.holder(title, country, day).name == expected


def test_unknown_office_has_no_holder(registry) -> None:
    assert registry.holder("chief astronaut", "RUS", dt.date(2022, 1, 1)) is None
    assert registry.holder("defence minister", "RUS", dt.date(1990, 1, 1)) is None


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Wagner", "Group", "fighters"], "grp.wagner"),
        (["Sergei", "Shoigu"], "rus.shoigu"),
        (["IS", "fighters"], "grp.is"),
        (["Hamas"], "grp.hamas"),
        (["Reuters"], "out.reuters"),
    ],
)
def test_alias_match(registry, words, expected) -> None:
    hit = registry.match_alias([w.lower() for w in words], words, 0)
    assert hit is not None and hit[1] == expected


@pytest.mark.parametrize("words", [["is", "fighting"], ["wagner"], ["the", "guardian"]])
def test_alias_refused_in_lower_case(registry, words) -> None:
    assert registry.match_alias(words, words, 0) is None


def test_entries_carry_sector_country_and_side(registry) -> None:
    stremousov = registry.entries["occ.stremousov"]
    assert (stremousov.sector, stremousov.country, stremousov.side) == (Sector.GOVERNMENT, "UKR", "RUS")
    assert registry.entries["grp.houthis"].sector is Sector.REBEL
    assert registry.country_of("Kremlin") == "RUS" and registry.country_of("Ukrainian") == "UKR"
    assert registry.opponent("UKR") == "RUS"


@pytest.mark.parametrize(("country", "other"), [
    ("UKR", "RUS"),  # the occupied state: its occupier
    ("RUS", "UKR"),  # the occupier of one state: that state
    ("PSE", "ISR"),
    ("COD", None),  # a registered war with no occupier
    ("SDN", None),  # no war registered
    (None, None),
])
def test_the_other_side_of_a_war_of_occupation(registry, country, other) -> None:
    assert registry.other_side(country) == other


def test_user_file_extends_the_registry() -> None:
    reg = load_actor_registry(str(FIXTURES / "extra-registry.yaml"))
    assert reg.entries["user.testcommander"].name == "Ivan Testov"
    assert reg.holder("commander of the test district", "RUS", dt.date(2022, 5, 1)).name == "Ivan Testov"
    assert "rus.putin" in reg.entries  # the packaged registry is still there


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("entries:\n  - id: x\n    name: X\n    kind: starship\n", "unknown kind"),
        ("entries:\n  - id: x\n    name: X\n    sector: wizardry\n", "unknown sector"),
        ("entries:\n  - name: X\n", "missing 'id'"),
        ("entries: [ {id: x, name: X, offices: [{title: t, start: yesterday}]} ]\n", "bad date"),
        ("- just a list\n", "top level must be a mapping"),
        ("entries: {id: x}\n", "must be a list"),
        ("people: []\n", "unknown top-level keys"),
        ("entries: [unclosed\n", "not valid YAML"),
    ],
)
def test_invalid_file_is_e501(tmp_path, content, message) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ActorError) as info:
        load_actor_registry(str(path))
    assert info.value.code == "E501"
    assert message in str(info.value) and "mine.yaml" in str(info.value)


def test_missing_and_fixture_bad_files(tmp_path) -> None:
    with pytest.raises(ActorError, match="no such file"):
        load_actor_registry(str(tmp_path / "absent.yaml"))
    with pytest.raises(ActorError, match="starship"):
        load_actor_registry(str(FIXTURES / "bad-registry.yaml"))
