"""Headless Chromium for the browser tests: Debian's package, driven by Playwright's sync API."""

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
        review = importlib.import_module("meetings.migrations.0009_engagement_review")
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
