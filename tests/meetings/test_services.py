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


def test_seed_fixture_loads_once(settings):
    import json
    from pathlib import Path

    seeds = Path(settings.BASE_DIR) / "seeds"
    fixture = json.loads((seeds / "seed_engagement.json").read_text())
    article, (engagement,) = services.seed_fixture_load(fixture=fixture, base_dir=seeds)
    services.seed_fixture_load(fixture=fixture, base_dir=seeds)

    assert Engagement.objects.count() == 1
    assert set(engagement.countries.values_list("code", flat=True)) == {"JO", "QA"}
    names = set(engagement.participations.values_list("official__name", flat=True))
    assert names == {"Abdullah bin Khalaf bin Hattab Al Kaabi", "Obaid Abdulrabboh Al Maaytah"}
    assert str(engagement.date) == "2023-12-22" and engagement.city == "Doha"
    assert {"border-security", "cybersecurity", "intelligence-sharing", "training"} <= set(
        engagement.topics.values_list("slug", flat=True)
    )
    sentences = [e.sentence for e in engagement.evidence.all()]
    assert any(s.startswith("The meeting, held on December 22, 2023") and s.endswith("domains.") for s in sentences)
    for evidence in engagement.evidence.all():
        assert article.text[evidence.start : evidence.end] == evidence.sentence
