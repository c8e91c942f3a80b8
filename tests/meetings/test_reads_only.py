"""Pages only read: no GET writes a row or refreshes the tallies, even while they are stale."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ingest.models import Article
from meetings import selectors
from tests.meetings.test_views_queries import build, pages

pytestmark = pytest.mark.django_db

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|MERGE|REFRESH|TRUNCATE|CREATE|DROP|ALTER|COPY|VACUUM)\b", re.I)


def writes(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return [q["sql"] for q in queries if WRITE.match(q["sql"]) or "FOR UPDATE" in q["sql"].upper()]


def test_no_page_export_or_api_read_writes(client, staff):
    client.force_login(staff)
    build(3)
    assert selectors.tallies_state().stale  # what used to make a page refresh the tallies itself
    article = Article.objects.order_by("pk").first()
    urls = [
        *pages().values(),
        reverse("meetings:export", args=["csv"]),
        reverse("meetings:export", args=["json"]),
        reverse("ingest:article", args=[article.pk]),
        reverse("ingest:upload"),
        reverse("ingest:operations"),
    ]
    found = {url: statements for url in urls if (statements := writes(client, url))}
    assert found == {}
    assert selectors.tallies_state().stale
