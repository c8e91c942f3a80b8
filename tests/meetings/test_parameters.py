"""Every parameter is checked once at the boundary: a bad value answers 400 or 404, never a server error."""

import csv
import io

import pytest

from meetings.tasks import refresh_tallies
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/?official=%C2%B2", 200),  # the page shows the form's error
        ("/export.csv?official=%C2%B2", 400),
        ("/export.json?official=%C2%B2", 400),
        ("/api/engagements/?limit=%C2%B2", 400),  # a limit that is no number is refused, with the reason
        ("/api/officials/?cursor=%C2%B2", 200),
        ("/articles/?after=%C2%B2", 200),
        ("/?cursor=2024-01-01.99999999999999999999999", 200),
        ("/countries/%00/", 404),
        ("/relations/JO-%00/", 404),
        ("/api/officials/?country=%00", 400),
        ("/api/officials/?name=a%00b", 400),
        ("/api/countries/%00/", 404),
    ],
)
def test_unicode_digits_nul_and_huge_numbers_are_refused_at_the_boundary(browse, url, status):
    factories.engagement()
    response = browse.get(url)
    assert response.status_code == status


def test_an_official_number_in_other_digits_is_a_form_error(browse):
    page = browse.get("/?official=%C2%B2").content.decode()
    assert "An official&#x27;s number is written in the digits 0-9." in page


def test_export_with_a_bad_filter_answers_400_with_the_forms_errors_like_the_api(browse):
    factories.engagement()
    for url in ("/export.csv?since=notadate", "/export.json?since=notadate", "/api/engagements/?since=notadate"):
        response = browse.get(url)
        assert response.status_code == 400, url
        assert response.json()["errors"]["since"][0]["message"] == "Enter a valid date."


def test_csv_rows_give_absolute_urls_and_officials_with_their_titles(browse):
    chief = factories.official(name="Yusuf Haddad", country="JO", title="Chief of Staff")
    record = factories.engagement(officials=[chief])
    rows = list(csv.DictReader(io.StringIO(b"".join(browse.get("/export.csv").streaming_content).decode())))
    assert rows[0]["url"] == f"http://testserver/engagements/{record.pk}/"
    assert rows[0]["officials"] == "Yusuf Haddad, Chief of Staff (JO)"


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("since=notadate", "since", "Enter a valid date."),
        ("since=2024-05-01&until=2024-01-01", "until", "The end of the range comes before its start."),
        ("official=%C2%B2", "official", "An official's number is written in the digits 0-9."),
        ("country=ZZ", "country", "Select a valid choice. ZZ is not one of the available choices."),
        ("kind=visit", "kind", "Select a valid choice. visit is not one of the available choices."),
        ("topic=weather", "topic", "Select a valid choice. weather is not one of the available choices."),
        ("q=" + "x" * 201, "q", "Ensure this value has at most 200 characters (it has 201)."),
    ],
)
def test_one_bad_filter_one_answer_the_page_shows_it_exports_and_api_refuse_it(browse, query, field, message):
    factories.engagement()
    page = browse.get(f"/?{query}")
    assert page.status_code == 200 and "These filters were not understood and are left out" in page.content.decode()
    for url in (f"/export.csv?{query}", f"/export.json?{query}", f"/api/engagements/?{query}"):
        response = browse.get(url)
        assert response.status_code == 400, url
        assert response.json()["errors"][field][0]["message"] == message, url


def test_the_page_applies_the_filters_it_understood_and_names_the_one_it_left_out(browse):
    factories.engagement(countries=("JO", "QA"))
    factories.engagement(countries=("FR", "GB"))
    refresh_tallies()  # the count comes from the charts' tallies
    page = browse.get("/?since=notadate&country=FR").content.decode()
    assert "These filters were not understood and are left out: since (Enter a valid date.)" in page
    assert "<strong>1</strong> engagement match these filters" in page
    assert 'href="/countries/GB/"' in page and 'href="/countries/QA/"' not in page


@pytest.mark.parametrize(
    "url", ["/api/engagements/?limit=%C2%B2", "/api/officials/?limit=0", "/api/officials/?limit=x"]
)
def test_a_page_size_that_is_no_whole_number_is_refused_with_the_reason(browse, url):
    response = browse.get(url)
    assert response.status_code == 400
    assert response.json() == {"errors": {"limit": [{"message": "A whole number from 1 to 200.", "code": "invalid"}]}}
