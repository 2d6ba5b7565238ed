"""Score territorial control: who holds each gold settlement on each gold date.

A control gold file (docs/eval-control.md) holds three kinds of line: the
articles to run, the settlements the facts are about (names the pipeline may
use for them, coordinates, and who held each before the file's first report),
and the dated facts ``(settlement, date, side)``. The pipeline's state on a date
is the side of the timeline period in force then; a settlement with no period
yet is held by its ``held_before`` side (the base layer a user starts from).
A fact is right when the two sides agree: a spurious change is as wrong as a
missed one.

Facts and articles fall in a ``tune`` or a ``check`` half by a hash of their id
(:func:`split_of`): rules are written looking at the tune half only, and both
halves are reported.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from frontlines.errors import EvalError
from frontlines.eval.common import Case, Score
from frontlines.incidents.match import haversine_km
from frontlines.records import Article, ControlChange, Place

if TYPE_CHECKING:
    from frontlines.pipeline import Resources

KINDS = ("article", "settlement", "fact")
MATCH_KM = 10.0  # a timeline settlement this close to the gold coordinates is the gold settlement
NOBODY = "none"  # gold side for a place no side holds (never used by the pipeline)


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldSettlement:
    """A settlement the facts are about."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    held_before: str | None = None  # the side holding it before the file's first report


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldFact:
    """Who held a settlement on a date, by the public record."""

    id: str
    settlement: str  # a GoldSettlement id
    date: dt.date
    side: str
    rule: str = ""  # what the fact tests: capture, entry, liberation, towards, repelled, order, denial ...
    note: str = ""


def split_of(identifier: str) -> str:
    """``tune`` for three ids in five, ``check`` for the rest, by a hash of the id (stable, not chosen)."""
    return "tune" if int(hashlib.sha256(identifier.encode("utf-8")).hexdigest(), 16) % 5 < 3 else "check"


def _norm(name: str | None) -> str:
    return " ".join((name or "").lower().replace("’", "'").split())


def matches(settlement: GoldSettlement, place: Place) -> bool:
    """The timeline's place is the gold settlement: by name, alias or spelling, else by coordinates."""
    names = {_norm(settlement.name), *(_norm(a) for a in settlement.aliases)}
    if _norm(place.name) in names or _norm(place.text) in names:
        return True
    if None not in (settlement.lat, settlement.lon, place.lat, place.lon):
        return haversine_km(settlement.lat, settlement.lon, place.lat, place.lon) <= MATCH_KM  # type: ignore[arg-type]
    return False


def side_on(settlement: GoldSettlement, timelines: Mapping[str, Sequence[ControlChange]], date: dt.date) -> tuple[str | None, ControlChange | None]:
    """The side the timelines give the settlement on ``date`` (its ``held_before`` when no period has begun)."""
    current: ControlChange | None = None
    for periods in timelines.values():
        if not periods or not matches(settlement, periods[0].settlement):
            continue
        for period in periods:
            if period.date is not None and period.date <= date and (
                current is None or (current.date is not None and period.date >= current.date)
            ):
                current = period
    return (current.to_side if current else settlement.held_before), current


def score_control(
    facts: Sequence[GoldFact],
    settlements: Mapping[str, GoldSettlement],
    timelines: Mapping[str, Sequence[ControlChange]],
) -> Score:
    """State accuracy over the facts, overall, per half (tune/check) and per rule."""
    right: dict[str, list[bool]] = defaultdict(list)
    cases = []
    for fact in facts:
        settlement = settlements[fact.settlement]
        side, period = side_on(settlement, timelines, fact.date)
        ok = (side or NOBODY) == fact.side
        for key in ("all", split_of(fact.id), f"rule:{fact.rule or 'other'}"):
            right[key].append(ok)
        evidence = [e.text for e in period.evidence] if period else []
        cases.append(Case(
            doc_id=fact.id, loss=0.0 if ok else 1.0,
            text=f"{settlement.name} on {fact.date.isoformat()} ({fact.rule}; {split_of(fact.id)}) {fact.note}".strip(),
            gold=f"side {fact.side}",
            prediction=[f"side {side or NOBODY}"
                        + (f" since {period.date} ({period.status.value})" if period else " (no change reported)"),
                        *evidence],
        ))

    def acc(key: str) -> float | None:
        values = right.get(key, [])
        return sum(values) / len(values) if values else None

    metrics: dict[str, float | int | None] = {
        "state_accuracy": acc("all"),
        "state_accuracy_tune": acc("tune"),
        "state_accuracy_check": acc("check"),
        "facts": len(right["all"]),
        "facts_tune": len(right.get("tune", [])),
        "facts_check": len(right.get("check", [])),
    }
    for key in sorted(k for k in right if k.startswith("rule:")):
        metrics[key] = acc(key)
    return Score(metrics=metrics, cases=tuple(cases))


# --------------------------------------------------------------------------
# Reading the gold lines (GoldDoc.gold holds each line's own fields)
# --------------------------------------------------------------------------

def check_line(data: Mapping[str, object], origin: str) -> None:
    """Validate one control line (kind article, settlement or fact); raises EvalError E801."""
    kind = data.get("kind")
    if kind not in KINDS:
        raise EvalError(f"{origin}: control lines need a kind, one of {', '.join(KINDS)} (got {kind!r})")
    if kind == "article" and not isinstance(data.get("text"), str):
        raise EvalError(f"{origin}: an article needs a 'text' string")
    if kind == "settlement" and not isinstance(data.get("name"), str):
        raise EvalError(f"{origin}: a settlement needs a 'name' string")
    if kind == "fact":
        for key in ("settlement", "date", "side"):
            if not isinstance(data.get(key), str):
                raise EvalError(f"{origin}: a fact needs a {key!r} string")
        try:
            dt.date.fromisoformat(str(data["date"]))
        except ValueError as exc:
            raise EvalError(f"{origin}: bad fact date {data['date']!r}") from exc


def gold_parts(lines: Iterable[tuple[str, Mapping[str, object]]]) -> tuple[dict[str, GoldSettlement], list[GoldFact]]:
    """The settlements and facts of a control file's (id, line) pairs; facts must name known settlements."""
    settlements: dict[str, GoldSettlement] = {}
    facts: list[GoldFact] = []
    for ident, data in lines:
        if data.get("kind") == "settlement":
            settlements[ident] = GoldSettlement(
                id=ident, name=str(data["name"]), aliases=tuple(str(a) for a in data.get("aliases") or ()),  # type: ignore[attr-defined]
                lat=_float(data.get("lat")), lon=_float(data.get("lon")),
                held_before=str(data["held_before"]) if data.get("held_before") else None,
            )
        elif data.get("kind") == "fact":
            facts.append(GoldFact(
                id=ident, settlement=str(data["settlement"]), date=dt.date.fromisoformat(str(data["date"])),
                side=str(data["side"]), rule=str(data.get("rule") or ""), note=str(data.get("note") or ""),
            ))
    for fact in facts:
        if fact.settlement not in settlements:
            raise EvalError(f"fact {fact.id}: unknown settlement {fact.settlement!r}")
    return settlements, facts


def _float(value: object) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def evaluate_control(
    articles: Sequence[Article],
    settlements: Mapping[str, GoldSettlement],
    facts: Sequence[GoldFact],
    resources: Resources,
    *,
    batch_size: int = 64,
    progress: Callable[[int], None] | None = None,
) -> tuple[Score, int]:
    """Run the whole pipeline over the articles (in file order) into a fresh temporary store, build the
    control timelines, and score the facts. Returns the score and the number of failed articles."""
    import tempfile
    from pathlib import Path

    from frontlines.batch.local import InProcess
    from frontlines.control import timelines as store_timelines
    from frontlines.runner import Runner
    from frontlines.store import open_store

    with tempfile.TemporaryDirectory(prefix="frontlines-eval-control-") as tmp:
        store = open_store(str(Path(tmp) / "control.db"))
        try:
            for article in articles:
                store.add_article(article)
            seen = [0]

            def on_progress(done: int, total: int) -> None:
                if progress is not None and done > seen[0]:
                    progress(done - seen[0])
                seen[0] = done

            runner = Runner(store, InProcess(resources=resources), batch_size=batch_size, on_progress=on_progress)
            report = runner.run()
            built = store_timelines(store)
        finally:
            store.close()
    return score_control(facts, settlements, built), report.failed
