"""Precomputed tallies behind the charts (materialized views from migration 0005).

Writes to engagements, their countries, topics or participants mark the tallies stale (a statement
trigger). Pages only read them: a refresh (about a second on 100,000 engagements) runs in the Celery
task meetings.refresh_tallies, queued once after a burst of writes (services.tallies_refresh_soon) and
on the beat schedule, so pages show the tallies as of their last refresh (tallies_state).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from django.db import connection, transaction

VIEWS = [
    "meetings_country_year",
    "meetings_country_topic_year",
    "meetings_official_tally",
    "meetings_dyad_summary",
    "meetings_month_tally",
    "meetings_month_facet_tally",
    "meetings_engagement_facet",
]
# Pages say "as of <time>" when waiting writes are older than this.
LAG_SHOWN = datetime.timedelta(minutes=1)
UNDATED_YEAR = 0
UNDATED_MONTH = datetime.date(1, 1, 1)


Refresh = Literal["refreshed", "fresh", "busy"]


def aggregates_refresh(*, force: bool = False, concurrently: bool = True) -> Refresh:
    """Refresh every tally if stale (or when forced): "refreshed"; "fresh" when nothing was stale;
    "busy" when a writer or another refresh holds the state row (try again shortly). Not `concurrently`
    is faster after a bulk load but makes readers of the tallies wait for it."""
    with transaction.atomic(), connection.cursor() as cursor:
        # Writers hold this row until they commit; skipping it means their rows are not visible yet anyway.
        cursor.execute("SELECT stale FROM meetings_aggregate_state WHERE id = 1 FOR UPDATE SKIP LOCKED")
        row = cursor.fetchone()
        if row is None:
            return "busy"
        if not (row[0] or force):
            return "fresh"
        for view in VIEWS:
            cursor.execute(f"REFRESH MATERIALIZED VIEW {'CONCURRENTLY ' if concurrently else ''}{view}")
        cursor.execute("UPDATE meetings_aggregate_state SET stale = false, refreshed = now() WHERE id = 1")
    return "refreshed"


@dataclass(frozen=True)
class TalliesState:
    stale: bool
    refreshed: datetime.datetime | None

    def behind(self, *, now: datetime.datetime, after: datetime.timedelta = LAG_SHOWN) -> bool:
        """Records were written since the last refresh, and that refresh is older than ``after``."""
        return self.stale and (self.refreshed is None or now - self.refreshed > after)


def tallies_state() -> TalliesState:
    """Whether writes are waiting for a refresh, and when the last one ran (a plain read)."""
    (stale, refreshed) = _rows("SELECT stale, refreshed FROM meetings_aggregate_state WHERE id = 1", [])[0]
    return TalliesState(stale=stale, refreshed=refreshed)


def _rows(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def partner_years(*, code: str) -> dict[str, dict[int, int]]:
    """{partner code: {year: engagements with this state}} for every partner of the state."""
    result: dict[str, dict[int, int]] = defaultdict(dict)
    sql = (
        "SELECT partner, year, SUM(n)::int FROM meetings_country_year "
        "WHERE country = %s AND partner <> '' GROUP BY partner, year"
    )
    for partner, year, n in _rows(sql, [code]):
        result[partner][year] = n
    return dict(result)


def kind_years(*, code: str, partner: str = "") -> dict[str, dict[int, int]]:
    """{kind: {year: n}} for a state (partner '') or a pair."""
    result: dict[str, dict[int, int]] = defaultdict(dict)
    sql = "SELECT kind, year, n FROM meetings_country_year WHERE country = %s AND partner = %s"
    for kind, year, n in _rows(sql, [code, partner]):
        result[kind][year] = n
    return dict(result)


def topic_years(*, code: str, partner: str = "") -> dict[int, dict[int, int]]:
    """{topic id: {year: n}} for a state (partner '') or a pair."""
    result: dict[int, dict[int, int]] = defaultdict(dict)
    sql = "SELECT topic_id, year, n FROM meetings_country_topic_year WHERE country = %s AND partner = %s"
    for topic_id, year, n in _rows(sql, [code, partner]):
        result[topic_id][year] = n
    return dict(result)


def top_officials(*, code: str, partner: str = "", limit: int = 10) -> list[tuple[int, int]]:
    """[(official id, engagements)] of the officials representing a state (towards one partner), busiest first."""
    sql = (
        "SELECT official_id, n FROM meetings_official_tally WHERE country = %s AND partner = %s "
        "ORDER BY n DESC, official_id LIMIT %s"
    )
    return [(official_id, n) for official_id, n in _rows(sql, [code, partner, limit])]


@dataclass(frozen=True)
class DyadSummary:
    first: datetime.date
    latest: datetime.date
    gap_days: int | None
    gap_from: datetime.date | None
    gap_to: datetime.date | None


def dyad_summary(*, a: str, b: str) -> DyadSummary | None:
    """First and latest dated contact of a pair and its longest silence; None when never in contact."""
    low, high = sorted([a, b])
    sql = (
        "SELECT first, latest, gap_days, gap_from, gap_to FROM meetings_dyad_summary "
        "WHERE country = %s AND partner = %s"
    )
    rows = _rows(sql, [low, high])
    return DyadSummary(*rows[0]) if rows else None


def network_edges(
    *, topic_id: int | None = None, year_from: int | None = None, year_to: int | None = None, at_least: int = 1
):
    """[(a, b, engagements)] for every pair with a < b and at least that many engagements, heaviest first,
    optionally for one topic and years."""
    table = "meetings_country_topic_year" if topic_id else "meetings_country_year"
    where, params = ["partner <> ''", "country < partner"], []
    if topic_id:
        where.append("topic_id = %s")
        params.append(topic_id)
    if year_from:
        where.append("year >= %s")
        params.append(year_from)
    if year_to:
        where.append("year BETWEEN 1 AND %s")
        params.append(year_to)
    sql = (
        f"SELECT country, partner, SUM(n)::int AS total FROM {table} WHERE {' AND '.join(where)} "
        "GROUP BY country, partner HAVING SUM(n) >= %s ORDER BY total DESC, country, partner"
    )
    return _rows(sql, [*params, at_least])


def month_counts() -> dict[datetime.date | None, int]:
    """{first of month (None: undated): engagements} over every non-rejected engagement."""
    sql = "SELECT month, n FROM meetings_month_tally"
    return {None if month == UNDATED_MONTH else month: n for month, n in _rows(sql, [])}


def month_counts_faceted(
    *,
    countries: list[str],
    partner: str | None = None,
    kind: str | None = None,
    topic: str | None = None,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> dict[datetime.date | None, int]:
    """{first of month (None: undated): engagements} with any of `countries`, the partner, the type, the
    topic (slug) and in the date range, each optional; read from one narrow row per engagement."""
    where: list[str] = []
    params: list[object] = []
    if countries:
        where.append("f.countries && %s::varchar[]")
        params.append(list(countries))
    if partner:
        where.append("f.countries @> ARRAY[%s]::varchar[]")
        params.append(partner)
    if kind:
        where.append("f.kind = %s")
        params.append(kind)
    if topic:
        where.append("f.topics @> ARRAY(SELECT id FROM meetings_topic WHERE slug = %s)")
        params.append(topic)
    if since:
        where.append("f.date >= %s")
        params.append(since)
    if until:
        where.append("f.date <= %s")
        params.append(until)
    sql = "SELECT f.month, COUNT(*)::int FROM meetings_engagement_facet f"
    sql += (" WHERE " + " AND ".join(where) if where else "") + " GROUP BY f.month"
    return {None if month == UNDATED_MONTH else month: n for month, n in _rows(sql, params)}


def country_totals() -> dict[str, int]:
    """{country code: engagements} for every state with at least one."""
    sql = "SELECT country, SUM(n)::int FROM meetings_country_year WHERE partner = '' GROUP BY country"
    return dict(_rows(sql, []))


def month_counts_for(*, country: str = "", topic: str = "") -> dict[datetime.date | None, int]:
    """{first of month (None: undated): engagements} of one state and/or one topic (slug)."""
    sql = (
        "SELECT f.month, f.n FROM meetings_month_facet_tally f "
        "LEFT JOIN meetings_topic t ON t.id = f.topic_id "
        "WHERE f.country = %s AND (CASE WHEN %s = '' THEN f.topic_id = 0 ELSE t.slug = %s END)"
    )
    return {None if month == UNDATED_MONTH else month: n for month, n in _rows(sql, [country, topic, topic])}
