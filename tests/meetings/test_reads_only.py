"""Pages only read: no GET writes a row or refreshes the tallies, even while they are stale."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ingest.models import Article
from meetings import selectors, services
from meetings.models import ApiToken, Engagement
from tests.meetings.test_views_queries import build, pages

pytestmark = pytest.mark.django_db

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|MERGE|REFRESH|TRUNCATE|CREATE|DROP|ALTER|COPY|VACUUM)\b", re.I)


def writes(client, url: str, **headers: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
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


def test_the_api_with_a_token_writes_nothing_and_notes_the_use_for_the_beat(client, analyst, token_uses):
    build(3)
    token, key = ApiToken.issue(user=analyst, label="notebook")
    api = {name: url for name, url in pages().items() if name.startswith("api")}
    engagement = Engagement.objects.order_by("pk").first()
    api["api engagement"] = reverse("meetings:api-engagement", args=[engagement.pk])
    with_token = {"Authorization": f"Token {key}"}
    found = {url: statements for url in api.values() if (statements := writes(client, url, **with_token))}
    assert found == {}
    token.refresh_from_db()
    assert token.last_used is None
    assert services.api_tokens_use_flush() == 1  # the use waits in Redis for the beat's flush
    token.refresh_from_db()
    assert token.last_used is not None
