"""The tallies become tables kept current per changed engagement, instead of materialized views rebuilt whole.

A refresh of the views recomputed every tally from every engagement: at 1,000,000 engagements, minutes of
both cores after each burst of ingest. Now triggers on the tables the tallies read queue the ids of the
engagements a statement touched (meetings_tally_queue, committed with the write), and the worker folds
them in (meetings.aggregates.aggregates_refresh): each queued engagement's contribution as last counted is
taken out of every tally and its contribution now is put in, so an article costs what its engagements
touch. Two tables keep what is needed for that besides the narrow per-engagement facet tally: the sides
(state, official) last counted per engagement, and each pair's dated engagements per day (a pair's
longest silence is then recomputed from at most one row per day).

Names, columns and indexes of the seven tallies stay as they were. Their rows are carried over, and
`rebuild` asks the next refresh to build everything from the records once.
"""

from django.db import migrations

TALLIES = {
    "meetings_country_year": (
        "country varchar(2) NOT NULL, partner varchar NOT NULL, year integer NOT NULL, kind varchar(12) NOT NULL, "
        "n integer NOT NULL",
        "country, partner, year, kind",
    ),
    "meetings_country_topic_year": (
        "country varchar(2) NOT NULL, partner varchar NOT NULL, topic_id bigint NOT NULL, year integer NOT NULL, "
        "n integer NOT NULL",
        "country, partner, topic_id, year",
    ),
    "meetings_official_tally": (
        "country varchar(2) NOT NULL, partner varchar NOT NULL, official_id bigint NOT NULL, n integer NOT NULL",
        "country, partner, official_id",
    ),
    "meetings_dyad_summary": (
        "country varchar(2) NOT NULL, partner varchar(2) NOT NULL, first date NOT NULL, latest date NOT NULL, "
        "gap_days integer, gap_from date, gap_to date",
        "country, partner",
    ),
    "meetings_month_tally": ("month date NOT NULL, n integer NOT NULL", "month"),
    "meetings_month_facet_tally": (
        "month date NOT NULL, country varchar NOT NULL, topic_id bigint NOT NULL, n integer NOT NULL",
        "country, topic_id, month",
    ),
    "meetings_engagement_facet": (
        "engagement_id bigint NOT NULL, kind varchar(12) NOT NULL, date date, month date NOT NULL, "
        "countries varchar[] NOT NULL, topics bigint[] NOT NULL",
        "engagement_id",
    ),
}
# The tallies' other indexes, as migrations 0005, 0016 and 0017 made them.
INDEXES = [
    "CREATE INDEX official_tally_rank ON meetings_official_tally (country, partner, n DESC, official_id)",
    "CREATE INDEX country_year_totals ON meetings_country_year (partner, country) INCLUDE (n)",
    "CREATE INDEX meetings_engagement_facet_kind ON meetings_engagement_facet (kind, date) "
    "INCLUDE (month, countries, topics)",
    "CREATE INDEX meetings_engagement_facet_date ON meetings_engagement_facet (date) "
    "INCLUDE (kind, month, countries, topics)",
]
WATCHED_TABLES = [
    ("meetings_engagement", "id"),
    ("meetings_engagement_countries", "engagement_id"),
    ("meetings_engagement_topics", "engagement_id"),
    ("meetings_participation", "engagement_id"),
]

FORWARD = """
-- The (state, official) sides each engagement was last counted with, for the official tally.
CREATE TABLE meetings_tally_side (
    engagement_id bigint NOT NULL,
    country varchar(2) NOT NULL,
    official_id bigint NOT NULL,
    CONSTRAINT meetings_tally_side_key PRIMARY KEY (engagement_id, country, official_id)
);
-- Dated engagements of each pair (country < partner) per day: the pair's summary is recomputed from these.
CREATE TABLE meetings_dyad_day (
    country varchar(2) NOT NULL,
    partner varchar(2) NOT NULL,
    date date NOT NULL,
    n integer NOT NULL,
    CONSTRAINT meetings_dyad_day_key PRIMARY KEY (country, partner, date)
);
-- Engagements written since the tallies last counted them (an id may appear more than once), and since
-- when their write waits (the oldest tells pages whether to say "as of").
CREATE TABLE meetings_tally_queue (engagement_id bigint NOT NULL, queued timestamptz NOT NULL DEFAULT now());
CREATE INDEX meetings_tally_queue_queued ON meetings_tally_queue (queued);
-- Stale now means "queued engagements" (or a rebuild asked for); writers no longer take this row's lock.
ALTER TABLE meetings_aggregate_state DROP COLUMN stale;
ALTER TABLE meetings_aggregate_state ADD COLUMN rebuild boolean NOT NULL DEFAULT false;

-- Statement triggers with transition tables: one insert into the queue per statement, however many rows.
CREATE FUNCTION meetings_tallies_queue_engagements() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        EXECUTE format('INSERT INTO meetings_tally_queue (engagement_id) SELECT DISTINCT %I FROM new_rows', TG_ARGV[0]);
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        EXECUTE format('INSERT INTO meetings_tally_queue (engagement_id) SELECT DISTINCT %I FROM old_rows', TG_ARGV[0]);
    END IF;
    RETURN NULL;
END $$;
-- An engagement's edit counts only when what the tallies read of it changed (not its summary, say).
CREATE FUNCTION meetings_tallies_queue_engagement_edits() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO meetings_tally_queue (engagement_id)
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.kind, n.date, n.status) IS DISTINCT FROM (o.kind, o.date, o.status);
    RETURN NULL;
END $$;
-- A truncated table has no rows to queue: the next refresh builds the tallies again.
CREATE FUNCTION meetings_tallies_rebuild_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE meetings_aggregate_state SET rebuild = true WHERE id = 1;
    RETURN NULL;
END $$;
"""


def forward_sql() -> list[str]:
    statements = [FORWARD]
    for table, _ in WATCHED_TABLES:
        statements.append(f"DROP TRIGGER {table}_marks_aggregates_stale ON {table}")
    statements.append("DROP FUNCTION meetings_aggregates_mark_stale()")
    for name, (columns, key) in TALLIES.items():
        statements.append(f"ALTER MATERIALIZED VIEW {name} RENAME TO {name}_old")
        statements.append(f"CREATE TABLE {name} ({columns})")
        statements.append(f"INSERT INTO {name} SELECT * FROM {name}_old")
        statements.append(f"DROP MATERIALIZED VIEW {name}_old")
        statements.append(f"ALTER TABLE {name} ADD CONSTRAINT {name}_key PRIMARY KEY ({key})")
    statements += INDEXES
    # A trigger with transition tables fires on one event only.
    events = {"insert": "NEW TABLE AS new_rows", "delete": "OLD TABLE AS old_rows"}
    events["update"] = "NEW TABLE AS new_rows OLD TABLE AS old_rows"
    for table, column in WATCHED_TABLES:
        for event, referencing in events.items():
            function = f"meetings_tallies_queue_engagements('{column}')"
            if table == "meetings_engagement" and event == "update":
                function = "meetings_tallies_queue_engagement_edits()"
            statements.append(
                f"CREATE TRIGGER {table}_{event}_queues_tallies AFTER {event.upper()} ON {table} "
                f"REFERENCING {referencing} FOR EACH STATEMENT EXECUTE FUNCTION {function}"
            )
        statements.append(
            f"CREATE TRIGGER {table}_truncate_rebuilds_tallies AFTER TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION meetings_tallies_rebuild_after_truncate()"
        )
    # The side and per-day tables start empty: the next refresh builds everything from the records.
    statements.append("UPDATE meetings_aggregate_state SET rebuild = EXISTS (SELECT 1 FROM meetings_engagement)")
    return statements


class Migration(migrations.Migration):
    dependencies = [("meetings", "0020_alias_nearest_spellings_partial")]

    # No way back: the views' definitions now live in meetings.aggregates as the tallies' rebuild.
    operations = [migrations.RunSQL(forward_sql())]
