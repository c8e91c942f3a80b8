"""The editor's writes (meetings/review.py): review state, corrections, version check, split, merge, history."""

import datetime

import pytest
from django.db import IntegrityError

from meetings import review, selectors
from meetings.models import Country, Engagement, Evidence, Topic
from tests import factories

pytestmark = pytest.mark.django_db


def history_messages(engagement):
    return [entry.get_change_message() for entry in selectors.engagement_history(engagement=engagement)]


def test_confirming_records_who_and_when_locks_every_field_and_makes_the_evidence_a_persons(editor):
    record = factories.engagement(sources=2)
    review.engagement_review(engagement_id=record.pk, version=record.version, user=editor, status="confirmed")
    record.refresh_from_db()
    assert record.status == "confirmed" and record.reviewed_by == editor and record.reviewed_at is not None
    assert record.locked == sorted(Engagement.LOCKABLE)
    assert set(record.evidence.values_list("chosen_by", flat=True)) == {"person"}
    assert record.version == 2
    entry = selectors.engagement_history(engagement=record).get()
    assert entry.user == editor and entry.get_change_message() == "Status: Extracted → Confirmed"


def test_rejecting_locks_nothing_and_back_to_unreviewed_clears_who(editor):
    record = factories.engagement()
    review.engagement_review(engagement_id=record.pk, version=1, user=editor, status="rejected")
    review.engagement_review(engagement_id=record.pk, version=2, user=editor, status="extracted")
    record.refresh_from_db()
    assert record.status == "extracted" and record.reviewed_by is None and record.reviewed_at is None
    assert record.locked == []
    assert history_messages(record) == ["Status: Rejected → Extracted", "Status: Extracted → Rejected"]


def test_a_stale_version_is_refused_and_nothing_changes(editor):
    record = factories.engagement()
    review.engagement_review(engagement_id=record.pk, version=1, user=editor, status="confirmed")
    with pytest.raises(review.EngagementChanged, match="Someone changed this engagement first"):
        review.engagement_correct(
            engagement_id=record.pk,
            version=1,
            user=editor,
            kind="call",
            date=record.date,
            date_precision="day",
            city="",
            location_country=None,
            countries=list(record.countries.all()),
            topics=[],
            summary="",
        )
    record.refresh_from_db()
    assert record.kind == "meeting" and record.city == "Doha" and record.version == 2


def correction(record, **changes):
    values = {
        "kind": record.kind,
        "date": record.date,
        "date_precision": record.date_precision,
        "city": record.city,
        "location_country": record.location_country,
        "countries": list(record.countries.all()),
        "topics": list(record.topics.all()),
        "summary": record.summary,
    }
    return values | changes


def test_a_correction_locks_the_fields_changed_and_keeps_their_before_and_after(editor):
    record = factories.engagement(date=datetime.date(2024, 1, 15), topics=("border-security",))
    review.engagement_correct(
        engagement_id=record.pk,
        version=1,
        user=editor,
        **correction(
            record,
            date=datetime.date(2024, 1, 1),
            date_precision="month",
            topics=list(Topic.objects.filter(slug="cybersecurity")),
        ),
    )
    record.refresh_from_db()
    assert record.date == datetime.date(2024, 1, 1) and record.date_precision == "month"
    assert record.locked == ["date", "topics"]
    assert [t.slug for t in record.topics.all()] == ["cybersecurity"]
    assert history_messages(record) == [
        "Date: 2024-01-15 → 2024-01-01; Date precision: day → month; Topics: Border security → Cybersecurity"
    ]


def test_a_constraint_the_correction_breaks_rolls_it_back(editor):
    record = factories.engagement()
    with pytest.raises(IntegrityError):
        review.engagement_correct(
            engagement_id=record.pk, version=1, user=editor, **correction(record, date_precision="unknown")
        )
    record.refresh_from_db()
    assert record.date_precision == "day" and record.version == 1


def test_participants_added_corrected_and_removed_by_a_person(editor):
    haddad = factories.official(name="Samir Haddad", country="JO", title="Minister")
    record = factories.engagement(officials=[haddad])
    qatar = Country.objects.get(code="QA")
    added = review.participant_add(
        engagement_id=record.pk,
        version=1,
        user=editor,
        official=None,
        name="Fahad Mansour",
        country=qatar,
        title="Minister",
    )
    assert added.official.name == "Fahad Mansour" and added.official.country == qatar
    with pytest.raises(IntegrityError):  # already taking part
        review.participant_add(
            engagement_id=record.pk, version=2, user=editor, official=haddad, name="", country=None, title=""
        )
    first = record.participations.get(official=haddad)
    review.participant_update(
        participation_id=first.pk,
        version=2,
        user=editor,
        official=haddad,
        name="",
        country=first.country,
        title="Deputy PM",
    )
    review.participant_remove(participation_id=added.pk, version=3, user=editor)
    record.refresh_from_db()
    assert [(p.official.name, p.title) for p in record.participations.all()] == [("Samir Haddad", "Deputy PM")]
    assert record.locked == ["participants"] and record.version == 4
    assert history_messages(record) == [
        "Participant removed: Fahad Mansour",
        "Title as reported: Minister → Deputy PM",
        "Participant added: Fahad Mansour (QA), Minister",
    ]


def test_a_split_moves_the_chosen_sources_to_a_new_engagement_as_a_persons_choice(editor):
    record = factories.engagement(sources=3, officials=[factories.official()])
    moving = list(record.evidence.order_by("id")[:1])
    created = review.engagement_split(
        engagement_id=record.pk, version=1, user=editor, evidence_ids=[e.pk for e in moving]
    )
    assert list(created.evidence.values_list("pk", flat=True)) == [moving[0].pk]
    assert created.evidence.get().chosen_by == "person"
    assert record.evidence.count() == 2 and created.participations.count() == 1
    assert sorted(created.countries.values_list("code", flat=True)) == ["JO", "QA"]
    assert history_messages(created) == [f"Split from engagement #{record.pk}."]
    with pytest.raises(ValueError):
        review.engagement_split(
            engagement_id=record.pk,
            version=2,
            user=editor,
            evidence_ids=list(record.evidence.values_list("pk", flat=True)),
        )


def test_merge_in_the_app_is_the_admins_merge_and_is_recorded(editor):
    survivor, other = factories.engagement(), factories.engagement()
    review.engagement_merge_into(survivor_id=survivor.pk, version=1, other_id=other.pk, user=editor)
    assert not Engagement.objects.filter(pk=other.pk).exists()
    assert Evidence.objects.filter(engagement=survivor).count() == 2
    assert history_messages(survivor)[0].startswith(f"Merged engagements #{other.pk} Meeting")
