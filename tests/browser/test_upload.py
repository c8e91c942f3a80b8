"""An editor uploads a file in a real browser, as a person does: choose, pause, press Upload."""

import pytest
from playwright.sync_api import expect

from ingest.models import Article
from tests.browser.conftest import BROWSER_PASSWORD
from tests.ingest.services_for_tests import ROOT, RedisServer, Worker, broker

pytestmark = [
    pytest.mark.browser,
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),  # the reference data keeps its ids
]
SEED_ARTICLE = ROOT / "seeds" / "seed_article.txt"


@pytest.fixture
def editor_login(browser_user):
    return browser_user("browser-editor", "editor")


@pytest.fixture
def queue(reference_data):
    """A Redis and a Celery worker of the test's own; uploads from the live server are queued there."""
    server = RedisServer()
    server.start()
    worker = Worker(server.url).start()
    try:
        with broker(server.url):
            yield worker
    finally:
        worker.stop()
        server.stop()


def test_a_chosen_file_survives_inline_validation_and_is_read(page, live_server, editor_login, queue):
    page.goto(live_server.url + "/ingest/upload/")
    page.fill("input[name=username]", "browser-editor")
    page.fill("input[name=password]", BROWSER_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("h1:has-text('Upload an article')")

    with page.expect_response("**/ingest/upload/validate/**") as validation:
        page.set_input_files("#id_file", str(SEED_ARTICLE))
    assert validation.value.ok
    page.wait_for_timeout(2000)  # a person looks at the form before pressing Upload
    assert page.eval_on_selector("#id_file", "input => input.files.length") == 1
    page.fill("#id_publisher", "Gulf Security Review")  # another change, another validation round
    page.wait_for_timeout(1000)
    page.click("button:has-text('Upload')")

    page.wait_for_url("**/ingest/articles/*/")
    expect(page.locator("#progress .status")).to_have_text("Done", timeout=90_000)
    article = Article.objects.get()
    assert article.publisher == "Gulf Security Review"
    assert "Maaytah" in article.text
    expect(page.locator("#progress ul.outcome li")).not_to_have_count(0)
    expect(page.locator("#progress ul.outcome")).to_contain_text("Jordan")
