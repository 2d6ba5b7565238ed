"""Names that own a government ("Moscow's troops", "Abiy's government"): the owner of a state's
government, forces or administration is a state or a person, never a village."""

from __future__ import annotations

from typing import Any

# what a state or its leader owns: a name in the possessive before one of these is a government or a person
GOVT_NOUNS = frozenset("""
troops forces force army military soldiers navy commanders command government officials official
minister ministry president leadership leader leaders regime authorities authority administration
decision position claim claims envoy ambassador spokesman spokeswoman spokesperson diplomats diplomacy
war invasion offensive control policy sanctions response delegation demands demand plan plans
proposal intelligence allies ally annexation occupation propaganda aggression strategy generals
""".split())


def owns_a_government(doc: Any, start: int, end: int) -> bool:
    """The name is written in the possessive before a government noun ("Abiy's government", "Moscow's
    forces"): its owner is a state or a person."""
    if end >= len(doc) - 1 or doc[end].tag_ != "POS":
        return False
    head = doc[end - 1].head if doc[end - 1].dep_ == "poss" else doc[end + 1]
    if head.i <= end:
        head = doc[end + 1]
    return head.lemma_.lower() in GOVT_NOUNS or head.lower_ in GOVT_NOUNS
