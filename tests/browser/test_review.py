"""An editor's review in a real browser: confirm one engagement from the queue with the keyboard, correct
another's participant and date, and re-extraction leaves both in place."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from ingest import services
from meetings.models import Engagement
from tests.browser.conftest import BROWSER_PASSWORD as PASSWORD
from tests.browser.test_dashboard import pytestmark  # noqa: F401 (the same marks: keep reference data)
from tests.ingest.review_reports import FIRST, OTHER_PAIR


@pytest.fixture
def editor_login(browser_user):
    """An editor who signs in with the browser tests' password."""
    return browser_user("browser-editor", "editor")


@pytest.fixture
def reports(reference_data):
    """Two articles read by the engine: a Jordan–Qatar meeting (every signal found) and an Oman–Kenya one
    (one side's official only), so the latter is less certain and first in the queue."""
    for title, text, published in (
        ("Qatar and Jordan discuss border security", FIRST, datetime.date(2024, 3, 5)),
        ("Oman and Kenya discuss maritime security", OTHER_PAIR, datetime.date(2024, 5, 21)),
    ):
        article = services.article_create(text=text, title=title, published=published)
        services.article_process(article_id=article.pk)
    sure = Engagement.objects.get(countries__code="QA")
    unsure = Engagement.objects.get(countries__code="KE")
    assert unsure.confidence < sure.confidence
    return sure, unsure


def test_editor_confirms_and_corrects_from_the_queue_and_reextraction_keeps_both(
    page, live_server, editor_login, reports
):
    sure, unsure = reports
    page.goto(live_server.url + "/review/")
    page.fill("input[name=username]", "browser-editor")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page.get_by_role("heading", name="Review")).to_be_visible()
    expect(page.locator("#review-waiting")).to_have_text("2")
    expect(page.locator(".key-hints")).to_contain_text("c confirm")

    # The least certain first, selected; "c" confirms it and the queue comes back with the other one.
    current = page.locator(".queue-item.current")
    expect(current).to_have_attribute("data-engagement", str(unsure.pk))
    page.wait_for_timeout(300)  # a person reads the row before deciding
    page.keyboard.press("c")
    expect(page.locator(".message")).to_contain_text("confirmed")
    expect(page.locator("#review-waiting")).to_have_text("1")
    expect(page.locator(".queue-item")).to_have_count(1)
    expect(current).to_have_attribute("data-engagement", str(sure.pk))

    # Enter opens the selected one to correct it.
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_contain_text("4 Mar 2024")
    page.get_by_text("Correct Samir Haddad").click()
    editing = page.locator("details.participant-edit[open]")
    field = editing.get_by_label("Official")
    field.fill("")
    field.press_sequentially("Samir Al Haddad", delay=40)
    haddad = sure.participations.get(official__name="Samir Haddad").official
    # The autocomplete offers the known official; the editor records the name as printed instead.
    expect(page.locator("#official-options option").first).to_have_attribute("value", f"Samir Haddad #{haddad.pk}")
    editing.get_by_label("Title as reported").fill("Deputy Prime Minister and Interior Minister")
    page.wait_for_timeout(300)
    editing.get_by_role("button", name="Save the participant").click()
    expect(page.locator(".message")).to_have_text("Participant corrected.")
    expect(page.locator("#participants")).to_contain_text(
        "Samir Al Haddad, Deputy Prime Minister and Interior Minister"
    )

    # The date, with inline validation on the way: a date with "unknown" precision is pointed out.
    page.get_by_text("Correct this engagement").click()
    form = page.locator("#correct-form")
    form.get_by_label("Date precision").select_option("unknown")
    expect(page.locator("#correct-form")).to_contain_text("A date is given: choose day or month")
    page.locator("#correct-form").get_by_label("Date precision").select_option("day")
    expect(page.locator("#correct-form .error")).to_have_count(0)
    page.locator("#correct-form").get_by_label("Date", exact=True).fill("2024-03-06")
    page.wait_for_timeout(500)  # the inline check settles before the editor saves
    page.locator("#correct-form").get_by_role("button", name="Save the correction").click()
    expect(page.locator(".message")).to_have_text("Engagement corrected.")
    expect(page.locator("h1")).to_contain_text("6 Mar 2024")
    expect(page.locator("#history")).to_be_visible()
    expect(page.locator(".history")).to_contain_text("Date: 2024-03-04 → 2024-03-06")
    expect(page.locator(".history")).to_contain_text("Participant: Samir Haddad → Samir Al Haddad")

    call_command("reextract", "--all", "--sync", "--no-progress", stdout=StringIO())

    assert Engagement.objects.count() == 2
    unsure.refresh_from_db()
    sure.refresh_from_db()
    assert unsure.status == "confirmed" and unsure.reviewed_by == editor_login
    assert sure.date == datetime.date(2024, 3, 6)
    assert sorted(sure.participations.values_list("official__name", "title")) == [
        ("Fahad Al Mansouri", "Minister of State for Defence Affairs"),
        ("Samir Al Haddad", "Deputy Prime Minister and Interior Minister"),
    ]
    page.reload()
    expect(page.locator("h1")).to_contain_text("6 Mar 2024")
    expect(page.locator("#participants")).to_contain_text("Samir Al Haddad")
