"""A tally of engagements per state, type, month and the engagement's whole set of states, for the timeline's
histogram with several states, a partner, a type or dates (and no topic).

The histogram counted those from one row per engagement (meetings_engagement_facet): at 1,000,000
engagements, three busy states, meetings and five years read 193,000 index entries to keep 82,000 (about
95 ms). Engagements with the same type, month and states share one row here, filed under each of their states
(and under '' for any); a filter then reads only the rows of its chosen states (17,000 for that one), each set
counted once under the first chosen state it holds. Kept like the other tallies (meetings.aggregates), and
filled from the per-engagement rows as last counted, which the next fold takes its engagements out of.
"""

from django.db import migrations

FORWARD = """
CREATE TABLE meetings_month_states_tally (
    country varchar NOT NULL,
    kind varchar(12) NOT NULL,
    month date NOT NULL,
    countries varchar[] NOT NULL,
    n integer NOT NULL,
    CONSTRAINT meetings_month_states_tally_key PRIMARY KEY (country, kind, month, countries) INCLUDE (n)
);
INSERT INTO meetings_month_states_tally (country, kind, month, countries, n)
SELECT c, f.kind, f.month, f.countries, COUNT(*)::int
FROM meetings_engagement_facet f, unnest(ARRAY['']::varchar[] || f.countries) c
GROUP BY 1, 2, 3, 4;
"""


class Migration(migrations.Migration):
    dependencies = [("meetings", "0022_alias_keys_refolded")]

    operations = [migrations.RunSQL(FORWARD, "DROP TABLE meetings_month_states_tally")]
