import json
from pathlib import Path

import pytest

from ingest.seeds import seed_fixture_load
from meetings.models import Engagement

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_seed_fixture_loads_once():
    fixture = json.loads((SEEDS / "seed_engagement.json").read_text())
    article, (engagement,) = seed_fixture_load(fixture=fixture, base_dir=SEEDS)
    seed_fixture_load(fixture=fixture, base_dir=SEEDS)

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
