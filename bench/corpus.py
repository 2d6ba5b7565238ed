"""A synthetic but realistic conflict-news corpus for the speed benchmarks.

    .venv/bin/python bench/corpus.py OUT_DIR [--n 5000] [--shard-size 500] [--format jsonl|parquet]

Articles are recombined from the sentences of ``samples/articles/*`` (the
project's own written samples; never from ../shared/eval): each article takes
a run of sentences from several samples, with place names, people, numbers,
weekdays and dates varied, so that the parser and every stage meet the kind
of text they meet in production (quotes, claims, casualty figures, places,
relative dates), not a repeated template. Article length follows the samples
(about 150-450 words). The same seed gives the same corpus.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "articles"

# Names the samples use, each mapped to a pool of real names of the same kind, so that a
# substituted sentence stays plausible ("shelled Kupiansk" -> "shelled Orikhiv").
SETTLEMENTS = [
    "Kharkiv", "Izium", "Balakliia", "Kupiansk", "Bakhmut", "Andriivka", "Klishchiivka", "Avdiivka",
    "Kramatorsk", "Vovchansk", "Kherson", "Nova Kakhovka", "Lyman", "Sloviansk", "Pokrovsk", "Orikhiv",
    "Robotyne", "Chasiv Yar", "Toretsk", "Vuhledar", "Marinka", "Siversk", "Kostiantynivka", "Huliaipole",
    "Nikopol", "Mykolaiv", "Sumy", "Chernihiv", "Odesa", "Kryvyi Rih",
    "Svatove", "Kreminna", "Tokmak", "Melitopol", "Berdiansk", "Mariupol", "Horlivka",
]
OTHER_PLACES = [
    "Khartoum", "Omdurman", "El Fasher", "Nyala", "Wad Madani", "Goma", "Bunagana", "Rutshuru",
    "Khan Younis", "Rafah", "Jabalia", "Deir al-Balah", "Djibo", "Kaya", "Barsalogho", "Myawaddy",
    "Lashio", "Sittwe",
]
PEOPLE = [
    "Oleksandr Syrskyi", "Hanna Maliar", "Valery Zaluzhny", "Igor Konashenkov", "Yevgeny Prigozhin",
    "Oleh Syniehubov", "Vitaliy Kim", "Pavlo Kyrylenko", "Andriy Yermak", "Serhiy Lysak",
    "Yuriy Ihnat", "Natalia Humeniuk", "Sergei Shoigu", "Dmitry Peskov", "Denis Pushilin",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
OUTLETS = ["Eastern Europe Wire", "Levant Times", "Sahel Monitor", "Frontline Daily", "Black Sea Post",
           "Nile Dispatch", "Great Lakes Report", "Steppe Observer"]

_SENT_SPLIT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“A-Z])")
_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})*\b(?![-/]\d)")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
_MONTH_DAY = re.compile(r"\b(" + "|".join(MONTHS) + r") (\d{1,2})\b")
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+, [A-Z][a-z]{2,4}\.? \d{1,2} (?:-|–|—) ")


def sample_sentences(root: Path = SAMPLES) -> list[str]:
    """English sentences of the sample articles, read with the project's own readers."""
    from frontlines.ingest.language import detect_language
    from frontlines.ingest.normalise import normalise_text
    from frontlines.ingest.readers import RawDoc, read_path

    out: list[str] = []
    seen: set[str] = set()
    for path in sorted(root.iterdir()):
        for item in read_path(path, max_bytes=5_000_000):
            if not isinstance(item, RawDoc):
                continue
            text = normalise_text(item.text)
            if (item.language or detect_language(text)) not in ("en", None):
                continue
            for para in text.split("\n"):
                para = _DATELINE.sub("", para.strip())
                for sent in _SENT_SPLIT.split(para):
                    sent = sent.strip()
                    if 6 <= len(sent.split()) <= 80 and sent not in seen:
                        seen.add(sent)
                        out.append(sent)
    return out


def _swap_names(sent: str, names: list[str], rng: random.Random) -> str:
    for name in names:
        if name in sent:
            sent = sent.replace(name, rng.choice(names))
    return sent


def vary(sent: str, rng: random.Random) -> str:
    """One sentence with places, people, numbers, weekdays and dates varied."""
    sent = _swap_names(sent, SETTLEMENTS, rng)
    sent = _swap_names(sent, OTHER_PLACES, rng)
    sent = _swap_names(sent, PEOPLE, rng)

    def number(m: re.Match[str]) -> str:
        value = int(m.group(0).replace(",", ""))
        if 1900 <= value <= 2100:  # a year: keep it a year
            return str(rng.randint(2021, 2025))
        new = max(1, int(value * rng.uniform(0.4, 2.5))) if value > 1 else value
        return f"{new:,}" if new >= 10_000 else str(new)

    sent = _NUMBER.sub(number, sent)
    sent = _WEEKDAY.sub(lambda m: rng.choice(WEEKDAYS), sent)
    sent = _MONTH_DAY.sub(lambda m: f"{rng.choice(MONTHS)} {rng.randint(1, 28)}", sent)
    return sent


def generate(n: int, *, seed: int = 7, sentences: list[str] | None = None) -> Iterator[dict[str, str]]:
    """``n`` articles as dicts with text, title, url, published, source (distinct texts)."""
    pool = sentences if sentences is not None else sample_sentences()
    if not pool:
        raise ValueError(f"no sentences found under {SAMPLES}")
    rng = random.Random(seed)
    start = dt.date(2022, 3, 1)
    for i in range(n):
        paragraphs = []
        words = 0
        target = rng.randint(150, 450)
        while words < target:
            # A paragraph is a short run of consecutive sample sentences (they belong together),
            # starting anywhere in the pool.
            at = rng.randrange(len(pool))
            para = [vary(s, rng) for s in pool[at : at + rng.randint(1, 3)]]
            paragraphs.append(" ".join(para))
            words += sum(len(s.split()) for s in para)
        published = start + dt.timedelta(days=rng.randrange(1000))
        place = rng.choice(SETTLEMENTS + OTHER_PLACES)
        yield {
            "title": f"{rng.choice(['Fighting', 'Strikes', 'Shelling', 'Advance', 'Talks', 'Evacuation'])} "
                     f"near {place} (report {i})",
            "text": "\n\n".join(paragraphs),
            "url": f"https://example.org/bench/{published.isoformat()}/{i}",
            "published": published.isoformat(),
            "source": rng.choice(OUTLETS),
        }


def write_shards(out: Path, n: int, *, shard_size: int = 500, fmt: str = "jsonl", seed: int = 7) -> list[Path]:
    """Write the corpus as shard files (JSONL or Parquet, ``shard_size`` articles each)."""
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    rows = list(generate(n, seed=seed))
    for k, lo in enumerate(range(0, n, shard_size)):
        part = rows[lo : lo + shard_size]
        if fmt == "jsonl":
            path = out / f"shard-{k:05d}.jsonl"
            path.write_text("".join(json.dumps(r) + "\n" for r in part), encoding="utf-8")
        elif fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            path = out / f"shard-{k:05d}.parquet"
            pq.write_table(pa.Table.from_pylist(part), path)
        else:
            raise ValueError(f"format {fmt!r}: jsonl or parquet")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--shard-size", type=int, default=500)
    ap.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    paths = write_shards(args.out, args.n, shard_size=args.shard_size, fmt=args.format, seed=args.seed)
    sys.stdout.write(f"{args.n} articles in {len(paths)} {args.format} shards under {args.out}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
