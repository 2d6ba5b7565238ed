"""Force used on a protest, told after the protest, is that protest's intervention (ACLED's codebook).

ACLED codes a demonstration that an armed or security force disperses, arrests or attacks without lethal
harm as one event, "Protest with intervention", and one where the force kills or maims the protesters as
"Excessive force against protesters": the protest and the force used on it are one happening. A story
often tells the protest, then the force in a sentence of its own ("On Wednesday, thousands of people marched
through Port-au-Prince to demand that the authorities do more ... Police fired tear gas to disperse
demonstrators who approached the prime minister's office"). The later mention, typed as an intervention
from its own words, joins the protest told within the two sentences before it when no place or day of
their own tells them apart, and the protest takes the intervention's sub-type; its actor stays the
protesters (ACLED's actor 1), never the force. Protests in other towns
("In Ramallah ... In Beirut ... In Amman") have places of their own and stay apart.
"""

from __future__ import annotations

from frontlines.events.coreference import places_compatible, times_compatible
from frontlines.events.draft import Draft, absorb, live
from frontlines.records import EventStatus

_INTERVENTIONS = frozenset({"Protest with intervention", "Excessive force against protesters"})
_GATHERINGS = frozenset({None, "Peaceful protest", "Protest with intervention"})
_REACH = 2  # sentences: the force told in the next sentence or the one after


def _own_place(d: Draft) -> bool:
    return d.place is not None and "place" not in d.inherited


def merge_interventions(drafts: list[Draft]) -> None:
    """Join force used on protesters, told after a protest of the same place and day, to that protest."""
    for k, d in enumerate(drafts):
        if d.dropped or d.typing.plover != "PROTEST" or d.typing.acled_sub not in _INTERVENTIONS:
            continue
        if d.realis.status is not EventStatus.HAPPENED:
            continue
        earlier = [live(e) for e in drafts[:k] if 0 < d.sent_idx - e.sent_idx <= _REACH]
        protests = [e for e in earlier if e is not d and not e.dropped and e.typing.plover == "PROTEST"
                    and e.typing.acled_sub in _GATHERINGS and e.realis.status is EventStatus.HAPPENED
                    and times_compatible(e.time, d.time)
                    and (not _own_place(d) or not _own_place(e) or places_compatible(e.place, d.place))]
        if not protests:
            continue
        keep = max(protests, key=lambda e: e.sent_idx)
        typing, protesters = d.typing, keep.sources
        absorb(keep, d)
        keep.typing = typing
        keep.sources = protesters  # the protest's actor is its protesters, not the force that broke it up
