"""The timeline's and the network's filters in a real browser."""

import datetime

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_official_name_filter_shows_whom_it_matched_and_picks_one(page, live_server, analyst_login, records):
    maaytah = records.participations.get(country_id="JO").official
    namesake = factories.official(name="Obaid Al Thani", country="QA")
    other_maaitah = factories.official(name="Khalid Al Maaitah", country="JO")
    for day in range(1, 4):
        factories.engagement(countries=("JO", "QA"), date=datetime.date(2023, 4, day), officials=[namesake])
    factories.engagement(countries=("JO", "EG"), date=datetime.date(2023, 5, 1), officials=[other_maaitah])
    log_in(page, live_server)
    page.locator("details.filters summary").click()
    page.fill("#id_official", "Obaid Al Maaitah")
    page.press("#id_official", "Enter")
    page.wait_for_url("**official=Obaid**")
    box = page.locator("#official-match")
    expect(box).to_contain_text("matches one official")
    expect(page.locator("li.engagement")).to_have_count(1)  # his meeting, not Obaid Al Thani's three

    page.fill("#id_official", "Maaitah")
    page.press("#id_official", "Enter")
    expect(box).to_contain_text("matches 2 officials")
    assert box.locator("ul.picks li a").all_inner_texts() == ["Khalid Al Maaitah", "Obaid Al Maaytah"]
    expect(page.locator("li.engagement")).to_have_count(2)
    box.locator(f"a[data-official='{maaytah.pk}']").click()
    page.wait_for_url(f"**official={maaytah.pk}**")
    expect(page.locator("#official-match")).to_contain_text("Official: Obaid Al Maaytah")
    expect(page.locator("li.engagement")).to_have_count(1)


def shown_countries(page) -> list[str]:
    return page.locator("#id_country li:visible").all_inner_texts()


def test_country_filter_narrows_as_one_types_and_urls_carry_only_the_filters_in_use(
    page, live_server, analyst_login, records
):
    log_in(page, live_server)
    page.locator("details.filters summary").click()
    assert len(shown_countries(page)) > 200
    page.locator("#id_country_filter").press_sequentially("qata", delay=80)  # typed, as a person types
    expect(page.locator("#id_country li:visible")).to_have_count(1)
    assert [name.strip() for name in shown_countries(page)] == ["Qatar"]
    page.check("#id_country input[value=QA]")
    page.wait_for_url("**/?country=QA")
    assert page.url == live_server.url + "/?country=QA"  # not every empty field of the form
    expect(page.locator(".choice-count")).to_have_text("1 chosen")
    page.fill("#id_country_filter", "jord")
    page.check("#id_country input[value=JO]")
    page.wait_for_url("**/?country=*&country=*")
    assert sorted(page.url.split("?")[1].split("&")) == ["country=JO", "country=QA"]
    page.fill("#id_country_filter", "")
    page.select_option("#id_topic", "cybersecurity")
    page.wait_for_url("**topic=cybersecurity")
    assert sorted(page.url.split("?")[1].split("&")) == ["country=JO", "country=QA", "topic=cybersecurity"]
    expect(page.locator("li.engagement")).to_have_count(1)


def test_country_filter_without_script_is_a_plain_form_with_a_clean_url(browser, live_server, analyst_login, records):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    log_in(tab, live_server)
    tab.locator("details.filters summary").click()
    assert not tab.locator("#id_country_filter").is_visible()  # the narrowing box needs the script
    tab.locator("#id_country input[value=QA]").scroll_into_view_if_needed()
    tab.check("#id_country input[value=QA]")
    tab.fill("#id_q", "border")
    tab.click(".filter-form button[type=submit]")
    tab.wait_for_url("**q=border")
    assert tab.url == live_server.url + "/?country=QA&q=border"
    assert tab.locator("li.engagement").count() == 1
    assert tab.locator("#id_country input[value=QA]").is_checked()
    context.close()


def test_network_names_states_and_keeps_pairs_above_a_minimum(page, live_server, analyst_login, records):
    from meetings.tasks import refresh_tallies

    for day in range(1, 4):
        factories.engagement(countries=("FR", "DE"), date=datetime.date(2023, 6, day))
    refresh_tallies()
    log_in(page, live_server)
    page.click("nav >> text=Network")
    labels = page.locator("svg.network text")
    expect(labels).to_have_count(6)  # Jordan, Qatar, the US, the UK, France, Germany
    assert {"France", "Germany", "Jordan", "Qatar"} <= set(labels.all_text_contents())
    page.fill("#id_least", "3")
    page.press("#id_least", "Enter")
    page.wait_for_url("**/network/?least=3")
    expect(labels).to_have_count(4)  # France–Germany (3) and the US–UK's 30; Jordan–Qatar's one meeting is gone
    assert "Jordan" not in labels.all_text_contents()
    page.locator("svg.network a").first.click()
    page.wait_for_url("**/relations/**")
