"""An analyst's path through the dashboard in a real browser."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]  # keep reference data


def test_timeline_to_relationship_to_evidence(page, live_server, analyst_login, records):
    log_in(page, live_server)
    assert page.locator("li.engagement").count() == 25  # the first page

    # Scrolling to the end loads the next page by cursor.
    page.locator("li.more").scroll_into_view_if_needed()
    expect(page.locator("li.engagement")).to_have_count(31)
    assert page.locator("li.more").count() == 0

    # Filters apply without a reload and the URL can be shared.
    page.locator("details.filters summary").click()
    page.fill("#id_country_filter", "Qatar")
    page.check("#id_country input[value=QA]")
    page.wait_for_url("**country=QA**")
    page.select_option("#id_topic", "cybersecurity")
    page.wait_for_url("**topic=cybersecurity**")
    expect(page.locator("li.engagement")).to_have_count(1)
    assert "Qatar and Jordan discussed border security" in page.inner_text("#results")
    assert "1 engagement match these filters" in page.inner_text(".result-count")

    # Country code → relationship page.
    page.goto(live_server.url + "/relations/QA-JO/")
    assert page.url.endswith("/relations/JO-QA/")
    assert page.inner_text("h1").endswith("Qatar")
    assert "22 Dec 2023" in page.inner_text(".summary-facts")

    # The seed meeting and its evidence, highlighted.
    page.click("ol.timeline li.engagement a.kind")
    page.wait_for_selector("#sources")
    assert page.inner_text("mark") == "The meeting focused on border security and cybersecurity."
    assert "Obaid Al Maaytah" in page.inner_text("ul.people")


def test_search_finds_a_name_in_another_spelling(page, live_server, analyst_login, records):
    log_in(page, live_server)
    page.fill(".quick-search input[name=q]", "Maaitah")
    page.press(".quick-search input[name=q]", "Enter")
    page.wait_for_selector("#search-results")
    assert "Obaid Al Maaytah" in page.inner_text("#search-results")
    page.fill("#id_q", "cybersecurity")
    page.wait_for_url("**q=cybersecurity**")
    page.wait_for_selector("#search-results :text('Qatar and Jordan discuss security')")


def test_pages_work_at_phone_width_without_script(browser, live_server, analyst_login, records):
    context = browser.new_context(viewport={"width": 390, "height": 800}, java_script_enabled=False)
    tab = context.new_page()
    log_in(tab, live_server)
    assert tab.locator("li.engagement").count() == 25
    tab.click("li.more a")  # plain link to the next page
    assert "US–GB training talks 1" in tab.inner_text("ol.timeline")
    context.close()
    phone = browser.new_context(viewport={"width": 390, "height": 800}).new_page()
    log_in(phone, live_server)
    for path in ("/", "/relations/JO-QA/", f"/engagements/{records.pk}/"):
        phone.goto(live_server.url + path)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390, path  # nothing runs off the side
    phone.context.close()


def test_each_source_article_is_one_card_with_its_evidence_marked(page, live_server, analyst_login, records):
    source = records.evidence.get().article
    for sentence in ("Doha – Officials met.", "More later."):
        start = source.text.index(sentence)
        records.evidence.create(article=source, sentence=sentence, start=start, end=start + len(sentence))
    log_in(page, live_server)
    page.goto(f"{live_server.url}/engagements/{records.pk}/")
    cards = page.locator("article.evidence")
    expect(cards).to_have_count(1)
    assert cards.locator("h3").inner_text() == "Qatar and Jordan discuss security"
    assert cards.locator("mark").all_inner_texts() == [
        "Doha – Officials met.",
        "The meeting focused on border security and cybersecurity.",
        "More later.",
    ]
