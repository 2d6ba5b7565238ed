"""Cue words for attribution: verbs of saying and believing, in their inflected forms.

Direct quotes are attributed by word form (the small spaCy model often mis-tags a cue after a
quotation, "one popular far-right channel claims"), indirect ones by lemma over the parse.
"""

from __future__ import annotations

# lemma -> irregular forms; regular forms (-s, -ed, -ing) are generated
_SPEECH = {
    "say": ("said", "says", "saying"), "tell": ("told", "tells", "telling"), "write": ("wrote", "written"),
    "add": (), "claim": (), "state": (), "announce": (), "insist": (), "argue": (), "note": (), "explain": (),
    "warn": (), "ask": (), "reply": ("replied", "replies"), "respond": (), "tweet": (), "post": (),
    "continue": (), "recall": (), "declare": (), "stress": ("stresses",), "remark": (), "observe": (),
    "conclude": (), "admit": ("admitted", "admitting"), "acknowledge": (), "concede": (), "complain": (),
    "wonder": (), "exclaim": (), "shout": (), "quip": ("quipped", "quipping"), "joke": (), "report": (),
    "confirm": (), "deny": ("denied", "denies"), "assert": (), "allege": (), "maintain": (), "emphasise": (),
    "emphasize": (), "predict": (), "promise": (), "vow": (), "threaten": (), "urge": (), "plead": (),
    "suggest": (), "describe": (), "write_": (), "mutter": (), "boast": (), "yell": (), "scream": (),
    "testify": ("testified", "testifies"), "reiterate": (), "proclaim": (), "pledge": (), "counter": (),
    "retort": (), "recount": (), "agree": (), "demand": (), "hint": (), "cry": ("cried", "cries"),
}
# verbs whose clause (ccomp) is an attributed claim or belief
_INDIRECT_EXTRA = (
    "think", "believe", "feel", "know", "hope", "fear", "expect", "worry", "estimate", "show", "find", "reveal",
    "indicate", "accuse", "detail", "disclose", "figure", "imply", "contend", "guess", "reckon", "doubt",
    "suspect", "assume", "understand", "learn", "hear", "realize", "realise", "recognize", "recognise",
    "mean", "signal", "prove", "demonstrate", "insist", "acknowledge", "predict", "forecast", "speculate",
    "caution", "add", "read", "assure", "inform", "notify", "remind", "convince", "persuade", "decide",
    "determine", "rule", "order", "propose", "recommend", "contend", "imagine", "consider", "see", "want",
)


def _forms(lemma: str, irregular: tuple[str, ...]) -> set[str]:
    forms = {lemma, *irregular}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    return forms


SPEECH_LEMMAS = frozenset(k for k in _SPEECH if not k.endswith("_"))
SPEECH_FORMS: frozenset[str] = frozenset(f for k, v in _SPEECH.items() if not k.endswith("_") for f in _forms(k, v))
INDIRECT_LEMMAS = SPEECH_LEMMAS | frozenset(_INDIRECT_EXTRA)
# "X is believed to be ...": raising verbs that attribute a clause to an unnamed source
RAISING_LEMMAS = frozenset({"believe", "think", "expect", "say", "report", "estimate", "understand", "know",
                            "rumour", "rumor", "claim", "allege", "fear", "suspect", "consider", "reckon"})
# verbs whose direct object is the attributed content ("reports have detailed widespread arrests")
OBJECT_CONTENT_LEMMAS = frozenset({"detail", "describe", "report", "announce", "confirm", "deny", "claim",
                                   "allege", "reveal", "acknowledge", "admit", "cite", "predict", "promise",
                                   "threaten", "demand", "propose", "recommend", "show", "disclose",
                                   "criticize", "criticise", "praise", "condemn", "blame", "reject", "welcome",
                                   "dismiss", "mention", "discuss", "endorse", "question", "defend", "oppose",
                                   "accuse", "call", "urge"})
# verbs whose infinitive complement is what the source said it wants or will do ("vowed to retake")
XCOMP_CONTENT_LEMMAS = frozenset({"vow", "promise", "threaten", "pledge", "want", "plan", "hope", "refuse",
                                  "urge", "call", "ask", "demand", "intend", "decline", "offer", "warn"})
# cue forms that imply their medium
IMPLIED_MEDIUM = {"tweet": "Twitter", "tweeted": "Twitter", "tweets": "Twitter", "tweeting": "Twitter"}
PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "it", "who", "which", "that"})
