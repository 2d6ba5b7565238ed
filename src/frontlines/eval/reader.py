"""Read gold files in the JSON Lines format of ../shared/eval/FORMAT.md.

One document a line: ``{"id", "task", "text", "title", "published", "source", "gold"}``;
a control file (docs/eval-control.md) mixes articles, settlements and dated facts.
Character offsets are Python string indices into ``text``, end exclusive. A bad
line raises :class:`EvalError` (E801) naming ``file:line``; an unknown task E802.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard

from frontlines.errors import EvalError

TASKS = ("geo", "time", "quotes", "events", "event_type", "control")

# The list in ``gold`` each task scores, and whether its items carry start/end offsets.
_GOLD_LIST = {"geo": "toponyms", "time": "timexes", "quotes": "quotes", "events": "events"}
_SPANNED = {"geo", "time", "quotes"}
SCHEMES = ("acled", "plover")


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldDoc:
    """One gold document: its text, reference date and the task's gold annotations."""

    id: str
    task: str
    text: str
    gold: dict[str, Any]
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    origin: str = ""  # file:line, for messages


def read_gold(path: str | Path, *, limit: int | None = None) -> list[GoldDoc]:
    """Read and validate a gold JSONL file; every document must be of one task.

    ``limit`` keeps the first N documents (for quick runs). Raises EvalError E801
    for an unreadable file or a bad line, E802 for an unknown task.
    """
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise EvalError(f"{path}: {exc.strerror or exc}") from exc
    docs: list[GoldDoc] = []
    with handle:
        try:
            for lineno, line in enumerate(handle, start=1):
                if limit is not None and len(docs) >= limit:
                    break
                if not line.strip():
                    continue
                doc = parse_line(line, origin=f"{path}:{lineno}")
                if docs and doc.task != docs[0].task:
                    raise EvalError(
                        f"{doc.origin}: task {doc.task!r} differs from the file's first document ({docs[0].task!r})"
                    )
                docs.append(doc)
        except UnicodeDecodeError as exc:
            raise EvalError(f"{path}: not UTF-8 ({exc.reason})") from exc
    if not docs:
        raise EvalError(f"{path}: no documents")
    return docs


def parse_line(line: str, *, origin: str = "<line>") -> GoldDoc:
    """Parse and check one JSONL line of a gold file."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise EvalError(f"{origin}: malformed JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(data, dict):
        raise EvalError(f"{origin}: a line must be a JSON object")
    for key in ("id", "task"):
        if key not in data:
            raise EvalError(f"{origin}: missing key {key!r}")
    if data["task"] == "control":
        return _control_line(data, origin)
    for key in ("text", "gold"):
        if key not in data:
            raise EvalError(f"{origin}: missing key {key!r}")
    task, text, gold = data["task"], data["text"], data["gold"]
    if task not in TASKS:
        raise EvalError(f"{origin}: unknown task {task!r} (one of {', '.join(TASKS)})", code="E802")
    if not isinstance(text, str):
        raise EvalError(f"{origin}: 'text' must be a string")
    if not isinstance(gold, dict):
        raise EvalError(f"{origin}: 'gold' must be an object")
    published = _parse_date(data.get("published"), origin, "published")
    _check_gold(task, text, gold, origin)
    return GoldDoc(
        id=str(data["id"]),
        task=task,
        text=text,
        gold=gold,
        title=data.get("title"),
        published=published,
        source=data.get("source"),
        origin=origin,
    )


def _control_line(data: dict[str, Any], origin: str) -> GoldDoc:
    """A control line (docs/eval-control.md): an article, a settlement or a dated fact; ``gold`` keeps its fields."""
    from frontlines.eval.control import check_line

    check_line(data, origin)
    published = _parse_date(data.get("published"), origin, "published")
    return GoldDoc(id=str(data["id"]), task="control", text=data.get("text") or "", gold=data,
                   title=data.get("title"), published=published, source=data.get("source"), origin=origin)


def _parse_date(value: Any, origin: str, name: str) -> dt.date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise EvalError(f"{origin}: {name!r} must be an ISO date string or null")
    try:
        # A DCT may carry a time of day ("1998-02-06T22:19:00"): the date part is the reference date.
        return dt.date.fromisoformat(value[:10])
    except ValueError as exc:
        raise EvalError(f"{origin}: bad {name} date {value!r}") from exc


def _check_gold(task: str, text: str, gold: dict[str, Any], origin: str) -> None:
    if task == "event_type":
        label, scheme = gold.get("label"), gold.get("scheme")
        if not isinstance(label, str) or not label:
            raise EvalError(f"{origin}: gold.label must be a non-empty string")
        if scheme not in SCHEMES:
            raise EvalError(f"{origin}: gold.scheme must be one of {', '.join(SCHEMES)}, not {scheme!r}")
        return
    key = _GOLD_LIST[task]
    items = gold.get(key)
    if not isinstance(items, list):
        raise EvalError(f"{origin}: gold.{key} must be a list")
    for n, item in enumerate(items):
        where = f"{origin}: gold.{key}[{n}]"
        if not isinstance(item, dict):
            raise EvalError(f"{where} must be an object")
        if task in _SPANNED:
            start, end = item.get("start"), item.get("end")
            if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool):
                raise EvalError(f"{where}: start/end must be integers")
            if not 0 <= start <= end <= len(text):
                raise EvalError(f"{where}: span {start}..{end} outside the text (length {len(text)})")
            if "text" in item and item["text"] is not None and text[start:end] != item["text"]:
                raise EvalError(f"{where}: text[{start}:{end}] is {text[start:end]!r}, gold says {item['text']!r}")
        if task == "geo":
            lat, lon = item.get("lat"), item.get("lon")
            if (lat is None) != (lon is None):
                raise EvalError(f"{where}: lat and lon must both be given or both be null")
            if lat is not None and not (_is_num(lat) and _is_num(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
                raise EvalError(f"{where}: bad coordinates {lat!r}, {lon!r}")
        elif task == "time":
            if not isinstance(item.get("type"), str):
                raise EvalError(f"{where}: type must be a string (DATE, TIME, DURATION, SET)")
        elif task == "events":
            _parse_date(item.get("date"), where, "date")
            _parse_date(item.get("date_end"), where, "date_end")
            lat, lon = item.get("lat"), item.get("lon")
            if lat is not None and not (_is_num(lat) and _is_num(lon)):
                raise EvalError(f"{where}: bad coordinates {lat!r}, {lon!r}")


def _is_num(value: Any) -> TypeGuard[float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
