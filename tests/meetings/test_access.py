import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

BROWSE = reverse("meetings:timeline")
UPLOAD = reverse("ingest:upload")
ADMIN = reverse("admin:index")


@pytest.mark.parametrize("url", [BROWSE, UPLOAD, reverse("meetings:country", args=["JO"])])
def test_anonymous_users_are_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_anonymous_admin_asks_for_login(client):
    response = client.get(ADMIN)
    assert response.status_code == 302 and "login" in response.url


def test_analyst_browses_but_cannot_upload_or_administer(client, analyst):
    client.force_login(analyst)
    assert client.get(BROWSE).status_code == 200
    assert client.get(UPLOAD).status_code == 403
    assert client.get(ADMIN).status_code == 403
    assert client.get(reverse("admin:meetings_official_changelist")).status_code == 403


def test_editor_can_upload_but_not_administer(client, editor):
    client.force_login(editor)
    page = client.get(UPLOAD)
    assert page.status_code == 200 and b"Upload" in page.content
    assert client.get(ADMIN).status_code == 403


def test_staff_reach_the_admin(client, staff):
    client.force_login(staff)
    assert client.get(ADMIN).status_code == 200


def test_login_page_renders_for_anonymous_users(client):
    page = client.get(reverse("login"))
    assert page.status_code == 200 and b'name="password"' in page.content
