"""Error pages as production (DEBUG off) serves them: in the site's layout, with the reason and a way back."""

import pytest
from django.test import Client, RequestFactory, override_settings
from django.urls import get_resolver, reverse

from config import errors

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("production")]
TIMELINE = reverse("meetings:timeline")


@pytest.fixture
def production():
    with override_settings(DEBUG=False):
        yield


def in_layout(page: str) -> bool:
    return '<header class="topbar">' in page and f'href="{TIMELINE}">Back to the timeline</a>' in page


def test_an_analyst_opening_upload_is_told_why_inside_the_layout(client, analyst):
    client.force_login(analyst)
    response = client.get(reverse("ingest:upload"))
    page = response.content.decode()
    assert response.status_code == 403 and in_layout(page)
    assert '<h1 id="error-title">Not allowed</h1>' in page and "Ask an administrator for the role" in page
    assert f'href="{reverse("login")}">Log in as another user</a>' in page
    assert ">Timeline</a>" in page and "Log out ana" in page  # the analyst's own navigation


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("/countries/XX/", "No such country"),
        ("/relations/JO-JO/", "A relationship is two different states, as in JO-QA"),
        ("/officials/999999/", "No such official"),
        ("/no/such/page/", "There is no page at this address."),
    ],
)
def test_not_found_keeps_the_views_message(client, analyst, url, reason):
    client.force_login(analyst)
    response = client.get(url)
    page = response.content.decode()
    assert response.status_code == 404 and in_layout(page)
    assert f'<p class="lead" role="alert">{reason}</p>' in page
    assert '<h1 id="error-title">Not found</h1>' in page


def test_a_refused_form_is_explained_inside_the_layout():
    response = Client(enforce_csrf_checks=True).post(reverse("login"), {"username": "x", "password": "y"})
    page = response.content.decode()
    assert response.status_code == 403 and in_layout(page)
    assert "Form not accepted" in page and "Reload the page and try again." in page
    assert "CSRF token" not in page


def test_a_server_error_page_needs_nothing_from_the_request():
    assert get_resolver().resolve_error_handler(500) is errors.server_error
    response = errors.server_error(RequestFactory().get("/"))
    page = response.content.decode()
    assert response.status_code == 500 and in_layout(page)
    assert "Something went wrong" in page and "The error was logged." in page
    assert "Log out" not in page  # no user is looked up: the session store may be what failed


def test_favicon_is_served_to_anyone_and_linked_from_every_page(client, analyst):
    response = Client().get("/favicon.ico")
    assert response.status_code == 200 and response["Content-Type"] == "image/x-icon"
    icon = b"".join(response.streaming_content)
    assert icon[:4] == b"\x00\x00\x01\x00" and icon[22:30] == b"\x89PNG\r\n\x1a\n"  # an .ico holding a PNG
    assert "max-age" in response["Cache-Control"]
    client.force_login(analyst)
    assert '<link rel="icon" href="/static/favicon.ico"' in client.get(TIMELINE).content.decode()
