"""Building the gazetteer file: from packaged data (:mod:`frontlines.geo.sources`, the postal
layer of :mod:`frontlines.geo.postal`), from a user's GeoNames dump, and on first use.

Above :mod:`frontlines.geo.gazetteer` (which reads and writes the file format) and the
readers: none of them imports this module.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontlines.geo import postal, sources
from frontlines.geo.entries import BadLine, Entry
from frontlines.geo.gazetteer import (
    REBUILD_HINT,
    SCHEMA_VERSION,
    Gazetteer,
    _stored_meta,
    _write,
    source_fingerprint,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportReport:
    """What ``frontlines gazetteer import`` did with a dump."""

    format: str  # "geonames" (country or allCountries dump) or "postal" (postal-code dump)
    rows: int  # good lines read
    added: int  # new places
    merged: int  # places already in the gazetteer that gained names (postal dumps)
    bad: tuple[BadLine, ...]


def load_gazetteer(path: Path) -> Gazetteer:
    """Open the gazetteer file at ``path``, building it from packaged data first if missing.

    A file built from older packaged data or an older schema is a stale cache: it is rebuilt,
    unless it holds a user's GeoNames import or custom entries (they would be lost); then, as
    for a corrupt file, opening it raises GeoError (E301) naming the rebuild command.
    """
    path = Path(path)
    if not path.exists():
        build_gazetteer(path)
        return Gazetteer(path)
    meta = _stored_meta(path)
    stale = bool(meta) and (meta.get("schema") != SCHEMA_VERSION or meta.get("fingerprint") != source_fingerprint())
    if stale and meta.get("imported", "0") != "1":
        build_gazetteer(path)
    return Gazetteer(path)


def build_gazetteer(
    path: Path, *, extra: Iterable[Entry] = (), curated_dir: Path | None = None, postal: Sequence[Any] = (),
) -> Path:
    """Build the gazetteer file at ``path`` from packaged data (replacing any file there).

    ``extra`` adds entries (a GeoNames dump import); ``postal`` adds the places of imported
    postal dumps (:class:`frontlines.geo.postal.PostalPlace`), merged like the packaged
    postal layer; ``curated_dir`` overrides the packaged curated folder (tests).
    """
    _build(Path(path), list(extra), curated_dir, list(postal))
    return Path(path)


def _build(path: Path, extra: list[Entry], curated_dir: Path | None, postal_places: list[Any]) -> list[Any]:
    """Build the file; returns the imported postal places that merged into an existing place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # one temporary file per process: parallel test workers may build at the same time
    tmp = path.with_name(f"{path.name}.{os.getpid()}.building")
    tmp.unlink(missing_ok=True)
    entries, aliases = sources.packaged_entries(curated_dir)
    merged: list[Any] = []
    if postal_places:
        result = postal.merge_postal(
            [*entries, *extra], postal_places, source=postal.IMPORT_SOURCE, codes=sources.admin1_codes())
        entries, extra, merged = result.entries, [], result.merged
    demonyms = sources.read_demonyms(curated_dir)
    packaged = curated_dir is None and not extra and not postal_places  # only these may be rebuilt automatically
    meta = {"postal_imports": postal.layer_bytes(postal_places, source="imported")} if postal_places else {}
    try:
        _write(tmp, [*entries, *extra], aliases, demonyms,
               fingerprint=source_fingerprint() if packaged else "", imported=not packaged, extra_meta=meta)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return merged


def import_geonames(path: Path, dump: Path) -> ImportReport:
    """Add the places of a GeoNames dump to the gazetteer at ``path``: a country dump
    (``UA.txt``, ``allCountries.zip``: 19 columns) or a postal-code dump (``UA.txt`` from
    ``export/zip``: 12 columns), told apart by their columns.

    Rebuilds the file with the packaged data, the places of earlier imports, and every
    P (populated place) and A (division) row of a country dump, or every place of a postal
    dump (merged into a place already there when it is the same one). Lines that cannot be
    read are skipped and listed in the report; GeoError E302 when the file is no dump at all.
    """
    contents = sources.read_dump(dump)
    imported, imported_postal = _previous_imports(Path(path))
    if contents.format == "postal":
        known = set(imported_postal)
        fresh = [p for p in postal.derive_places(contents.rows) if p not in known]
        merged = set(_build(Path(path), imported, None, [*imported_postal, *fresh])) if contents.rows else set()
        n_merged = sum(1 for p in fresh if p in merged)
        return ImportReport(format="postal", rows=len(contents.rows), added=len(fresh) - n_merged,
                            merged=n_merged, bad=contents.bad)
    existing = {e.gid for e in imported}
    new = [e for e in contents.entries if e.gid not in existing]
    if contents.entries:
        _build(Path(path), [*new, *imported], None, imported_postal)
    return ImportReport(format="geonames", rows=len(contents.entries), added=len({e.gid for e in new}), merged=0,
                        bad=contents.bad)


def _previous_imports(path: Path) -> tuple[list[Entry], list[Any]]:
    """The entries of earlier country-dump imports and the places of earlier postal imports."""
    if not path.exists():
        return [], []
    gaz = Gazetteer(path)
    try:
        imported = [
            _entry_from_row(row)
            for row in gaz._conn.execute(
                "SELECT gid, name, kind, lat, lon, country, admin1, admin1_gid, admin2_gid, population,"
                " capital, metonym, source, (SELECT group_concat(key, char(10)) FROM names WHERE place = places.rowid)"
                " FROM places WHERE source = 'import'"
            )
        ]
        blob = gaz._conn.execute("SELECT v FROM meta WHERE k = 'postal_imports'").fetchone()
    finally:
        gaz.close()
    # the places of earlier postal imports live in the file itself: damage there is a damaged gazetteer
    places = postal.parse_layer(bytes(blob[0]), origin=f"{path} (earlier postal imports)", hint=REBUILD_HINT,
                                code="E301") if blob else []
    return imported, places


def _entry_from_row(row: Sequence[Any]) -> Entry:
    return Entry(
        gid=row[0], name=row[1], kind=row[2], lat=row[3], lon=row[4], country=row[5], admin1=row[6],
        admin1_gid=row[7], admin2_gid=row[8], population=row[9], capital=bool(row[10]), metonym=bool(row[11]),
        source=row[12], names=tuple((row[13] or "").split("\n")),
    )
