"""What a person set or confirmed is never overwritten by the machine: re-extraction (`reextract --all`),
another outlet's report of the same engagement, and a new engine version (`reextract --outdated`)."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from ingest import services
from ingest.models import Article
from meetings import review, selectors
from meetings.history import ENGINE_USERNAME
from meetings.models import Country, Engagement, Evidence
from tests.ingest.review_reports import FIRST, SECOND

pytestmark = pytest.mark.django_db
PUBLISHED = datetime.date(2024, 3, 5)


def ingest(text: str, title: str = "Qatar and Jordan discuss security") -> Article:
    article = services.article_create(text=text, title=title, published=PUBLISHED)
    return services.article_process(article_id=article.pk)


def reextract(*args: str) -> None:
    call_command("reextract", *args, "--sync", "--no-progress", stdout=StringIO())


def people(engagement: Engagement) -> list[tuple[str, str]]:
    return sorted(engagement.participations.values_list("official__name", "title"))


def corrected(engagement: Engagement, editor, **changes) -> Engagement:
    values = {
        "kind": engagement.kind,
        "date": engagement.date,
        "date_precision": engagement.date_precision,
        "city": engagement.city,
        "location_country": engagement.location_country,
        "countries": list(engagement.countries.all()),
        "topics": list(engagement.topics.all()),
        "summary": engagement.summary,
    }
    review.engagement_correct(
        engagement_id=engagement.pk, version=engagement.version, user=editor, **(values | changes)
    )
    return Engagement.objects.get(pk=engagement.pk)


def test_the_engine_scores_and_records_each_engagement_with_its_own_history():
    ingest(FIRST)
    engagement = Engagement.objects.get()
    assert engagement.confidence == 1.0 and engagement.status == "extracted"
    entry = selectors.engagement_history(engagement=engagement).get()
    assert entry.user.username == ENGINE_USERNAME and entry.is_addition()
    assert entry.get_change_message() == f"Recorded from article #{engagement.evidence.first().article_id}"


def test_reextract_all_leaves_a_corrected_date_and_participant_in_place(editor):
    article = ingest(FIRST)
    engagement = Engagement.objects.get()
    engagement = corrected(engagement, editor, date=datetime.date(2024, 3, 11))  # a week later than reported
    haddad = engagement.participations.get(official__name="Samir Haddad")
    review.participant_update(
        participation_id=haddad.pk,
        version=engagement.version,
        user=editor,
        official=None,
        name="Samir Al Haddad",
        country=haddad.country,
        title="Deputy Prime Minister and Interior Minister",
    )
    before = sorted(Evidence.objects.values_list("pk", "engagement_id", "start", "end", "chosen_by"))

    reextract("--all")

    engagement = Engagement.objects.get()  # no second engagement from the report's own date
    assert engagement.date == datetime.date(2024, 3, 11) and engagement.date_precision == "day"
    assert people(engagement) == [
        ("Fahad Al Mansouri", "Minister of State for Defence Affairs"),
        ("Samir Al Haddad", "Deputy Prime Minister and Interior Minister"),
    ]
    assert sorted(Evidence.objects.values_list("pk", "engagement_id", "start", "end", "chosen_by")) == before
    assert Article.objects.get(pk=article.pk).status == "done"


def test_a_confirmed_engagement_keeps_every_value_and_its_evidence_through_reextraction(editor):
    ingest(FIRST)
    engagement = Engagement.objects.get()
    engagement = corrected(engagement, editor, city="Aqaba", topics=[])
    review.engagement_review(engagement_id=engagement.pk, version=engagement.version, user=editor, status="confirmed")
    reextract("--all")
    engagement = Engagement.objects.get()
    assert engagement.status == "confirmed" and engagement.city == "Aqaba"
    assert not engagement.topics.exists()
    assert set(engagement.evidence.values_list("chosen_by", flat=True)) == {"person"}


def test_a_second_outlets_report_adds_its_source_but_not_over_what_a_person_set(editor):
    ingest(FIRST)
    engagement = Engagement.objects.get()
    engagement = corrected(
        engagement, editor, city="", location_country=None, topics=list(engagement.topics.filter(slug="training"))
    )
    review.participant_remove(
        participation_id=engagement.participations.get(official__name="Samir Haddad").pk,
        version=engagement.version,
        user=editor,
    )
    second = ingest(SECOND)

    engagement = Engagement.objects.get()
    assert engagement.evidence.filter(article=second, chosen_by="engine").exists()  # the new source is added
    assert engagement.city == "" and engagement.location_country is None  # the report's "Amman" is not put back
    assert list(engagement.topics.values_list("slug", flat=True)) == ["training"]
    assert people(engagement) == [("Fahad Al Mansouri", "Minister of State for Defence Affairs")]
    latest = selectors.engagement_history(engagement=engagement).first()
    assert latest.user.username == ENGINE_USERNAME
    assert latest.get_change_message() == f"Source added: article #{second.pk}"


def test_without_a_person_the_second_report_refines_the_engagement_and_says_so():
    ingest(FIRST)
    Engagement.objects.update(city="")
    second = ingest(SECOND)
    engagement = Engagement.objects.get()
    assert engagement.city == "Amman"
    message = selectors.engagement_history(engagement=engagement).first().get_change_message()
    assert message.startswith(f"Source added: article #{second.pk}; City: — → Amman")


def test_an_engine_upgrade_reading_everything_again_keeps_the_corrections(editor):
    article = ingest(FIRST)
    engagement = Engagement.objects.get()
    engagement = corrected(engagement, editor, kind="call", summary="A call, not a visit: corrected.")
    Article.objects.filter(pk=article.pk).update(engine="an-older-engine")

    reextract("--outdated")

    assert Article.objects.get(pk=article.pk).engine == services.engine_version()
    engagement = Engagement.objects.get()
    assert engagement.kind == "call" and engagement.summary == "A call, not a visit: corrected."
    assert sorted(engagement.locked) == ["kind", "summary"]


def test_a_rejected_engagement_is_not_read_back_in_by_reextraction(editor):
    ingest(FIRST)
    engagement = Engagement.objects.get()
    review.engagement_review(engagement_id=engagement.pk, version=engagement.version, user=editor, status="rejected")
    reextract("--all")
    assert list(Engagement.objects.values_list("pk", "status")) == [(engagement.pk, "rejected")]


def test_a_split_survives_reextraction(editor):
    first = ingest(FIRST)
    second = ingest(SECOND)
    engagement = Engagement.objects.get()
    moving = engagement.evidence.exclude(article=first).values_list("pk", flat=True)
    created = review.engagement_split(
        engagement_id=engagement.pk, version=engagement.version, user=editor, evidence_ids=list(moving)
    )
    reextract("--all")
    assert Engagement.objects.count() == 2
    assert set(Evidence.objects.filter(engagement=created).values_list("article_id", flat=True)) == {second.pk}
    assert set(Evidence.objects.filter(engagement=engagement).values_list("article_id", flat=True)) == {first.pk}
    assert Country.objects.filter(engagements=created).count() == 2
