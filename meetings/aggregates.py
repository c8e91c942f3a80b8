"""Precomputed tallies behind the charts: tables kept current per changed engagement (migration 0021).

Every statement that writes engagements, their states, topics or participants queues the ids of the
engagements it touched (a statement trigger, committed with the write). Pages only read the tallies; the
Celery task meetings.refresh_tallies, queued once after a burst of writes (services.tallies_refresh_soon)
and on the beat schedule, folds the queued engagements in (aggregates_refresh): each one's contribution as
last counted (kept in meetings_engagement_facet and meetings_tally_side) is taken out of every tally and
its contribution now put in, so the work follows what was written, not the size of the database. Pages show
the tallies as of the last fold (tallies_state). aggregates_rebuild counts everything from the records
again: after a bulk load, and as the repair command `manage.py tallies_rebuild`.

Each tally is defined once, by the rows an engagement contributes to it (CONTRIBUTIONS); the fold sums
them signed (-1 as last counted, +1 as now) and the rebuild sums them over every engagement.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal

from django.db import connection, transaction

from meetings.kinds import ENGAGEMENT_KINDS

# The tallies pages read (names and columns as the materialized views before them had).
TALLIES = [
    "meetings_country_year",
    "meetings_country_topic_year",
    "meetings_official_tally",
    "meetings_dyad_summary",
    "meetings_month_tally",
    "meetings_month_facet_tally",
    "meetings_engagement_facet",
    "meetings_month_states_tally",
    "meetings_official_facet",
]
# What the fold keeps beside them: each engagement's sides as last counted, each pair's dated days.
KEPT = ["meetings_tally_side", "meetings_dyad_day"]
# The tables whose writes queue their engagements (migration 0021's triggers).
QUEUEING = ["meetings_engagement", "meetings_engagement_countries", "meetings_engagement_topics"]
QUEUEING += ["meetings_participation"]
# Pages say "as of <time>" when waiting writes are older than this.
LAG_SHOWN = datetime.timedelta(minutes=1)
UNDATED_YEAR = 0
UNDATED_MONTH = datetime.date(1, 1, 1)

# One row per counted engagement, from the records: the facet tally's columns.
FACTS = """
SELECT e.id AS engagement_id, e.kind, e.date,
       COALESCE(date_trunc('month', e.date)::date, DATE '0001-01-01') AS month,
       COALESCE(c.countries, '{{}}')::varchar[] AS countries, COALESCE(t.topics, '{{}}')::bigint[] AS topics
FROM meetings_engagement e
LEFT JOIN (SELECT engagement_id, array_agg(country_id ORDER BY country_id) AS countries
           FROM meetings_engagement_countries {ids} GROUP BY engagement_id) c ON c.engagement_id = e.id
LEFT JOIN (SELECT engagement_id, array_agg(topic_id ORDER BY topic_id) AS topics
           FROM meetings_engagement_topics {ids} GROUP BY engagement_id) t ON t.engagement_id = e.id
WHERE e.status <> 'rejected' {and_ids}
"""
# Each counted engagement's row of the facet tally once per official taking part ({facts}: the facet's rows).
OFFICIAL_FACETS = """
INSERT INTO meetings_official_facet (official_id, engagement_id, kind, date, month, countries, topics)
SELECT DISTINCT p.official_id, f.engagement_id, f.kind, f.date, f.month, f.countries, f.topics
FROM {facts} f JOIN meetings_participation p ON p.engagement_id = f.engagement_id
"""
# The (state, official) sides of each counted engagement (an official takes part once in an engagement).
SIDES = """
SELECT p.engagement_id, p.country_id AS country, p.official_id
FROM meetings_participation p JOIN meetings_engagement e ON e.id = p.engagement_id
WHERE e.status <> 'rejected' AND p.country_id IS NOT NULL {and_ids}
"""
# The rows each engagement adds to a tally, one per key it is counted under, with its sign: {facts} has
# the facet's columns and `sign`, {sides} the sides' and `sign`. '' as partner (or country) and 0 as topic
# stand for "any"; year 0 and month 0001-01-01 for undated.
YEAR = "COALESCE(EXTRACT(YEAR FROM f.date)::int, 0)"
ANY_OF = "ARRAY['']::varchar[] || f.countries"
CONTRIBUTIONS = {
    # Country page (partners ranked, sparklines), relationship chart (per year by type), network edges.
    "meetings_country_year": (
        ["country", "partner", "year", "kind"],
        f"SELECT a, b, {YEAR}, f.kind, f.sign FROM {{facts}} f, unnest(f.countries) a, unnest({ANY_OF}) b WHERE a <> b",
    ),
    # Country topic mix, relationship topics over time, network filtered by topic.
    "meetings_country_topic_year": (
        ["country", "partner", "topic_id", "year"],
        f"SELECT a, b, topic, {YEAR}, f.sign FROM {{facts}} f, unnest(f.countries) a, unnest({ANY_OF}) b, "
        "unnest(f.topics) topic WHERE a <> b",
    ),
    # Country page (most active officials), relationship page (officials on each side).
    "meetings_official_tally": (
        ["country", "partner", "official_id"],
        f"SELECT s.country, b, s.official_id, s.sign FROM {{sides}} s "
        f"JOIN {{facts}} f ON f.engagement_id = s.engagement_id AND f.sign = s.sign, unnest({ANY_OF}) b "
        "WHERE b <> s.country",
    ),
    # Timeline histogram without filters (month 0001-01-01: undated).
    "meetings_month_tally": (["month"], "SELECT f.month, f.sign FROM {facts} f"),
    # Timeline histogram of one state, one topic, or both.
    "meetings_month_facet_tally": (
        ["month", "country", "topic_id"],
        f"SELECT f.month, c, topic, f.sign FROM {{facts}} f, unnest({ANY_OF}) c, "
        "unnest(ARRAY[0]::bigint[] || f.topics) topic WHERE c <> '' OR topic <> 0",
    ),
    # Timeline histogram of several states, a partner, a type or dates: engagements of one type, month and set
    # of states, filed under each of those states and under '' (any).
    "meetings_month_states_tally": (
        ["country", "kind", "month", "countries"],
        f"SELECT c, f.kind, f.month, f.countries, f.sign FROM {{facts}} f, unnest({ANY_OF}) c",
    ),
    # Each pair's dated engagements per day (country < partner), for its summary.
    "meetings_dyad_day": (
        ["country", "partner", "date"],
        "SELECT a, b, f.date, f.sign FROM {facts} f, unnest(f.countries) a, unnest(f.countries) b "
        "WHERE a < b AND f.date IS NOT NULL",
    ),
}
# Relationship page: first and latest contact and the longest silence (its first occurrence), per pair.
# From the days: a day's first engagement follows the previous day; its others follow it by 0 days.
DYAD_SUMMARY = """
INSERT INTO meetings_dyad_summary (country, partner, first, latest, gap_days, gap_from, gap_to)
WITH days AS (
    SELECT d.country, d.partner, d.date, d.n,
           LAG(d.date) OVER (PARTITION BY d.country, d.partner ORDER BY d.date) AS previous
    FROM meetings_dyad_day d {pairs}
), steps AS (
    SELECT country, partner, previous, date, date - previous AS gap FROM days
    UNION ALL SELECT country, partner, date, date, 0 FROM days WHERE n > 1
)
SELECT country, partner, MIN(date), MAX(date), MAX(gap),
       (ARRAY_AGG(previous ORDER BY gap DESC NULLS LAST, date))[1],
       (ARRAY_AGG(date ORDER BY gap DESC NULLS LAST, date))[1]
FROM steps GROUP BY country, partner
"""
FOLDED_PAIRS = (
    "SELECT DISTINCT a, b FROM tally_fold_facts f, unnest(f.countries) a, unnest(f.countries) b "
    "WHERE a < b AND f.date IS NOT NULL"
)


def _summed(table: str, *, facts: str, sides: str) -> str:
    """The signed sum of every contribution to ``table`` per key, keys whose sum is 0 left out."""
    key, contributions = CONTRIBUTIONS[table]
    columns = ", ".join(key)
    select = contributions.format(facts=facts, sides=sides)
    return (
        f"SELECT {columns}, SUM(sign)::int AS n FROM ({select}) AS c ({columns}, sign) "
        f"GROUP BY {columns} HAVING SUM(sign) <> 0"
    )


Refresh = Literal["refreshed", "fresh", "busy"]


def aggregates_refresh() -> Refresh:
    """Fold the queued engagements into the tallies (all of them, or everything again when a rebuild was
    asked for): "refreshed"; "fresh" when nothing was queued; "busy" when another refresh is running
    (try again shortly)."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT rebuild FROM meetings_aggregate_state WHERE id = 1 FOR UPDATE SKIP LOCKED")
        row = cursor.fetchone()
        if row is None:
            return "busy"
        if row[0]:
            _rebuild(cursor, bulk=False)
            return "refreshed"
        # Writes committed from here on stay queued for the next fold; those taken are read as they are now.
        cursor.execute("CREATE TEMP TABLE tally_fold_ids (engagement_id bigint PRIMARY KEY) ON COMMIT DROP")
        cursor.execute(
            "WITH taken AS (DELETE FROM meetings_tally_queue RETURNING engagement_id) "
            "INSERT INTO tally_fold_ids SELECT DISTINCT engagement_id FROM taken"
        )
        folded = cursor.rowcount > 0
        if folded:
            _fold(cursor)
        # Dropped now, not at commit: within an outer transaction (a test, say) the next fold makes them again.
        cursor.execute("DROP TABLE IF EXISTS tally_fold_ids, tally_fold_facts, tally_fold_sides")
        if not folded:
            return "fresh"
        cursor.execute("UPDATE meetings_aggregate_state SET refreshed = now(), folds = folds + 1 WHERE id = 1")
    return "refreshed"


def _fold(cursor) -> None:
    """Take each engagement of tally_fold_ids out of every tally as last counted, and put it in as it is now."""
    ids = "WHERE engagement_id IN (SELECT engagement_id FROM tally_fold_ids)"
    and_ids = "AND e.id IN (SELECT engagement_id FROM tally_fold_ids)"
    cursor.execute("ANALYZE tally_fold_ids")  # usually a few rows: read by index, not by scanning the tables
    cursor.execute(
        "CREATE TEMP TABLE tally_fold_facts ON COMMIT DROP AS "
        f"SELECT -1 AS sign, f.* FROM meetings_engagement_facet f {ids} "
        f"UNION ALL SELECT 1, now.* FROM ({FACTS.format(ids=ids, and_ids=and_ids)}) now"
    )
    cursor.execute(
        "CREATE TEMP TABLE tally_fold_sides ON COMMIT DROP AS "
        f"SELECT -1 AS sign, s.* FROM meetings_tally_side s {ids} "
        f"UNION ALL SELECT 1, now.* FROM ({SIDES.format(and_ids=and_ids.replace('e.id', 'p.engagement_id'))}) now"
    )
    cursor.execute("ANALYZE tally_fold_facts, tally_fold_sides")
    for table, (key, _) in CONTRIBUTIONS.items():
        match = " AND ".join(f"t.{column} = d.{column}" for column in key)
        columns = ", ".join(key)
        cursor.execute(
            f"MERGE INTO {table} t USING ({_summed(table, facts='tally_fold_facts', sides='tally_fold_sides')}) d "
            f"ON {match} "
            "WHEN MATCHED AND t.n + d.n = 0 THEN DELETE "
            "WHEN MATCHED THEN UPDATE SET n = t.n + d.n "
            f"WHEN NOT MATCHED THEN INSERT ({columns}, n) VALUES ({', '.join(f'd.{c}' for c in key)}, d.n)"
        )
    cursor.execute(f"DELETE FROM meetings_engagement_facet {ids}")
    cursor.execute(
        "INSERT INTO meetings_engagement_facet (engagement_id, kind, date, month, countries, topics) "
        "SELECT engagement_id, kind, date, month, countries, topics FROM tally_fold_facts WHERE sign = 1"
    )
    cursor.execute(f"DELETE FROM meetings_official_facet {ids}")
    cursor.execute(OFFICIAL_FACETS.format(facts="(SELECT * FROM tally_fold_facts WHERE sign = 1)"))
    cursor.execute(f"DELETE FROM meetings_tally_side {ids}")
    cursor.execute(
        "INSERT INTO meetings_tally_side (engagement_id, country, official_id) "
        "SELECT engagement_id, country, official_id FROM tally_fold_sides WHERE sign = 1"
    )
    pairs = f"WHERE (d.country, d.partner) IN ({FOLDED_PAIRS})"
    cursor.execute(f"DELETE FROM meetings_dyad_summary d {pairs}")
    cursor.execute(DYAD_SUMMARY.format(pairs=pairs))


def aggregates_rebuild(*, bulk: bool = False) -> None:
    """Count every tally again from the records, and empty the queue. Readers keep the previous tallies
    until it commits; ``bulk`` (after a bulk load, nobody reading) empties the tables outright instead,
    which is faster but makes readers of the tallies wait for it."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM meetings_aggregate_state WHERE id = 1 FOR UPDATE")
        _rebuild(cursor, bulk=bulk)


def _rebuild(cursor, *, bulk: bool) -> None:
    tables = [*TALLIES, *KEPT, "meetings_tally_queue"]
    # The groupings stay in memory; the unnested arrays' row estimates are far too high, and compiling
    # for them (JIT) costs more than the statements.
    cursor.execute("SET LOCAL work_mem = '256MB'")
    cursor.execute("SET LOCAL jit = off")
    if bulk:
        cursor.execute(f"TRUNCATE {', '.join(tables)}")
    else:
        for table in tables:
            cursor.execute(f"DELETE FROM {table}")
    # Stored in date order, so a date range of the histogram is a run of neighbouring pages.
    cursor.execute(
        "INSERT INTO meetings_engagement_facet (engagement_id, kind, date, month, countries, topics) "
        f"SELECT * FROM ({FACTS.format(ids='', and_ids='')}) f ORDER BY f.date"
    )
    cursor.execute(OFFICIAL_FACETS.format(facts="meetings_engagement_facet"))
    cursor.execute(f"INSERT INTO meetings_tally_side (engagement_id, country, official_id) {SIDES.format(and_ids='')}")
    facts = "(SELECT 1 AS sign, * FROM meetings_engagement_facet)"
    sides = "(SELECT 1 AS sign, * FROM meetings_tally_side)"
    for table, (key, _) in CONTRIBUTIONS.items():
        cursor.execute(f"INSERT INTO {table} ({', '.join(key)}, n) {_summed(table, facts=facts, sides=sides)}")
    cursor.execute(DYAD_SUMMARY.format(pairs=""))
    cursor.execute(f"ANALYZE {', '.join([*TALLIES, *KEPT])}")  # the folds' plans read their statistics
    cursor.execute(
        "UPDATE meetings_aggregate_state SET rebuild = false, refreshed = now(), folds = folds + 1 WHERE id = 1"
    )


@contextmanager
def tallies_unqueued() -> Iterator[None]:
    """Writes within are not queued for the tallies, which are marked for a rebuild instead: for a bulk
    load inside a transaction, followed by aggregates_rebuild(bulk=True). Takes the tables' exclusive
    locks until the transaction ends."""
    with connection.cursor() as cursor:
        for table in QUEUEING:
            cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
    yield
    with connection.cursor() as cursor:
        for table in QUEUEING:
            cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
        cursor.execute("UPDATE meetings_aggregate_state SET rebuild = true WHERE id = 1")


@dataclass(frozen=True)
class TalliesState:
    stale: bool
    refreshed: datetime.datetime | None  # the last fold or rebuild: every write committed before it is counted
    rebuild: bool = False  # asked for after a bulk load or a truncated table; the next refresh does it
    waiting_since: datetime.datetime | None = None  # the oldest write not counted yet
    folds: int = 0  # folds and rebuilds so far: the tallies change only when this does

    def behind(self, *, now: datetime.datetime, after: datetime.timedelta = LAG_SHOWN) -> bool:
        """Records written more than ``after`` ago are not counted yet (or a rebuild waits, and the tallies
        were last counted longer ago than that)."""
        waited = self.refreshed if self.rebuild else self.waiting_since
        return self.stale and (waited is None or now - waited > after)


def tallies_state() -> TalliesState:
    """Whether writes are waiting to be counted and since when, and when the tallies last counted (a plain
    read)."""
    sql = (
        "SELECT rebuild, (SELECT MIN(queued) FROM meetings_tally_queue), refreshed, folds "
        "FROM meetings_aggregate_state WHERE id = 1"
    )
    (rebuild, waiting_since, refreshed, folds) = _rows(sql, [])[0]
    return TalliesState(
        stale=rebuild or waiting_since is not None,
        refreshed=refreshed,
        rebuild=rebuild,
        waiting_since=waiting_since,
        folds=folds,
    )


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
    officials: list[int] | None = None,
) -> dict[datetime.date | None, int]:
    """{first of month (None: undated): engagements} with any of `countries`, the partner, the type, the
    topic (slug), in the date range and with any of the officials, each optional. Without a topic or
    officials, the whole months from the tally of states and the days of a month the range covers in part
    from one narrow row per engagement; with a topic, every month from those rows; with officials, from
    their own rows of them."""
    if topic or officials:
        sql, params = _engagement_months(
            countries=countries, partner=partner, kind=kind, topic=topic, since=since, until=until, officials=officials
        )
    else:
        sql, params = _state_set_months(countries=countries, partner=partner, kind=kind, since=since, until=until)
    return {None if month == UNDATED_MONTH else month: n for month, n in _rows(sql, params)}


def _engagement_months(
    *,
    countries: list[str],
    partner: str | None,
    kind: str | None,
    topic: str | None = None,
    since: datetime.date | None,
    until: datetime.date | None,
    officials: list[int] | None = None,
) -> tuple[str, list[object]]:
    """The histogram counted from one row per engagement (meetings_engagement_facet), or for officials from
    one row per official and engagement (meetings_official_facet, read index-only in the officials' rows;
    an engagement of two of them counted once): (month, n) rows."""
    where: list[str] = []
    params: list[object] = []
    if officials:
        where.append("f.official_id = ANY(%s)")
        params.append(list(officials))
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
    sql = "SELECT f.month, COUNT(*)::int AS n FROM meetings_engagement_facet f"
    if officials:
        sql = "SELECT f.month, COUNT(DISTINCT f.engagement_id)::int AS n FROM meetings_official_facet f"
    return sql + (" WHERE " + " AND ".join(where) if where else "") + " GROUP BY f.month", params


# A row of the tally of states filed under one of the chosen states (the parameter, sorted, three times) and
# holding none of those before it: each set of states counted once, under the first chosen state it holds.
FIRST_CHOSEN_STATE = (
    "t.country = ANY(%s::varchar[]) "
    "AND NOT t.countries && (%s::varchar[])[:array_position(%s::varchar[], t.country) - 1]"
)


def _state_set_months(
    *,
    countries: list[str],
    partner: str | None,
    kind: str | None,
    since: datetime.date | None,
    until: datetime.date | None,
) -> tuple[str, list[object]]:
    """The histogram from meetings_month_states_tally, read index-only in the rows of the partner (its sets
    holding any of the states), of the chosen states (each set once, under the first chosen state it holds)
    or of any state; the months the range covers in part counted by _engagement_months. (month, n) rows."""
    states = sorted(set(countries))
    # Every type when none is chosen, so that the month range still bounds the index scan of each.
    kinds = [kind] if kind else list(ENGAGEMENT_KINDS)
    conditions: list[tuple[str, list[object]]] = [("t.kind = ANY(%s)", [kinds])]
    if partner:
        conditions.append(("t.country = %s", [partner]))
        if states:
            conditions.append(("t.countries && %s::varchar[]", [states]))
    elif states:
        conditions.append((FIRST_CHOSEN_STATE, [states] * 3))
    else:
        conditions.append(("t.country = ''", []))
    first, last, parts = _whole_months(since=since, until=until)
    if first:
        conditions.append(("t.month >= %s", [first]))
    if last:
        conditions.append(("t.month <= %s", [last]))
    if since or until:
        conditions.append(("t.month <> %s", [UNDATED_MONTH]))
    where = " AND ".join(sql for sql, _ in conditions)
    params = [value for _, values in conditions for value in values]
    arms = [f"SELECT t.month, t.n FROM meetings_month_states_tally t WHERE {where}"]
    for start, end in parts:
        sql, more = _engagement_months(countries=states, partner=partner, kind=kind, since=start, until=end)
        arms.append(sql)
        params += more
    return f"SELECT month, SUM(n)::int FROM ({' UNION ALL '.join(arms)}) AS counted GROUP BY month", params


def _whole_months(
    *, since: datetime.date | None, until: datetime.date | None
) -> tuple[datetime.date | None, datetime.date | None, list[tuple[datetime.date, datetime.date]]]:
    """The first days of the first and last months wholly within the range (None: unbounded on that side),
    and the ranges of days of the months it covers only in part."""
    first = last = None
    parts = set()
    if since:
        first = since if since.day == 1 else _month_after(since)
        if since.day != 1:
            month_end = _month_after(since) - datetime.timedelta(days=1)
            parts.add((since, min(until, month_end) if until else month_end))
    if until:
        ends_month = _month_after(until) - datetime.timedelta(days=1) == until
        last = (
            until.replace(day=1) if ends_month else (until.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
        )
        if not ends_month:
            parts.add((max(since, until.replace(day=1)) if since else until.replace(day=1), until))
    return first, last, sorted((start, end) for start, end in parts if start <= end)


def _month_after(day: datetime.date) -> datetime.date:
    return (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


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
