"""What the builds of the project's one-event-per-document gold sets share (corpus/notes,
corpus/headlines): ACLED's event and sub-event names, the fixed tune/check split, ISO dates,
the duplicate-id check and the deterministic writing of the two halves.

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # corpus/
    from buildlib import EVENT_TYPES, is_tune, iso, write_halves
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

EVENT_TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    },
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    },
}


def iso(value: object) -> str:
    """A YAML date or an ISO string, as an ISO date."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return dt.date.fromisoformat(str(value)).isoformat()


def is_tune(doc_id: str) -> bool:
    """The fixed split: tune when int(sha256(id), 16) % 5 < 3 (about 60%), else check."""
    return int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), 16) % 5 < 3


def duplicate_ids(ids: list[object]) -> list[str]:
    """Errors for ids used more than once (none, or one line naming them)."""
    dupes = sorted({str(i) for i in ids if ids.count(i) > 1})
    return [f"duplicate ids: {', '.join(dupes)}"] if dupes else []


def write_halves(docs: list[dict], tune: Path, check: Path) -> None:
    """Write each gold document to its half, in order, one sorted-key JSON object a line."""
    halves: dict[Path, list[dict]] = {tune: [], check: []}
    for doc in docs:
        halves[tune if is_tune(doc["id"]) else check].append(doc)
    for path, rows in halves.items():
        with path.open("w", encoding="utf-8", newline="\n") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
        print(f"{path.name}: {len(rows)} documents")
