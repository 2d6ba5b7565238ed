"""Places: toponym recognition and resolution against the built-in gazetteer.

The stage reads the toponym spans the ``frontlines_places`` spaCy component left
in ``doc.spans["places"]`` (or finds them itself when the model was loaded
without it), resolves each against the injected gazetteer, and returns one
:class:`~frontlines.records.Place` per toponym.
"""

from __future__ import annotations

from collections.abc import Sequence

from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.othernames import CYRILLIC_COUNTRIES
from frontlines.geo.recognise import Mention, find_toponyms
from frontlines.geo.resolve import resolve_mentions
from frontlines.geo.shapes import shapes_dir_default
from frontlines.records import Place
from frontlines.stages import Stage, StageInput, data_file

SPAN_KEY = "places"


def _mentions(inp: StageInput) -> list[Mention]:
    doc = inp.doc
    if SPAN_KEY in doc.spans:
        return [Mention(s.start, s.end, s.label_ or "gazetteer") for s in doc.spans[SPAN_KEY]]
    return find_toponyms(doc, inp.resources.gazetteer)


def _occupiers(inp: StageInput) -> dict[str, str] | None:
    """The actor registry's wars of occupation (occupied state -> occupier), for geo.theatres."""
    actors = getattr(inp.resources, "actors", None)
    return actors.occupiers if actors is not None else None


def extract_places(inp: StageInput) -> tuple[Place, ...]:
    """Every toponym of the article as a Place (unknown names yield none, never an error)."""
    gazetteer = inp.resources.gazetteer
    if gazetteer is None or len(inp.doc) == 0:
        return ()
    return resolve_mentions(inp.doc, inp.article.id, _mentions(inp), gazetteer, source=inp.article.source,
                            occupiers=_occupiers(inp))


def prepare_places(gazetteer: Gazetteer) -> None:
    """Build the gazetteer's lazily built indexes this stage uses (the sound-alike index of the
    countries whose names are romanised from Cyrillic: ~0.1 s, once per process)."""
    gazetteer.prepare_sound_alike(CYRILLIC_COUNTRIES)


def resolve_spans(inp: StageInput, spans: Sequence[tuple[int, int]]) -> tuple[Place, ...]:
    """Resolve given character spans (gold toponyms) instead of recognised ones.

    A span that does not line up with token boundaries is widened to the tokens it
    touches; a span the gazetteer cannot resolve yields no Place.
    """
    gazetteer = inp.resources.gazetteer
    doc = inp.doc
    if gazetteer is None or len(doc) == 0:
        return ()
    mentions = []
    for start, end in sorted(spans):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        mentions.append(Mention(span.start, span.end, "gold"))
    return resolve_mentions(doc, inp.article.id, mentions, gazetteer, source=inp.article.source,
                            occupiers=_occupiers(inp))


STAGE = Stage(
    name="geo.places",
    code_version="111",  # 4: "X in (central) R" containers, bracketed datelines, foreign alternates, nationalities;
    # 5: names with a soft-sign apostrophe ("Olhivs'ke"), "the outskirts of X" introduces X;
    # 6: "X, R" run together by the NER is read apart; a consonant repeated across a vowel is no doubled letter;
    # 7: a name placed at its division once keeps that place where it stands alone;
    # 8: a first-order division coded under another's code (the Gaza Strip's governorates) is labelled by it;
    # 9: namesakes: closeness to the other names' likely places (weighted, three rounds), context counted
    # again from the settled names, a far place bearing only a part of the name is a local feature;
    # 10: "the town" never refers back to a place named as an owner or a kind ("Moscow's press", "the Donetsk front")
    # 11: a word of a longer proper name ("Boko | Haram"), an abbreviation in brackets ("(JAS)") and a
    # name written in lower case ("the west bank") are no places
    # 12: a name written next to its division is looked for by sound inside it in any country (not only
    # where names are romanised from Cyrillic), and a silent final h is no consonant ("Kabkabiya" ~ Kabkabiyah)
    # 13: admin1 labels are English names without kind words, apart where namesakes would meet, or the
    # largest city's name (gazetteer schema 9); a curated facility lies in its nearest town's division
    # 14: a country or capital before a person's office ("US Secretary of State") names whose office it is (metonymic)
    # 15: (branch heads' 14) a division's possessive contains the name after it ("Zaporizhzhia's Orikhiv", "Kharkiv region's
    # Kozacha Lopan", "Russia's Shebekino"); a name the NER calls a LANGUAGE counts before its division
    # when the gazetteer knows it inside (geo.context._possessive_containers, Contained.known_only)
    # 16: (branch heads' 15) a text all in lower case finds known names by the words around them: a locative preposition
    # before (a place of 5,000 people or more) or a kind word after (geo.recognise._scan_lower)
    # 17: (branch heads' 16) a Title Case Headline is parsed with its ordinary words in lower case (nlp.casing.parse_input)
    # 18: a line of several sentences is prose, not a Title Case Headline (nlp.casing.title_lines)
    # 19: a country or capital accused, urged or warned ("accusing the United States") is a government (geo.metonymy)
    # 20: a people's name the NER tagged GPE ("Ukrainian troops") votes for its country as a NORP does
    # 21: known names listed in one entity of another kind ("Robotyne and Verbove" as one FAC) are read apart
    # 22: a named entity ending in a document's or agreement's head ("the Black Sea Grain Initiative" as FAC) is no place
    # 23: a country or capital a measure is taken against ("sanctions against Moscow") is a government (geo.metonymy)
    # 24: a country or capital listed with an organisation ("a truce between Israel and Hamas") is a party (geo.metonymy)
    # 25: a territorial community ("the Semenivka community", "hromada") names its centre; a known name before a
    # settlement's kind word is a place whatever the NER's label (before: only a major one)
    # 26: (branch place3) a first-order division named after a town that is a division of its own ("Kyiv Oblast"
    # beside the city of Kyiv) is not what the bare name means (geo.scoring._named_after_a_town); a known name before
    # a division's kind word read as one entity ("Hpakant township", a township named after its seat) is the name
    # 27: a place found only by sound weighs less than one of the article's country bearing the name as written
    # ("Robotyne" went to Rybotyn, Chernihiv, a look-alike with more people; geo.scoring.SOUND_ALIKE_PENALTY)
    # 28: 26 (branch place3) and 27 (lead) together
    # 29: one capitalised word the NER took for a date that is a country's or first-order division's main name, and no
    # month or weekday, is the name ("a village in Niger" tagged DATE gave no place; geo.recognise._date_tagged_country)
    # 30: (branch places4) a small town on another continent, in a country the one-country story never names, is a
    # district or feature of the story's town ("Handsworth" in Birmingham; geo.coherence.far_namesakes)
    # 31: (branch places4) a street or building written with a city ("Bold Street, Liverpool", "Queen Street in
    # Brisbane") lies in the city, not in the region named after it (geo.containers.apply_containers)
    # 32: (branch places4) a storm's name ("Hurricane Ian", "Hurricane" tagged alone before its name) is no place
    # 33: (branch places4) a local feature's name found from a known word begins at the capitalised words before
    # it ("Banyan | Court Park", not "Court Park"; geo.recognise._feature_start)
    # 34: an organisation's acronym that is only another name of a small place is no place ("the ELN said" went to
    # Elne, France; geo.recognise._not_a_place)
    # 35: (branch places5) a name handed over as a gold toponym that the gazetteer lacks altogether ("the Zaatari
    # camp", "the Kibera area") is a local place of the story, placed at its town (geo.items.make_item)
    # 36: (branch places5) a disease or pathogen named after a place ("West Nile virus", "Marburg virus disease", "the
    # Sudan strain", "an outbreak of Ebola") is no place (geo.recognise.DISEASE_WORDS, DISEASE_NOUNS)
    # 37: a place and a date in brackets before a dash, "(Nairobi, February 25, 2020) -", is a dateline
    # (frontlines.stages.dateline_spans, which every stage reads; events.when had learnt it alone in v130)
    # 38: one name, one sense in an article: a known name the recogniser labelled a person, organisation or product
    # where it is too small to overrule the label is a place when the article names it as one elsewhere
    # 39: a live blog's time stamp that the recogniser swept into an entity ("11:20 Kharkiv" as a person, "09:15
    # Zaporizhzhia" as a percentage) made that label, not the name after it
    # 40: containers decide recognition too: a known town the recogniser took for a person, organisation or product,
    # too small to overrule the label, is a place when the article names the first-order division it lies in ("In
    # Zaporizhzhia Oblast, Russian forces attacked Orikhiv"); a number after a name is no part of a person's name
    # 41: a known name and the known place it lies in, run together as one entity ("Robotyne in Zaporizhzhia Oblast"),
    # are found apart; a kind word is no part of a name to look up alone ("Mayikengo village" is no place "Village")
    # 42: a known name longer than the person entity inside it ("Debre Markos", "Markos" alone tagged a person) is a place
    # 43: (branch places6) a word that is also a state's dotted short form ("a Catholic Mass" for "Mass.") is no place
    # written without its period and not after a town's comma ("Worcester, Mass." stays; geo.recognise.PlaceLexicon.dotted)
    # 44: (branch places6) a country's name held in a longer name the gazetteer lacks ("New Guinea", "Little Haiti") places
    # it nowhere, neither at the country nor at a namesake of its name; a direction before it ("northern Syria") still
    # names a part of it (geo.variants, split from geo.resolve)
    # 45: (branch places6) a name in quotes between a person's given name and surname is a nickname, no place
    # (Ismael "El Mayo" Zambada went to County Mayo; geo.recognise._nickname)
    # 46: (branch places6) a name a verb of bombardment is done to ("Stepanakert was shelled", "shelled Stepanakert") is a
    # place whatever the label, though too small to overrule it (geo.verbs.bombarded)
    # 55: (branch geo8) a name written with "River" whose places, found without that word, are all towns ("Wei River"
    # -> Weifang, "River Wye" -> Wye, Kent) is a river the gazetteer lacks, placed as a local feature at the story's
    # town (geo.items._river_unknown)
    # 56: (branch geo8) a local feature whose name holds a town of the story after its first word ("Wadi Derna",
    # "University of Louisville Hospital") is placed at that town, not at the nearest town named before it
    # (geo.context.place_feature)
    # 57: (branch geo8) what a town's possessive owns ("Chicago's Pilsen neighbourhood", "the city's East Side", "the
    # capital's Tanghin district") is a district or feature of that town: a small place of that name more than 100 km
    # away is no namesake meant (Plzeň), and a feature after the possessive is placed at the owner
    # (geo.context.owned_far, _owner)
    # 58: (branch geo8) a name written with "the" that only a small town (below 50,000) bears, far (over 100 km) from
    # every other town of the story and in none of their countries, is a river, region or feature the gazetteer lacks
    # ("along the Ganges" is not Ganges, British Columbia), placed as a local feature; not where the name modifies a
    # noun ("the Bentiu camp") (geo.coherence.far_partials, _article_town)
    # 59: (branch geo8) a country whose name is also a given name, tagged a person ("Jordan vaccinated children
    # ..."), is the country where the article names two or more places in it (geo.recognise._named_again,
    # COUNTRY_NAMED_PLACES)
    # 60: (branch places8) a name the gazetteer lacks ending in an Arabic "-ah" is looked up with "-a" ("Hodeidah"
    # is "Hodeida") (geo.variants.name_variants)
    # 65: (branch geo9) a first-order division that is one town by its kind ("Capital district", "Special city",
    # "Municipality" of a city) is labelled by that town's name: "Jakarta Raya" -> "Jakarta", "Seoul-teukbyeolsi" ->
    # "Seoul", "Gəncə" -> "Ganja", "Distrito Capital de Bogotá" -> "Bogotá D.C." (geo.sources._name_by_seat; schema 10)
    # 66: (branch geo9) a name in the possessive before a government noun ("Abiy's government", "Abiy's forces") that
    # only a small place bears (below 100,000, no country or division) is a person's, no place (geo.owners)
    # 67: (branch geo9) a small town (below 50,000) of a country the story names nowhere else, over 500 km from every
    # place of a story about one country (80% of its other places, at least 3), is a village or river of the story the
    # gazetteer lacks, no place ("Nodin and Soro" in Burkina Faso went to Soro, Odisha;
    # geo.coherence.stray_namesakes)
    # 68: (branch geo9) 67's names are placed as local features at the story's town, not dropped (no place lost
    # partial names, "Wadi Derna", "High Atlas", that geo.coherence.far_partials places so)
    # 69: main with branches places8 (60) and geo9 (65-68) merged (thirteenth session)
    # 70: (branch places9) in a text without capitals, a town of some size (>= 5,000) in a noun's role, a verb's
    # object or a noun's modifier ("retake kidal", "hit izmail port"), is a place; an armed group's name never is
    # ("wagner fighters") (geo.recognise._scan_lower)
    # 75: (branch geo10) admin1 labels as analysts write them: a division GeoNames lists first-order under a region
    # it lacks labels its places ("Duhok", not "Iqlīm Kūrdistān"), a label ending in Natural Earth's English name
    # after kind or seat words is that name ("Abuja Federal Capital Territory" -> "Federal Capital Territory")
    # (geo.sources._first_order_as_geonames, _label_by_natural_earth; gazetteer schema 11)
    # 76: (branch geo10) in a story that names divisions but no town, a place bearing only a part of a name and lying in
    # none of them ("Vila" of "Vila Sônia", Andorra; "Paulista" of "Avenida Paulista", Pernambuco, in a São Paulo state
    # story) is a local feature, placed at the division the story names, at its precision
    # (geo.coherence.far_partials, _outside_all; geo.context._feature_in_division)
    # 80: main with branches places9 (70) and geo10 (75-76) merged (fourteenth session)
    # 85: (branch geo11) places in Ukraine also bear the Latin forms of their Russian (Cyrillic) GeoNames names
    # (geo.romanise.russian_forms, geo.sources._with_russian_forms; gazetteer schema 12)
    # 86: (branch places10) a place with a point but no first-order division (an island, heights, a region) takes
    # the division whose admin-1 shape holds its point, or lies within 40 km of it (geo.shapes.with_shape_division)
    # 87: (branch places10) a region takes 86's division only when its point lies outside every shape of its country (an
    # island offshore, heights the simplified shapes leave out): "Darfur", "Mindanao" inside a shape may span several
    # 90: (branch geo12) question marks left for characters lost in transcoding before a word ("in the area of
    # ??Kupyansk") are parsed as spaces, not sentence ends (nlp.lost, read by nlp.casing.parse_input)
    # 91: (branch geo12) a word of a Title Case Headline that the gazetteer knows and that is no English word (not in
    # the lemmatizer's word index) keeps its capital whatever the lower-case reading takes it for ("Capture
    # Selydove", read as a verb; nlp.english, nlp.casing._names)
    # 92: (branch geo12) a headline's passive without its auxiliary ("Dobropillia Shelled, Five Killed"): the subject of
    # a bombardment verb that has no object is what was shelled, a place though small and first in its sentence
    # (geo.verbs.bombarded)
    # 93: (branch geo12) "the Kiev region of Donetsk": a division's kind word followed by "of" and a city (100,000 or
    # more) makes the name one of the city's districts, named after a place elsewhere, placed at the city (and the
    # city is the city, not its region); not where the name is also a place in the city's region (geo.districts)
    # 94: (branch geo12) an English word of a Title Case Headline that the gazetteer knows only as a small place (no
    # division or curated place, under 5,000 people: "Near Bus Station", Buus) is lowered unless the line's lower-case
    # reading makes it a proper noun (nlp.casing._small_place_word)
    # 95: main with branches places10 (86-87) and geo12 (90-94) merged (fifteenth session)
    # 95 (on branch geovirus2, not main's 95): (branch geovirus2) a name listed among three or more first-order divisions (or countries) of one country, 75% of
    # the list, is one of them ("..., Utah, Washington and Wisconsin"; "Manitoba, Ontario and New Brunswick") (geo.lists)
    # 97: (branch geovirus2) a name known only by a part that names a first-order division of a country where no other
    # place of the story lies ("West Midlands" -> Midlands, Zimbabwe; "Central Plateau" -> Plateau, Nigeria, in a Haiti
    # story) is a region of the story the gazetteer lacks, placed as a local feature (geo.coherence.far_partials)
    # 98: main (95) with branch geovirus2 (95, 97) merged (fifteenth session)
    # 99: (branch places11) a kind word that says a name is no town ("the Barak river", "Mugi district") does not shield
    # the small foreign namesake of 67 (geo.coherence.stray_namesakes, other_kind)
    # 100: (branch places11) in the third pass, a division is no nearer the story than the city of its name inside it
    # (50,000 or more): "The enemy struck Zaporizhzhia" in a story of the oblast's villages is the city, as the
    # eponym penalty says; "Zaporizhzhia region" keeps the oblast (geo.eponyms.no_nearer_than_its_town)
    # 101: (branch places11) a release's own line of place and full date under its heading, with no dash ("PRESS
    # RELEASE\nJuba, 7 March 2025"), is a dateline (stages.dateline_spans)
    # 102: (branch places11) 100 leaves alone a name written as a division: after a comma ("near Chervonopopivka
    # village, Luhansk") or before a division's kind word ("a kharkiv-region town") (geo.eponyms.written_as_division)
    # 104: (branch ucdp2) an occupier's armed forces named in the text ("Russian troops shelled Volchansk") vote
    # for the land it occupies in a registered war, not for its home country (geo.theatres; actors states.yaml)
    # 105: main (102, places11) with branch ucdp2 (104) merged (sixteenth session)
    # 106: (branch geo12, seventeenth session) a local feature in a sentence that names no town before it is placed at
    # the town the story names first outside a dateline, not the last one named before it (geo.context.place_feature,
    # story_town); a
    # name ending in a feature's head word ("Grant Park", "Eden Park") whose place is a village (under 10,000) more
    # than 25 km from every city (100,000 or more) of the story is that city's feature (geo.featurenames)
    # 107: (branch geo13, eighteenth session) two small namesakes of one foreign country, named bare in a one-country
    # story that names that country nowhere, do not vouch for each other: both are strays (geo.coherence.stray_namesakes)
    # 108: (branch geo13) a town's name opening the name of a site that stands in it ("at Dhaka University", "stormed
    # Kabul University") is a place, not only part of an organisation's name (geo.metonymy.site_named_after)
    # 109: (branch geo13) a country's capital is found by its name spelled without accents, else by its city's alternate
    # names (Bogotá, Yaoundé, Lomé, Brasília, Asunción, Astana ...: 24 countries had no capital flagged; geo.sources)
    # 110: (lead, eighteenth session) a name written with the place it lies near ("the village of Andriivka south of
    # Bakhmut", "Andriivka, a village 10 km south of Bakhmut", "X near Y") is narrowed, at every mention, to its
    # namesakes within reach of that place's candidates (geo.neighbours)
    # 111: main (110, lead) with branch geo13 (107-109) merged (eighteenth session)
    writes="places",
    reads=(),
    run=extract_places,
    # the curated places, stop-lists and postal layer (built into the gazetteer), and the armed
    # groups the recogniser never takes for towns, and the admin-1 shapes (geo.shapes; an install without them, no
    # `make web`, records a version of its own)
    data_files=(data_file("places"), data_file("actors", "groups.yaml"), data_file("actors", "states.yaml"),
                shapes_dir_default()),
)

__all__ = ["STAGE", "extract_places", "prepare_places", "resolve_spans", "SPAN_KEY"]
