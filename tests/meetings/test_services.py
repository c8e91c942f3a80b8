import pytest

from meetings import services
from meetings.models import Engagement, Evidence, Official, OfficialAlias, Participation
from tests import factories

pytestmark = pytest.mark.django_db


def test_merging_officials_moves_participations_and_aliases():
    keep = factories.official(name="Obaid Al Maaytah", aliases=["Maaytah"])
    dup = factories.official(name="Abeidallah Maaitah", aliases=["Maaytah", "Obeidallah Maaitah"])
    first = factories.engagement(officials=[keep])
    second = factories.engagement(officials=[dup])
    shared = factories.engagement(officials=[keep, dup])

    services.official_merge(survivor=keep, others=[dup])

    assert not Official.objects.filter(pk=dup.pk).exists()
    assert set(keep.aliases.values_list("key", flat=True)) == {
        "obaid al maaytah",
        "maaytah",
        "abeidallah maaitah",
        "obeidallah maaitah",
    }
    assert set(keep.participations.values_list("engagement_id", flat=True)) == {first.pk, second.pk, shared.pk}
    assert shared.participations.count() == 1
    assert not OfficialAlias.objects.filter(official_id=dup.pk).exists()
    assert not Participation.objects.filter(official_id=dup.pk).exists()


def test_merging_engagements_moves_evidence_participants_and_topics():
    a, b = factories.official(), factories.official(country="QA")
    keep = factories.engagement(officials=[a], topics=["cybersecurity"])
    dup = factories.engagement(officials=[a, b], topics=["training"], sources=2)

    services.engagement_merge(survivor=keep, others=[dup])

    assert not Engagement.objects.filter(pk=dup.pk).exists()
    assert keep.evidence.count() == 3
    assert set(keep.participations.values_list("official_id", flat=True)) == {a.pk, b.pk}
    assert set(keep.topics.values_list("slug", flat=True)) == {"cybersecurity", "training"}
    assert not Evidence.objects.filter(engagement_id=dup.pk).exists()
