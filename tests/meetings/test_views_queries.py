"""Every page's number of queries stays the same with 1 and with 3 records of each kind."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import Engagement, Official
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


def pages() -> dict[str, str]:
    official = Official.objects.filter(country_id="JO").order_by("pk").first()
    engagement = Engagement.objects.order_by("pk").first()
    return {
        "timeline": reverse("meetings:timeline"),
        "timeline filtered": reverse("meetings:timeline") + "?country=JO&partner=QA&topic=border-security&q=border",
        "timeline by name": reverse("meetings:timeline") + "?official=Maaytah",
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


def count_queries(client, url: str, *, streaming: bool = False) -> int:
    client.get(url)  # the first read after writes refreshes the tallies; count a steady page
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize(
    "page",
    [
        "timeline",
        "timeline filtered",
        "timeline by name",
        "timeline next page",
        "country",
        "relationship",
        "official",
        "engagement",
        "network",
        "search",
        "articles",
        "api engagements",
        "api officials",
        "api countries",
        "api country",
    ],
)
def test_queries_do_not_grow_with_data(client, analyst, page):
    client.force_login(analyst)
    build(1)
    small = count_queries(client, pages()[page])
    build(2)  # now 3 of everything
    assert Engagement.objects.count() == 3
    large = count_queries(client, pages()[page])
    assert small == large, f"{page}: {small} queries with 1 record, {large} with 3"


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_queries_do_not_grow_with_data(client, analyst, fmt):
    client.force_login(analyst)
    url = reverse("meetings:export", args=[fmt]) + "?country=JO"
    build(1)
    small = count_queries(client, url, streaming=True)
    build(2)
    assert count_queries(client, url, streaming=True) == small
