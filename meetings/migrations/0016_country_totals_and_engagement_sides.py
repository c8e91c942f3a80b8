from django.db import migrations


class Migration(migrations.Migration):
    """Two indexes for pages at 1,000,000 engagements: each state's all-time total (the API's country list)
    read index-only from the year tally's partner = '' rows instead of scanning the tally (44 ms to 3 ms),
    and each engagement's participants with their officials and sides read index-only (an official's
    counterparts, in proportion to their engagements)."""

    dependencies = [
        ("meetings", "0015_engagement_pk_facts"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX country_year_totals ON meetings_country_year (partner, country) INCLUDE (n)",
            "DROP INDEX country_year_totals",
        ),
        migrations.RunSQL(
            "CREATE INDEX participation_engagement_side ON meetings_participation (engagement_id) "
            "INCLUDE (official_id, country_id)",
            "DROP INDEX participation_engagement_side",
        ),
    ]
