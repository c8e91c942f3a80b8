"""What pages keep between requests is never shown older than the records or tallies it came from
(meetings/page_cache.py): a timeline row changes on the page as soon as anything it shows changes."""

import datetime

import pytest
from django.utils import timezone

from meetings import page_cache, selectors
from meetings.models import Country, Engagement, Evidence, Official, Participation, Topic
from meetings.selectors import RowRef
from meetings.tasks import refresh_tallies
from tests import factories

pytestmark = pytest.mark.django_db
TIMELINE = "/"


@pytest.fixture
def meeting():
    return factories.seed_meeting()


def row_of(client, record: Engagement) -> str:
    """The timeline row of `record` as the timeline shows it now."""
    page = client.get(TIMELINE).content.decode()
    start = page.index(f'href="/engagements/{record.pk}/"')
    return page[page.rindex('<li class="engagement">', 0, start) : page.index("</li>", start)]


def _summary(record):
    Engagement.objects.filter(pk=record.pk).update(summary="Talks on smuggling across the desert border.")
    return "Talks on smuggling across the desert border."


def _kind(record):
    Engagement.objects.filter(pk=record.pk).update(kind="call")
    return 'kind-call" href'


def _date(record):
    Engagement.objects.filter(pk=record.pk).update(date=datetime.date(2023, 11, 1), date_precision="month")
    return "Nov 2023"


def _place(record):
    Engagement.objects.filter(pk=record.pk).update(city="Amman", location_country_id="JO")
    return "Amman, Jordan"


def _review(record):
    Engagement.objects.filter(pk=record.pk).update(status="confirmed", reviewed_at=timezone.now())
    return "Confirmed"


def _sources(record):
    source = factories.article(text="A second outlet reports the meeting.")
    Evidence.objects.create(engagement=record, article=source, sentence=source.text, start=0, end=len(source.text))
    return "2 sources"


def _state(record):
    record.countries.add(Country.objects.get(code="EG"))
    return 'title="Egypt"'


def _participant(record):
    person = factories.official(name="Hassan Rashid", country="EG")
    Participation.objects.create(engagement=record, official=person, country_id="EG")
    return "Hassan Rashid</a> <small>(EG)</small>"


def _rename(record):
    Official.objects.filter(name="Abdullah Al Kaabi").update(name="Abdullah bin Khalaf Al Kaabi")
    return "Abdullah bin Khalaf Al Kaabi"


def _topic(record):
    record.topics.add(Topic.objects.get(slug="training"))
    return '<span class="tag">Training</span>'


def _state_renamed(record):
    Country.objects.filter(code="QA").update(short_name="State of Qatar")
    return 'title="State of Qatar"'


@pytest.mark.parametrize(
    "change",
    [
        _summary,
        _kind,
        _date,
        _place,
        _review,
        _sources,
        _state,
        _participant,
        _rename,
        _topic,
        _state_renamed,
    ],
)
def test_a_row_shown_before_shows_each_change_at_once(browse, meeting, change):
    before = row_of(browse, meeting)
    assert row_of(browse, meeting) == before  # the second time from the cache
    shown = change(meeting)
    assert shown not in before
    after = row_of(browse, meeting)
    assert shown in after and after != before


def _title(record):
    Participation.objects.filter(engagement=record, official__country_id="JO").update(title="Minister of Interior")
    return '"title": "Minister of Interior"'


def _topic_in_api(record):
    record.topics.add(Topic.objects.get(slug="training"))
    return '"training"'


@pytest.mark.parametrize("change", [_summary, _kind, _date, _review, _sources, _state, _rename, _title, _topic_in_api])
def test_an_engagement_the_api_listed_before_shows_each_change_at_once(browse, meeting, change):
    before = browse.get("/api/engagements/").content.decode()
    assert browse.get("/api/engagements/").content.decode() == before
    shown = change(meeting)
    after = browse.get("/api/engagements/").content.decode()
    assert after != before
    if shown.startswith('"'):  # shown in the API as it is
        assert shown in after and shown not in before


def test_the_api_lists_each_engagement_with_the_host_it_was_asked_on(client, analyst, meeting):
    client.force_login(analyst)
    first = client.get("/api/engagements/", HTTP_HOST="localhost").json()["results"][0]["url"]
    again = client.get("/api/engagements/", HTTP_HOST="127.0.0.1").json()["results"][0]["url"]
    assert first.startswith("http://localhost/") and again.startswith("http://127.0.0.1/")


def test_rows_alike_but_for_their_id_are_each_their_own(browse):
    first = factories.engagement(date=datetime.date(2024, 3, 1))
    second = factories.engagement(date=datetime.date(2024, 3, 1))
    assert row_of(browse, first) != row_of(browse, second)
    assert f"/engagements/{first.pk}/" in row_of(browse, first)
    assert f"/engagements/{second.pk}/" in row_of(browse, second)


def test_a_row_deleted_after_it_was_picked_is_left_out(meeting):
    [ref] = selectors.engagement_row_page(selectors.engagement_list(), cursor=None).rows
    gone = RowRef(pk=ref.pk + 1000, date=ref.date, digest=ref.digest)
    rendered = page_cache.rendered_rows([ref, gone])
    assert list(rendered) == [meeting.pk] and f"/engagements/{meeting.pk}/" in rendered[meeting.pk]


def test_chart_counts_kept_for_a_fold_are_new_after_the_next(browse, meeting):
    refresh_tallies()
    assert "<strong>1</strong> engagement" in browse.get(TIMELINE).content.decode()
    factories.engagement(date=datetime.date(2024, 2, 2))
    assert "<strong>1</strong> engagement" in browse.get(TIMELINE).content.decode()  # counted at the next fold
    refresh_tallies()
    assert "<strong>2</strong> engagements" in browse.get(TIMELINE).content.decode()
    assert "<dd>2 ·" in browse.get("/relations/JO-QA/").content.decode()
