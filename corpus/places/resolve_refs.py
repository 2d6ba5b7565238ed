"""Resolve the place references of places.txt against the project's gazetteer (run once, then frozen).

    PYTHONPATH=src .venv/bin/python corpus/places/resolve_refs.py > corpus/places/refs.tsv
    PYTHONPATH=src .venv/bin/python corpus/places/resolve_refs.py --new health.txt  # rows to add

With ``--new SOURCE`` only the references of that source file that refs.tsv lacks are printed (a
new part is added without rewriting the frozen rows).

A reference is ``Name;ISO3;Admin1;kind`` (the last three optional). The candidates are the
gazetteer's entries for Name (GeoNames: cities500, admin1/admin2 and countries), kept to the
country and the admin1 given; a reference with a country prefers a settlement (the town, not the
district named after it), one without prefers a country or a first-order division; among those
left the most populous wins. ``@lat,lon`` references (an island, a feature GeoNames' layers here
lack) are written in places.txt itself and not looked up. refs.tsv is the frozen result:
build.py reads it and never the gazetteer, so a later gazetteer does not move the gold.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from frontlines.config import load_settings
from frontlines.geo.builder import load_gazetteer

MARK = re.compile(r"\[([^\]|]+)(?:\|([^\]]*))?\]")


def main() -> int:
    """Print one refs.tsv row per reference; report the unresolved ones on stderr."""
    here = Path(__file__).resolve().parent
    new = sys.argv[1:2] == ["--new"]
    text = (here / (sys.argv[2] if new else "places.txt")).read_text(encoding="utf-8")
    refs = {(m.group(2) or m.group(1)).lstrip("~") for m in MARK.finditer(text)}
    if new:
        refs -= {line.split("\t", 1)[0] for line in (here / "refs.tsv").read_text(encoding="utf-8").splitlines()}
    gazetteer = load_gazetteer(load_settings().gazetteer_path)
    missing = 0
    for ref in sorted(r for r in refs if not r.startswith("@")):
        name, cc, admin1, kind = (ref.split(";") + [""] * 3)[:4]
        cands = [
            c for c in gazetteer.lookup(name)
            if (not cc or c.country == cc) and (not admin1 or (c.admin1 or "").lower().startswith(admin1.lower()))
        ]
        wanted = {kind} if kind else ({"settlement"} if cc else {"country", "admin1"})
        cands = [c for c in cands if c.kind.value in wanted] or cands
        if not cands:
            print(f"unresolved: {ref}", file=sys.stderr)
            missing += 1
            continue
        c = cands[0]
        gid = c.gid.split(":", 1)[1] if c.gid.startswith("geonames:") else ""
        print(f"{ref}\t{gid}\t{c.lat:.4f}\t{c.lon:.4f}\t{c.name}\t{c.kind.value}\t{c.country}\t{c.admin1 or ''}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
