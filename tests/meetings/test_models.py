import datetime

import pytest
from django.db import IntegrityError, transaction

from ingest.models import Article
from meetings.models import Country, Engagement, Evidence, OfficialAlias, Topic
from tests import factories

pytestmark = pytest.mark.django_db


def test_every_iso_country_is_loaded():
    import pycountry

    assert Country.objects.count() == len(pycountry.countries)
    jordan = Country.objects.get(code="JO")
    assert (jordan.alpha3, jordan.short_name) == ("JOR", "Jordan")
    assert Country.objects.get(code="BO").short_name == "Bolivia"


def test_the_sixteen_topics_are_loaded():
    slugs = set(Topic.objects.values_list("slug", flat=True))
    assert len(slugs) == 16
    assert {"counter-terrorism", "intelligence-sharing", "critical-infrastructure"} <= slugs


def test_duplicate_alias_of_one_official_is_refused():
    person = factories.official(name="Obaid Al Maaytah")
    with pytest.raises(IntegrityError), transaction.atomic():
        OfficialAlias.objects.create(official=person, name="obaid al-maaytah")


def test_alias_key_drops_honorifics_and_punctuation():
    person = factories.official(name="Obaid Al Maaytah")
    alias = OfficialAlias.objects.create(official=person, name="HE Maj. Gen. Obaid Al-Maaitah")
    assert alias.key == "obaid al maaitah"


def test_same_spelling_may_belong_to_two_people():
    factories.official(name="Mohammed Al Thani")
    factories.official(name="Mohammed Al Thani", country="QA")
    assert OfficialAlias.objects.filter(key="mohammed al thani").count() == 2


def test_duplicate_article_text_is_refused_even_with_other_spacing():
    Article.objects.create(text="Jordan and Qatar  met in Doha.")
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(text="Jordan and Qatar met in\nDoha. ")


@pytest.mark.parametrize(
    ("date", "precision"),
    [(None, "day"), (datetime.date(2024, 1, 5), "unknown"), (datetime.date(2024, 1, 5), "month")],
)
def test_engagement_date_must_match_its_precision(date, precision):
    with pytest.raises(IntegrityError), transaction.atomic():
        Engagement.objects.create(kind="meeting", date=date, date_precision=precision)


def test_engagement_kind_is_checked_in_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Engagement.objects.create(kind="dinner", date=None, date_precision="unknown")


def test_evidence_span_must_not_be_empty():
    record = factories.engagement()
    source = record.evidence.get().article
    with pytest.raises(IntegrityError), transaction.atomic():
        Evidence.objects.create(engagement=record, article=source, sentence="x", start=5, end=5)


def test_month_precision_reads_as_month():
    record = Engagement.objects.create(kind="call", date=datetime.date(2024, 3, 1), date_precision="month")
    assert record.date_label == "Mar 2024"
