"""One row per official and engagement counted (its type, date, month, states and topics), for the timeline's
histogram of an official, with any of the other filters but words.

That histogram counted the official's engagements from the records: each of them looked up by primary key
for its type, date and status, then its states probed (at 1,000,000 engagements the busiest official's 3,862
engagements, about 20 ms, read twice a page with the rows). Here an official's rows are neighbours in one
covering index, read index-only. Kept with the facet tally by the fold (meetings.aggregates), and filled from
its rows as last counted.
"""

from django.db import migrations

FORWARD = """
CREATE TABLE meetings_official_facet (
    official_id bigint NOT NULL,
    engagement_id bigint NOT NULL,
    kind varchar(12) NOT NULL,
    date date,
    month date NOT NULL,
    countries varchar[] NOT NULL,
    topics bigint[] NOT NULL,
    CONSTRAINT meetings_official_facet_key PRIMARY KEY (engagement_id, official_id)
);
INSERT INTO meetings_official_facet (official_id, engagement_id, kind, date, month, countries, topics)
SELECT DISTINCT p.official_id, f.engagement_id, f.kind, f.date, f.month, f.countries, f.topics
FROM meetings_engagement_facet f JOIN meetings_participation p ON p.engagement_id = f.engagement_id;
-- The histogram of an official (timeline, official page's filter, API official=).
CREATE INDEX meetings_official_facet_official ON meetings_official_facet (official_id)
    INCLUDE (engagement_id, kind, date, month, countries, topics);
"""


class Migration(migrations.Migration):
    dependencies = [("meetings", "0023_month_states_tally")]

    operations = [migrations.RunSQL(FORWARD, "DROP TABLE meetings_official_facet")]
