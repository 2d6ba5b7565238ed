"""Build control.jsonl (the `frontlines eval` control file) from articles/*.md and facts.yaml.

Articles keep the order of their file names (the order they are ingested in,
newest-first for several stories on purpose). Run from anywhere:

    python corpus/control/build.py
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


def _article(path: Path) -> dict:
    _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
    meta = yaml.safe_load(head)
    return {"id": meta["id"], "task": "control", "kind": "article", "title": meta.get("title"),
            "published": str(meta["published"]), "source": meta.get("source"), "text": body.strip()}


def _iso(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def build() -> list[dict]:
    """Every line of the control file: articles, then settlements, then facts."""
    data = yaml.safe_load((HERE / "facts.yaml").read_text(encoding="utf-8"))
    lines = [_article(p) for p in sorted((HERE / "articles").glob("*.md"))]
    for ident, s in data["settlements"].items():
        lines.append({"id": ident, "task": "control", "kind": "settlement", **s})
    for f in data["facts"]:
        lines.append({"id": f"{f['settlement']}@{_iso(f['date'])}", "task": "control", "kind": "fact",
                      **{k: _iso(v) if k == "date" else v for k, v in f.items()}})
    return lines


if __name__ == "__main__":
    out = HERE / "control.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        for line in build():
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
