"""Words of English temporal expressions: months, weekdays, units, numbers, holidays.

Plain constants (no I/O); the tagger compiles its patterns from them when it is built.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

# Capitalised month names as they appear in running text, full forms first so that the
# regex alternation prefers them; abbreviations take an optional period.
MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)

# Month names that are also common words or names: accepted alone only with a date context.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jun", "jan", "dec", "sep", "oct", "nov", "aug", "feb"})

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}
WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "overnight": "NI",
}

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "final": 4, "last": 4,
}

UNITS: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "fortnight": "W2",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "E", "century": "C", "centurie": "C",
    "millennium": "L", "millennia": "L",
}
TIME_UNITS = frozenset({"second", "minute", "hour"})

# Unit regex: singular/plural forms, matched case-insensitively.
UNIT_RE = (
    r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?"
    r"|centur(?:y|ies)|millenni(?:um|a))"
)

SMALL_NUMBERS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# Quantifiers with no definite count: the TIMEX3 value gets an X ("PXY").
VAGUE_QUANTIFIERS = frozenset({
    "several", "a few", "few", "many", "some", "a couple of", "couple of", "numerous", "the next few",
    "dozens of", "hundreds of", "thousands of", "a number of",
})

_SMALL = "|".join(sorted(SMALL_NUMBERS, key=len, reverse=True))
_TENS = "|".join(TENS)
NUMBER_WORD_RE = (
    rf"(?:(?:{_TENS})(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?"
    rf"(?:\s+(?:hundred|thousand))?|(?:{_SMALL})(?:\s+(?:hundred|thousand))?|a\s+hundred|a\s+thousand)"
)
QUANTITY_RE = (
    rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|{NUMBER_WORD_RE}(?:\s+and\s+a\s+half)?|a\s+couple\s+of|couple\s+of"
    r"|a\s+few|several|few|many|numerous|a|an|a\s+dozen|dozens\s+of|hundreds\s+of|thousands\s+of)"
)

# Fixed-date holidays (month, day) and a few movable ones computed in the tagger.
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas": (12, 25),
    "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
    "independence day": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14),
    "veterans day": (11, 11), "armistice day": (11, 11), "remembrance day": (11, 11),
    "victory day": (5, 9), "may day": (5, 1), "new year": (1, 1),
}

# Nouns that make a preceding four-digit number a count, not a year ("2000 troops").
COUNT_NOUNS = frozenset("""
people persons troops soldiers men women children civilians residents refugees casualties deaths
dead killed wounded injured units vehicles tanks shares barrels tons tonnes km kilometres kilometers
miles metres meters feet dollars euros pounds rubles roubles hryvnias points workers employees jobs
homes houses buildings cases votes seats rounds shells missiles drones rockets prisoners students
members officers police fighters acres hectares calories pages words copies cars planes aircraft
""".split())
