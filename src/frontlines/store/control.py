"""The store's territorial control changes, one per report (timelines are built in frontlines.control)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Engine, delete, func, insert, or_, select

from frontlines.records import ControlChange, Place
from frontlines.store import schema as t
from frontlines.store.mapping import control_change_row, row_control_change, row_place
from frontlines.store.sql import chunked, escape_like


class ControlChanges:
    """Control changes and the settlements they may cover; a part of :class:`SqlStore`."""

    engine: Engine

    def replace_control_changes(self, article_ids: Sequence[str],
                                changes: Sequence[tuple[str, str, ControlChange]]) -> None:
        """In one transaction: drop the control changes of these articles, store the new ones.

        ``changes``: (article_id, event_key, ControlChange), one per report.
        """
        cc = t.control_changes
        with self.engine.begin() as conn:
            for chunk in chunked(list(article_ids)):
                conn.execute(delete(cc).where(cc.c.article_id.in_(list(chunk))))
            if changes:
                conn.execute(insert(cc), [control_change_row(aid, key, c) for aid, key, c in changes])

    def list_control_changes(self, *, until: dt.date | None = None, region: str | None = None) -> list[ControlChange]:
        """Stored control changes (one per report) dated up to ``until``.

        ``region`` keeps named settlements whose admin1 contains it or whose country is it; area
        statements are always returned (which settlements they cover is decided by the caller).
        """
        cc = t.control_changes
        q = select(cc.c.data)
        if until:
            q = q.where(or_(cc.c.date <= until, cc.c.date.is_(None)))
        if region:
            q = q.where(or_(
                cc.c.area.is_(True),
                cc.c.admin1.ilike(f"%{escape_like(region)}%", escape="\\"),
                cc.c.country == region.upper(),
                cc.c.settlement.ilike(escape_like(region), escape="\\"),
            ))
        q = q.order_by(cc.c.date, cc.c.id)
        with self.engine.connect() as conn:
            return [row_control_change(r.data) for r in conn.execute(q)]

    def control_changes_for_articles(self, article_ids: Sequence[str]) -> list[tuple[str, ControlChange]]:
        """The control changes these articles report, with each one's article id (for alerts)."""
        cc = t.control_changes
        out: list[tuple[str, ControlChange]] = []
        with self.engine.connect() as conn:
            for chunk in chunked(sorted(set(article_ids))):
                q = select(cc.c.article_id, cc.c.data).where(cc.c.article_id.in_(list(chunk))).order_by(cc.c.id)
                out.extend((r.article_id, row_control_change(r.data)) for r in conn.execute(q))
        return out

    def known_settlements(self, *, region: str | None = None) -> list[Place]:
        """One stored Place per settlement (by gazetteer id) that any article mentions, with coordinates."""
        p = t.places
        first = select(func.min(p.c.id)).where(
            p.c.kind == "settlement", p.c.lat.is_not(None), p.c.gazetteer_id.is_not(None)
        )
        if region:
            first = first.where(or_(p.c.admin1.ilike(f"%{escape_like(region)}%", escape="\\"),
                                    p.c.country == region.upper()))
        first = first.group_by(p.c.gazetteer_id)
        with self.engine.connect() as conn:
            rows = conn.execute(select(p.c.data).where(p.c.id.in_(first)).order_by(p.c.gazetteer_id)).all()
        return [row_place(r.data) for r in rows]
