"""events.own_statements: whose own release an article is (its source's nation, read from the source's name with
every nation's adjective, v570) and what in it is the party's claim: harm told with no doer done to armed men of
the other side; with the cases a third party's report, harm to the party's own men and
armed men of no known side must leave as told."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.records import EventStatus
from tests.events.conftest import triggered


@pytest.mark.parametrize(
    ("source", "side"),
    [
        ("Indonesian National Armed Forces (TNI) Information Centre", "IDN"),  # a nation's adjective (v570)
        ("Kenyan Defence Forces", "KEN"),
        ("Ministry of Defence of Ukraine", "UKR"),
        # the region a state's body is named after (v573)
        ("Ivan Petrenko, head of Kharkiv Regional Military Administration (Telegram)", "UKR"),
        ("Kharkiv Now (Telegram)", None),  # a channel named after the region, no body of the state
        # negatives: no party word, or no nation in the name
        ("Indonesian Press Review", None),
        ("Reuters", None),
        ("General Command of the Army and Armed Forces", None),
    ],
)
def test_source_party_reads_a_nations_adjective(pipeline_resources, source: str, side: str | None) -> None:  # noqa: ANN001
    from frontlines.events.own_statements import source_party

    assert source_party(source, pipeline_resources.actors, pipeline_resources.gazetteer) == side


def test_without_the_gazetteer_only_the_registrys_adjectives(pipeline_resources) -> None:  # noqa: ANN001
    from frontlines.events.own_statements import source_party

    assert source_party("Indonesian National Armed Forces (TNI) Information Centre", pipeline_resources.actors) is None


UKRAINE_MOD = "Ministry of Defence of Ukraine"
RELEASES = [
    # harm with no doer done to the other side's armed men: the party's own blow (v570)
    ("Near Robotyne twelve Russian soldiers were killed on Tuesday.", "killed", UKRAINE_MOD, EventStatus.CLAIMED),
    # negatives: the same words from a wire or a UN office are a report; harm to the party's own men is what it
    # suffered; armed men of no known side may be its own
    ("Near Robotyne twelve Russian soldiers were killed on Tuesday.", "killed", "Reuters", EventStatus.HAPPENED),
    ("Near Robotyne twelve Russian soldiers were killed on Tuesday.", "killed",
     "Office of the UN High Commissioner for Human Rights", EventStatus.HAPPENED),
    ("Near Robotyne four Ukrainian soldiers were wounded on Tuesday.", "wounded", UKRAINE_MOD, EventStatus.HAPPENED),
    ("This morning four police officers were killed in mine explosions near Orikhiv.", "killed", UKRAINE_MOD,
     EventStatus.HAPPENED),
]


@pytest.mark.parametrize(("text", "trigger", "source", "status"), RELEASES, ids=[f"{r[2][:8]}:{r[0][:30]}" for r in RELEASES])
def test_what_a_partys_release_tells_without_a_doer(pipeline_resources, text: str, trigger: str, source: str,  # noqa: ANN001
                                                    status: EventStatus) -> None:
    e = triggered(pipeline_resources, text, trigger, published=dt.date(2023, 6, 19), source=source)
    assert e.status is status, (e.status, e.attributed_to)
    if status is EventStatus.CLAIMED:
        assert e.attributed_to == source


RSF = "Rapid Support Forces (official Telegram channel)"
OURS = [
    # a doer "of" the party's own forces, said as "our": the party's claim (v650)
    ("The military police of our forces arrested the individual known as Abu Lulu in El Fasher.", "arrested", RSF,
     EventStatus.CLAIMED),
    ("Our forces arrested the individual known as Abu Lulu in El Fasher.", "arrested", RSF, EventStatus.CLAIMED),
    # negatives: the enemy's men, or the enemy "of our people", are no doer of ours
    ("The military police of the army arrested the individual known as Abu Lulu in El Fasher.", "arrested", RSF,
     EventStatus.HAPPENED),
    ("The enemies of our people arrested the individual known as Abu Lulu in El Fasher.", "arrested", RSF,
     EventStatus.HAPPENED),
]



@pytest.mark.parametrize(("text", "trigger", "source", "status"), OURS, ids=[r[0][:30] for r in OURS])
def test_a_doer_of_our_forces_is_the_partys_own(pipeline_resources, text: str, trigger: str, source: str,  # noqa: ANN001
                                                status: EventStatus) -> None:
    """The same check as for a release's deeds without a doer (v650)."""
    test_what_a_partys_release_tells_without_a_doer(pipeline_resources, text, trigger, source, status)


MINUSCA = "MINUSCA (United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic)"
ISSUER_DEEDS = [
    # what a body that is no party to the war says it did itself: its claim (v651)
    ("MINUSCA has deployed additional troops from Obo to Zemio.", "deployed", MINUSCA, EventStatus.CLAIMED),
    ("UNICEF-supported mobile teams provided psychosocial support to the families in Taiz.", "provided", "UNICEF",
     EventStatus.CLAIMED),
    ("IOM teams provided water and hygiene kits to displaced families in Mirebalais on Tuesday.", "provided",
     "International Organization for Migration", EventStatus.CLAIMED),
    # negatives: another's deed in the issuer's release; a doer sharing only a word of the issuer's long name; the
    # issuer named inside a clause describing the doer; the same words in a wire
    ("Armed elements attacked the displacement site in Zemio on Friday.", "attacked", MINUSCA, EventStatus.HAPPENED),
    ("Soldiers of the Central African Republic deployed to Zemio on Friday.", "deployed", MINUSCA,
     EventStatus.HAPPENED),
    ("Fighters who had attacked MINUSCA's base deployed to Zemio on Friday.", "deployed", MINUSCA,
     EventStatus.HAPPENED),
    ("MINUSCA has deployed additional troops from Obo to Zemio.", "deployed", "Reuters", EventStatus.HAPPENED),
    ("KINSHASA, Jan 28 (Reuters) - Aid workers provided food to families who fled Goma.", "provided", "Reuters",
     EventStatus.HAPPENED),  # the source's name in the dateline names no doer
]


@pytest.mark.parametrize(("text", "trigger", "source", "status"), ISSUER_DEEDS, ids=[r[0][:30] for r in ISSUER_DEEDS])
def test_what_an_issuer_no_party_did_itself_is_its_claim(pipeline_resources, text: str, trigger: str,  # noqa: ANN001
                                                         source: str, status: EventStatus) -> None:
    e = triggered(pipeline_resources, text, trigger, published=dt.date(2024, 7, 6), source=source)
    assert e.status is status, (e.status, e.attributed_to)
    if status is EventStatus.CLAIMED:
        assert e.attributed_to == source
