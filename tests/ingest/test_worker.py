"""Integration: uploads processed by a real Celery worker (a subprocess) through a real Redis into
the test database; the worker is killed, Redis goes away, pages fail to fetch."""

import importlib
import json
import time

import pytest
import redis
from django.apps import apps
from django.conf import settings
from django.urls import reverse

from ingest.extraction import Event as EngineEvent
from ingest.extraction import Evidence as EngineEvidence
from ingest.extraction import Location
from ingest.models import Article
from ingest.records import extraction_records_write
from meetings import services as meetings_services
from meetings.models import Country, Engagement, Evidence
from meetings.selectors import tallies_state
from meetings.services import tallies_refresh
from tests import factories
from tests.ingest.conftest import syndicated_copy
from tests.ingest.documents import REPORT, html_page
from tests.ingest.services_for_tests import RedisServer, Site, Worker, broker, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("reference_data")]
UPLOAD = reverse("ingest:upload")
FINISHED = (Article.Status.DONE, Article.Status.FAILED)


@pytest.fixture
def reference_data(transactional_db):
    """Countries, topics and roles, which the flush after each transactional test removes, loaded again
    by the foundation's own data migrations."""
    if not Country.objects.exists():
        reference = importlib.import_module("meetings.migrations.0002_reference_data")
        roles = importlib.import_module("meetings.migrations.0003_roles")
        reference.load_countries(apps, None)
        reference.load_topics(apps, None)
        roles.create_groups(apps, None)


@pytest.fixture(scope="module")
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def worker(django_db_setup, django_db_blocker, redis_server):
    """One worker for the module's ordinary cases; a fetch times out after 2 seconds."""
    with django_db_blocker.unblock():
        running = Worker(redis_server.url, INGEST_FETCH_TIMEOUT=2).start()
    yield running
    running.stop()


@pytest.fixture
def editor_client(client, editor, settings):
    settings.INGEST_ALLOW_PRIVATE_URLS = True  # the test site is on 127.0.0.1
    client.force_login(editor)
    return client


@pytest.fixture
def queue(worker, redis_server):
    with broker(redis_server.url):
        yield worker


@pytest.fixture
def own_redis():
    """A Redis of the test's own, so that no other worker takes its tasks."""
    server = RedisServer()
    server.start()
    yield server
    server.stop()


def finished(article_id: int, worker: Worker, timeout: float = 60) -> Article:
    return wait_for(
        lambda: Article.objects.filter(pk=article_id, status__in=FINISHED).first(),
        timeout=timeout,
        what=f"article {article_id} to finish",
        worker=worker,
    )


def upload(client, data: dict) -> Article:
    response = client.post(UPLOAD, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Article.objects.get(pk=int(response["Location"].rstrip("/").rsplit("/", 1)[1]))


def test_upload_becomes_an_engagement_on_the_page(queue, editor_client, seed_text):
    article = finished(upload(editor_client, {"text": seed_text, "title": "Seed"}).pk, queue)
    assert article.status == "done", article.error
    engagement = Engagement.objects.get()
    progress = editor_client.get(reverse("ingest:article_progress", args=[article.pk]))
    assert progress.status_code == 286 and engagement.get_absolute_url() in progress.content.decode()
    page = editor_client.get(engagement.get_absolute_url()).content.decode()
    assert "Al Kaabi" in page and "Maaytah" in page


def test_exact_duplicate_creates_nothing(queue, editor_client, seed_text):
    first = finished(upload(editor_client, {"text": seed_text}).pk, queue)
    response = editor_client.post(UPLOAD, {"text": seed_text.replace("\n", "\n\n")}, follow=True)
    assert response.redirect_chain[-1][0] == first.get_absolute_url()
    assert "already ingested" in response.content.decode()
    assert Article.objects.count() == 1 and Engagement.objects.count() == 1


def test_syndicated_copy_is_another_source(queue, editor_client, seed_text):
    first = finished(upload(editor_client, {"text": seed_text}).pk, queue)
    copy = finished(upload(editor_client, {"text": syndicated_copy(seed_text), "publisher": "Petra"}).pk, queue)
    assert copy.syndicated_from_id == first.pk
    page = editor_client.get(copy.get_absolute_url()).content.decode()
    assert "Another outlet's copy" in page and "now 2 sources" in page
    assert Engagement.objects.count() == 1


def test_one_meeting_reported_by_two_outlets_is_one_engagement_with_two_sources(queue, editor_client, corpus):
    for key in ("d003", "d018"):
        row = corpus[key]
        article = upload(editor_client, {"text": row["text"], "title": row["title"], "published": row["published"]})
        assert finished(article.pk, queue).status == "done"
    engagement = Engagement.objects.get()
    assert Evidence.objects.filter(engagement=engagement).values("article").distinct().count() == 2
    assert engagement.participations.count() == 2  # Maaytah / Maaitah is one person


def test_url_is_fetched_by_the_worker(queue, editor_client):
    with Site() as site:
        site.pages["/news/amman"] = (200, html_page(title="Amman talks", paragraphs=REPORT).encode(), "text/html")
        article = finished(upload(editor_client, {"url": site.url("/news/amman")}).pk, queue)
    assert article.status == "done", article.error
    assert (article.title, article.publisher) == ("Amman talks", "Gulf Security Review")
    assert REPORT[0] in article.text and Engagement.objects.filter(evidence__article=article).exists()


@pytest.mark.parametrize(
    ("path", "page", "delay", "reason"),
    [
        ("/missing", None, 0, "The page was not found (HTTP 404)."),
        ("/slow", (200, b"<p>late</p>", "text/html"), 5, "did not answer within 2 seconds"),
        ("/huge", (200, b"<p>" + b"word " * 2_300_000 + b"</p>", "text/html"), 0, "The page is too large"),
        ("/menu", (200, b"<html><body><nav>Home | World</nav></body></html>", "text/html"), 0, "Not an article"),
        ("/image", (200, b"\x89PNG\r\n\x1a\n" + bytes(500), "image/png"), 0, "Not an article: This file is a PNG"),
    ],
    ids=["404", "timeout", "too-large", "no-article", "image"],
)
def test_url_failing_at_fetch_time_leaves_the_article_failed_with_the_reason(
    queue, editor_client, settings, path, page, delay, reason
):
    with Site() as site:
        if page:
            site.pages[path] = page
        site.delays[path] = [delay]
        article = finished(upload(editor_client, {"url": site.url(path)}).pk, queue)
    assert article.status == "failed" and reason in article.error
    shown = editor_client.get(article.get_absolute_url()).content.decode()
    assert reason.replace("'", "&#x27;") in shown and ">Retry</button>" in shown
    assert Engagement.objects.count() == 0


def test_worker_killed_mid_task_processes_the_article_once(editor_client, own_redis):
    """kill -9 of the pool process while it fetches: the task is given back (acks_late, reject on
    worker lost) and the next attempt, under the same claim, writes the records once."""
    with Site() as site, broker(own_redis.url):
        site.pages["/news/amman"] = (200, html_page(title="Amman talks", paragraphs=REPORT).encode(), "text/html")
        site.delays["/news/amman"] = [30]  # the first fetch hangs until the worker is killed
        running = Worker(own_redis.url, INGEST_FETCH_TIMEOUT=60).start()
        try:
            article = upload(editor_client, {"url": site.url("/news/amman")})
            assert site.requested.wait(60), running.log.read_text()[-3000:]
            assert Article.objects.get(pk=article.pk).status == "processing"
            (child,) = running.pool_processes()
            child.kill()
            article = finished(article.pk, running)
        finally:
            running.stop()
    assert article.status == "done", article.error
    assert article.attempts == 2 and len(site.requests) == 2
    engagements = Engagement.objects.filter(evidence__article=article).distinct()
    assert engagements.count() == 1 and Engagement.objects.count() == 1


def test_whole_worker_killed_then_the_sweeper_requeues_it(editor_client, own_redis):
    """The whole worker dies with the task (its message stays unacknowledged in Redis): a new worker's
    beat sweeper finds the article stuck in processing and queues it again; it is written once."""
    with Site() as site, broker(own_redis.url):
        site.pages["/news/amman"] = (200, html_page(title="Amman talks", paragraphs=REPORT).encode(), "text/html")
        site.delays["/news/amman"] = [30]
        first = Worker(own_redis.url, INGEST_FETCH_TIMEOUT=60).start()
        try:
            article = upload(editor_client, {"url": site.url("/news/amman")})
            assert site.requested.wait(60)
            first.kill()
        finally:
            first.stop()
        assert Article.objects.get(pk=article.pk).status == "processing"
        second = Worker(own_redis.url, beat=True, INGEST_STUCK_AFTER=2, INGEST_SWEEP_EVERY=1).start()
        try:
            article = finished(article.pk, second)
        finally:
            second.stop()
    assert article.status == "done", article.error
    assert Engagement.objects.count() == 1
    assert Evidence.objects.filter(article=article).values("engagement").distinct().count() == 1


def test_upload_while_redis_is_down_waits_then_is_processed(editor_client, seed_text):
    server = RedisServer()
    server.start()
    server.stop()  # the broker is down when the editor uploads
    try:
        with broker(server.url):
            started = time.monotonic()
            article = upload(editor_client, {"text": seed_text})
            assert time.monotonic() - started < 15
            assert Article.objects.get(pk=article.pk).status == "pending"
            ops = editor_client.get(reverse("ingest:operations")).content.decode()
            assert "broker unreachable" in ops
            server.start()  # back on the same port
            running = Worker(server.url, beat=True, INGEST_STUCK_AFTER=1, INGEST_SWEEP_EVERY=1).start()
            try:
                article = finished(article.pk, running)
            finally:
                running.stop()
    finally:
        server.stop()
    assert article.status == "done" and Engagement.objects.count() == 1


def test_tallies_are_refreshed_by_the_worker_after_writes(queue, editor_client, seed_text):
    """Pages only read the tallies; the write's own transaction queues their refresh for the worker."""
    assert "No engagements involving Qatar" in editor_client.get("/countries/QA/").content.decode()
    assert finished(upload(editor_client, {"text": seed_text}).pk, queue).status == "done"
    wait_for(lambda: not tallies_state().stale, timeout=30, what="the tallies' refresh", worker=queue)
    page = editor_client.get("/countries/QA/").content.decode()
    assert "1 engagement" in page and "Jordan" in page


def _talks(day: int) -> EngineEvent:
    return EngineEvent(
        type="meeting",
        date=f"2024-03-{day:02d}",
        location=Location("Doha", "QA"),
        countries=["JO", "QA"],
        officials=[],
        topics=[],
        evidence=[EngineEvidence(text="", start=0, end=9)],
    )


def test_a_burst_of_writes_queues_one_refresh(own_redis, seed_text, monkeypatch):
    queued = redis.Redis(port=own_redis.port)
    with broker(own_redis.url):  # no worker listens there: the queue shows what was sent
        extraction_records_write(article=factories.article(text="Sport news."), events=[])
        assert queued.llen(settings.CELERY_TASK_DEFAULT_QUEUE) == 0  # nothing written: nothing to refresh
        for n in range(3):  # each commits (the test runs outside a transaction) and asks for a refresh
            extraction_records_write(article=factories.article(text=f"Report {n}."), events=[_talks(10 + n * 5)])
        waiting = queued.lrange(settings.CELERY_TASK_DEFAULT_QUEUE, 0, -1)
        assert [json.loads(m)["headers"]["task"] for m in waiting] == ["meetings.refresh_tallies"]
        assert tallies_refresh() == "refreshed"  # the task's body; it clears the marker
        assert not tallies_state().stale
        # Within the queued task's countdown, a write needs no other: that task, yet to run, will count it.
        extraction_records_write(article=factories.article(text="Report 4."), events=[_talks(28)])
        assert queued.llen(settings.CELERY_TASK_DEFAULT_QUEUE) == 1
        # Once the countdown is over (the refresh may have begun), the next write asks again.
        monkeypatch.setattr(meetings_services, "_refresh_ahead", {})  # as a process finds it a countdown later
        extraction_records_write(article=factories.article(text="Report 5."), events=[_talks(3)])
        assert queued.llen(settings.CELERY_TASK_DEFAULT_QUEUE) == 2
