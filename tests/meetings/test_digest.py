"""The daily digest: what arrived for a user's watches since their last digest, mailed once a day."""

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from meetings import services
from meetings.models import Country, Engagement, WatchProfile
from meetings.tasks import send_digests
from tests import factories

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def watcher(analyst):
    analyst.email = "ana@example.org"
    analyst.save()
    jo, qa = (Country.objects.get(code=code) for code in ("JO", "QA"))
    services.watch_add(user=analyst, kind="pair", country=jo, partner=qa)
    WatchProfile.objects.filter(user=analyst).update(created=timezone.now() - 2 * HOUR)
    return analyst


def new_pair_engagement(summary: str) -> Engagement:
    record = factories.engagement(countries=("JO", "QA"))
    Engagement.objects.filter(pk=record.pk).update(summary=summary)
    return record


def test_the_digest_lists_what_arrived_and_links_to_unsubscribe(watcher, client):
    record = new_pair_engagement("Jordan and Qatar agreed on joint border patrols.")
    factories.engagement(countries=("US", "GB"))  # not watched

    run = services.digests_send(now=timezone.now())

    assert run.sent == 1 and run.failed == []
    [message] = mail.outbox
    assert message.to == ["ana@example.org"]
    assert message.subject == "Dyad: 1 new engagement for what you watch"
    assert "Jordan – Qatar (Pair of states): 1 new" in message.body
    assert "Jordan and Qatar agreed on joint border patrols." in message.body
    assert f"{settings.SITE_URL}{record.get_absolute_url()}" in message.body
    html = message.alternatives[0][0]
    assert f'href="{settings.SITE_URL}{record.get_absolute_url()}"' in html
    link = re.search(r"Stop this digest \(one click\): (\S+)", message.body).group(1)
    assert message.extra_headers["List-Unsubscribe"] == f"<{link}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # The mail client's one-click unsubscribe: a POST to the link, with no session and no CSRF token.
    path = link.removeprefix(settings.SITE_URL)
    assert client.post(path).status_code == 200
    assert not WatchProfile.objects.get(user=watcher).digest


def test_nothing_is_sent_when_nothing_is_new(watcher):
    factories.engagement(countries=("US", "GB"))
    assert services.digests_send(now=timezone.now()).sent == 0
    assert mail.outbox == []


def test_a_digest_run_twice_the_same_day_sends_once(watcher):
    new_pair_engagement("First talks.")
    now = timezone.now()
    assert services.digests_send(now=now).sent == 1
    new_pair_engagement("Second talks, the same day.")
    assert services.digests_send(now=now + datetime.timedelta(minutes=5)).sent == 0
    assert services.digest_send(profile_id=watcher.watch_profile.pk, now=now + HOUR) is False
    assert len(mail.outbox) == 1

    # The next day's digest reports what arrived since the first one, and only that.
    assert services.digests_send(now=now + datetime.timedelta(days=1)).sent == 1
    assert len(mail.outbox) == 2
    assert "Second talks, the same day." in mail.outbox[1].body
    assert "First talks." not in mail.outbox[1].body


def test_no_digest_for_a_user_who_opted_out_or_has_no_address(watcher, editor):
    new_pair_engagement("Talks.")
    services.watch_add(user=editor, kind="country", country=Country.objects.get(code="JO"))
    WatchProfile.objects.filter(user=editor).update(created=timezone.now() - 2 * HOUR)  # editor has no email
    services.digest_subscribe(user=watcher, subscribed=False)

    assert services.digests_send(now=timezone.now()).sent == 0
    assert mail.outbox == []

    services.digest_subscribe(user=watcher, subscribed=True)
    assert services.digests_send(now=timezone.now()).sent == 1


def test_a_failed_send_gives_the_day_back_for_the_retry(watcher, settings):
    new_pair_engagement("Talks.")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2  # nothing listens
    settings.EMAIL_USE_TLS = False

    run = services.digests_send(now=timezone.now())

    assert run.sent == 0 and run.failed == [watcher.watch_profile.pk]
    profile = WatchProfile.objects.get(user=watcher)
    assert profile.digest_sent_on is None and profile.digest_through is None

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert services.digests_send(now=timezone.now()).sent == 1
    assert "Talks." in mail.outbox[0].body


def test_the_beat_task_sends_the_digests(watcher):
    new_pair_engagement("Talks in Amman.")
    send_digests()
    assert len(mail.outbox) == 1
    assert settings.CELERY_BEAT_SCHEDULE["meetings-send-digests"]["task"] == send_digests.name


def test_mail_goes_to_the_console_in_development_and_to_smtp_from_the_environment_in_production():
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "SECRET_KEY"}}
    show = "from django.conf import settings as s; print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.SITE_URL)"
    development = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", show],
        cwd=ROOT,
        env=env | {"DEBUG": "1"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert development.stdout.splitlines()[-1].split()[0] == "django.core.mail.backends.console.EmailBackend"
    production = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", show],
        cwd=ROOT,
        env=env
        | {
            "DEBUG": "0",
            "SECRET_KEY": "s" * 60,
            "ALLOWED_HOSTS": "dyad.example.org",
            "EMAIL_HOST": "smtp.example.org",
            "EMAIL_PORT": "2525",
        },
        capture_output=True,
        text=True,
        check=True,
    )
    assert production.stdout.splitlines()[-1].split() == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.example.org",
        "2525",
        "https://dyad.example.org",
    ]


def test_the_unsubscribe_page_needs_no_login_and_refuses_a_bad_token(watcher, client):
    token = watcher.watch_profile.unsubscribe_token
    page = client.get(reverse("meetings:unsubscribe", args=[token]))
    assert page.status_code == 200
    assert b"Stop the daily digest email for ana?" in page.content
    assert WatchProfile.objects.get(user=watcher).digest  # a link scanner's GET changes nothing

    done = client.post(reverse("meetings:unsubscribe", args=[token]))
    assert b"The daily digest for ana is off." in done.content
    assert not WatchProfile.objects.get(user=watcher).digest

    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    for bad in (forged, "1", "not-a-token"):
        refused = client.post(reverse("meetings:unsubscribe", args=[bad]))
        assert refused.status_code == 400
        assert b"This unsubscribe link is not valid" in refused.content
