"""The rule table: one precompiled pattern per kind of temporal expression, with its
handler, its filter and its priority."""

from __future__ import annotations

import re

from frontlines.time.context import (
    _APPROX,
    _DAY,
    _EDGE,
    _MON,
    _PART,
    _SEASON,
    _WD,
    _YEAR,
    _Rule,
)
from frontlines.time.dates import (
    _accept_clock,
    _accept_month_alone,
    _accept_named_decade,
    _accept_the_quarter,
    _accept_weekday,
    _accept_year,
    _h_anchored_day,
    _h_anchored_unit,
    _accept_anchored_unit,
    _h_century,
    _h_clock,
    _h_decade,
    _h_deictic_day,
    _h_full_date,
    _h_holiday,
    _h_iso,
    _h_month_alone,
    _h_month_rel_year,
    _h_month_year,
    _h_named_decade,
    _h_noon,
    _h_numeric_date,
    _h_part_of_day,
    _h_spelled_year,
    _h_weekday,
    _h_weekend_season,
    _h_year,
)
from frontlines.time.lexicon import (
    MONTH_RE,
    QUANTITY_RE,
    UNIT_RE,
    WEEKDAY_RE,
)
from frontlines.time.relative import (
    _accept_bare_plural,
    _accept_duration,
    _accept_past_day,
    _accept_ref,
    _accept_set_adverb,
    _h_ago,
    _h_bare_plural,
    _h_duration,
    _h_past_day,
    _h_every,
    _h_half,
    _h_quarter,
    _h_ref,
    _h_relative_unit,
    _h_season_year,
    _h_set_adverb,
    _h_the_quarter,
    _h_this_year_words,
    _h_year_ago_adj,
)

# --------------------------------------------------------------------------
# Rule table
# --------------------------------------------------------------------------

_I = re.IGNORECASE
# "30 August last year", "November 13 of that year": a day in a year named relative to the text
_YREL = r",?\s+(?:of\s+)?(?P<yrel>(?i:last|this|next|the\s+previous|the\s+following|that))\s+year\b"


def _rules() -> tuple[_Rule, ...]:
    q = QUANTITY_RE
    unit = rf"(?P<unit>{UNIT_RE})"
    rules = [
        _Rule("full_date_mdy", re.compile(
            rf"\b(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?:the\s+)?{_MON}\s+{_DAY}\b(?:,?\s+{_YEAR}\b|{_YREL})?"
            rf"(?:\s+{_PART})?"), _h_full_date, priority=5),
        _Rule("full_date_dmy", re.compile(
            rf"\b(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MON}(?:,?\s+{_YEAR}\b|{_YREL})?"
            rf"(?:\s+{_PART})?"), _h_full_date, priority=5),
        _Rule("iso_date", re.compile(
            r"\b(?P<y>1[6-9]\d\d|20\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<hh>[0-2]\d):(?P<mm>[0-5]\d))?\b"),
            _h_iso, priority=6),
        _Rule("numeric_date", re.compile(r"\b(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)?\d\d)\b"),
              _h_numeric_date, priority=4),
        _Rule("month_year", re.compile(
            rf"\b(?:{_EDGE}[-\s]+)?{_MON},?\s+(?:of\s+)?{_YEAR}\b"), _h_month_year, priority=4),
        _Rule("month_rel_year", re.compile(
            rf"\b(?:{_EDGE}[-\s]+)?{_MON},?\s+(?:of\s+)?(?P<yrel>(?i:last|this|next|the\s+previous|the\s+following|that))\s+year\b"),
            _h_month_rel_year, priority=5),
        _Rule("month_alone", re.compile(
            rf"(?:\b(?P<rel>(?i:last|this|next|this\s+past|this\s+coming))\s+)?"
            rf"(?:\b{_EDGE}[-\s]+)?\b{_MON}(?![\w-])"), _h_month_alone, _accept_month_alone, priority=3),
        _Rule("season_year", re.compile(rf"\b(?i:(?:the\s+)?){_SEASON}\s+(?:of\s+)?{_YEAR}\b"),
              _h_season_year, priority=4),
        _Rule("year", re.compile(
            rf"(?<![\w$£€#.,/-])(?:(?i:(?:the\s+)?(?:fiscal|calendar|financial|model)(?:\s+year)?|"
            rf"(?:the\s+)?(?:end|start|beginning|middle|spring|summer|autumn|fall|winter)\s+of|early|mid|late)[-\s]+)?"
            rf"{_YEAR}(?![\w-]|\.\d|,\d)"), _h_year, _accept_year, priority=2),
        _Rule("decade", re.compile(
            r"(?i:\b(?:the\s+)?(?:(?:early|mid|late)[-\s]+)?)(?:\b(?P<cent>1[5-9]|20)(?P<dec>\d)0'?s\b"
            r"|(?<!\w)['’](?P<short>\d)0s\b)"), _h_decade, priority=3),
        _Rule("century", re.compile(
            r"(?i)\b(?:the\s+)?(?:(?:early|mid|late)[-\s]+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|"
            r"sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|"
            r"seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[-\s]+century\b"),
            _h_century, priority=3),
        _Rule("weekday", re.compile(
            rf"(?:\b(?P<rel>(?i:last|this|next|this\s+past|this\s+coming|the\s+previous|the\s+following|"
            rf"coming|past|early|late|earlier|later))\s+)?\b{_WD}(?P<plural>s\b)?(?:'s)?"
            rf"(?:\s+{_PART}s?)?\b"
            r"(?:\s+(?:of\s+)?(?P<week>(?i:last|next|this|the\s+previous|the\s+following))\s+week\b(?![-'’]))?"),
            _h_weekday, _accept_weekday, priority=3),
        _Rule("deictic_day", re.compile(
            r"(?i)\b(?:(?:early|late|earlier|later)\s+)?(?P<w>today|tonight|yesterday|tomorrow)(?:'s)?"
            r"(?:\s+(?P<part>morning|afternoon|evening|night))?\b"), _h_deictic_day, priority=3),
        _Rule("part_of_day", re.compile(
            r"(?i)\b(?P<rel>this|last|the\s+next|the\s+following|the\s+previous|the\s+preceding|that|the\s+same|mid|"
            r"early|late)[-\s]+"
            r"(?P<part>morning|afternoon|evening|night)\b"), _h_part_of_day, priority=2),
        _Rule("relative_unit", re.compile(
            r"(?i)\b(?:(?P<edge>early|late|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
            r"the\s+middle\s+of|the\s+rest\s+of|end|mid)[-\s]+)?"
            r"(?P<rel>last|this\s+past|this\s+coming|this|next|past|previous|coming|current|the\s+current|the\s+past|"
            r"the\s+previous|the\s+coming|the\s+next|the\s+following|the\s+same|that|the\s+latest|the\s+last|"
            r"the\s+preceding|the\s+prior)"
            r"\s+(?P<unit>week|month|year|quarter|weekend|fiscal\s+year|decade|century|spring|summer|fall|"
            r"autumn|winter)\b(?![-\s]+(?:old|long)\b)"), _h_relative_unit, priority=3),
        _Rule("the_weekend_season", re.compile(
            r"(?i)\b(?P<rel>the|over\s+the|during\s+the|in\s+the|this|(?:the\s+)?(?:early|late|mid))[-\s]+"
            r"(?P<unit>weekend|spring|summer|autumn|winter)\b(?!\s+of\b)"), _h_weekend_season, priority=2),
        _Rule("spelled_year", re.compile(
            r"(?i)\b(?:the\s+year\s+)?(?P<w>nineteen[-\s]+(?:hundred[-\s]+(?:and[-\s]+)?)?"
            r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s]+(?:one|two|three|four|five|six|"
            r"seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
            r"|two\s+thousand(?:[-\s]+(?:and[-\s]+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)\b"
            r"(?!\s+(?:" + UNIT_RE + r"|people|troops|dollars))"), _h_spelled_year, priority=3),
        _Rule("named_decade", re.compile(
            r"(?i)\b(?:the\s+)?(?:(?:early|mid|late)[-\s]+)?(?P<w>twenties|thirties|forties|fifties|sixties|"
            r"seventies|eighties|nineties)\b"), _h_named_decade, _accept_named_decade, priority=2),
        _Rule("ago", re.compile(
            rf"(?i)\b{_APPROX}?(?P<q>{q})[-\s]+{unit}\s+(?:or\s+so\s+)?(?:and\s+a\s+half\s+)?"
            r"(?P<dir>ago|earlier|later|from\s+now|hence)\b"), _h_ago, priority=4),
        _Rule("year_ago_adj", re.compile(
            r"(?i)\b(?:the\s+)?(?:year|year's)[-\s](?:ago|earlier)(?:\s+(?P<unit>quarter|period|level|"
            r"results?|figures?|months?))?\b"), _h_year_ago_adj, priority=3),
        _Rule("the_quarter", re.compile(
            r"(?i)\b(?:the|this|its)\s+(?:(?:latest|current|recent|most\s+recent|just-?ended|fiscal|same|comparable)"
            r"[-\s]+)?(?:quarter|period)\b(?!\s+of\s+(?:a|an|the)?\s*(?:million|billion|century|mile))"),
            _h_the_quarter, _accept_the_quarter, priority=1),
        _Rule("quarter", re.compile(
            r"(?i)\b(?:(?P<yr>(?:19|20)\d\d)(?:'s)?\s+|(?P<rel>last|this|next|the\s+current|the\s+previous|"
            r"the\s+year-?ago|the\s+year-?earlier|year-?ago|year-?earlier|the\s+prior-?year|last\s+year's|"
            r"this\s+year's|next\s+year's)\s+)?(?:the\s+)?(?:a\s+\w+\s+)?(?:fiscal\s+)?"
            r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[-\s](?:fiscal[-\s])?quarter"
            r"(?:\s+of\s+(?:(?:fiscal\s+)?(?P<yr2>(?:19|20)\d\d)|(?P<rel2>this|last|next)\s+year))?\b"),
            _h_quarter, priority=4),
        _Rule("half", re.compile(
            r"(?i)\b(?:the\s+)?(?P<ord>first|second|last|latter)\s+half"
            r"(?:\s+of\s+(?:(?P<yr>(?:19|20)\d\d)|(?P<rel>this|last|next)\s+year|the\s+year))?\b"
            r"(?!\s+of\s+(?!(?:19|20)\d\d|this|last|next|the\s+year))"),
            _h_half, priority=3),
        _Rule("this_year_words", re.compile(
            r"(?i)\b(?:the\s+(?:full|current|fiscal|current\s+fiscal|calendar)\s+year|year[-\s]end|year's\s+end|"
            r"the\s+end\s+of\s+the\s+year|the\s+year\s+to\s+date|year\s+to\s+date)\b"), _h_this_year_words,
            priority=2),
        _Rule("duration", re.compile(
            rf"(?i)\b(?:(?:the|a|an)\s+)?(?:(?P<dir>past|last|next|previous|coming|first|final|latest|initial|"
            rf"remaining|following|prior)\s+)?{_APPROX}?(?P<q>{q})(?:[-\s]+and[-\s]+a[-\s]+half)?[-\s]+"
            rf"(?:more\s+|additional\s+|straight\s+|consecutive\s+|full\s+)?{unit}"
            rf"(?:[-\s]+(?:long|old))?\b"), _h_duration, _accept_duration, priority=2),
        _Rule("past_day", re.compile(r"(?i)\bthe\s+(?:past|last)\s+day\b(?!\s+of\b)"), _h_past_day,
              _accept_past_day, priority=3),
        _Rule("bare_plural", re.compile(
            r"(?i)\b(?:(?P<recent>recent|coming|future)\s+)?(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|quarters|"
            r"centuries)\b"), _h_bare_plural, _accept_bare_plural, priority=1),
        _Rule("ref", re.compile(
            r"(?i)\b(?P<w>now|currently|current|nowadays|presently|at\s+present|these\s+days|at\s+the\s+moment|"
            r"right\s+now|(?:more\s+|most\s+)?recently|lately|recent|previously|formerly|in\s+the\s+past|the\s+past|"
            r"the\s+near\s+future|in\s+the\s+future|the\s+future|future|soon|shortly|once)\b"),
            _h_ref, _accept_ref, priority=1),
        _Rule("set_adverb", re.compile(
            r"(?i)\b(?P<w>daily|nightly|weekly|monthly|annually|yearly|hourly|quarterly|biweekly|fortnightly|"
            r"semi-?annually)\b"), _h_set_adverb, _accept_set_adverb, priority=1),
        _Rule("every", re.compile(
            rf"(?i)\b(?:every|each|per)\s+(?:(?P<q>other|{q})\s+)?(?P<what>{UNIT_RE}|{WEEKDAY_RE}|"
            r"January|February|March|April|May|June|July|August|September|October|November|December|"
            r"morning|evening|night)\b"), _h_every, priority=3),
        _Rule("clock", re.compile(
            r"(?i)\b(?:at\s+)?(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?\s*"
            r"(?:(?P<ampm>a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)|(?=[:.][0-5]\d)|o'clock\b|(?=\s+in\s+the\s+(?:morning|"
            r"afternoon|evening)))"
            r"(?:\s+in\s+the\s+(?P<morning>morning|afternoon|evening|night))?"
            r"(?:\s*\(?(?:(?-i:[A-Z]{1,3}[SD]?T)\b|GMT|UTC|local\s+time|Moscow\s+time|Kyiv\s+time)\)?)?"
            rf"(?:,?\s+(?:on\s+)?(?:(?P<wd2>{WEEKDAY_RE})|(?P<dw>today|yesterday|tomorrow)|"
            rf"(?P<mon2>{MONTH_RE})\s+(?P<day2>[0-3]?\d)\b))?"), _h_clock, _accept_clock, priority=5),
        _Rule("noon", re.compile(
            r"(?i)\b(?P<w>noon|midday|midnight)\b"
            rf"(?:,?\s+(?:on\s+)?(?:(?P<wd2>{WEEKDAY_RE})|(?P<dw>today|yesterday|tomorrow)|"
            rf"(?P<mon2>{MONTH_RE})\s+(?P<day2>[0-3]?\d)\b))?"), _h_noon, priority=2),
        _Rule("holiday", re.compile(
            r"\b(?:(?P<rel>(?i:last|next|this))\s+)?(?P<name>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?"
            r"|Thanksgiving(?:\s+Day)?|Easter(?:\s+(?:Sunday|Monday))?|Election\s+Day|Independence\s+Day"
            r"|Halloween|Victory\s+Day|Boxing\s+Day|Veterans\s+Day|Armistice\s+Day|Remembrance\s+Day"
            r"|Valentine's\s+Day)(?P<week>\s+week)?(?:,?\s+(?:(?:in|of)\s+)?{year})?\b".replace("{year}", _YEAR)),
            _h_holiday, priority=4),
        _Rule("anchored_unit", re.compile(
            r"(?i)\bthe\s+(?P<unit>week|month)\s+(?P<dir>before|after|earlier|prior)\b"),
            _h_anchored_unit, _accept_anchored_unit, priority=4),
        _Rule("anchored_day", re.compile(
            r"(?i)\b(?:the\s+(?:next|following|previous|preceding|prior)\s+day|the\s+day\s+(?:before|after)"
            r"|(?:earlier|later)\s+(?:that|the\s+same)\s+day|that\s+(?:same\s+)?day|the\s+same\s+day)\b"),
            _h_anchored_day, priority=4),
    ]
    return tuple(rules)
