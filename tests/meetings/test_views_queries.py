"""Every page runs the same, literal number of queries with 1 and with 3 records of each kind."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import Engagement, Official
from meetings.tasks import refresh_tallies
from tests import factories

pytestmark = pytest.mark.django_db


def build(size: int):
    """`size` JO–QA engagements with officials on both sides and evidence, plus the other pages' records."""
    for index in range(size):
        jordanian = factories.official(country="JO", aliases=[f"Al-Maaytah {index}"])
        qatari = factories.official(country="QA")
        record = factories.engagement(
            countries=("JO", "QA"),
            kind=["agreement", "meeting", "call"][index % 3],
            date=datetime.date(2020 + index, 3, 1),
            officials=[jordanian, qatari],
            topics=("border-security", "training"),
            sources=2,
        )
        Engagement.objects.filter(pk=record.pk).update(summary=f"Border talks number {index}")
    # The planner's statistics of these few rows, whatever an earlier test left in place (a search looks
    # among the newest rows only in a table of a thousand or more).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE meetings_engagement, ingest_article")


def pages() -> dict[str, str]:
    official = Official.objects.filter(country_id="JO").order_by("pk").first()
    engagement = Engagement.objects.order_by("pk").first()
    return {
        "timeline": reverse("meetings:timeline"),
        "timeline filtered": reverse("meetings:timeline") + "?country=JO&partner=QA&topic=border-security&q=border",
        "timeline by name": reverse("meetings:timeline") + "?official=Maaytah",
        "timeline of an official": reverse("meetings:timeline")
        + f"?country=JO&country=EG&kind=agreement&official={official.pk}&since=2020-01-01&until=2022-12-31",
        "timeline next page": reverse("meetings:timeline") + "?cursor=2030-01-01.999999",
        "country": reverse("meetings:country", args=["JO"]),
        "relationship": reverse("meetings:relationship", args=["JO-QA"]),
        "official": official.get_absolute_url(),
        "engagement": engagement.get_absolute_url(),
        "network": reverse("meetings:network"),
        "search": reverse("ingest:search") + "?q=border",
        "articles": reverse("ingest:articles"),
        "api engagements": reverse("meetings:api-engagements") + "?country=JO",
        "api officials": reverse("meetings:api-officials") + "?country=JO",
        "api countries": reverse("meetings:api-countries"),
        "api country": reverse("meetings:api-country", args=["JO"]),
    }


# Every logged-in page starts with 2 queries (session, user) and, when its template checks permissions,
# ends with 2 (the user's and their groups' permissions): "auth 2 + 2" below.
# A timeline page of rows: their ids, dates and digests (1), then, for rows not rendered before in this process
# (meetings/page_cache.py; none here, the cache starts empty), the rows with their source count (1) and their
# countries, topics and participants with officials (3 prefetches): "rows 1 + 4". A name filter or search runs
# officials_matching: a savepoint around one set_config call, the alias read and the other script's spellings,
# rolled back (so that the settings end with it) and released = 6.
EXPECTED = {
    # auth 2 + 2; filter form's countries and topics 2; rows 1 + 4; tallies' state 1; month tally 1
    "timeline": 13,
    # the same, the histogram counted from the filtered rows instead of the tally; whether the user watches
    # this filter 1
    "timeline filtered": 14,
    # auth 2 + 2; form 2; the name resolved once: officials_matching 6, the candidates' spellings 1, the
    # officials shown 1 and their engagement counts 1; rows 1 + 4; histogram from the officials' rows 1; tallies'
    # state 1; whether the user watches this filter 1
    "timeline by name": 23,
    # auth 2 + 2; form 2; rows 1 + 4; histogram from the official's rows 1; the official shown with spellings 2;
    # whether the user watches this filter 1; tallies' state 1
    "timeline of an official": 16,
    # as "timeline": the histogram is drawn for a next page requested without htmx
    "timeline next page": 13,
    # auth 2 + 2; the country 1; kind and partner years 2; partner names 1; topic years 1 and topics 1;
    # top officials 1 and the officials 1; latest rows 1 + 4; agreements with their states 2; tallies' state 1;
    # watched 1
    "country": 21,
    # auth 2 + 2; both countries 1; kind years 1; topic years 1 and topics 1; dyad summary 1; each side's
    # top officials and those officials 2 + 2; latest rows 1 + 4; agreements 1; tallies' state 1; watched 1
    "relationship": 21,
    # auth 2 + 2; the official with aliases 2; rows 1 + 4; titles and counterparts 1 and their officials 1;
    # watched 1
    "official": 14,
    # auth 2 + 2; the engagement with its reviewer 1; its countries, topics, participants, evidence with
    # articles 4; its history with who made each change 1
    "engagement": 10,
    # auth 2 + 2; topic choices 1; edges 1 and their countries 1; tallies' state 1
    "network": 8,
    # auth 2 + 2; officials_matching 6 (its officials read 0 times: "border" names nobody); summaries' table
    # size 1 (too few rows to look among the newest for a common word) and full-text ids (savepoint, settings,
    # ids, rollback, release) 5; those engagements' rows 1 + 4; articles' table size 1 and full-text ids 5
    # (the articles themselves 0 times: none matches)
    "search": 27,
    # auth 2 + 2; the page of articles with their engagement counts 1
    "articles": 5,
    # session, user 2; form 2; rows 1 + 4 (no template, no permission check)
    "api engagements": 9,
    # session, user 2; officials 1 and their aliases 1
    "api officials": 4,
    # session, user 2; country totals 1; tallies' state 1; the countries 1
    "api countries": 5,
    # session, user 2; the country 1; kind and partner years 2; partner names 1; topic years 1 and topics 1;
    # top officials 1 and the officials 1; tallies' state 1
    "api country": 11,
}


def count_queries(client, url: str, *, streaming: bool = False) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("size", [1, 3])
@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_queries_per_page(client, analyst, page, size):
    client.force_login(analyst)
    build(size)
    refresh_tallies()  # the charts then have rows to show, as after the worker's refresh
    assert Engagement.objects.count() == size
    assert count_queries(client, pages()[page]) == EXPECTED[page], page


# Opened a second time, with nothing written between: the rows come rendered from the process's cache (rows 1,
# not 5), and what the charts read from the tallies too (meetings/page_cache.py).
AGAIN = {
    # auth 2 + 2; form 2; rows 1; tallies' state 1 (the month tally 0)
    "timeline": 8,
    # auth 2 + 2; form 2; rows 1; histogram from the official's rows 0; the official shown with spellings 2;
    # whether the user watches this filter 1; tallies' state 1
    "timeline of an official": 11,
    # auth 2 + 2; the country 1; tallies' state 1; latest rows 1; agreements with their states 2; watched 1
    "country": 10,
    # auth 2 + 2; both countries 1; tallies' state 1; latest rows 1; agreements 1; watched 1
    "relationship": 9,
    # auth 2 + 2; the official with aliases 2; rows 1; titles and counterparts 1 and their officials 1; watched 1
    "official": 10,
    # session, user 2; form 2; rows 1
    "api engagements": 5,
    # as the first time, less the engagements' rows 4
    "search": 23,
}


@pytest.mark.parametrize("page", sorted(AGAIN))
def test_queries_per_page_opened_again(client, analyst, page):
    client.force_login(analyst)
    build(3)
    refresh_tallies()
    count_queries(client, pages()[page])
    assert count_queries(client, pages()[page]) == AGAIN[page], page


@pytest.mark.parametrize("size", [1, 3])
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_queries(client, analyst, fmt, size):
    """session, user 2; form 2; a server-side cursor over the rows 1 and their prefetches 3 = 8."""
    client.force_login(analyst)
    build(size)
    assert count_queries(client, reverse("meetings:export", args=[fmt]) + "?country=JO", streaming=True) == 8
