"""Build the geo gold files (FORMAT.md, task "geo") from places.txt and refs.tsv.

    python corpus/places/build.py

Two parts, built alike: places.txt (everyday news, ids p-NNN) -> places-tune/check.jsonl, and
health.txt (global health and disaster news, ids h-NNN, tenth session) -> health-tune/check.jsonl.
places.txt holds the paragraphs, each under a header ``## id published topic country``, with
every gold toponym marked inline as ``[surface|ref]`` (``[surface]`` when the ref is the surface):
``ref`` is a key of refs.tsv (the frozen gazetteer resolution, see resolve_refs.py), ``~ref``
for a local feature (a street, hospital, bridge ...: the gold point is the place named by the
ref, the geonameid null) and ``@lat,lon`` for a point given outright. The markup is stripped
and the offsets computed here, never by hand. A paragraph goes to the tune half when
int(sha256(id).hexdigest(), 16) % 5 < 3, else to the check half (the rule of corpus/notes).
Output is deterministic: paragraphs keep their order, keys are sorted.
"""

from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # corpus/: the builds' shared part
from buildlib import duplicate_ids, iso, write_halves  # noqa: E402

HERE = Path(__file__).resolve().parent
REFS = HERE / "refs.tsv"
PARTS = ("places", "health")  # source NAME.txt -> NAME-tune.jsonl, NAME-check.jsonl

HEADER = re.compile(r"^## ([ph]-\d{3}) (\d{4}-\d{2}-\d{2}) (\w+) ([A-Z]{3})$")
MARK = re.compile(r"\[([^\]|]+)(?:\|([^\]]*))?\]")
TOPICS = {"local", "crime", "disease", "disaster", "politics"}


def load_refs(path: Path) -> dict[str, tuple[str | None, float, float]]:
    """refs.tsv as {ref: (geonameid or None, lat, lon)}."""
    refs = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        ref, gid, lat, lon = line.split("\t")[:4]
        refs[ref] = (gid or None, float(lat), float(lon))
    return refs


def point(ref: str, refs: dict[str, tuple[str | None, float, float]]) -> tuple[str | None, float, float] | None:
    """(geonameid, lat, lon) of a marked toponym's ref, None when refs.tsv lacks it."""
    feature = ref.startswith("~")
    ref = ref.lstrip("~")
    if ref.startswith("@"):
        lat, lon = (float(x) for x in ref[1:].split(","))
        return None, lat, lon
    if ref not in refs:
        return None
    gid, lat, lon = refs[ref]
    return (None if feature else gid), lat, lon


def parse(text: str, refs: dict[str, tuple[str | None, float, float]]) -> tuple[list[dict], list[str]]:
    """The gold documents of places.txt and the problems found."""
    docs: list[dict] = []
    errs: list[str] = []
    for block in re.split(r"\n(?=## )", text.strip()):
        head, _, body = block.partition("\n")
        m = HEADER.match(head)
        if not m:
            errs.append(f"bad header {head!r}")
            continue
        doc_id, published, topic, _country = m.groups()
        marked = body.strip()
        if "\n" in marked or topic not in TOPICS:
            errs.append(f"{doc_id}: one paragraph and a known topic")
        plain: list[str] = []
        toponyms = []
        pos = 0
        for mark in MARK.finditer(marked):
            plain.append(marked[pos:mark.start()])
            start = sum(len(p) for p in plain)
            surface = mark.group(1)
            plain.append(surface)
            found = point(mark.group(2) or surface, refs)
            if found is None:
                errs.append(f"{doc_id}: no ref for {mark.group(0)}")
                found = (None, 0.0, 0.0)
            gid, lat, lon = found
            toponyms.append({"start": start, "end": start + len(surface), "text": surface,
                             "lat": lat, "lon": lon, "geonameid": gid})
            pos = mark.end()
        plain.append(marked[pos:])
        out = "".join(plain)
        if "[" in out or "]" in out or "|" in out:
            errs.append(f"{doc_id}: markup left in the text")
        sentences = len(re.findall(r"[.!?](?:\s|$)", out))
        if not 2 <= sentences <= 5:
            errs.append(f"{doc_id}: {sentences} sentences (2-5 wanted)")
        for t in toponyms:
            if out[t["start"]:t["end"]] != t["text"]:
                errs.append(f"{doc_id}: offsets of {t['text']!r}")
        docs.append({"id": doc_id, "task": "geo", "text": out, "title": None, "published": iso(published),
                     "source": "frontlines-places", "gold": {"toponyms": toponyms}, "_topic": topic})
    errs += duplicate_ids([d["id"] for d in docs])
    return docs, errs


def main() -> int:
    """Check each part's source, write its two halves, print counts per topic."""
    refs = load_refs(REFS)
    for part in PARTS:
        docs, errs = parse((HERE / f"{part}.txt").read_text(encoding="utf-8"), refs)
        if errs:
            print("\n".join(errs), file=sys.stderr)
            return 1
        print(f"{part}.txt:")
        summarise(docs)
        write_halves(docs, HERE / f"{part}-tune.jsonl", HERE / f"{part}-check.jsonl")
    return 0


def summarise(docs: list[dict]) -> None:
    """Print a part's counts (and drop the topic field the output does not carry)."""
    topics = collections.Counter(d.pop("_topic") for d in docs)
    toponyms = [t for d in docs for t in d["gold"]["toponyms"]]
    features = sum(1 for t in toponyms if t["geonameid"] is None)
    print(f"{len(docs)} paragraphs, {len(toponyms)} toponyms ({features} local features or given points)")
    print("topics: " + ", ".join(f"{k} {v}" for k, v in sorted(topics.items())))


if __name__ == "__main__":
    sys.exit(main())
