"""The Ingestion page's queue length, read from a real Redis of the test's own."""

import pytest
from celery import current_app
from django.urls import reverse

from ingest.selectors import queue_depth
from tests.ingest.services_for_tests import RedisServer, broker


@pytest.fixture
def empty_redis():
    server = RedisServer()
    server.start()
    yield server
    server.stop()


def test_an_empty_queue_is_zero_not_an_outage(empty_redis):
    with broker(empty_redis.url):
        assert queue_depth() == 0  # no list in Redis at all: nothing ever queued, or all taken


def test_waiting_messages_are_counted_and_an_emptied_queue_is_zero_again(empty_redis, settings):
    with broker(empty_redis.url):
        for _ in range(3):
            current_app.send_task("ingest.sweep_stuck", queue=settings.CELERY_TASK_DEFAULT_QUEUE)
        assert queue_depth() == 3
        with current_app.connection_for_write() as conn:
            conn.default_channel.queue_purge(settings.CELERY_TASK_DEFAULT_QUEUE)
        assert queue_depth() == 0


def test_an_unreachable_broker_is_none():
    with broker("redis://127.0.0.1:1/0"):  # nothing listens on port 1
        assert queue_depth() is None


@pytest.mark.django_db
def test_operations_page_shows_zero_waiting_when_the_queue_is_empty(client, editor, empty_redis):
    client.force_login(editor)
    with broker(empty_redis.url):
        page = client.get(reverse("ingest:operations")).content.decode()
    assert "broker unreachable" not in page
    assert '<th scope="row">Waiting in the queue</th><td class="num">0</td>' in page
