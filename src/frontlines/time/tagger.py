"""Find temporal expressions in text and normalise them to TIMEX3 values.

Recognition is a set of precompiled regular expressions (one per kind of
expression) run over the raw text; overlapping candidates are settled longest
first. Normalisation then walks the kept expressions in text order, so that an
expression such as "the next day" can anchor on the last date the text named
(the temporal focus, as in TimeML), while "yesterday" or "in March" resolve
against the reference date (the publication date).

Tense decides which way an underspecified date points ("on Friday" in a past
tense sentence is the last Friday, in a future one the next). With a spaCy Doc
the governing verb's tag and auxiliaries say it; without one, a few cue words in
the sentence do.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Any

from frontlines.records import Evidence, TimeValue
from frontlines.time import normalise as nz
from frontlines.time.context import _Context, _Rule
from frontlines.time.lexicon import (
    MONTHS,
    SMALL_NUMBERS,
    TENS,
    WEEKDAYS,
)
from frontlines.time.rules import _rules

# --------------------------------------------------------------------------
# The tagger
# --------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z]+|\d+")
# No expression reaches further than this from its trigger word ("the year-earlier
# fiscal third quarter", "Oct. 26, 1998 evening").
_REACH_LEFT = 50
_REACH_RIGHT = 40

_MONTH_WORDS = tuple(MONTHS)
_UNIT_WORDS = ("second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
               "fortnight", "fortnights", "month", "months", "quarter", "quarters", "year", "years", "decade",
               "decades", "century", "centuries", "millennium", "millennia")
_SEASON_WORDS = ("spring", "summer", "autumn", "fall", "winter")
_TRIGGERS: dict[str, tuple[str, ...]] = {
    "full_date_mdy": _MONTH_WORDS,
    "full_date_dmy": _MONTH_WORDS,
    "iso_date": ("#4",),
    "numeric_date": ("#", "#2"),
    "month_year": _MONTH_WORDS,
    "month_rel_year": _MONTH_WORDS,
    "month_alone": _MONTH_WORDS,
    "season_year": _SEASON_WORDS,
    "year": ("#4",),
    "decade": ("#4", "#2"),
    "century": ("century",),
    "weekday": tuple(w for w in WEEKDAYS if len(w) > 4),
    "deictic_day": ("today", "tonight", "yesterday", "tomorrow"),
    "part_of_day": ("morning", "afternoon", "evening", "night"),
    "relative_unit": ("week", "month", "year", "quarter", "weekend", "decade", "century") + _SEASON_WORDS,
    "ago": _UNIT_WORDS,
    "year_ago_adj": ("year",),
    "the_quarter": ("quarter", "period"),
    "quarter": ("quarter",),
    "half": ("half",),
    "this_year_words": ("year",),
    "duration": _UNIT_WORDS,
    "past_day": ("day",),
    "bare_plural": ("seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries",
                    "quarters"),
    "ref": ("now", "currently", "current", "nowadays", "presently", "present", "days", "moment", "recently",
            "lately", "recent", "previously", "formerly", "past", "future", "soon", "shortly", "once"),
    "set_adverb": ("daily", "nightly", "weekly", "monthly", "annually", "yearly", "hourly", "quarterly",
                   "biweekly", "fortnightly", "semiannually", "semi"),
    "every": ("every", "each", "per"),
    "clock": ("#", "#2"),
    "noon": ("noon", "midday", "midnight"),
    "holiday": ("christmas", "new", "thanksgiving", "easter", "election", "independence", "halloween",
                "victory", "boxing", "veterans", "armistice", "remembrance", "valentine"),
    "anchored_day": ("day",),
    "anchored_unit": ("week", "month"),
    "the_weekend_season": ("weekend",) + _SEASON_WORDS,
    "spelled_year": ("nineteen", "thousand"),
    "named_decade": ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"),
}


class TimeTagger:
    """Compiled rules; build once (via :func:`build_tagger`) and reuse across articles."""

    def __init__(self) -> None:
        self.rules = _rules()
        # Each rule runs only in windows around its trigger words: a rule with no
        # trigger in a text costs nothing, and regexes never scan whole articles.
        self.triggers: dict[str, tuple[int, ...]] = {}
        index = {rule.name: i for i, rule in enumerate(self.rules)}
        table: dict[str, list[int]] = {}
        for name, words in _TRIGGERS.items():
            for word in words:
                table.setdefault(word, []).append(index[name])
        self.triggers = {w: tuple(sorted(set(ix))) for w, ix in table.items()}

    def _windows(self, text: str) -> list[list[tuple[int, int]]]:
        """Per rule, merged character windows around its trigger words."""
        windows: list[list[tuple[int, int]]] = [[] for _ in self.rules]
        triggers = self.triggers
        limit = len(text)
        for m in _WORD.finditer(text):
            word = m.group()
            key = ("#4" if len(word) == 4 else "#2" if len(word) == 2 else "#") if word[0].isdigit() else word.lower()
            rules = triggers.get(key)
            if rules is None:
                continue
            lo, hi = max(0, m.start() - _REACH_LEFT), min(limit, m.end() + _REACH_RIGHT)
            for i in rules:
                spans = windows[i]
                if spans and spans[-1][1] >= lo:
                    spans[-1] = (spans[-1][0], hi)
                else:
                    spans.append((lo, hi))
        return windows

    def tag(self, text: str, reference: dt.date | None, *, article_id: str = "", doc: Any = None) -> tuple[TimeValue, ...]:
        """Every temporal expression in ``text``, normalised against ``reference``."""
        candidates: list[tuple[int, int, int, _Rule, re.Match[str]]] = []
        for rule, spans in zip(self.rules, self._windows(text)):
            for lo, hi in spans:
                for m in rule.pattern.finditer(text, lo, hi):
                    if m.end() == m.start():
                        continue
                    if rule.accept is not None and not rule.accept(m, text):
                        continue
                    candidates.append((m.start(), m.end(), rule.priority, rule, m))
        kept = _longest_first(candidates)
        ctx = _Context(text=text, ref=reference, doc=doc)
        results: list[TimeValue] = []
        for start, end, _prio, rule, m in kept:
            out = rule.handler(m, ctx)
            if out is None:
                continue
            s, e = out.span or (start, end)
            s, e = _trim(text, s, e)
            results.append(TimeValue(
                text=text[s:e],
                evidence=Evidence(article_id=article_id, start=s, end=e, text=text[s:e]),
                type=out.type, value=out.value, start=out.start, end=out.end,
                granularity=out.granularity, resolution=out.resolution, anchor=out.anchor,
            ))
            if not _reporting_date(text, s, out):
                ctx.remember(out)
                if out.granularity in ("day", "time") and ctx.focus_day is not None:
                    ctx.focus_day_at = s
            elif out.granularity in ("day", "time") and out.value and out.start is not None and out.start == out.end:
                # the day of a saying: a quotation after it speaks of that day's "yesterday" and "today"
                ctx.said_day, ctx.said_day_at = nz.Norm(out.value, out.granularity, out.start, out.end), s
        return tuple(results)


_LEADING = re.compile(r"(?i)(?:at|in|on|a|an)\s+(?=\d|(?:%s)\b|the\b|(?:19|20)\d\d)" % "|".join(
    sorted(list(SMALL_NUMBERS) + list(TENS), key=len, reverse=True)))


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop surrounding blanks and a leading preposition or article ("at 4 a.m.", "a five-year")."""
    while s < e and text[s].isspace():
        s += 1
    m = _LEADING.match(text, s, e)
    if m and m.end() < e:
        s = m.end()
    while e > s and text[e - 1] in " \t\n,":
        e -= 1
    return s, e


# "said today", "told reporters on Sunday": the day a statement was made (its reporting time)
_SPEECH_BEFORE = re.compile(
    r"(?i)\b(?:said|says|told\s+(?:\w+\s+)?(?:reporters|journalists|the\s+press)|announced|stated|added|reported)"
    r"\s+(?:on\s+)?$")


def _reporting_date(text: str, start: int, out: Any) -> bool:
    """A day that dates only the speech verb right before it ("Amnesty International said today"):
    it does not become the day the text is talking about, so that a later "at 8 a.m." or "the
    next day" counts from the day of the events, not of the statement."""
    if out.granularity not in ("day", "time"):
        return False
    return bool(_SPEECH_BEFORE.search(text, max(0, start - 40), start))


def _longest_first(cands: list[tuple[int, int, int, _Rule, re.Match[str]]]) -> list[tuple[int, int, int, _Rule, re.Match[str]]]:
    """Keep non-overlapping candidates, longer (then higher-priority) first; return in text order."""
    cands.sort(key=lambda c: (-(c[1] - c[0]), -c[2], c[0]))
    taken: list[tuple[int, int]] = []
    kept = []
    for c in cands:
        i = bisect.bisect_left(taken, (c[0], c[1]))
        if i > 0 and taken[i - 1][1] > c[0]:
            continue
        if i < len(taken) and taken[i][0] < c[1]:
            continue
        taken.insert(i, (c[0], c[1]))
        kept.append(c)
    kept.sort(key=lambda c: c[0])
    return kept


def build_tagger() -> TimeTagger:
    """Compile the time rules (a few milliseconds); pass the result around rather than rebuild it."""
    return TimeTagger()
