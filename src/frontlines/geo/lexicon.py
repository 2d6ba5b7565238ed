"""The words the toponym recogniser (:mod:`frontlines.geo.recognise`) knows: the kind words after a name, the
heads of local features, documents and weapons, the cues that make a name a place, and the stop-lists it reads from
the packaged data (first names, common words, titles, the armed groups of the actor registry)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from frontlines.geo.gazetteer import normalise_name
from frontlines.geo.packaged import curated_dir_default, data_file

MAX_NGRAM = 6
ORG_SOURCE = "org-name"  # mention source of a place named inside an organisation's name
FEATURE_SOURCE = "feature"  # a local feature the gazetteer does not know ("Royal Street", "French Quarter")
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# labels whose span is never a place, whatever the gazetteer says
NEVER_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LANGUAGE", "LAW"})
# a single word the NER did not tag needs this many inhabitants (or a major kind) to count
MIN_POP_UNTAGGED = 1_000
MIN_POP_SENT_START = 50_000  # sentence-initial capitals say less
MIN_POP_PERSON = 20_000  # to overrule a one-word PERSON label
CUED_SOURCE = "cued"  # a name the context says is a place ("the village of X", "X district")
# nouns that make the name after "of" a place ("the village of Rubtsy", "in the area of X")
CUE_OF_NOUNS = frozenset("""
village town city settlement hamlet area vicinity outskirts suburbs centre center district region
""".split())
# words after a name that make it an area ("the Novopol area", "in the Krasnolimansk direction")
CUE_AFTER = frozenset({"area", "direction", "sector", "axis", "outskirts"})
# compass words: alone they name a part of the country the story is about ("In the South"), which
# the gazetteer does not hold; a division abroad called "South" is not meant
COMPASS_WORDS = frozenset("""
north south east west northeast northwest southeast southwest northern southern eastern western
""".split())

# Heads of local feature names: a capitalised name ending in one of these ("Royal Street",
# "Independence Square", "French Quarter", "St Michael's Cathedral") is a street, building or
# district of a town; its words say nothing about where it is unless the whole name is known.
FEATURE_HEADS = frozenset("""
street st avenue ave road rd boulevard blvd lane highway square plaza quarter district neighbourhood
neighborhood church cathedral mosque synagogue temple monastery bridge port harbour harbor plant
factory refinery base airport airfield hospital clinic school college university academy market
bazaar station hotel stadium arena palace tower building centre center hall prison jail camp
embassy consulate ministry museum theatre theater mall park cemetery compound terminal dam
""".split())
# Heads of the names of documents and agreements ("the Black Sea Grain Initiative", "the Minsk Protocol"):
# a named entity ending in one is a document, whatever label the NER gave it (its own label is LAW), so
# neither it nor a place inside its name is a place of the text.
DOCUMENT_HEADS = frozenset("""
initiative agreement agreements accord accords deal declaration treaty protocol memorandum pact charter
convention communique communiqué resolution plan programme program roadmap framework format process
""".split())
# Heads of weapon and vehicle names: a name compounding one ("Iskander missiles", "Bayraktar
# drones", "Kinzhal hypersonic missile") is a product, not a place.
WEAPON_HEADS = frozenset("""
missile rocket drone uav system launcher tank jet aircraft plane helicopter howitzer gun munition
bomb shell warhead vehicle interceptor battery submarine frigate cruiser destroyer corvette
""".split())

# Words that open a storm's name ("Hurricane Ian", "Cyclone Remal", "Storm Babet"): the name is a
# weather system's, not a place's, whatever the NER's label
STORM_WORDS = frozenset("hurricane typhoon cyclone storm".split())

# Words after a name that make it a disease's or a pathogen's ("West Nile virus", "Marburg virus disease",
# "Lassa fever", "the Sudan strain", "Crimean-Congo haemorrhagic fever", "Middle East respiratory syndrome"):
# named after a place, but no toponym. Not "flu": "the Texas flu season" is the place's (with "flu" and
# "influenza" GeoVirus end to end lost one toponym)
DISEASE_WORDS = frozenset("virus fever strain encephalitis haemorrhagic hemorrhagic respiratory".split())
# nouns of a disease before "of" and its name ("an outbreak of Ebola", "the Sudan strain of Ebola", "cases of Zika")
DISEASE_NOUNS = frozenset("outbreak outbreaks strain strains case cases epidemic epidemics".split())

# words after a name that make it a place (and say which kind)
KIND_WORDS: dict[str, str] = {
    "river": "river", "sea": "sea", "ocean": "sea", "gulf": "sea", "strait": "sea",
    "oblast": "admin1", "region": "admin1", "province": "admin1", "governorate": "admin1", "state": "admin1",
    "krai": "admin1", "department": "admin1", "prefecture": "admin1", "county": "admin2", "parish": "admin2", "raion": "admin2", "district": "admin2",
    "township": "admin2",  # a township is named after its seat ("Hpakant township", Myanmar)
    "city": "settlement", "town": "settlement", "village": "settlement", "settlement": "settlement",
    # a Ukrainian territorial community (hromada) is named after its centre: "the Semenivka community"
    "community": "settlement", "hromada": "settlement",
}


@dataclass(frozen=True, slots=True)
class PlaceLexicon:
    """Stop-lists for the recogniser (from ``data/places/stoplists.yaml``)."""

    first_names: frozenset[str]
    common_words: frozenset[str]
    titles: frozenset[str]
    not_places: frozenset[str] = frozenset()  # names of armed groups (the actor registry)
    # one-word abbreviations written with their period ("Mass.", "Calif.", "Ga.": aliases.yaml), looked up without it
    dotted: frozenset[str] = frozenset()


@lru_cache(maxsize=4)
def load_place_lexicon(path: Path | None = None) -> PlaceLexicon:
    """Read the stop-lists; cached per path since the file is packaged and read-only."""
    file = Path(path) if path else curated_dir_default() / "stoplists.yaml"
    data: dict[str, Any] = yaml.safe_load(file.read_text("utf-8")) or {}

    def norm(items: Iterable[str]) -> frozenset[str]:
        return frozenset(normalise_name(str(x)) for x in items)

    return PlaceLexicon(
        first_names=norm(data.get("first_names", ())),
        common_words=norm(data.get("common_words", ())),
        titles=norm(data.get("titles", ())),
        not_places=norm(_registry_names()),
        dotted=norm(_dotted_abbreviations(file.parent / "aliases.yaml")),
    )


def _dotted_abbreviations(path: Path) -> list[str]:
    """The curated aliases that are one word cut short with a period ("Mass." for Massachusetts,
    "Calif.", "Ga."): the style of a dateline or address after a town ("Worcester, Mass."). Not the
    initials of several words ("U.S.", "D.C."), which are no common word."""
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text("utf-8")) or {}
    return [str(n) for row in data.get("aliases", ()) for n in row.get("names", ())
            if str(n).endswith(".") and str(n).count(".") == 1 and " " not in str(n)]


def _registry_names() -> list[str]:
    """Names and aliases of the armed groups in the packaged actor registry: "Hamas", "Wagner",
    "Hezbollah" name a party to a conflict, never the town they resemble."""
    path = data_file("frontlines", "data", "actors", "groups.yaml")
    data = yaml.safe_load(path.read_text("utf-8")) or {}
    out: list[str] = []
    for entry in data.get("entries", ()):
        if entry.get("sector") not in ("military", "rebel"):
            continue  # organisations are named by their seat ("Brussels" for the EU): places still
        out.append(str(entry.get("name", "")))
        out.extend(str(a) for a in entry.get("aliases", ()) or ())
    return [n for n in out if n]
