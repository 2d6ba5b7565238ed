"""Derive the packaged postal-code layer from a GeoNames postal dump.

Usage: python tools/build_postal_layer.py SRC [--out PATH] [--source TEXT]

SRC is a GeoNames postal-code dump (``UA.txt`` from download.geonames.org/export/zip,
12 tab-separated columns). Writes one line per place (name, admin1 and point; the
postal codes of one place merged) with its romanised name and other spellings to
``src/frontlines/data/places/postal-<CC>.tsv.gz``. Then run
``frontlines gazetteer build --force``. The layer is GeoNames data under CC BY 4.0:
keep ``src/frontlines/data/places/NOTICE-geonames-postal.md`` in step with the source.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    from frontlines.errors import FrontlinesError
    from frontlines.geo import postal, sources

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("src", type=Path, help="GeoNames postal dump (UA.txt)")
    ap.add_argument("--out", type=Path, default=None, help="layer file (default: the package's postal-<CC>.tsv.gz)")
    ap.add_argument("--source", default=None, help="provenance written in the layer's header")
    args = ap.parse_args()
    try:
        contents = sources.read_dump(args.src)
    except FrontlinesError as exc:
        print(exc, file=sys.stderr)
        return 1
    if contents.format != "postal":
        print(f"{args.src}: a GeoNames country dump, not a postal-code dump", file=sys.stderr)
        return 1
    for bad in contents.bad:
        print(f"{args.src}:{bad.line}: skipped: {bad.reason}", file=sys.stderr)
    places = postal.derive_places(contents.rows)
    countries = sorted({p.country for p in places})
    out = args.out or ROOT / "src" / "frontlines" / "data" / "places" / f"postal-{'-'.join(countries)}.tsv.gz"
    source = args.source or f"GeoNames postal codes ({args.src.name}), www.geonames.org, CC BY 4.0"
    postal.write_layer(places, out, source=source)
    names = sum(1 + len(p.names) for p in places)
    print(f"{len(contents.rows)} rows -> {len(places)} places, {names} names; wrote {out} "
          f"({out.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
