"""Timeline histogram for the common filters (one state, one topic, or both) from a precomputed tally.

Counting every matching engagement per month grows with the data; this view keeps, per month, the
engagements of each state, of each topic, and of each state-and-topic pair ('' and 0 mean "any").
"""

from django.db import migrations

VIEW = """
CREATE MATERIALIZED VIEW meetings_month_facet_tally AS
SELECT COALESCE(date_trunc('month', e.date)::date, DATE '0001-01-01') AS month,
       CASE WHEN GROUPING(c.country_id) = 1 THEN '' ELSE c.country_id END AS country,
       CASE WHEN GROUPING(t.topic_id) = 1 THEN 0 ELSE t.topic_id END AS topic_id,
       COUNT(DISTINCT e.id)::int AS n
FROM meetings_engagement e
LEFT JOIN meetings_engagement_countries c ON c.engagement_id = e.id
LEFT JOIN meetings_engagement_topics t ON t.engagement_id = e.id
WHERE e.status <> 'rejected'
GROUP BY GROUPING SETS ((1, c.country_id), (1, t.topic_id), (1, c.country_id, t.topic_id))
HAVING (GROUPING(c.country_id) = 1 OR c.country_id IS NOT NULL)
   AND (GROUPING(t.topic_id) = 1 OR t.topic_id IS NOT NULL);
-- REFRESH ... CONCURRENTLY needs a unique index; it also serves the histogram's lookup by state and topic.
CREATE UNIQUE INDEX meetings_month_facet_tally_key ON meetings_month_facet_tally (country, topic_id, month);
"""


class Migration(migrations.Migration):
    dependencies = [("meetings", "0006_alias_nearest_spellings")]

    operations = [migrations.RunSQL(VIEW, "DROP MATERIALIZED VIEW meetings_month_facet_tally")]
