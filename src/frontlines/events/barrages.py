"""A strike told with no means of its own is done with the means the article tells its attacks from afar with.

ACLED decides a remote attack's sub-type by its means: missiles, rockets and guns are a shelling, artillery or
missile attack, aircraft and drones an air or drone strike. A story names its barrage's weapons once ("Russia
launched 70 missiles and 145 drones at Ukraine", "the attack was carried out with Vilkha rockets") and then
calls its hits "strikes" ("a series of strikes on an industrial facility overnight", "A massive strike on
Belgorod"). The strike's own sentence names no means, and the coder gives a bare strike the air strike it most
often is (events.coder, ``refine: strike``); the article's other attacks, typed by the weapons their own
sentences name, tell the means instead when they agree on it. When they disagree (air strikes and rockets,
both sides firing) or name none, the strike keeps its sentence's reading.

Pure functions over the drafts of one article and the event lexicon; no state.
"""

from __future__ import annotations

from dataclasses import replace

from frontlines.events.draft import Draft
from frontlines.events.lexicon import EventLexicon
from frontlines.events.means import AIR, SHELLING, first_named, read_in_order

_REMOTE_MEANS = frozenset({AIR, SHELLING})


def _names_a_means(d: Draft, lex: EventLexicon) -> bool:
    """The draft's sentence names a weapon or an aircraft itself."""
    words = read_in_order(d.sent)
    if first_named(words, lex.cues["aircraft"]) is not None:
        return True
    return any(first_named(words, cueset) is not None for _sub, cueset in lex.weapons)


def _bare_strike(d: Draft, lex: EventLexicon) -> bool:
    """A strike typed an air strike by default: its trigger is the bare "strike", its sentence names no means."""
    return (d.trigger.spec.refine == "strike" and d.typing.plover == "ASSAULT" and d.typing.acled_sub == AIR
            and not _names_a_means(d, lex))


def barrage_means(drafts: list[Draft], lex: EventLexicon) -> None:
    """A bare strike takes the means the article's other remote attacks agree on (module docstring): when every
    attack from afar whose own sentence names its weapon is a shelling, artillery or missile attack, so is the
    strike."""
    bare = [d for d in drafts if _bare_strike(d, lex)]
    if not bare:
        return
    told = {d.typing.acled_sub for d in drafts
            if d.typing.plover == "ASSAULT" and d.typing.acled_sub in _REMOTE_MEANS and not any(d is b for b in bare)
            and _names_a_means(d, lex)}
    if told != {SHELLING}:
        return
    for d in bare:
        d.typing = replace(d.typing, acled_sub=SHELLING)  # the same event type (Explosions/Remote violence)
