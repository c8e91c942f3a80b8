"""The Watch buttons, the Watching list, What's new and its badge, as a user sees them."""

import datetime
import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meetings import services
from meetings.models import Country, Engagement, Watch, WatchProfile
from tests import factories

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_watching_a_relationship_without_javascript_comes_back_to_the_page(client, analyst):
    client.force_login(analyst)
    page = client.get("/relations/JO-QA/")
    assert b"Watch Jordan \xe2\x80\x93 Qatar" in page.content

    response = client.post(
        reverse("meetings:watch-add"), {"kind": "pair", "country": "QA", "partner": "JO", "next": "/relations/JO-QA/"}
    )
    assert response.status_code == 302 and response.url == "/relations/JO-QA/"
    watch = Watch.objects.get(user=analyst)
    assert (watch.kind, watch.country_id, watch.partner_id) == ("pair", "JO", "QA")

    page = client.get("/relations/JO-QA/")
    assert "Watching Jordan – Qatar: What's new and the daily digest report it." in html.unescape(page.content.decode())
    assert b"Unwatch" in page.content


def test_watch_and_unwatch_with_htmx_swap_the_button(client, analyst):
    client.force_login(analyst)
    official = factories.official(name="Abdullah Al Kaabi", country="QA")
    added = client.post(reverse("meetings:watch-add"), {"kind": "official", "official": official.pk}, **HTMX)
    assert added.status_code == 200
    assert "Watching Abdullah Al Kaabi" in added.content.decode() and b"<html" not in added.content
    watch = Watch.objects.get(user=analyst)
    assert f'action="/watches/{watch.pk}/remove/"' in added.content.decode()

    removed = client.post(reverse("meetings:watch-remove", args=[watch.pk]), **HTMX)
    assert "Watch Abdullah Al Kaabi" in removed.content.decode()
    assert f'name="official" value="{official.pk}"' in removed.content.decode()
    assert not Watch.objects.exists()


def test_someone_elses_watch_cannot_be_removed(client, analyst, editor):
    watch = services.watch_add(user=editor, kind="country", country=Country.objects.get(code="JO"))
    client.force_login(analyst)
    response = client.post(reverse("meetings:watch-remove", args=[watch.pk]))
    assert response.status_code == 404
    assert Watch.objects.filter(pk=watch.pk).exists()


def test_the_timeline_saves_its_current_filter(client, analyst):
    client.force_login(analyst)
    assert b"Watch this filter" not in client.get("/").content  # nothing chosen, nothing to watch
    page = client.get("/?topic=cybersecurity&country=QA&cursor=", follow=True)  # the empty cursor is dropped
    assert page.redirect_chain == [("/?topic=cybersecurity&country=QA", 302)]
    assert b"Watch this filter" in page.content
    assert b'name="query" value="country=QA&amp;topic=cybersecurity"' in page.content

    client.post(reverse("meetings:watch-add"), {"kind": "filter", "query": "country=QA&topic=cybersecurity"})
    watch = Watch.objects.get(user=analyst)
    assert watch.name == "Qatar · Cybersecurity"
    assert b"Watching this filter" in client.get("/?country=QA&topic=cybersecurity").content

    listing = client.get(reverse("meetings:watching")).content.decode()
    assert 'href="/?country=QA&amp;topic=cybersecurity"' in listing and "Qatar · Cybersecurity" in listing


def test_a_bad_watch_is_refused_with_the_reason(client, analyst):
    client.force_login(analyst)
    response = client.post(reverse("meetings:watch-add"), {"kind": "filter", "query": "since=not-a-date"})
    assert response.status_code == 400
    assert "The timeline's filters are not valid: since (Enter a valid date.)" in html.unescape(
        response.content.decode()
    )
    assert not Watch.objects.exists()
    assert client.get(reverse("meetings:watch-add")).status_code == 405


def test_country_and_official_pages_have_their_watch_button(client, analyst):
    client.force_login(analyst)
    official = factories.official(name="Obaid Al Maaytah")
    assert b"Watch Jordan</button>" in client.get("/countries/JO/").content
    assert b"Watch Obaid Al Maaytah</button>" in client.get(official.get_absolute_url()).content


def test_whats_new_shows_what_arrived_once_and_the_badge_counts_it(client, analyst):
    client.force_login(analyst)
    services.watch_add(user=analyst, kind="country", country=Country.objects.get(code="QA"))
    WatchProfile.objects.filter(user=analyst).update(created=timezone.now() - datetime.timedelta(hours=1))
    record = factories.engagement(countries=("JO", "QA"))
    Engagement.objects.filter(pk=record.pk).update(summary="Qatar and Jordan signed a policing accord.")

    assert client.get(reverse("meetings:whats-new-count")).content.strip().endswith(b">1</span>")
    page = client.get(reverse("meetings:whats-new")).content.decode()
    assert "1 engagement arrived for what you watch since your last visit" in page
    assert "Qatar and Jordan signed a policing accord." in page

    again = client.get(reverse("meetings:whats-new")).content.decode()
    assert "Nothing arrived for what you watch since your last visit" in again
    assert "policing accord" not in again and "Nothing new for Qatar." in again
    assert client.get(reverse("meetings:whats-new-count")).content.strip() == b""


def test_the_digest_can_be_switched_off_and_on_from_the_watching_page(client, analyst):
    client.force_login(analyst)
    client.post(reverse("meetings:digest-settings"), {})
    assert WatchProfile.objects.get(user=analyst).digest is False
    client.post(reverse("meetings:digest-settings"), {"digest": "on"})
    assert WatchProfile.objects.get(user=analyst).digest is True


def build(size: int, user) -> None:
    """Three watches (a pair, a state, an official) and `size` engagements that arrived for them."""
    jo, qa = Country.objects.get(code="JO"), Country.objects.get(code="QA")
    official = factories.official(country="JO")
    services.watch_add(user=user, kind="pair", country=jo, partner=qa)
    services.watch_add(user=user, kind="country", country=jo)
    services.watch_add(user=user, kind="official", official=official)
    WatchProfile.objects.filter(user=user).update(created=timezone.now() - datetime.timedelta(hours=1))
    for index in range(size):
        factories.engagement(
            date=datetime.date(2024, 1, 1 + index), officials=[official, factories.official(country="QA")], sources=2
        )


@pytest.mark.parametrize("size", [1, 3])
def test_whats_new_queries(client, analyst, size):
    client.force_login(analyst)
    build(size, analyst)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("meetings:whats-new"))
    assert page.content.decode().count('<li class="engagement">') == 3 * size  # under each of the three watches
    # session, user 2; savepoint 1; the profile, locked 1; the watches with their states and official 1; the
    # rows matching any watch 1 with their countries, topics and participants 3; the visit marked 1; release 1;
    # the navigation's permission checks 2
    assert len(queries) == 13


@pytest.mark.parametrize("size", [1, 3])
def test_whats_new_badge_queries(client, analyst, size):
    client.force_login(analyst)
    build(size, analyst)
    with CaptureQueriesContext(connection) as queries:
        badge = client.get(reverse("meetings:whats-new-count"))
    assert badge.content.strip().endswith(f">{size}</span>".encode())
    # session, user 2; the profile 1; the watches 1; the count 1
    assert len(queries) == 5


def test_the_one_write_of_a_whats_new_visit_is_its_own_seen_time(client, analyst):
    """Pages only read; What's new marks the visit, and that one row is all it writes."""
    client.force_login(analyst)
    build(1, analyst)
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("meetings:whats-new"))
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    assert len(writes) == 1 and writes[0].startswith('UPDATE "meetings_watchprofile" SET "seen"')
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("meetings:whats-new-count"))
        client.get(reverse("meetings:watching"))
    assert not [q for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
