"""Other ways to look up a name the gazetteer lacks as written: without a kind word or a prefix
("Kherson region", "the city of Mariupol"), with an abbreviation spelled out ("St. Louis"), an Arabic
name's closing "-ah" as "-a" ("Hodeidah"), or the longest known part of a longer name ("Upper Kherson" ->
Kherson), never a country's name held in another place's ("New Guinea" is no Guinea)."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from frontlines.geo.gazetteer import Candidate, Gazetteer, normalise_name
from frontlines.geo.othernames import STRIP_SUFFIX
from frontlines.geo.lexicon import KIND_WORDS
from frontlines.records import PlaceKind

HINT_KIND = {
    "river": PlaceKind.RIVER, "sea": PlaceKind.SEA, "admin1": PlaceKind.ADMIN1,
    "admin2": PlaceKind.ADMIN2, "settlement": PlaceKind.SETTLEMENT,
}
_STRIP_PREFIX = re.compile(r"^(the|city of|town of|river|state of|province of)\s+", re.I)
# parts of a longer name that say nothing about where it is ("South Ossetia" is not "South")
_GENERIC_PARTS = frozenset("""
north south east west northern southern eastern western central upper lower greater new old
great little saint mount lake river city county district region valley park center centre
""".split())
_ABBREV = {"st": "saint", "mt": "mount", "ft": "fort", "pt": "point"}


SPELLING_RATIO = 0.8  # two names this alike letter for letter (and with one first letter) are one name's spellings


@lru_cache(maxsize=65536)
def spelling_of(text: str, name: str) -> bool:
    """``text`` is a spelling of ``name`` (Odessa for Odesa, Kharkov for Kharkiv), not another name
    the place bears (Bakhmut's Artemovsk): an exonym in another romanisation is no weaker evidence
    than the main name (geo.scoring), and a division's name, its kind word aside, that spells a town's
    is named after the town (geo.eponyms)."""
    a, b = normalise_name(text), normalise_name(name)
    return a[:1] == b[:1] and difflib.SequenceMatcher(None, a, b).ratio() >= SPELLING_RATIO


PART_HINT = "part"  # name_variants found only a part of the name ("Upper Kherson" -> Kherson)


def name_variants(text: str, gazetteer: Gazetteer) -> tuple[tuple[Candidate, ...], PlaceKind | str | None]:
    """Candidates for a name written with extra words ("Kherson region", "the Crimea", "St. Louis")."""
    tries: list[tuple[str, PlaceKind | None]] = []
    s = re.sub(r"['\u2019]s$", "", text)
    tries.append((s, None))
    m = STRIP_SUFFIX.search(s)
    if m:
        tries.append((s[: m.start()], HINT_KIND.get(KIND_WORDS.get(m.group(1).lower(), ""))))
    p = _STRIP_PREFIX.match(s)
    if p:
        tries.append((s[p.end():], PlaceKind.RIVER if p.group(1).lower() == "river" else None))
    words = normalise_name(s).split()
    if words and words[0] in _ABBREV:
        tries.append((" ".join([_ABBREV[words[0]], *words[1:]]), None))
    if "." in s and len(words) > 1 and all(len(w) <= 4 for w in words):
        tries.append(("".join(words), None))  # "W. Va." is "W.Va.", "N. Y." is "N.Y."
    if words and len(words[-1]) >= 5 and words[-1].endswith("ah"):
        # an Arabic name's closing ta marbuta, written "-ah" or "-a": "Hodeidah" is "Hodeida"
        tries.append((" ".join([*words[:-1], words[-1][:-1]]), None))
    for variant, hint in tries:
        found = gazetteer.lookup(variant)
        if found:
            return found, hint
    # "Greer Station", "Upper Kherson": the longest known part of a longer name
    if len(words) > 1:
        for size in range(len(words) - 1, 0, -1):
            for start in range(len(words) - size + 1):
                part = " ".join(words[start : start + size])
                if len(part) > 3 and part in gazetteer.keys and part not in _GENERIC_PARTS and part not in KIND_WORDS:
                    found = gazetteer.lookup(part, normalised=True)
                    if not _holds_a_country_name(found, words[:start] + words[start + size:]):
                        return found, PART_HINT
    return (), None


# words that make a new place's name of an older one's: a settlers' colony or a diaspora's quarter
NAME_MAKERS = frozenset({"new", "little", "nova", "novo", "nueva", "nuevo", "nouvelle", "nouveau"})


def _holds_a_country_name(found: tuple[Candidate, ...], rest: list[str]) -> bool:
    """Whether a part of a longer name is a country's name that a name-making word before it turns
    into another place's ("New Guinea", "Little Haiti"): neither the country nor a namesake of its
    name ("La Guinea", Panama) places it. Any other longer name keeps the country ("northern Syria",
    "the Republic of the Congo")."""
    return any(c.kind == PlaceKind.COUNTRY for c in found) and len(rest) == 1 and rest[0] in NAME_MAKERS
