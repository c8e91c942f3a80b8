"""Headless Chromium for the browser tests: Debian's package, driven by Playwright's sync API."""

import datetime
import importlib
import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls in fixtures are still synchronous.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]  # fmt: skip


@pytest.fixture
def reference_data(transactional_db):
    """Countries, topics and roles: a live-server test's flush empties every table, data migrations' rows too."""
    from django.apps import apps
    from django.db import connection

    from meetings.models import Country

    if not Country.objects.exists():
        countries = importlib.import_module("meetings.migrations.0002_reference_data")
        roles = importlib.import_module("meetings.migrations.0003_roles")
        review = importlib.import_module("meetings.migrations.0011_engagement_review")
        countries.load_countries(apps, connection.schema_editor())
        countries.load_topics(apps, connection.schema_editor())
        roles.create_groups(apps, connection.schema_editor())
        review.reviewed_when_and_editors(apps, connection.schema_editor())


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is required in CI and is missing at {CHROMIUM}")
        pytest.skip(f"Browser tests need Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1100, "height": 800})
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


BROWSER_PASSWORD = "pw-for-browser-1"


@pytest.fixture
def browser_user(django_user_model, reference_data):
    """A user of one of the roles, with a password to type on the login page."""

    def make(username: str, group: str):
        from django.contrib.auth.models import Group

        user = django_user_model.objects.create_user(username=username, password=BROWSER_PASSWORD)
        user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture
def analyst_login(browser_user):
    return browser_user("browser-analyst", "analyst")


@pytest.fixture
def records(reference_data):
    """The seed meeting's shape, with one source article, and a page and more of other pairs' engagements."""
    from meetings.models import Engagement
    from meetings.tasks import refresh_tallies
    from tests import factories

    seed = factories.seed_meeting()
    source = seed.evidence.get().article
    source.text = "Doha – Officials met. The meeting focused on border security and cybersecurity. More later."
    source.title = "Qatar and Jordan discuss security"
    source.save()
    start = source.text.index("The meeting")
    end = source.text.index("cybersecurity.") + len("cybersecurity.")
    seed.evidence.update(sentence=source.text[start:end], start=start, end=end)
    for day in range(1, 31):  # more than a page of other pairs, older than the seed meeting
        other = factories.engagement(countries=("US", "GB"), date=datetime.date(2022, 1, day), topics=("training",))
        Engagement.objects.filter(pk=other.pk).update(summary=f"US–GB training talks {day}")
    refresh_tallies()  # as the worker does after writes; pages only read the tallies
    return seed


def log_in(page, live_server):
    page.goto(live_server.url + "/")
    page.fill("input[name=username]", "browser-analyst")
    page.fill("input[name=password]", BROWSER_PASSWORD)
    page.click("button[type=submit], input[type=submit]")
    page.wait_for_selector("h1:has-text('Engagements')")
