"""The timeline's and the network's filters in a real browser."""

import datetime

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.test_dashboard import analyst_login, log_in, records  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_official_name_filter_shows_whom_it_matched_and_picks_one(page, live_server, analyst_login, records):  # noqa: F811
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
