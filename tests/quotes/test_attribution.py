"""The quotes stage: tables of (text, expected quotes), bad input, and the attribution helper."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from frontlines.quotes import attribution_for, find_quote_marks

EXAMPLE = Path(__file__).resolve().parents[2].parent / "shared" / "examples" / "kherson-withdrawal-2022-11-09.md"
FIXTURE = Path(__file__).parent.parent / "fixtures" / "quotes" / "frontline-report.md"


def _summary(quotes):
    return [(q.direct, q.speaker.name if q.speaker else None, q.cue, q.medium) for q in quotes]


# (text, [(content starts with, direct, speaker name, cue, medium)])
CASES = [
    ("“We will hold the city,” Olena Marchenko said.",
     [("We will hold", True, "Olena Marchenko", "said", None)]),
    ("Olena Marchenko said: “We will hold the city.”",
     [("We will hold", True, "Olena Marchenko", "said", None)]),
    ('"We will hold the city," said Olena Marchenko, a local journalist.',
     [("We will hold", True, "Olena Marchenko", "said", None)]),
    ("“The enemy is retreating,” Mykhailo Podolyak said in a statement to Reuters.",
     [("The enemy", True, "Mykhailo Podolyak", "said", "statement to Reuters")]),
    ("In a televised statement, General Sergey Surovikin said that the retreat is needed.",
     [("that the retreat", False, "Sergey Surovikin", "said", "televised statement")]),
    ("Olena Marchenko wrote on Telegram that the bridge was destroyed.",
     [("that the bridge", False, "Olena Marchenko", "wrote", "Telegram")]),
    ("According to the Ukrainian General Staff, Russian forces lost 40 tanks.",
     [("Russian forces lost", False, "General Staff of the Armed Forces of Ukraine", "according to", None)]),
    ("The governor claims the dam was blown up overnight.",
     [("the dam was blown", False, "The governor", "claims", None)]),
    ("He was killed in what authorities say was a car crash.",
     [("was a car crash", False, "authorities", "say", None)]),
    ("An estimated 40,000 soldiers are believed to be in the area.",
     [("An estimated 40,000", False, None, "believed", None)]),
    ("Reports from the city have detailed widespread arrests and torture.",
     [("widespread arrests", False, "Reports", "detailed", None)]),
    # a quote continued after its attribution, and one split over paragraphs
    ("“Do not celebrate yet,” one popular channel claims. “We will return.”",
     [("Do not celebrate", True, "one popular channel", "claims", None),
      ("We will return", True, "one popular channel", "claims", None)]),
    ("Olena Marchenko said: “The first paragraph of my statement goes on\n\n“and the second one ends it.”",
     [("The first paragraph", True, "Olena Marchenko", "said", None),
      ("and the second", True, "Olena Marchenko", "said", None)]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_quotes(run_stages, text, expected) -> None:
    quotes = run_stages(text)["quotes"]
    got = [(q.content[: len(e[0])], q.direct, q.speaker.name if q.speaker else None, q.cue, q.medium)
           for q, e in zip(quotes, expected)]
    assert got == expected, _summary(quotes)
    assert len(quotes) == len(expected), _summary(quotes)


@pytest.mark.parametrize(
    "text",
    [
        "“This opening mark never closes and nothing may be quoted from it.",  # unbalanced
        "The “special military operation” went on.",  # a scare quote
        "The weather was cold and the road was long.",  # nothing to quote
        "",  # empty
        "“” “",  # marks only
        "No group claimed responsibility for the blast that killed 12 in Kabul.",  # nobody said it
        "Nobody has claimed the attack on the convoy.",
    ],
)
def test_no_quote_invented(run_stages, text) -> None:
    assert run_stages(text)["quotes"] == ()


def test_quote_without_speaker_is_kept_without_one(run_stages) -> None:
    quotes = run_stages("The sign on the wall read nothing. “We were never told anything at all about it.”")["quotes"]
    assert [q.speaker for q in quotes] == [None]


def test_nested_quotes_do_not_crash(run_stages) -> None:
    text = "“He told me ‘run, the “shelling” starts soon’ and left,” Olena Marchenko said."
    quotes = run_stages(text)["quotes"]
    assert quotes and quotes[0].speaker is not None and quotes[0].speaker.name == "Olena Marchenko"


def test_pronoun_speaker_resolves(run_stages) -> None:
    text = "Olena Marchenko visited the front. “We will hold the city,” she said."
    (quote,) = run_stages(text)["quotes"]
    assert quote.speaker_text == "she" and quote.speaker.name == "Olena Marchenko"


def test_speaker_evidence_points_at_text(run_stages) -> None:
    text = "“We will hold the city,” Olena Marchenko said."
    (quote,) = run_stages(text)["quotes"]
    ev = quote.speaker_evidence
    assert text[ev.start : ev.end] == "Olena Marchenko"
    assert text[quote.evidence.start : quote.evidence.end] == "“We will hold the city,”"
    assert text[quote.cue_evidence.start : quote.cue_evidence.end] == "said"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“a b” c", [(0, 5, False, False)]),
        ('say "a b" and "c', [(4, 9, False, False)]),  # the last mark is unbalanced
        ("“a b\n\n“c d”", [(0, 4, True, False), (6, 11, False, True)]),  # over a paragraph break
        ("“a “b c”", [(3, 8, False, False)]),  # two openings: the first is dropped
        ("no marks", []),
    ],
)
def test_find_quote_marks(text, expected) -> None:
    assert find_quote_marks(text) == expected


def test_attribution_for(run_stages) -> None:
    text = "He was killed in what authorities say was a car crash. The bridge was closed."
    quotes = run_stages(text)["quotes"]
    crash = text.index("car crash")
    quote = attribution_for(quotes, crash, crash + len("car crash"))
    assert quote is not None and quote.speaker.name == "authorities"
    bridge = text.index("bridge")
    assert attribution_for(quotes, bridge, bridge + 6) is None
    assert attribution_for((), 0, 5) is None


def _body(path: Path) -> tuple[str, dt.date]:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---", 2)
    published = next(line.split(":", 1)[1].strip() for line in front.splitlines() if line.startswith("published"))
    return body, dt.date.fromisoformat(published)


@pytest.mark.skipif(not EXAMPLE.is_file(), reason=f"model article absent: {EXAMPLE}")
def test_model_article_quotes(run_stages) -> None:
    body, day = _body(EXAMPLE)
    quotes = run_stages(body, published=day)["quotes"]
    by_speaker: dict[str, list] = {}
    for q in quotes:
        if q.speaker is not None:
            by_speaker.setdefault(q.speaker.name, []).append(q)
    assert [q.medium for q in by_speaker["Sergey Surovikin"]] == ["televised statement"]
    (podolyak,) = by_speaker["Mykhailo Podolyak"]
    assert podolyak.direct and podolyak.medium == "statement to Reuters"
    assert podolyak.speaker.role == "adviser to President Zelensky"
    channel = [q for q in quotes if q.speaker is not None and "channel" in q.speaker.name]
    assert len(channel) == 2 and all(q.direct and q.medium == "Telegram" for q in channel)
    # claims the events stage must not take for facts
    crash = body.index("car crash")
    assert attribution_for(quotes, crash, crash + 9).speaker.name == "authorities"
    believed = body.index("in the area")
    assert attribution_for(quotes, believed, believed + 11).cue == "believed"


def test_fixture_article_quotes(run_stages) -> None:
    """Always-run twin of the model-article test, on a project-written report."""
    body, day = _body(FIXTURE)
    quotes = run_stages(body, published=day)["quotes"]
    summary = _summary(quotes)
    assert (False, "Valery Gerasimov", "said", "video address") in summary
    assert summary.count((True, "Andriy Yermak", "wrote", "Telegram")) == 2
    assert (False, "Sergei Shoigu", "told", None) in summary
    assert not any("opening mark" in q.content for q in quotes)  # the unbalanced one
    blogger = [q for q in quotes if q.speaker is not None and "blogger" in q.speaker.name]
    assert blogger and blogger[0].cue == "claims"
