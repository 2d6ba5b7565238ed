"""Actors: people, forces, governments, groups and outlets.

The stage turns every mention into a :class:`frontlines.records.Actor` (canonical name, kind,
country, sector, side, role words, registry id, and ``coref``: the canonical name of the first
full mention a later mention refers to). Known actors come from the registry
(:mod:`frontlines.actors.registry`, injected as ``Resources.actors``); see
:mod:`frontlines.actors.mentions` for how unknown ones get their attributes from context.
"""

from frontlines.actors.mentions import extract_mentions, to_actors
from frontlines.actors.registry import ActorRegistry
from frontlines.records import Actor
from frontlines.stages import Stage, StageInput, data_file


def extract_actors(inp: StageInput) -> tuple[Actor, ...]:
    """Every actor mention of the article, in text order.

    Reads Places (``inp.outputs["places"]``) so that toponyms are never taken for people and
    metonymic places ("Kyiv's troops") give the government they stand for. Without an injected
    registry the stage still finds people and group nouns, with no known entries.
    """
    registry = inp.resources.actors if inp.resources.actors is not None else ActorRegistry()
    places = inp.outputs.get("places", ())
    mentions = extract_mentions(inp.doc, registry, places, inp.article.published)
    return to_actors(inp.doc, inp.article.id, mentions)


STAGE = Stage(
    name="actors.mentions",
    code_version="9",  # 2: a weapon model's name ("Iskander missiles") is no actor; 3: "the junta" is a government;
    # 4: doers named by what they do (rioters, looters, a mob, militiamen, attackers, assailants, kidnappers, abductors)
    # 5: a weapon's word the NER took for a name ("Missiles launched from Belgorod hit Kharkiv", tagged PERSON) is no actor
    # 6: no word of a dateline is part of an actor ("NAIROBI, Aug 9 (Reuters) - Ethiopia's military": the military)
    # 7: a state's body presented as known is an actor with no modifier ("the government said", "the army imposed")
    # 8: datelines in brackets ("(Nairobi, February 25, 2020) -") are datelines too (frontlines.stages)
    # 9: a bare rebel group ("the rebels" near "M23") takes its neighbour's side, not its country as a state's side
    writes="actors",
    reads=("places",),
    run=extract_actors,
    data_files=(data_file("actors"),),  # the packaged registry and its lexicon
)
