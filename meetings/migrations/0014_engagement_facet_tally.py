"""Timeline histogram for any mix of states, partner, type, topic and date range, from a narrow tally.

The month tallies (0005, 0007) answer one state and/or one topic. Several states ("any of these"), a
type or a date range would otherwise count every matching engagement per month at request time (361 ms
at 1,000,000 engagements). This view keeps one narrow row per engagement (type, date, month, its states
and topics as arrays), so the histogram reads a run of rows in date order instead of joining three tables.
"""

from django.db import migrations

VIEW = """
CREATE MATERIALIZED VIEW meetings_engagement_facet AS
SELECT e.id AS engagement_id, e.kind, e.date,
       COALESCE(date_trunc('month', e.date)::date, DATE '0001-01-01') AS month,
       ARRAY(SELECT c.country_id FROM meetings_engagement_countries c WHERE c.engagement_id = e.id
             ORDER BY 1)::varchar[] AS countries,
       ARRAY(SELECT t.topic_id FROM meetings_engagement_topics t WHERE t.engagement_id = e.id
             ORDER BY 1)::bigint[] AS topics
FROM meetings_engagement e
WHERE e.status <> 'rejected'
-- Stored in date order, so a date range is a run of neighbouring pages.
ORDER BY e.date;
-- REFRESH ... CONCURRENTLY needs a unique index.
CREATE UNIQUE INDEX meetings_engagement_facet_key ON meetings_engagement_facet (engagement_id);
-- Timeline histogram with a type (and a date range).
CREATE INDEX meetings_engagement_facet_kind ON meetings_engagement_facet (kind, date);
-- Timeline histogram with a date range and no type.
CREATE INDEX meetings_engagement_facet_date ON meetings_engagement_facet (date);
"""


class Migration(migrations.Migration):
    dependencies = [("meetings", "0013_evidence_facts")]

    operations = [migrations.RunSQL(VIEW, "DROP MATERIALIZED VIEW meetings_engagement_facet")]
