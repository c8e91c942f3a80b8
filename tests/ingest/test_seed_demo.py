"""seed_demo: synthetic data that does not mislead (names of each state's own tradition, none of the seed's,
both sides of every engagement named, in texts that name them)."""

import json
from collections import defaultdict
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from ingest.demo_names import pool_for
from ingest.models import Article
from meetings import selectors
from meetings.models import Engagement, Official, OfficialAlias, Participation
from meetings.names import alias_key
from tests import factories

pytestmark = pytest.mark.django_db
SEED = json.loads((settings.BASE_DIR / "seeds" / "seed_engagement.json").read_text(encoding="utf-8"))
SEED_OFFICIALS = [person for engagement in SEED["engagements"] for person in engagement["officials"]]


@pytest.fixture
def demo():
    call_command("seed_demo", "--engagements", "150", "--seed", "4", stdout=StringIO())


def test_each_name_is_drawn_from_its_own_states_pool(demo):
    officials = list(Official.objects.values_list("name", "country_id"))
    assert len({country for _, country in officials}) > 100  # every state has someone to send
    for name, country in officials:
        pool = pool_for(country)
        words = {word for part in pool.given + pool.family for word in part.split()}
        assert set(name.split()) <= words, (name, country)  # no "Kenji Al Otaibi"
        family = name.split()[0] if pool.style == "east-asian" else name
        assert any(family.startswith(f) or family.endswith(f) for f in pool.family), (name, country)


def test_no_demo_name_borrows_a_seed_officials_surname(demo):
    surnames = {alias_key(person["name"]).split()[-1] for person in SEED_OFFICIALS}
    spellings = OfficialAlias.objects.values_list("key", flat=True)
    assert not [key for key in spellings if surnames & set(key.split())]
    seed = SEED_OFFICIALS[-1]
    real = factories.official(name=seed["name"], country=seed["country"])
    surname = seed["name"].split()[-1]
    assert selectors.official_name_match(name=surname).ids[:1] == [real.pk]


def test_every_side_of_an_engagement_has_a_named_participant(demo):
    sides = defaultdict(set)
    for engagement, country in Engagement.countries.through.objects.values_list("engagement_id", "country_id"):
        sides[engagement].add(country)
    present = defaultdict(set)
    for engagement, country in Participation.objects.values_list("engagement_id", "country_id"):
        present[engagement].add(country)
    assert len(sides) == 150
    assert all(present[pk] == countries for pk, countries in sides.items())


def test_each_article_names_every_participant_in_a_recorded_spelling(demo):
    spellings = defaultdict(list)
    for official, name in OfficialAlias.objects.values_list("official_id", "name"):
        spellings[official].append(name)
    people = defaultdict(set)
    for engagement, official in Participation.objects.values_list("engagement_id", "official_id"):
        people[engagement].add(official)
    articles = Article.objects.filter(evidence__isnull=False).distinct().prefetch_related("evidence")
    assert articles.count() > 150
    for article in articles:
        (engagement,) = {item.engagement_id for item in article.evidence.all()}
        for official in people[engagement]:
            assert any(name in article.text for name in spellings[official]), (article.text, spellings[official])
        assert all(article.text[item.start : item.end] == item.sentence for item in article.evidence.all())


def test_counterparts_met_most_in_demo_data_are_of_other_states(demo):
    busiest = max(Official.objects.all(), key=lambda o: o.participations.count())
    counterparts = selectors.official_counterparts(official=busiest)
    assert counterparts and all(person.country_id != busiest.country_id for person, _ in counterparts)
