"""The tallies kept per changed engagement (meetings/aggregates.py): after every kind of write a fold
leaves them as counting everything again would, and as the materialized views before them counted."""

import datetime
import importlib
import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from meetings import aggregates, review, services
from meetings.models import Country, Engagement, Official, Participation, Topic
from meetings.tasks import refresh_tallies
from tests import factories
from tests.tallies import assert_tallies_current, tally_rows

pytestmark = pytest.mark.django_db


def queued() -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT DISTINCT engagement_id FROM meetings_tally_queue ORDER BY 1")
        return [row[0] for row in cursor.fetchall()]


@pytest.fixture
def records():
    """Three states, several topics, officials on each side, an undated and a rejected engagement."""
    jo = [factories.official(name="Yousef Haddadin", country="JO"), factories.official(name="Salem Nsour")]
    qa = [factories.official(name="Hamad Al Thani", country="QA")]
    tr = [factories.official(name="Mehmet Yilmaz", country="TR")]
    made = [
        factories.engagement(countries=("JO", "QA"), officials=[*jo, *qa], topics=("training", "border-security")),
        factories.engagement(countries=("JO", "QA"), date=datetime.date(2024, 1, 15), officials=jo[:1] + qa),
        factories.engagement(countries=("JO", "QA"), date=datetime.date(2021, 6, 2), topics=()),
        factories.engagement(countries=("QA", "TR"), kind="call", date=datetime.date(2023, 5, 2), officials=qa + tr),
        factories.engagement(countries=("JO", "TR", "QA"), kind="exercise", date=None, officials=jo + tr),
        factories.engagement(countries=("JO", "TR"), date=datetime.date(2022, 2, 2), topics=("cybersecurity",)),
    ]
    Engagement.objects.filter(pk=made[-1].pk).update(status="rejected")
    assert_tallies_current()
    return made


def test_new_engagements_are_counted_on_the_next_fold(records):
    factories.engagement(countries=("JO", "IQ"), topics=("policing",), officials=[factories.official(country="IQ")])
    assert aggregates.tallies_state().stale
    assert_tallies_current()


def test_a_write_queues_its_engagement_and_an_edit_of_what_no_tally_reads_queues_nothing(records):
    Engagement.objects.filter(pk=records[0].pk).update(summary="Talks on border security.", city="Amman")
    assert queued() == []
    Engagement.objects.filter(pk=records[0].pk).update(date=datetime.date(2024, 2, 1))
    records[1].topics.add(Topic.objects.get(slug="policing"))
    assert queued() == [records[0].pk, records[1].pk]  # the fold reads these two engagements, not the rest
    assert_tallies_current()


def test_review_states_count_and_uncount_an_engagement(records, editor):
    first = records[0]
    review.engagement_review(engagement_id=first.pk, version=1, user=editor, status="rejected")
    assert_tallies_current()
    review.engagement_review(engagement_id=first.pk, version=2, user=editor, status="confirmed")
    assert_tallies_current()
    rejected = records[-1]  # rejected by hand in the fixture, counted again once put back
    review.engagement_review(engagement_id=rejected.pk, version=1, user=editor, status="extracted")
    assert_tallies_current()


def test_corrections_of_type_date_states_and_topics(records, editor):
    record = records[1]
    review.engagement_correct(
        engagement_id=record.pk,
        version=1,
        user=editor,
        kind="agreement",
        date=datetime.date(2019, 3, 1),
        date_precision="month",
        city="",
        location_country=None,
        countries=list(Country.objects.filter(code__in=["JO", "EG", "TR"])),
        topics=list(Topic.objects.filter(slug__in=["training", "policing"])),
        summary="",
    )
    assert_tallies_current()
    review.engagement_correct(
        engagement_id=record.pk,
        version=2,
        user=editor,
        kind="agreement",
        date=None,
        date_precision="unknown",
        city="",
        location_country=None,
        countries=list(Country.objects.filter(code__in=["EG"])),
        topics=[],
        summary="",
    )
    assert_tallies_current()


def test_participants_added_moved_to_another_side_and_removed(records, editor):
    record = records[0]
    added = review.participant_add(
        engagement_id=record.pk, version=1, user=editor, official=None, name="Ali Kaya", country=None, title=""
    )
    assert_tallies_current()  # a participant for no state counts for no official tally
    review.participant_update(
        participation_id=added.pk,
        version=2,
        user=editor,
        official=added.official,
        name="",
        country=Country.objects.get(code="TR"),  # a side the engagement does not list among its states
        title="Minister",
    )
    assert_tallies_current()
    remaining = Participation.objects.filter(engagement=record).order_by("id").first()
    review.participant_remove(participation_id=remaining.pk, version=3, user=editor)
    assert_tallies_current()


def test_a_split_and_merges_of_engagements_and_of_officials(records, editor):
    record = factories.engagement(countries=("JO", "QA"), sources=2, officials=[factories.official(country="QA")])
    created = review.engagement_split(
        engagement_id=record.pk, version=1, user=editor, evidence_ids=[record.evidence.order_by("id").first().pk]
    )
    assert_tallies_current()
    review.engagement_merge_into(survivor_id=records[3].pk, version=1, other_id=created.pk, user=editor)
    assert_tallies_current()
    services.engagement_merge(survivor=records[0], others=[records[1], records[4]])
    assert_tallies_current()
    jordanians = Official.objects.filter(country_id="JO").order_by("id")  # two of them shared engagements
    services.official_merge(survivor=jordanians[0], others=list(jordanians[1:]))
    assert_tallies_current()


def test_deleted_engagements_leave_every_tally(records):
    records[0].delete()
    Engagement.objects.filter(pk__in=[records[2].pk, records[4].pk]).delete()
    assert_tallies_current()
    Engagement.objects.all().delete()
    assert_tallies_current()
    assert not any(tally_rows().values())


def jan(day: int) -> datetime.date:
    return datetime.date(2024, 1, day)


@pytest.mark.parametrize(
    ("days", "summary"),  # summary: first, latest, longest silence in days, from, to
    [
        ([jan(15)], (jan(15), jan(15), None, None, jan(15))),  # one contact: no silence
        ([jan(15), jan(15)], (jan(15), jan(15), 0, jan(15), jan(15))),  # two on one day: a silence of 0 days
        ([jan(1), jan(11), jan(21), jan(21)], (jan(1), jan(21), 10, jan(1), jan(11))),  # two of 10 days: the first
    ],
)
def test_a_pairs_longest_silence_from_its_days(days, summary):
    for day in days:
        factories.engagement(countries=("JO", "QA"), date=day)
    factories.engagement(countries=("JO", "QA"), date=None)  # undated: no part in the silences
    assert_tallies_current()
    found = aggregates.dyad_summary(a="QA", b="JO")
    assert (found.first, found.latest, found.gap_days, found.gap_from, found.gap_to) == summary


def test_the_longest_silence_follows_a_deleted_engagement_in_the_middle_of_it():
    early, middle, late = (factories.engagement(date=datetime.date(2024, 1, d)) for d in (1, 10, 12))
    refresh_tallies()
    assert aggregates.dyad_summary(a="JO", b="QA").gap_days == 9
    middle.delete()
    assert_tallies_current()
    assert aggregates.dyad_summary(a="JO", b="QA").gap_days == 11


def test_pages_see_the_tallies_as_of_the_last_fold():
    factories.engagement()
    refresh_tallies()
    folded = aggregates.tallies_state()
    assert not folded.stale and folded.refreshed is not None
    assert aggregates.aggregates_refresh() == "fresh"  # nothing queued: the time of the last fold stays
    factories.engagement(countries=("JO", "TR"))
    waiting = aggregates.tallies_state()
    assert waiting.stale and waiting.refreshed == folded.refreshed
    later = folded.refreshed + aggregates.LAG_SHOWN + datetime.timedelta(seconds=1)
    assert waiting.behind(now=later) and not folded.behind(now=later)


def test_a_truncated_table_has_the_next_refresh_count_everything_again(records):
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the test's earlier writes, checked before the truncate
        cursor.execute("TRUNCATE meetings_engagement_topics")
    assert aggregates.tallies_state().stale
    assert_tallies_current()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # VACUUM needs no open transaction
def test_the_repair_command_counts_everything_again_and_vacuums_what_it_rebuilt():
    # A transactional test runs after others that flushed the tables: the reference data again, as migrated.
    reference = importlib.import_module("meetings.migrations.0002_reference_data")
    reference.load_countries(apps, None)
    reference.load_topics(apps, None)
    factories.engagement(countries=("JO", "QA"), topics=("training",), officials=[factories.official(country="QA")])
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM meetings_month_tally")  # a tally that disagrees with the records
    call_command("tallies_rebuild", stdout=io.StringIO())
    assert_tallies_current()
    # Vacuumed (the visibility map the pages' index-only scans need) and analysed, each rebuilt table.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname FROM pg_stat_user_tables"
            " WHERE relname = ANY(%s) AND vacuum_count > 0 AND analyze_count > 0",
            [[*aggregates.TALLIES, *aggregates.KEPT]],
        )
        assert sorted(name for (name,) in cursor.fetchall()) == sorted([*aggregates.TALLIES, *aggregates.KEPT])
