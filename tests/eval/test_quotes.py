"""Quote scorer: content overlap rule, speaker matching, direct/indirect split."""

import pytest

from frontlines.eval.quotes import QuoteDocPair, QuotePrediction, content_weight, same_speaker, score_quotes

TEXT = ('"We will not give up Kherson," Volodymyr Zelensky said on Tuesday. '
        'He added that the army would hold the city.')

def _span(sub, text=TEXT):
    start = text.index(sub)
    return start, start + len(sub)


DIRECT = {"start": 1, "end": 28, "text": "We will not give up Kherson", "speaker": "Volodymyr Zelensky",
          "speaker_start": 31, "speaker_end": 49, "cue": "said", "direct": True}
_IS, _IE = _span("the army would hold the city")
INDIRECT = {"start": _IS, "end": _IE, "text": "the army would hold the city", "speaker": "He",
            "speaker_start": _span("He")[0], "speaker_end": _span("He")[1], "cue": "added", "direct": False}


def test_fixture_offsets():
    assert TEXT[DIRECT["start"]:DIRECT["end"]] == DIRECT["text"]
    assert TEXT[DIRECT["speaker_start"]:DIRECT["speaker_end"]] == "Volodymyr Zelensky"
    assert TEXT[INDIRECT["speaker_start"]:INDIRECT["speaker_end"]] == "He"


def pair(gold, pred):
    return QuoteDocPair(doc_id="d", text=TEXT, gold=gold, pred=pred)


@pytest.mark.parametrize(
    ("span", "matches"),
    [
        ((1, 28), True),  # exact
        ((0, 29), True),  # with the quote marks
        ((1, 12), True),  # all of the shorter span (11 chars) lies inside the gold
        ((14, 40), True),  # 14 of 26 chars: more than half of the shorter (the prediction)
        ((20, 50), False),  # 8 of the gold's 27 chars, the shorter: less than half
        ((27, 60), False),  # 1 char
        ((30, 60), False),  # disjoint
    ],
)
def test_overlap_of_half_the_shorter_span(span, matches):
    assert (content_weight(DIRECT, QuotePrediction(start=span[0], end=span[1])) > 0) is matches


@pytest.mark.parametrize(
    ("gold", "pred", "same"),
    [
        ("Volodymyr Zelensky", "Zelensky", True),
        ("Zelensky", "President Volodymyr Zelensky", True),
        ("zelensky", "ZELENSKY", True),
        ("Volodymyr Zelensky", "Sergei Shoigu", False),
        ("Sergei Surovikin", "Gen. Sergei Surovikin", True),
        ("the ministry", "Volodymyr Zelensky", False),
        ("he", "he", True),  # whole name, case-insensitive
        ("Trump's campaign", "Trump", True),
    ],
)
def test_same_speaker(gold, pred, same):
    assert same_speaker(gold, [pred]) is same


def test_pronoun_resolved_by_the_same_mention_counts():
    pred = [QuotePrediction(start=_IS, end=_IE, speaker_name="Volodymyr Zelensky", speaker_text="He",
                            speaker_start=66, speaker_end=68)]
    m = score_quotes([pair([INDIRECT], pred)]).metrics
    assert m["content_f1"] == 1.0 and m["speaker_accuracy"] == 1.0


def test_known_scores_and_direct_split():
    pred = [
        QuotePrediction(start=1, end=28, direct=True, speaker_name="Zelensky"),  # right
        QuotePrediction(start=_IS, end=_IE, direct=False, speaker_name="Sergei Shoigu"),  # wrong speaker
        QuotePrediction(start=50, end=66, direct=True),  # spurious
    ]
    m = score_quotes([pair([DIRECT, INDIRECT], pred)]).metrics
    assert m["content_precision"] == pytest.approx(2 / 3) and m["content_recall"] == 1.0
    assert m["speaker_accuracy"] == 0.5
    assert m["content_precision_direct"] == 0.5 and m["content_recall_direct"] == 1.0
    assert m["speaker_accuracy_direct"] == 1.0 and m["speaker_accuracy_indirect"] == 0.0
    assert m["content_f1_indirect"] == 1.0


def test_gold_without_speaker_is_not_judged_for_speaker():
    gold = [dict(DIRECT, speaker=None, speaker_start=None, speaker_end=None)]
    m = score_quotes([pair(gold, [QuotePrediction(start=1, end=28)])]).metrics
    assert m["content_f1"] == 1.0 and m["speaker_accuracy"] is None


def test_edge_cases():
    assert score_quotes([pair([], [])]).metrics["content_f1"] is None
    m = score_quotes([pair([DIRECT], [])]).metrics
    assert m["content_recall"] == 0.0 and m["speaker_accuracy"] is None
    m = score_quotes([pair([], [QuotePrediction(start=1, end=28)])]).metrics
    assert m["content_precision"] == 0.0
