"""A count of the folds and rebuilds of the tallies, raised by each: what pages keep from the tallies is kept
under it (meetings/page_cache.py). The time of the last fold cannot serve: two folds in one transaction (a
test's) share it."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("meetings", "0024_official_facet")]

    operations = [
        migrations.RunSQL(
            "ALTER TABLE meetings_aggregate_state ADD COLUMN folds bigint NOT NULL DEFAULT 0",
            "ALTER TABLE meetings_aggregate_state DROP COLUMN folds",
        )
    ]
