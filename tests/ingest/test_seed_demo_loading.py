"""seed_demo loads with COPY into tables whose indexes and constraints are rebuilt after the load."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction

from ingest.management.commands.seed_demo import copy_rows, indexes_deferred
from ingest.models import Article
from meetings.aggregates import tallies_state
from meetings.models import Engagement, Evidence, Official, OfficialAlias, Participation
from meetings.names import alias_key, romanized_key

pytestmark = pytest.mark.django_db

LOADED = ["meetings_official", "meetings_officialalias", "meetings_engagement", "meetings_participation"]
LOADED += ["meetings_engagement_countries", "meetings_engagement_topics", "ingest_article", "meetings_evidence"]


def schema() -> set[tuple[str, str]]:
    """Every index and constraint definition on the loaded tables."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 'index', pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid::regclass::text = ANY(%s) "
            "UNION ALL SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid::regclass::text = ANY(%s)",
            [LOADED, LOADED],
        )
        return set(cursor.fetchall())


def test_seed_writes_every_kind_of_row_and_leaves_indexes_constraints_and_tallies_in_place():
    before = schema()
    out = StringIO()
    call_command("seed_demo", "--engagements", "30", "--seed", "4", stdout=out)
    assert schema() == before
    assert Engagement.objects.count() == 30
    assert Article.objects.count() == 45 and Evidence.objects.count() >= 45
    assert Participation.objects.count() >= 60 and Official.objects.exists()
    assert f"30 engagements, {Engagement.countries.through.objects.count()} engagement countries" in out.getvalue()
    assert not tallies_state().stale
    with connection.cursor() as cursor:
        cursor.execute("SELECT SUM(n) FROM meetings_month_tally")
        assert cursor.fetchone()[0] == Engagement.objects.exclude(status="rejected").count()


def test_rows_that_break_a_constraint_fail_the_load_and_leave_nothing_behind():
    official = Official.objects.create(name="Salem Haddad", country_id="JO", title="Ambassador")
    before = schema()
    row = (official.pk, "Salem Haddad", alias_key("Salem Haddad"), romanized_key("Salem Haddad"))
    with pytest.raises(IntegrityError), transaction.atomic(), indexes_deferred([OfficialAlias]):
        copy_rows(OfficialAlias, ["official_id", "name", "key", "romanized"], [row, row])
    assert schema() == before
    assert not OfficialAlias.objects.exists()


def test_seeding_twice_adds_to_what_is_there():
    call_command("seed_demo", "--engagements", "10", "--seed", "1", stdout=StringIO())
    call_command("seed_demo", "--engagements", "10", "--seed", "2", stdout=StringIO())
    assert Engagement.objects.count() == 20
