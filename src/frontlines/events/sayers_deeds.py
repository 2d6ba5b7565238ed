"""The sayer as the doer its own words take up: "The police said they had arrested several suspects", "The Haitian
National Police said it had sent reinforcements", "the armed forces said they had detained 329 people".

A deed told in the clause of a saying whose doer is a third-person pronoun agreeing with the sayer ("it" a body,
"they" a body or plural, "he"/"she" a person: :func:`frontlines.events.speaker_sides.speaker_as_pronoun`) is the
sayer's own deed: the sayer is its doer (ACLED's actor1). A state's armed body is a collective noun taken up by "they" whatever its number ("the police said they
had arrested"). A body named by its kind alone with no nation ("the
police", "the armed forces") is the state forces of the land the deed was done in, as
:func:`frontlines.events.own_forces.own_forces_nation` reads it. A deed with a doer found, a pronoun that
disagrees with the sayer ("the ministry said they had shelled") or a deed told by no one is left as found.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from frontlines.events.speaker_sides import speaker_as_pronoun
from frontlines.events.draft import Draft
from frontlines.events.own_forces import _named_by_kind, armed_state_body
from frontlines.events.roles import DocIndex, agent_tokens
from frontlines.records import Actor, EventStatus
from frontlines.stages import sentence_start

# deeds done in the field (attribution._FIELD_DEEDS); a speech act's own speaker is events.attribution's
_DEEDS = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "AID"})
_TOLD = frozenset({EventStatus.HAPPENED, EventStatus.CLAIMED})


def sayers_own_deeds(drafts: list[Draft], index: DocIndex) -> None:
    """Give a deed with no doer found whose doer is a pronoun taking up its sayer the sayer as its doer."""
    for d in drafts:
        tok = d.realis.attributed_token
        if d.sources or tok is None or d.typing.plover not in _DEEDS or d.realis.status not in _TOLD:
            continue
        speaker = index.actor_at.get(tok.i)
        doers = agent_tokens(d.trigger.head)
        if speaker is None or not (speaker_as_pronoun(doers, tok) or _collective_they(doers, tok, speaker)):
            continue
        nation = speaker.side or speaker.country
        if nation is None and armed_state_body(speaker) and _named_by_kind(tok) and d.place is not None \
                and not d.place.metonymic:
            nation = d.place.country  # "the police": the land's police
        d.sources = (replace(speaker, side=nation, country=nation) if nation else speaker,)


def _collective_they(doers: list[Any], tok: Any, speaker: Actor) -> bool:
    """"they" after a state's armed body in its sentence: "the police", "the army" are taken up as a group."""
    return (len(doers) == 1 and doers[0].lower_ == "they" and doers[0].i > tok.i
            and sentence_start(doers[0]) == sentence_start(tok) and armed_state_body(speaker))
