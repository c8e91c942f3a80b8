"""Indexes for the dashboard's queries, and the precomputed tallies behind its charts.

The tallies are materialized views refreshed by meetings.aggregates.aggregates_refresh(). Statement
triggers on every table they read set a "stale" flag, and pages that read a tally refresh first when it
is set, so a chart never disagrees with the records beneath it.
"""

from django.db import migrations

INDEXES = [
    # Country filter, country page, relationship page: the engagements of one state (index-only).
    (
        "CREATE INDEX engagement_countries_country ON meetings_engagement_countries (country_id, engagement_id)",
        "DROP INDEX engagement_countries_country",
    ),
    # Topic filter on the timeline: the engagements of one topic (index-only).
    (
        "CREATE INDEX engagement_topics_topic ON meetings_engagement_topics (topic_id, engagement_id)",
        "DROP INDEX engagement_topics_topic",
    ),
    # Official filter, official page, counterparts met most: the engagements of one official.
    (
        "CREATE INDEX participation_official_engagement ON meetings_participation (official_id, engagement_id)",
        "DROP INDEX participation_official_engagement",
    ),
    # Timeline free-text filter and search: full text over engagement summaries (see selectors.SUMMARY_MATCH).
    (
        "CREATE INDEX engagement_summary_fts ON meetings_engagement USING gin (to_tsvector('english', summary))",
        "DROP INDEX engagement_summary_fts",
    ),
    # Search: full text over article titles and texts (see selectors.ARTICLE_MATCH).
    (
        "CREATE INDEX article_text_fts ON ingest_article USING gin (to_tsvector('english', title || ' ' || text))",
        "DROP INDEX article_text_fts",
    ),
]

# Each view drops rejected engagements, as every page does.
VIEWS = {
    # Country page (partners ranked, sparklines), relationship chart (per year by type), network edges.
    # partner '' is the state's own total; year 0 holds undated engagements.
    "meetings_country_year": """
        SELECT a.country_id AS country, CASE WHEN GROUPING(b.country_id) = 1 THEN '' ELSE b.country_id END AS partner,
               e.year, e.kind, COUNT(DISTINCT e.id)::int AS n
        FROM meetings_engagement_year e
        JOIN meetings_engagement_countries a ON a.engagement_id = e.id
        LEFT JOIN meetings_engagement_countries b ON b.engagement_id = e.id AND b.country_id <> a.country_id
        GROUP BY GROUPING SETS ((a.country_id, b.country_id, e.year, e.kind), (a.country_id, e.year, e.kind))
        HAVING GROUPING(b.country_id) = 1 OR b.country_id IS NOT NULL
    """,
    # Country topic mix, relationship topics over time, network filtered by topic.
    "meetings_country_topic_year": """
        SELECT a.country_id AS country, CASE WHEN GROUPING(b.country_id) = 1 THEN '' ELSE b.country_id END AS partner,
               t.topic_id, e.year, COUNT(DISTINCT e.id)::int AS n
        FROM meetings_engagement_year e
        JOIN meetings_engagement_topics t ON t.engagement_id = e.id
        JOIN meetings_engagement_countries a ON a.engagement_id = e.id
        LEFT JOIN meetings_engagement_countries b ON b.engagement_id = e.id AND b.country_id <> a.country_id
        GROUP BY GROUPING SETS ((a.country_id, b.country_id, t.topic_id, e.year), (a.country_id, t.topic_id, e.year))
        HAVING GROUPING(b.country_id) = 1 OR b.country_id IS NOT NULL
    """,
    # Country page (most active officials), relationship page (officials on each side).
    "meetings_official_tally": """
        SELECT p.country_id AS country, CASE WHEN GROUPING(b.country_id) = 1 THEN '' ELSE b.country_id END AS partner,
               p.official_id, COUNT(DISTINCT e.id)::int AS n
        FROM meetings_participation p
        JOIN meetings_engagement e ON e.id = p.engagement_id
        LEFT JOIN meetings_engagement_countries b ON b.engagement_id = e.id AND b.country_id <> p.country_id
        WHERE e.status <> 'rejected' AND p.country_id IS NOT NULL
        GROUP BY GROUPING SETS ((p.country_id, b.country_id, p.official_id), (p.country_id, p.official_id))
        HAVING GROUPING(b.country_id) = 1 OR b.country_id IS NOT NULL
    """,
    # Relationship page: first and latest contact and the longest silence, per pair (country < partner).
    "meetings_dyad_summary": """
        WITH dated AS (
            SELECT a.country_id AS country, b.country_id AS partner, e.date,
                   LAG(e.date) OVER (PARTITION BY a.country_id, b.country_id ORDER BY e.date, e.id) AS previous
            FROM meetings_engagement e
            JOIN meetings_engagement_countries a ON a.engagement_id = e.id
            JOIN meetings_engagement_countries b ON b.engagement_id = e.id AND b.country_id > a.country_id
            WHERE e.status <> 'rejected' AND e.date IS NOT NULL
        )
        SELECT country, partner, MIN(date) AS first, MAX(date) AS latest,
               MAX(date - previous) AS gap_days,
               (ARRAY_AGG(previous ORDER BY date - previous DESC NULLS LAST, date))[1] AS gap_from,
               (ARRAY_AGG(date ORDER BY date - previous DESC NULLS LAST, date))[1] AS gap_to
        FROM dated GROUP BY country, partner
    """,
    # Timeline histogram without filters: engagements per month (month NULL: undated).
    "meetings_month_tally": """
        SELECT COALESCE(date_trunc('month', e.date)::date, DATE '0001-01-01') AS month, COUNT(*)::int AS n
        FROM meetings_engagement e WHERE e.status <> 'rejected' GROUP BY 1
    """,
}

# REFRESH ... CONCURRENTLY needs one unique index on plain columns per view.
VIEW_KEYS = {
    "meetings_country_year": "country, partner, year, kind",
    "meetings_country_topic_year": "country, partner, topic_id, year",
    "meetings_official_tally": "country, partner, official_id",
    "meetings_dyad_summary": "country, partner",
    "meetings_month_tally": "month",
}
# Most active officials of a state, or of a state towards one partner: the top n without a sort.
EXTRA_VIEW_INDEXES = [
    "CREATE INDEX official_tally_rank ON meetings_official_tally (country, partner, n DESC, official_id)",
]

WATCHED_TABLES = [
    "meetings_engagement",
    "meetings_engagement_countries",
    "meetings_engagement_topics",
    "meetings_participation",
]

STATE_SQL = """
-- The engagements every tally counts, with their year (0: undated).
CREATE VIEW meetings_engagement_year AS
    SELECT id, kind, date, COALESCE(EXTRACT(YEAR FROM date)::int, 0) AS year
    FROM meetings_engagement WHERE status <> 'rejected';
CREATE TABLE meetings_aggregate_state (
    id int PRIMARY KEY CHECK (id = 1),
    stale boolean NOT NULL,
    refreshed timestamptz
);
INSERT INTO meetings_aggregate_state VALUES (1, true, NULL);
-- Every writer takes the flag's row lock until it commits, so a refresh never misses a write in flight.
CREATE FUNCTION meetings_aggregates_mark_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE meetings_aggregate_state SET stale = true WHERE id = 1;
    RETURN NULL;
END $$;
"""


def forward_sql() -> list[str]:
    statements = [STATE_SQL]
    for name, query in VIEWS.items():
        statements.append(f"CREATE MATERIALIZED VIEW {name} AS {query}")
        statements.append(f"CREATE UNIQUE INDEX {name}_key ON {name} ({VIEW_KEYS[name]})")
    statements += EXTRA_VIEW_INDEXES
    for table in WATCHED_TABLES:
        statements.append(
            f"CREATE TRIGGER {table}_marks_aggregates_stale AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION meetings_aggregates_mark_stale()"
        )
    return statements


def reverse_sql() -> list[str]:
    statements = [f"DROP TRIGGER {table}_marks_aggregates_stale ON {table}" for table in WATCHED_TABLES]
    statements += [f"DROP MATERIALIZED VIEW {name}" for name in VIEWS]
    statements += ["DROP VIEW meetings_engagement_year"]
    statements += ["DROP FUNCTION meetings_aggregates_mark_stale()", "DROP TABLE meetings_aggregate_state"]
    return statements


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0004_dashboard"),
        ("ingest", "0001_initial"),
    ]

    operations = [migrations.RunSQL(forward, backward) for forward, backward in INDEXES] + [
        migrations.RunSQL(forward_sql(), reverse_sql()),
    ]
