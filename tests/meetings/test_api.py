"""The read-only JSON API: who may call it, its filters and its cursor."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings import selectors, services
from meetings.models import ApiToken, Engagement, Official
from meetings.tasks import refresh_tallies
from tests import factories

pytestmark = pytest.mark.django_db
ENGAGEMENTS = reverse("meetings:api-engagements")


def test_anonymous_callers_get_401_in_json(client):
    response = client.get(ENGAGEMENTS)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert "Authorization: Token" in response.json()["error"]


def test_a_token_opens_the_api_and_a_wrong_one_does_not(client, analyst):
    factories.engagement()
    token, key = ApiToken.issue(user=analyst, label="notebook")
    assert client.get(ENGAGEMENTS, headers={"Authorization": "Token wrong"}).status_code == 401
    response = client.get(ENGAGEMENTS, headers={"Authorization": f"Token {key}"})
    assert response.status_code == 200 and len(response.json()["results"]) == 1
    assert key not in token.digest  # only the digest is stored


def test_a_tokens_use_reaches_last_used_when_the_beat_flushes_it(
    client, analyst, token_uses, django_capture_on_commit_callbacks
):
    token, key = ApiToken.issue(user=analyst, label="notebook")
    other, _ = ApiToken.issue(user=analyst, label="unused")
    before = timezone.now()
    assert client.get(ENGAGEMENTS, headers={"Authorization": f"Token {key}"}).status_code == 200
    token.refresh_from_db()
    assert token.last_used is None  # the request wrote nothing
    with django_capture_on_commit_callbacks(execute=True):
        assert services.api_tokens_use_flush() == 1
    token.refresh_from_db()
    other.refresh_from_db()
    assert before <= token.last_used <= timezone.now() and other.last_used is None
    with django_capture_on_commit_callbacks(execute=True):
        assert services.api_tokens_use_flush() == 0  # flushed once, then forgotten


def test_a_flush_never_moves_last_used_back(client, analyst, token_uses):
    token, key = ApiToken.issue(user=analyst)
    client.get(ENGAGEMENTS, headers={"Authorization": f"Token {key}"})
    later = timezone.now() + datetime.timedelta(hours=1)
    ApiToken.objects.filter(pk=token.pk).update(last_used=later)
    services.api_tokens_use_flush()
    token.refresh_from_db()
    assert token.last_used == later


def test_inactive_users_tokens_are_refused(client, analyst):
    _, key = ApiToken.issue(user=analyst)
    analyst.is_active = False
    analyst.save()
    assert client.get(ENGAGEMENTS, headers={"Authorization": f"Token {key}"}).status_code == 401


def test_engagements_filter_and_page_by_cursor(client, analyst):
    client.force_login(analyst)
    for day in (1, 2, 3):
        factories.engagement(countries=("JO", "QA"), date=datetime.date(2024, 4, day))
    factories.engagement(countries=("US", "GB"), date=datetime.date(2024, 4, 9))
    first = client.get(ENGAGEMENTS + "?country=QA&limit=2").json()
    assert [e["date"] for e in first["results"]] == ["2024-04-03", "2024-04-02"]
    second = client.get(first["next"]).json()
    assert [e["date"] for e in second["results"]] == ["2024-04-01"]
    assert second["next"] is None
    assert first["results"][0]["countries"] == ["JO", "QA"]


def test_engagements_reject_bad_filters(client, analyst):
    client.force_login(analyst)
    response = client.get(ENGAGEMENTS + "?since=yesterday")
    assert response.status_code == 400 and "since" in response.json()["errors"]


def test_engagement_detail_has_evidence(client, analyst):
    client.force_login(analyst)
    record = factories.engagement()
    data = client.get(reverse("meetings:api-engagement", args=[record.pk])).json()
    assert data["id"] == record.pk and data["evidence"][0]["sentence"].startswith("Report number")
    assert client.get(reverse("meetings:api-engagement", args=[999999])).status_code == 404


def test_officials_by_any_spelling(client, analyst):
    client.force_login(analyst)
    factories.official(name="Obaid Al Maaytah", aliases=["Al-Maaytah"])
    factories.official(name="Someone Else")
    data = client.get(reverse("meetings:api-officials") + "?name=Maaitah").json()
    assert [o["name"] for o in data["results"]] == ["Obaid Al Maaytah"]
    assert "Al-Maaytah" in data["results"][0]["aliases"]


def test_officials_by_name_are_those_the_timeline_filter_keeps_closest_first(client, analyst):
    client.force_login(analyst)
    maaytah = factories.official(name="Obaid Al Maaytah", country="JO")
    factories.official(name="Obaid Al Thani", country="QA")  # shares the first name only
    other = factories.official(name="Khalid Al Maaitah", country="JO")
    factories.official(name="Maaitah Foundation Director", country="EG", aliases=["M. Director"])
    officials = reverse("meetings:api-officials")

    def names(query: str) -> list[str]:
        return [o["name"] for o in client.get(officials + query).json()["results"]]

    assert names("?name=Obaid Al Maaitah") == ["Obaid Al Maaytah"]  # not every other Obaid
    assert names("?name=Obaid Al Maaytah") == ["Obaid Al Maaytah"]
    ranked = selectors.official_name_match(name="Maaitah").ids
    assert names("?name=Maaitah") == [Official.objects.get(pk=pk).name for pk in ranked]
    assert names("?name=Maaitah")[-1] == "Obaid Al Maaytah"  # the spellings with the very word first
    assert set(names("?name=Maaitah")) == {"Khalid Al Maaitah", "Obaid Al Maaytah", "Maaitah Foundation Director"}
    assert names("?name=Maaitah&country=jo") == ["Khalid Al Maaitah", "Obaid Al Maaytah"]
    # The engagements filtered by the same name are the same official's.
    factories.engagement(countries=("JO", "QA"), officials=[maaytah])
    factories.engagement(countries=("JO", "EG"), officials=[other])
    keeps = client.get(ENGAGEMENTS + "?official=Obaid Al Maaitah").json()["results"]
    assert [p["name"] for e in keeps for p in e["officials"] if p["country"] == "JO"] == ["Obaid Al Maaytah"]


def test_officials_by_name_are_paged_in_their_ranking(client, analyst):
    client.force_login(analyst)
    for first in ("Khalid", "Omar", "Zaid"):
        factories.official(name=f"{first} Al Maaitah", country="JO")
    ranked = selectors.official_name_match(name="Al Maaitah").ids
    url = reverse("meetings:api-officials") + "?name=Al+Maaitah&limit=2"
    first = client.get(url).json()
    rest = client.get(first["next"]).json()
    assert [o["id"] for o in first["results"] + rest["results"]] == ranked and len(ranked) == 3
    assert rest["next"] is None
    assert client.get(url + "&cursor=999999").json()["results"] == first["results"]  # a cursor not in the ranking


@pytest.mark.parametrize(
    ("query", "field"), [("?country=Jordan", "country"), ("?name=%00", "name"), ("?name=" + "x" * 201, "name")]
)
def test_officials_with_a_bad_filter_answer_400_with_the_reason(client, analyst, query, field):
    client.force_login(analyst)
    response = client.get(reverse("meetings:api-officials") + query)
    assert response.status_code == 400 and list(response.json()["errors"]) == [field]


def test_countries_with_totals(client, analyst):
    client.force_login(analyst)
    factories.engagement(countries=("JO", "QA"))
    record = factories.engagement(countries=("JO", "US"))
    Engagement.objects.filter(pk=record.pk).update(status="rejected")
    refresh_tallies()
    data = client.get(reverse("meetings:api-countries") + "?active=1").json()
    assert {c["code"]: c["engagements"] for c in data["results"]} == {"JO": 1, "QA": 1}
    jordan = client.get(reverse("meetings:api-country", args=["JO"])).json()
    assert jordan["partners"] == [{"code": "QA", "engagements": 1}]
    assert data["as_of"] and jordan["as_of"] == data["as_of"]


def test_api_is_read_only(client, analyst):
    client.force_login(analyst)
    assert client.post(ENGAGEMENTS).status_code == 405


def test_officials_are_paged_by_cursor_and_a_bad_cursor_gives_the_first_page(client, analyst):
    client.force_login(analyst)
    names = [factories.official(name=f"Officer {n}").name for n in range(3)]
    first = client.get(reverse("meetings:api-officials") + "?limit=2").json()
    rest = client.get(first["next"]).json()
    assert [o["name"] for o in first["results"] + rest["results"]] == names[::-1] and rest["next"] is None
    odd = client.get(reverse("meetings:api-officials") + "?limit=2&cursor=²")
    assert odd.status_code == 200 and odd.json()["results"] == first["results"]


@pytest.mark.parametrize("address", ["/api/meetings/", "/api/engagements/latest/", "/api/countries/1/"])
def test_an_unknown_api_address_answers_404_in_json(client, analyst, address):
    client.force_login(analyst)
    response = client.get(address)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "/api/engagements/" in response.json()["endpoints"]


def test_an_unknown_country_answers_404_in_json(client, analyst):
    client.force_login(analyst)
    response = client.get("/api/countries/XX/")
    assert response.status_code == 404 and response.json() == {"error": "No such country."}


def test_an_api_address_without_its_final_slash_is_sent_on(client, analyst):
    client.force_login(analyst)
    response = client.get("/api/engagements?limit=5")
    assert response.status_code == 301 and response["Location"] == "/api/engagements/?limit=5"
    assert client.get("/api/officials").status_code == 301


def test_an_unknown_api_address_asks_anonymous_callers_to_log_in(client):
    assert client.get("/api/meetings/").status_code == 401
