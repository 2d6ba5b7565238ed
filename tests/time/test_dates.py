"""Tables for the calendar handlers (time/dates.py): compound dates resolve at their own
granularity, a month's edge narrows it, a day without a year near an explicit date takes that
year, a year inside a name is no date. Each rule has its negative cases."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.time import tag_times

MON = dt.date(2024, 5, 6)  # a Monday


def _tags(text: str, ref: dt.date = MON) -> dict[str, tuple[str | None, dt.date | None, dt.date | None]]:
    return {t.text: (t.value, t.start, t.end) for t in tag_times(text, ref)}


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("On 30 August last year, soldiers opened fire.", "30 August last year", "2023-08-30"),
        ("The AA ended the truce on November 13 last year.", "November 13 last year", "2023-11-13"),
        ("Elections are due on 5 March next year.", "5 March next year", "2025-03-05"),
        ("The talks opened on 2 May this year.", "2 May this year", "2024-05-02"),
        ("He took over in 1992, after a strike in February of that year.", "February of that year", "1992-02"),
        ("The war began in 1967. On 5 June that year, jets struck.", "5 June that year", "1967-06-05"),
        # negative: the month with a relative year stays a month, a bare day a day of the publication's reading
        ("The deal was brokered in July last year.", "July last year", "2023-07"),
        ("Fighting resumed on 30 April.", "30 April", "2024-04-30"),
    ],
)
def test_compound_dates_resolve_at_their_own_granularity(sentence: str, expression: str, value: str) -> None:
    assert _tags(sentence)[expression][0] == value


@pytest.mark.parametrize(
    ("sentence", "expression", "start", "end"),
    [
        ("Moscow proclaimed the annexation in late September.", "late September",
         dt.date(2023, 9, 21), dt.date(2023, 9, 30)),
        ("Students took to the streets in early July 2023.", "early July 2023", dt.date(2023, 7, 1), dt.date(2023, 7, 10)),
        ("The offensive stalled late last month.", "late last month", dt.date(2024, 4, 21), dt.date(2024, 4, 30)),
        ("Clashes erupted in mid-January.", "mid-January", dt.date(2024, 1, 11), dt.date(2024, 1, 20)),
        ("The ceasefire held until late June last year.", "late June last year", dt.date(2023, 6, 21), dt.date(2023, 6, 30)),
        # negative: no edge word, or an edge on a unit that is not a month, keeps the whole span
        ("The town fell in September.", "September", dt.date(2023, 9, 1), dt.date(2023, 9, 30)),
        # ("earlier this month" was a case here until time v10: now the part of the month before the report's day)
        ("Prices rose this month.", "this month", dt.date(2024, 5, 1), dt.date(2024, 5, 31)),
        ("Exports fell late last year.", "late last year", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
    ],
)
def test_a_month_edge_narrows_the_interval_not_the_value(sentence: str, expression: str, start: dt.date,
                                                           end: dt.date) -> None:
    value, got_start, got_end = _tags(sentence)[expression]
    assert (got_start, got_end) == (start, end)
    assert value is not None and len(value) in (4, 7)  # still the month's (or year's) TIMEX3 value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The operation began in March 2022. Over four days, until 31 March, soldiers went door to door.",
         "31 March", "2022-03-31"),
        ("On 27 March 2022 troops arrived. On 2 April they left.", "2 April", "2022-04-02"),
        # negative: far from the date the text named, or after a date read against the publication
        ("The war began in March 2022. On 30 June, rebels struck.", "30 June", "2024-06-30"),
        ("Troops arrived on Friday. On 30 April, rebels struck.", "30 April", "2024-04-30"),
    ],
)
def test_a_day_without_a_year_near_an_explicit_date_takes_its_year(text: str, expression: str, value: str) -> None:
    assert _tags(text)[expression][0] == value


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("The government imposed a curfew at midnight on Friday.", "midnight on Friday", "2024-05-03T24:00"),
        ("The deadline expires at noon on May 2.", "noon on May 2", "2024-05-02T12:00"),
        # negative: alone, noon is the day the text is on
        ("The convoy left at noon.", "noon", "2024-05-06T12:00"),
    ],
)
def test_noon_and_midnight_take_the_day_written_after_them(sentence: str, expression: str, value: str) -> None:
    assert _tags(sentence)[expression][0] == value


@pytest.mark.parametrize(
    ("sentence", "year_tagged"),
    [
        ("He will not sign the Finance Bill 2024 into law.", False),
        ("The plan is part of Vision 2030.", False),
        # negative: a year after any other word is a date
        ("The law was passed in 2024.", True),
        ("Bills passed in 2024 were vetoed.", True),
    ],
)
def test_a_year_in_a_name_is_no_date(sentence: str, year_tagged: bool) -> None:
    assert ("2024" in _tags(sentence) or "2030" in _tags(sentence)) is year_tagged


# The compounds issue 15 names, at their month or week (reference Monday 6 May 2024).
@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("In April last year, troops attacked the town.", "April last year", "2023-04"),
        ("The army withdrew in November last year.", "November last year", "2023-11"),
        ("The offensive stalled late last month.", "late last month", "2024-04"),
        ("Rebels took the town earlier this month.", "earlier this month", "2024-05"),
        ("Rebels took the town last week.", "last week", "2024-W18"),
        ("Troops took the town on 3 April. The week before, rebels had shelled it.", "The week before", "2024-W13"),
        ("Troops took the town in March. The month after, they withdrew.", "The month after", "2024-04"),
        # no focus: the week before the publication's
        ("The week before, rebels had shelled the town.", "The week before", "2024-W18"),
    ],
)
def test_compounds_resolve_to_their_month_or_week(sentence: str, expression: str, value: str) -> None:
    assert _tags(sentence)[expression][0] == value


# (time v8) "later that month", "earlier that month": the month the text's focus names, narrowed by the edge word to
# the days after (before) a day of it, or to its last (first) third after a month; "that month" alone stays whole
@pytest.mark.parametrize(
    ("sentence", "expression", "start", "end"),
    [
        ("Tensions rose in April. Later that month, the party chief was shot dead.", "Later that month",
         "2024-04-21", "2024-04-30"),
        ("Rebels took the town on 9 April. Later that month, they withdrew.", "Later that month",
         "2024-04-10", "2024-04-30"),
        ("Rebels took the town on 9 April. Earlier that month, they had shelled it.", "Earlier that month",
         "2024-04-01", "2024-04-08"),
        ("Tensions rose in April. Late that month, the party chief was shot dead.", "Late that month",
         "2024-04-21", "2024-04-30"),
        # negative: no edge word, the whole month; a year keeps its span
        ("Rebels took the town on 9 April. That month, they withdrew.", "That month", "2024-04-01", "2024-04-30"),
        ("Rebels took the town on 9 April. Later that year, they withdrew.", "Later that year", "2024-01-01",
         "2024-12-31"),
    ],
)
def test_an_edge_of_the_focus_month_narrows_it(sentence: str, expression: str, start: str, end: str) -> None:
    _value, first, last = _tags(sentence)[expression]
    assert (first, last) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))


@pytest.mark.parametrize(
    "sentence",
    [
        # negative: "the week before" an event the text does not date, or before a clause, is no date of its own
        "Rebels shelled the town the week before the vote.",
        "Rebels shelled the town the week before they left.",
    ],
)
def test_the_week_before_something_is_no_date(sentence: str) -> None:
    assert not any(t.text.lower().startswith("the week") for t in tag_times(sentence, MON))


# A weekday in a past-tense report is the most recent such day on or before the publication date
# (the publication's own weekday is that day); "last <weekday>" is the most recent one strictly
# before it (on a Monday, "last Monday" is a week earlier); ahead for what is to come.
@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("Rebels attacked the town on Tuesday.", "Tuesday", "2024-04-30"),
        ("Rebels attacked the town on Monday.", "Monday", "2024-05-06"),
        ("Rebels attacked the town last Tuesday.", "last Tuesday", "2024-04-30"),
        ("Rebels attacked the town last Monday.", "last Monday", "2024-04-29"),
        ("Rebels attacked the town on Tuesday night.", "Tuesday night", "2024-04-30TNI"),
        # negative: a future-tense sentence points ahead
        ("Rebels will attack the town on Tuesday.", "Tuesday", "2024-05-07"),
    ],
)
def test_a_weekday_resolves_against_the_publication_date(sentence: str, expression: str, value: str) -> None:
    assert _tags(sentence)[expression][0] == value


# (time v7) A weekday with the week it falls in ("on Monday last week", "Friday of last week", "Tuesday next week") is
# that day of the week named (weeks run Monday to Sunday), not the weekday alone and a week beside it.
@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("The gunmen came before dawn on Monday last week.", "Monday last week", "2024-04-29"),
        ("Rebels attacked the town on Friday of last week.", "Friday of last week", "2024-05-03"),
        ("Talks resume on Tuesday next week.", "Tuesday next week", "2024-05-14"),
        ("Drones hit the port on Monday night last week.", "Monday night last week", "2024-04-29TNI"),
        # negative: a week that belongs to a noun after it, or set off by a comma, is no part of the day
        ("Fighting began on Monday, last week's truce having collapsed.", "Monday", "2024-05-06"),
        ("Fighting began on Monday last week's truce had been signed.", "Monday", "2024-05-06"),
    ],
)
def test_a_weekday_of_a_named_week(sentence: str, expression: str, value: str) -> None:
    assert _tags(sentence)[expression][0] == value


# (time v11) A saying's day sets no focus for the sentences after it, but a quotation after it speaks of that day's
# "yesterday", and "the previous night" (or "the day before") later in its sentence counts from it.
@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ('The governor said on Monday: "Yesterday bandits killed 11 farmers in my state."', "Yesterday", "2025-06-08"),
        ("The mayor said on Tuesday that drones had hit the power plant the previous night.", "the previous night",
         "2025-06-09TNI"),
        ("Rebels took the town on Friday. The previous evening, they had shelled it.", "The previous evening",
         "2025-06-05TEV"),
        # negatives: a day named after the saying's is the focus; outside a quotation "yesterday" is the reader's;
        # a saying's day in an earlier sentence does not anchor
        ("The mayor said on Tuesday that rebels took the town on Friday after shelling it the previous night.",
         "the previous night", "2025-06-05TNI"),
        ("The governor said on Monday that yesterday bandits killed 11 farmers.", "yesterday", "2025-06-10"),
        ("The mayor said on Tuesday that it was calm. Drones had hit the power plant the previous night.",
         "the previous night", "2025-06-10TNI"),
    ],
)
def test_a_sayings_day_anchors_its_own_sentence(sentence: str, expression: str, value: str) -> None:
    assert _tags(sentence, dt.date(2025, 6, 11))[expression][0] == value


# (time v10) "earlier this year", "later this month": the part of the report's own period on one side of its day
# (published Monday 6 May 2024); the value still names the whole period, as TimeML's does.
@pytest.mark.parametrize(
    ("sentence", "expression", "value", "start", "end"),
    [
        ("Fighters took the oil field earlier this year.", "earlier this year", "2024", "2024-01-01", "2024-05-05"),
        ("Fighters ambushed a convoy earlier this month.", "earlier this month", "2024-05", "2024-05-01", "2024-05-05"),
        ("The army will attack later this year.", "later this year", "2024", "2024-05-07", "2024-12-31"),
        ("Elections are due later this week.", "later this week", "2024-W19", "2024-05-07", "2024-05-12"),
        # negatives: no edge word, the whole period; "earlier this week" on the week's first day has no earlier part;
        # last month's edge is its third, as before
        ("Fighters took the oil field this year.", "this year", "2024", "2024-01-01", "2024-12-31"),
        ("Clashes erupted earlier this week.", "earlier this week", "2024-W19", "2024-05-06", "2024-05-12"),
        ("The town fell late last month.", "late last month", "2024-04", "2024-04-21", "2024-04-30"),
    ],
)
def test_an_edge_of_the_reports_period_is_one_side_of_its_day(sentence: str, expression: str, value: str, start: str,
                                                               end: str) -> None:
    assert _tags(sentence)[expression] == (value, dt.date.fromisoformat(start), dt.date.fromisoformat(end))


# (time v9) "since Wednesday" measures a stretch from a day gone by: the weekday before the publication, whatever
# tense the parse finds around it (a parse that hangs the phrase on a noun read as a verb left it to the nearest day).
@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ('Dozens of arrests for "incitement to violence" in Maputo since Wednesday.', "Wednesday", "2024-05-01"),
        ('Police said officers had arrested dozens of people for "vandalism and incitement to violence" in Maputo '
         "since Wednesday.", "Wednesday", "2024-05-01"),
        # negative: without "since", a weekday with no tense is the nearest one; a future is ahead
        ("Arrests on Wednesday.", "Wednesday", "2024-05-08"),
        ("Talks are due on Wednesday.", "Wednesday", "2024-05-08"),
    ],
)
def test_since_a_weekday_is_a_day_gone_by(sentence: str, expression: str, value: str) -> None:
    assert _tags(sentence)[expression][0] == value


# Inside a quotation, "today" and "yesterday" are the speaker's: counted from the day the sentence
# says the words were spoken, when it names that day before the quote opens.
@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ('He posted a video on Saturday evening: "Today, at 12 noon, the town was taken."', "Today", "2024-05-04"),
        ('On Friday the minister said: "Yesterday our forces struck the bridge."', "Yesterday", "2024-05-02"),
        # negative: outside a quotation, or with no day named before the quote, the publication's day
        ("On Friday the minister said that today troops withdrew.", "today", "2024-05-06"),
        ('"Today we took the town," he said on Saturday.', "Today", "2024-05-06"),
        ('On Friday he spoke. "Today we took the town," he said.', "Today", "2024-05-06"),
    ],
)
def test_today_in_a_quotation_is_the_speakers_day(sentence: str, expression: str, value: str) -> None:
    assert _tags(sentence)[expression][0] == value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # "early", "mid" or "late" part of a day is the day the narrative is on, as "that afternoon" is
        ("A car bomb exploded on Saturday. The first blast hit in the early afternoon.", "early afternoon",
         "2024-05-04TAF"),
        # negative: "this" points at the day of writing; with no day named, the publication day
        ("A car bomb exploded on Saturday. Shelling resumed this morning.", "this morning", "2024-05-06TMO"),
        ("Shelling resumed in the late evening.", "late evening", "2024-05-06TEV"),
    ],
)
def test_a_qualified_part_of_day_is_on_the_narratives_day(text: str, expression: str, value: str) -> None:
    assert _tags(text)[expression][0] == value


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        # a zone abbreviation is written in capitals: the next word is not one ("2 p.m. Another" is no zone)
        ("A second bomb went off at about 2 p.m. Another explosion followed.", "2 p.m."),
        ("The strike came at 9 a.m. EST on Monday.", "9 a.m. EST on Monday"),
    ],
)
def test_a_clock_time_ends_where_its_zone_does(text: str, expression: str) -> None:
    assert expression in _tags(text)
