"""An analyst watches a pair in a real browser; a report about that pair arrives; What's new and the digest show it."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from ingest import services as ingest_services
from ingest.models import Article
from meetings import services
from meetings.models import Engagement
from meetings.tasks import refresh_tallies

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "pw-for-browser-2"

# Written for this test: a meeting between Jordan and Qatar, reported from Amman.
REPORT = (
    "AMMAN, 4 March 2025 - Jordan's Minister of Interior Karim Haddadin received Qatar's Minister of State for "
    "Interior Affairs Nasser Al Suwaidi in Amman on Tuesday. The two ministers discussed border security, the "
    "exchange of information on smuggling networks and training for police officers, and agreed to meet again in "
    "Doha before the end of the year."
)


@pytest.fixture
def analyst_login(django_user_model, reference_data):
    user = django_user_model.objects.create_user(
        username="watching-analyst", password=PASSWORD, email="watcher@example.org"
    )
    user.groups.add(Group.objects.get(name="analyst"))
    refresh_tallies()  # as the worker does after writes: the charts' tallies hold no earlier test's rows
    return user


def test_an_analyst_watches_a_pair_and_sees_a_new_report_in_whats_new_and_the_digest(page, live_server, analyst_login):
    page.goto(live_server.url + "/relations/QA-JO/")
    page.fill("input[name=username]", "watching-analyst")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/relations/JO-QA/")
    expect(page.locator("h1")).to_contain_text("Jordan")

    # Watch the pair: htmx swaps the button in place, the page does not reload.
    page.get_by_role("button", name="Watch Jordan – Qatar").click()
    expect(page.locator(".watch")).to_contain_text("Watching Jordan – Qatar")
    expect(page.get_by_role("button", name="Unwatch")).to_be_visible()
    page.wait_for_timeout(300)

    # Nothing has arrived yet.
    page.get_by_role("link", name="What's new").click()
    expect(page.locator("p.lead")).to_contain_text("Nothing arrived for what you watch since your last visit")

    # An editor's upload about that pair is processed (the ingest path the worker runs).
    article = ingest_services.article_create(
        text=REPORT, title="Jordan and Qatar discuss border security", published=datetime.date(2025, 3, 5)
    )
    assert ingest_services.article_process(article_id=article.pk).status == Article.Status.DONE
    engagement = Engagement.objects.filter(evidence__article=article).distinct().get()

    # The badge in the navigation counts it on the next page, and What's new lists it under the watch.
    page.goto(live_server.url + "/")
    expect(page.locator("nav .badge")).to_have_text("1")
    page.get_by_role("link", name="What's new").click()
    expect(page.locator("p.lead")).to_contain_text("1 engagement arrived for what you watch")
    section = page.locator("section.watch-news")
    expect(section.locator("h2")).to_contain_text("Jordan – Qatar")
    expect(section.locator("li.engagement")).to_have_count(1)
    expect(section.locator("li.engagement .date")).to_have_text("4 Mar 2025")
    expect(page.locator("nav .badge")).to_have_count(0)  # the visit marked it seen
    page.wait_for_timeout(300)

    # The next digest carries it, with a link to the record.
    run = services.digests_send(now=timezone.now())
    assert run.sent == 1
    [message] = mail.outbox
    assert message.to == ["watcher@example.org"]
    assert "Jordan – Qatar (Pair of states): 1 new" in message.body
    assert engagement.get_absolute_url() in message.body
    assert "Meeting, 4 Mar 2025" in message.body

    # The Watching page lists the watch; unwatching from there swaps the button back.
    page.get_by_role("link", name="Watching", exact=True).click()
    expect(page.locator("table.watches")).to_contain_text("Jordan – Qatar")
    page.get_by_role("button", name="Unwatch").click()
    expect(page.get_by_role("button", name="Watch Jordan – Qatar")).to_be_visible()
