"""Checks that the tallies kept per changed engagement read what counting everything again reads."""

import importlib

from django.db import connection

from meetings.aggregates import KEPT, TALLIES, aggregates_rebuild, aggregates_refresh, tallies_state


def _old_definitions() -> dict[str, str]:
    """The materialized views' queries the tallies replaced (migrations 0005, 0007, 0014), as the reference
    for what pages read before, and counts from the records for the tallies added since."""
    definitions = dict(importlib.import_module("meetings.migrations.0005_dashboard_search_and_aggregates").VIEWS)
    for migration, name in [
        ("0007_month_facet_tally", "meetings_month_facet_tally"),
        ("0014_engagement_facet_tally", "meetings_engagement_facet"),
    ]:
        created = importlib.import_module(f"meetings.migrations.{migration}").VIEW
        definitions[name] = created.split(f"CREATE MATERIALIZED VIEW {name} AS", 1)[1].split(";", 1)[0]
    definitions["meetings_month_states_tally"] = MONTH_STATES  # no view before them
    definitions["meetings_official_facet"] = (
        "SELECT DISTINCT p.official_id, f.* FROM meetings_participation p "
        f"JOIN ({definitions['meetings_engagement_facet']}) f ON f.engagement_id = p.engagement_id"
    )
    return definitions


# Engagements per state ('' for any), type, month and whole set of states, counted from the records.
MONTH_STATES = """
SELECT c AS country, e.kind, COALESCE(date_trunc('month', e.date)::date, DATE '0001-01-01') AS month, s.countries,
       COUNT(*)::int AS n
FROM meetings_engagement e
CROSS JOIN LATERAL (SELECT COALESCE(array_agg(country_id ORDER BY country_id), '{}')::varchar[] AS countries
                    FROM meetings_engagement_countries WHERE engagement_id = e.id) s,
     unnest(ARRAY['']::varchar[] || s.countries) c
WHERE e.status <> 'rejected'
GROUP BY 1, 2, 3, 4
"""


def _rows(relation: str) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {relation} LIMIT 0")
        width = len(cursor.description)
        cursor.execute(f"SELECT * FROM {relation} ORDER BY {', '.join(str(i + 1) for i in range(width))}")
        return cursor.fetchall()


def tally_rows() -> dict[str, list[tuple]]:
    """Every row of every tally and of what the fold keeps beside them, in order."""
    return {name: _rows(name) for name in [*TALLIES, *KEPT]}


def assert_tallies_current() -> None:
    """Fold what is queued; the tallies then hold what the materialized views' queries count from the
    records now, and a rebuild from scratch changes nothing."""
    aggregates_refresh()
    assert not tallies_state().stale
    folded = tally_rows()
    assert {name: folded[name] for name in TALLIES} == {
        name: _rows(f"({query}) AS counted") for name, query in _old_definitions().items()
    }
    aggregates_rebuild()
    assert tally_rows() == folded
