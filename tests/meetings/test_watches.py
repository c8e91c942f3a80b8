"""Watches and What's new: what a user follows, and what arrived for it since a time."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.utils import timezone

from meetings import selectors, services
from meetings.forms import TimelineFilterForm, WatchForm
from meetings.models import Country, Engagement, Watch, WatchProfile
from tests import factories

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def states(*codes: str) -> list[Country]:
    found = Country.objects.in_bulk(list(codes))
    return [found[code] for code in codes]


def arrived_ago(engagement: Engagement, delta: datetime.timedelta) -> Engagement:
    Engagement.objects.filter(pk=engagement.pk).update(created=timezone.now() - delta)
    return engagement


def news_of(user, *, since, until=None) -> dict[str, list[int]]:
    news = selectors.whats_new(
        watches=list(selectors.watches_of(user=user)), since=since, until=until or timezone.now()
    )
    return {group.watch.label: [e.pk for e in group.engagements] for group in news.groups}


def test_a_pair_is_one_watch_in_either_order_and_watching_again_changes_nothing(analyst):
    qa, jo = states("QA", "JO")
    first = services.watch_add(user=analyst, kind="pair", country=qa, partner=jo)
    again = services.watch_add(user=analyst, kind="pair", country=jo, partner=qa)

    assert first.pk == again.pk
    assert (first.country_id, first.partner_id) == ("JO", "QA")
    assert first.label == "Jordan – Qatar"
    assert first.get_absolute_url() == "/relations/JO-QA/"
    assert selectors.watch_find(user=analyst, kind="pair", country="QA", partner="JO") == first
    assert WatchProfile.objects.filter(user=analyst).count() == 1


def test_the_database_refuses_a_pair_out_of_order_or_a_watch_without_its_target(analyst):
    jo, qa = states("JO", "QA")
    with pytest.raises(IntegrityError), transaction.atomic():
        Watch.objects.create(user=analyst, kind="pair", country=qa, partner=jo)
    with pytest.raises(IntegrityError), transaction.atomic():
        Watch.objects.create(user=analyst, kind="official", country=jo)
    with pytest.raises(IntegrityError), transaction.atomic():
        Watch.objects.create(user=analyst, kind="filter", query="")


def test_whats_new_lists_what_arrived_for_each_watch_since_a_time(analyst):
    jo, qa = states("JO", "QA")
    pair = services.watch_add(user=analyst, kind="pair", country=jo, partner=qa)
    country = services.watch_add(user=analyst, kind="country", country=qa)
    since = timezone.now() - HOUR

    both = factories.engagement(countries=("JO", "QA"))
    qatar_only = factories.engagement(countries=("QA", "TR"))
    factories.engagement(countries=("US", "GB"))  # watched by nobody
    arrived_ago(factories.engagement(countries=("JO", "QA")), 2 * HOUR)  # before the visit
    rejected = factories.engagement(countries=("JO", "QA"))
    Engagement.objects.filter(pk=rejected.pk).update(status=Engagement.Status.REJECTED)

    news = selectors.whats_new(watches=[pair, country], since=since, until=timezone.now())

    assert [(group.watch, [e.pk for e in group.engagements]) for group in news.groups] == [
        (pair, [both.pk]),
        (country, sorted([both.pk, qatar_only.pk], reverse=True)),
    ]
    assert news.total == 2 and not news.truncated


def test_an_official_watch_follows_their_engagements_and_survives_a_merge(analyst, editor):
    maaytah = factories.official(name="Obaid Al Maaytah")
    duplicate = factories.official(name="Obeidallah Maaitah")
    services.watch_add(user=analyst, kind="official", official=duplicate)
    services.watch_add(user=editor, kind="official", official=duplicate)
    services.watch_add(user=editor, kind="official", official=maaytah)
    since = timezone.now() - HOUR
    theirs = factories.engagement(officials=[duplicate])
    factories.engagement(officials=[factories.official()])

    assert news_of(analyst, since=since) == {"Obeidallah Maaitah": [theirs.pk]}

    services.official_merge(survivor=maaytah, others=[duplicate])

    assert news_of(analyst, since=since) == {"Obaid Al Maaytah": [theirs.pk]}
    assert Watch.objects.filter(user=editor).count() == 1  # already watched the survivor: one watch left


def test_a_saved_filter_is_the_timeline_form_and_a_filter_that_no_longer_validates_matches_nothing(analyst):
    form = TimelineFilterForm(QueryDict("topic=cybersecurity&country=QA&country=JO&cursor=2024-01-01.5&q="))
    query = form.saved_query()
    assert query == "country=JO&country=QA&topic=cybersecurity"
    saved = services.watch_add(user=analyst, kind="filter", query=query, name=form.describe())
    assert saved.label == "Jordan, Qatar · Cybersecurity"
    stale = Watch.objects.create(user=analyst, kind="filter", query="topic=no-such-topic", name="Old topic")
    since = timezone.now() - HOUR

    cyber = factories.engagement(countries=("QA", "TR"), topics=("cybersecurity",))
    factories.engagement(countries=("QA", "TR"), topics=("training",))
    factories.engagement(countries=("US", "GB"), topics=("cybersecurity",))

    news = selectors.whats_new(watches=[saved, stale], since=since, until=timezone.now())
    assert [(g.watch, [e.pk for e in g.engagements], g.valid) for g in news.groups] == [
        (saved, [cyber.pk], True),
        (stale, [], False),
    ]


def test_visiting_whats_new_marks_it_seen(analyst):
    services.watch_add(user=analyst, kind="country", country=states("JO")[0])
    WatchProfile.objects.filter(user=analyst).update(created=timezone.now() - HOUR)
    first = factories.engagement(countries=("JO", "QA"))

    assert selectors.whats_new_count(user=analyst, now=timezone.now()) == 1
    visit = services.whats_new_visit(user=analyst, now=timezone.now())
    assert [e.pk for e in visit.news[0].engagements] == [first.pk]

    assert selectors.whats_new_count(user=analyst, now=timezone.now()) == 0
    assert services.whats_new_visit(user=analyst, now=timezone.now()).total == 0
    second = factories.engagement(countries=("JO", "TR"))
    assert selectors.whats_new_count(user=analyst, now=timezone.now()) == 1
    assert [e.pk for e in services.whats_new_visit(user=analyst, now=timezone.now()).news[0].engagements] == [second.pk]


def test_nothing_is_new_for_a_user_who_watches_nothing(analyst):
    factories.engagement()
    assert selectors.whats_new_count(user=analyst, now=timezone.now()) == 0
    assert services.whats_new_visit(user=analyst, now=timezone.now()).groups == []


def test_whats_new_caps_the_list_and_says_so(analyst):
    services.watch_add(user=analyst, kind="country", country=states("JO")[0])
    for day in range(1, 5):
        factories.engagement(date=datetime.date(2024, 2, day))
    news = selectors.whats_new(
        watches=list(selectors.watches_of(user=analyst)), since=timezone.now() - HOUR, until=timezone.now(), limit=3
    )
    assert news.total == 3 and news.truncated
    assert [e.date.day for e in news.groups[0].engagements] == [4, 3, 2]
    assert selectors.whats_new_count(user=analyst, now=timezone.now(), limit=3) == 3


def test_removing_a_watch_is_only_for_its_owner(analyst, editor):
    watch = services.watch_add(user=analyst, kind="country", country=states("JO")[0])
    assert services.watch_remove(user=editor, watch_id=watch.pk) is None
    removed = services.watch_remove(user=analyst, watch_id=watch.pk)
    assert removed.label == "Jordan" and not Watch.objects.exists()


@pytest.mark.parametrize(
    "data, error",
    [
        ({"kind": "pair", "country": "JO", "partner": "jo"}, "A pair is two different states."),
        ({"kind": "pair", "country": "JO", "partner": "ZZ"}, "No such state."),
        ({"kind": "country", "country": "J0"}, "Give the state's two-letter code"),
        ({"kind": "official", "official": "999999"}, "No such official."),
        ({"kind": "official", "official": "١٢"}, "No such official."),
        ({"kind": "filter", "query": "cursor=2024-01-01.5"}, "Choose at least one filter on the timeline to watch."),
        ({"kind": "filter", "query": "since=2024-05-01&until=2024-01-01"}, "until (The end of the range"),
        ({"kind": "everything"}, "Select a valid choice"),
    ],
)
def test_the_watch_form_explains_what_it_refuses(data, error):
    form = WatchForm(data)
    assert not form.is_valid()
    assert error in " ".join(message for messages in form.errors.values() for message in messages)


def test_the_watch_form_names_the_target(analyst):
    official = factories.official()
    assert WatchForm({"kind": "pair", "country": "qa", "partner": "JO"}).is_valid()
    form = WatchForm({"kind": "official", "official": str(official.pk)})
    assert form.is_valid() and form.target() == {"kind": "official", "official": official}
    form = WatchForm({"kind": "filter", "query": "kind=agreement&country=QA"})
    assert form.is_valid() and form.target() == {"kind": "filter", "query": "country=QA&kind=agreement"}
    assert form.cleaned_data["name"] == "Qatar · Agreement"


def test_a_watch_reports_only_what_arrived_after_it_was_added(analyst):
    jo, qa = states("JO", "QA")
    services.watch_add(user=analyst, kind="country", country=jo)
    since = timezone.now() - 3 * HOUR
    earlier = arrived_ago(factories.engagement(countries=("QA", "TR")), 2 * HOUR)
    qatar = services.watch_add(user=analyst, kind="country", country=qa)
    Watch.objects.filter(pk=qatar.pk).update(created=timezone.now() - HOUR)
    later = factories.engagement(countries=("QA", "TR"))

    assert news_of(analyst, since=since) == {"Jordan": [], "Qatar": [later.pk]}
    assert earlier.pk not in news_of(analyst, since=since)["Qatar"]


def test_an_engagement_confirmed_since_the_last_visit_is_new_again_and_a_rejected_one_never_is(analyst, editor):
    from meetings import review

    qa, jo = states("QA", "JO")
    services.watch_add(user=analyst, kind="pair", country=qa, partner=jo)
    Watch.objects.filter(user=analyst).update(created=timezone.now() - 3 * HOUR)
    known = arrived_ago(factories.engagement(countries=("JO", "QA")), 2 * HOUR)
    doubtful = arrived_ago(factories.engagement(countries=("JO", "QA")), 2 * HOUR)
    since = timezone.now() - HOUR
    assert news_of(analyst, since=since) == {"Jordan – Qatar": []}

    review.engagement_review(engagement_id=known.pk, version=known.version, user=editor, status="confirmed")
    review.engagement_review(engagement_id=doubtful.pk, version=doubtful.version, user=editor, status="rejected")

    assert news_of(analyst, since=since) == {"Jordan – Qatar": [known.pk]}
