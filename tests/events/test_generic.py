"""events.generic: a kind of happening, a possible one, a habit's content, a trend or a capacity is no
event; a bare event noun whose clause tells how the happening went is one."""

from __future__ import annotations

import datetime as dt

import pytest

DROPPED = [
    # (text, trigger word that must give no event)
    # a bare event noun that a copula or "become" says is something, or that "tends" to do something
    ("Air strikes on hospitals are a war crime under international humanitarian law.", "Air strikes"),
    ("Kidnapping for ransom has become a lucrative business across the northwest.", "Kidnapping"),
    ("Shelling is a daily reality for the residents of frontline towns.", "Shelling"),
    ("Drone strikes have become the weapon of choice for both sides.", "Drone strikes"),
    ("Looting tends to follow the fall of a town.", "Looting"),
    # a bare plural whose number moves
    ("Attacks on journalists have increased sharply in recent years.", "Attacks"),
    ("A day earlier, it had warned that the number and scale of missile strikes on targets in Kyiv would increase.",
     "strikes"),
    ("The frequency of drone attacks on the city has risen sharply.", "drone attacks"),
    # what is feared, risked or exposed to; what a history consists of
    ("Civilians in the town live in constant fear of abduction.", "abduction"),
    ("Without more air defence systems, Ukrainian cities will remain vulnerable to missile attacks.", "attacks"),
    ("The militia has a history of attacking aid convoys.", "attacking"),
    ("It was the first of three attacks in five days that have shaken a country used to kidnappings.",
     "kidnappings"),
    ("Residents of the border towns have grown accustomed to shelling.", "shelling"),
    # a counted set one happening is a member of
    ("It was the first of three attacks in five days that have shaken a country used to kidnappings.", "attacks"),
    ("The raid was one of several strikes on the port this month.", "strikes"),
    # what a capacity is for
    ("Analysts say the army lacks the manpower to retake the city.", "retake"),
    # awaited, banned, asked
    ("Residents are bracing for more air strikes.", "air strikes"),
    ("The treaty bans the use of landmines.", "landmines"),
    ("The rebels have not said whether they will join the talks.", "join"),
    # a standing condition
    ("A source said drones had struck both tankers, which are under Western sanctions for carrying Russian oil.",
     "sanctions"),
    ("The city has been under siege for two years.", "siege"),
    # a refusal that is no party's stance
    ("Postal workers still drive in once a month because many older people refuse to move.", "refuse"),
    ("Many have been held in makeshift detention centres, and some have been denied access to lawyers.", "denied"),
    # a condition to come
    ("When the part of the Black Sea deal related to Russia is implemented, Russia will immediately return, "
     "the spokesman said.", "deal"),
    ("Once the ceasefire takes hold, aid convoys will enter the city.", "ceasefire"),
    # help, not backing
    ("Humanitarian partners are supporting the transfer of the injured to hospitals in Tripoli.", "supporting"),
    ("The authorities should allow the UN human rights office to support such an investigation.", "support"),
    # what a record is measured from
    ("The fighting is the worst in Ethiopia since a peace deal ended the two-year war in Tigray in November.",
     "peace deal"),
    # a general truth told in a past report: the present simple kept under a past verb
    ("Abuja rejected the charge that Christians were being singled out, saying bandits kill Muslims and "
     "Christians alike.", "kill"),
    ("The governor said gunmen attack villages in the area to steal cattle.", "attack"),
    ("Residents told reporters that soldiers beat anyone found outside after dark.", "beat"),
    # a possibility in a conditional sentence: the condition and what would follow
    ("If the talks fail, the fighting could spread to the capital.", "fighting"),
    ("If the talks fail, the fighting could spread to the capital.", "talks"),
    ("The ceasefire, if it holds, would allow aid to reach the city.", "ceasefire"),
    ("Should the rebels take the city, they would control the main trade route.", "take"),
    # a kind named with "such", and what a present clause says such a kind undergoes (events v530)
    ("Such attacks are rarely investigated.", "investigated"),
    ("Such strikes violate international law.", "strikes"),
    ("Such attacks must be investigated, the UN said.", "attacks"),
    # an act the narrative tells as not done (events v242)
    ("Russian forces did not strike the city on Monday.", "strike"),
    ("Government troops did not withdraw from the town on Sunday.", "withdraw"),
    # an instruction to the reader (events v321)
    ("Shelter rules: stay in basements, do not post photos of positions, charge your phones.", "charge"),
    ("Keep to the rules during an air raid alert and evacuate the area at once.", "evacuate"),
    ("Please do not attack the volunteers at the checkpoint.", "attack"),
]

KEPT = [
    # (text, trigger word that must give an event): negatives for each rule
    # a bare noun whose predicate tells how it went; a definite noun a copula describes
    ("Fighting was heavy in Bakhmut on Monday.", "Fighting"),
    ("The strike was a war crime, the UN said.", "strike"),
    ("The attack on the market was the deadliest this year.", "attack"),
    ("Looting was widespread in Nyala after the RSF took the city.", "Looting"),
    # a bare plural that does something is told
    ("Air strikes killed 12 people in Idlib on Sunday.", "Air strikes"),
    ("Drone strikes hit three villages in Sagaing Region on Monday.", "Drone strikes"),
    ("Shelling of the town intensified on Monday, the governor said.", "Shelling"),
    # a count of the dead rising is a toll; strikes counted by a verb that is no trend are told
    ("The number of air strikes on the city reached 40 on Monday, the governor said.", "air strikes"),
    # an infinitive of what troops were sent for is not a capacity
    ("The army deployed troops to retake the city on Tuesday.", "deployed"),
    # a "for" of a verb that awaits nothing, the use of a weapon told as done, a "whether" elsewhere
    ("Residents queued for hours after air strikes hit the power plant.", "air strikes"),
    ("Rebels used landmines against the convoy near Beni.", "landmines"),
    ("The drones used to attack the port on Monday were launched from the sea.", "attack"),
    ("Two of the attacks hit schools in the north on Monday.", "attacks"),
    ("The first of the three strikes hit a school in the north on Monday.", "strikes"),
    ("Gunmen killed six villagers in Zamfara, officials said, without saying whether arrests were made.", "killed"),
    # coming under it is a happening
    ("The convoy came under attack near Bakhmut on Monday.", "attack"),
    # a party's refusal is a rejection
    ("The army refused to withdraw from the town on Monday.", "refused"),
    ("The government rejected the proposal on Tuesday.", "rejected"),
    # a "when" clause of a main clause told as done is a happening
    ("When the rebels attacked the town on Monday, soldiers fled to the hills.", "attacked"),
    # backing a party or a policy is support
    ("Germany said on Monday it would support Ukraine for as long as it takes.", "support"),
    ("The European Union voiced support for the ceasefire on Tuesday.", "support"),
    # a "since" clause with no record measured from it is told
    ("Fighting has raged in the town since the army attacked it on Monday.", "attacked"),
    # a deed back-shifted in a past report, a present report, a present deed of a past-tense sentence's own clause
    ("The governor said gunmen attacked villages in the area on Monday.", "attacked"),
    ("Abuja rejected the charge, saying bandits killed 12 Muslims in Kaduna on Sunday.", "killed"),
    ("Police say gunmen attack villages in the area.", "attack"),
    ("On 10 June 2023, Ukrainian forces retook Storozheve village, Donetsk; Russian forces withdrew.", "retook"),
    # a deed told as done beside a condition; a plan or a threat said with "would"
    ("Rebels attacked the town on Monday, and if the army does not send reinforcements it will fall, the mayor said.",
     "attacked"),
    ("The army said it would retake the city within days.", "retake"),
    ("The group said it would target all ships if the blockade continued.", "target"),
    # "such" singled out or counted, or in a past clause, is an instance (events v530)
    ("Gunmen carried out one such attack in Kaduna on Monday.", "attack"),
    ("In the latest such attack, gunmen killed 12 people.", "attack"),
    ("Such attacks killed 12 people in the region last year.", "attacks"),
    # a negation someone states is a denial or a stance, and a negated cooperative act a refusal (events v242)
    ("Russian forces did not strike the city on Monday, the ministry said.", "strike"),
    ("The commander said the group will not hand over its weapons.", "hand over"),
    ("The government did not sign the agreement.", "sign"),
    # a clause with a subject, a past or a modal is no instruction (events v321)
    ("Police charge protesters in central Nairobi.", "charge"),
    ("Rebels seize the airport in the capital, residents say.", "seize"),
    ("Gunmen attack a village in Zamfara, killing 12.", "attack"),
    ("The army will attack the town at dawn, the commander said.", "attack"),
]


@pytest.mark.parametrize(("text", "trigger"), DROPPED)
def test_kind_or_possibility_gives_no_event(run_events, text: str, trigger: str) -> None:
    triggers = [e.trigger for e in run_events(text)]
    assert all(not t.startswith(trigger) for t in triggers), triggers


@pytest.mark.parametrize(("text", "trigger"), KEPT)
def test_a_told_happening_stays(run_events, text: str, trigger: str) -> None:
    triggers = [e.trigger for e in run_events(text)]
    assert any(t.startswith(trigger) for t in triggers), triggers


def test_a_records_starting_point_gives_no_day_or_place(run_events) -> None:
    from tests.events.conftest import place, timev

    text = "The fighting is the worst in Ethiopia since a peace deal ended the two-year war in Tigray in November."
    events = run_events(text, places=(place(text, "Ethiopia", lat=9.0, lon=39.0), place(text, "Tigray", lat=14.0, lon=39.0)),
                        times=(timev(text, "November", "2022-11"),))
    fighting = [e for e in events if e.trigger == "fighting"]
    assert fighting, [e.trigger for e in events]
    assert fighting[0].time is None or fighting[0].time.value != "2022-11"
    assert fighting[0].place is None or fighting[0].place.text != "Tigray"


# a sum over years: the present perfect over a span that began over a year before the report (2025-12-03)
SUMS = [
    ("Criminal gangs known as bandits have kidnapped thousands of people for ransom in the northwest since 2020.",
     "kidnapped"),
    ("Tripoli has seen repeated bouts of fighting between armed groups since the 2011 uprising.", "fighting"),
    ("Since the military seized power on 1 February 2021, it has arrested tens of thousands of people.", "arrested"),
    ("Ukraine has used naval drones to push Russia's Black Sea Fleet out of the western Black Sea since 2023.", "push"),
    ("Armed groups have killed more than 2,000 civilians in the region since 2019.", "killed"),
    ("Armed groups have killed and abducted thousands of villagers since 2018.", "abducted"),
]

NOT_SUMS = [
    # a sum that names its dated instance; spans of days or months; a past tense; the since clause's own act
    ("The M23 has seized large parts of North Kivu since it resumed fighting in late 2021, starting with the border "
     "town of Bunagana in June 2022.", "seized"),
    ("Gunmen have killed 15 villagers in Zamfara state since Friday, police said.", "killed"),
    ("Since 27 November 2024, the armed groups have launched attacks on army camps in northern Shan State.", "attacks"),
    ("Since the military seized power on 1 February 2021, it has arrested tens of thousands of people.", "seized"),
    ("Rebels killed 12 soldiers near Beni on Monday, the deadliest attack on the army since 2021.", "killed"),
]

_REPORT_DAY = dt.date(2025, 12, 3)


@pytest.mark.parametrize(("text", "trigger"), SUMS)
def test_a_sum_over_years_gives_no_event(run_events, text: str, trigger: str) -> None:
    triggers = [e.trigger for e in run_events(text, published=_REPORT_DAY)]
    assert all(not t.startswith(trigger) for t in triggers), triggers


@pytest.mark.parametrize(("text", "trigger"), NOT_SUMS)
def test_a_dated_or_short_span_stays(run_events, text: str, trigger: str) -> None:
    triggers = [e.trigger for e in run_events(text, published=_REPORT_DAY)]
    assert any(t.startswith(trigger) for t in triggers), triggers


def test_a_year_ago_named_by_its_day_is_a_span_of_months(run_events) -> None:
    text = "Since 27 October 2023, the armed groups have launched attacks on army camps in northern Shan State."
    assert [e.trigger for e in run_events(text, published=dt.date(2024, 1, 10))] == ["attacks"]
    assert not run_events(text, published=dt.date(2025, 1, 10))
