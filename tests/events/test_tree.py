"""events.tree: the Doc's tree read once by index must answer as spaCy's Tokens do; events.docindex's lookups on it."""

from __future__ import annotations

from typing import Any

import pytest

from frontlines.events.docindex import DocIndex
from frontlines.events.tree import doc_tree

TEXTS = [
    "Russian forces shelled Kherson on Monday, killing two civilians, the regional governor said.",
    "Drones and a missile hit the port of Odesa overnight; air defences shot down most of them.",
    "KYIV (Reuters) - Ukraine said on Tuesday it had retaken the village of Robotyne.\n\nFighting continues.",
    "The army, which had not been seen in the town since 2021, withdrew.  Residents fled   to Goma.",
    "Protesters gathered in Nairobi to demand the release of the detained activists!",
]


@pytest.mark.parametrize("text", TEXTS)
def test_tree_answers_as_the_tokens(nlp: Any, text: str) -> None:
    doc = nlp(text)
    tree = doc_tree(doc)
    assert tree.head == [t.head.i for t in doc]
    assert tree.dep == [t.dep_ for t in doc]
    assert tree.pos == [t.pos_ for t in doc]
    assert list(tree.lower) == [t.lower_ for t in doc]
    for t in doc:
        assert tree.children(t.i) == [c.i for c in t.children]
    assert doc_tree(doc) is tree  # read once per Doc


def test_a_sentence_root_is_not_its_own_child(nlp: Any) -> None:
    doc = nlp("Troops withdrew. Shelling resumed.")
    tree = doc_tree(doc)
    roots = [t.i for t in doc if t.head.i == t.i]
    assert len(roots) == 2
    for r in roots:
        assert r not in tree.children(r)
        assert tree.children(r)  # each root has its subject and its full stop


def test_in_sentence_keeps_the_records_order_and_numbers(nlp: Any) -> None:
    doc = nlp("Shelling hit Kherson. Drones struck Odesa and Kyiv.")
    toks = {t.text: t for t in doc}
    sents = list(doc.sents)
    ordered = DocIndex(actor_at={}, places=[("K", toks["Kherson"]), ("O", toks["Odesa"]), ("Ky", toks["Kyiv"])],
                       times=[], quantities=[])
    assert [(k, r) for k, r, _ in ordered.in_sentence("places", sents[0])] == [(0, "K")]
    assert [(k, r) for k, r, _ in ordered.in_sentence("places", sents[1])] == [(1, "O"), (2, "Ky")]
    unordered = DocIndex(actor_at={}, places=[("Ky", toks["Kyiv"]), ("K", toks["Kherson"]), ("O", toks["Odesa"])],
                         times=[], quantities=[])
    assert [(k, r) for k, r, _ in unordered.in_sentence("places", sents[1])] == [(0, "Ky"), (2, "O")]
    assert unordered.in_sentence("places", sents[0])[0][:2] == (1, "K")


def test_above_is_the_ancestors(nlp: Any) -> None:
    doc = nlp("Officials said Russian forces shelled the town of Kupiansk overnight.")
    index = DocIndex(actor_at={}, places=[], times=[], quantities=[])
    for t in doc:
        assert index.above(t) == {a.i for a in t.ancestors}
