import datetime

import pytest
from django.db import connection
from django.db.models import Count
from django.db.models.functions import TruncMonth

from meetings import selectors
from meetings.models import Country, Engagement, Topic
from meetings.tasks import refresh_tallies
from tests import factories

pytestmark = pytest.mark.django_db


def counted(**filters) -> dict:
    """The histogram counted straight from the rows, for comparison with the precomputed tally."""
    queryset = selectors.engagement_filter(Engagement.objects.exclude(status="rejected"), **filters)
    return dict(queryset.order_by().values(month=TruncMonth("date")).annotate(n=Count("id")).values_list("month", "n"))


@pytest.mark.parametrize(
    "filters",
    [
        {"countries": ["JO"]},
        {"topic": "training"},
        {"countries": ["QA"], "topic": "border-security"},
        {"countries": ["TR"], "topic": "cybersecurity"},
        {"countries": ["JO", "TR"], "kind": "meeting"},
        {"countries": ["QA", "TR"], "since": datetime.date(2023, 1, 1), "until": datetime.date(2024, 1, 31)},
        {"countries": ["JO"], "partner": "QA", "topic": "training", "since": datetime.date(2024, 1, 10)},
        {"kind": "call"},
        {"partner": "TR"},
        # Several states, a partner, a type and dates without a topic: the tally of states' whole months, and
        # the days of a month the range covers in part from each engagement's row.
        {"countries": ["QA", "JO", "TR"]},
        {"countries": ["TR", "QA"], "kind": "meeting", "since": datetime.date(2023, 5, 2)},
        {"countries": ["JO", "QA"], "until": datetime.date(2024, 1, 19)},
        {"countries": ["JO", "TR"], "partner": "QA", "until": datetime.date(2024, 1, 31)},
        {"partner": "QA", "since": datetime.date(2023, 5, 3), "until": datetime.date(2024, 1, 20)},
        {"kind": "meeting", "since": datetime.date(2024, 1, 20), "until": datetime.date(2024, 1, 20)},
        {"kind": "meeting", "since": datetime.date(2024, 1, 21), "until": datetime.date(2024, 1, 10)},
        {
            "countries": ["JO"],
            "kind": "meeting",
            "since": datetime.date(2021, 1, 1),
            "until": datetime.date(2024, 3, 31),
        },
    ],
)
def test_precomputed_histogram_matches_the_rows(filters):
    factories.engagement(countries=("JO", "QA"), topics=("training", "border-security"))
    factories.engagement(countries=("JO", "QA"), topics=("training",), date=datetime.date(2024, 1, 20))
    factories.engagement(countries=("QA", "TR"), topics=("border-security",), date=datetime.date(2023, 5, 2))
    factories.engagement(countries=("JO", "TR"), topics=(), date=None)
    factories.engagement(countries=("JO", "TR", "QA"), kind="call", topics=("cybersecurity",))
    rejected = factories.engagement(countries=("JO", "QA"), topics=("training",), date=datetime.date(2022, 2, 2))
    Engagement.objects.filter(pk=rejected.pk).update(status="rejected")
    refresh_tallies()

    assert selectors.month_histogram(filters=filters) == counted(**filters)


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"countries": ["JO", "TR"], "kind": "meeting"},
        {"partner": "QA", "topic": "training", "since": datetime.date(2024, 1, 16)},
        {"countries": ["QA"], "until": datetime.date(2024, 1, 31)},
    ],
)
def test_histogram_of_officials_matches_the_rows(filters):
    """An official's engagements counted from their own rows, each once for two officials of the filter."""
    salem, hamad = factories.official(name="Salem Nsour", country="JO"), factories.official(country="QA")
    factories.engagement(countries=("JO", "QA"), topics=("training",), officials=[salem, hamad])
    factories.engagement(countries=("JO", "QA"), date=datetime.date(2024, 1, 20), officials=[salem, hamad])
    factories.engagement(countries=("QA", "TR"), date=datetime.date(2023, 5, 2), officials=[hamad])
    factories.engagement(countries=("JO", "TR"), date=None, officials=[salem])
    factories.engagement(countries=("JO", "QA"), officials=[factories.official(country="JO")])
    rejected = factories.engagement(countries=("JO", "QA"), date=datetime.date(2022, 2, 2), officials=[salem])
    Engagement.objects.filter(pk=rejected.pk).update(status="rejected")
    refresh_tallies()

    for official in [salem.pk, [salem.pk, hamad.pk], "Nsour"]:
        assert selectors.month_histogram(filters=filters | {"official": official}) == counted(
            **filters, official=official
        )
    assert selectors.month_histogram(filters=filters | {"official": "Nobody Known"}) == {}


def test_histogram_follows_a_write_once_the_tallies_are_refreshed():
    factories.engagement(countries=("JO", "QA"), topics=("training",))
    refresh_tallies()
    assert selectors.month_histogram(filters={"countries": ["JO"]}) == {datetime.date(2024, 1, 1): 1}
    factories.engagement(countries=("JO", "IQ"), topics=("training",), date=datetime.date(2024, 1, 3))
    assert selectors.tallies_state().stale  # the read shows the last refresh; it does not refresh
    assert selectors.month_histogram(filters={"countries": ["JO"]}) == {datetime.date(2024, 1, 1): 1}
    refresh_tallies()
    assert not selectors.tallies_state().stale
    assert selectors.month_histogram(filters={"countries": ["JO"], "topic": "training"}) == {
        datetime.date(2024, 1, 1): 2
    }


def test_officials_matching_orders_a_common_name_as_a_rare_one():
    """More spellings within reach than asked for are read nearest first from the GiST index, fewer are all
    read and sorted: either way the closest spellings come first, in the same order."""
    spellings = ["Obaid Al Maaytah", "Ali Maaytahi", "Hani Maytah", "Omar Maaitah", "Salem Mayta"]  # nearest first
    officials = [factories.official(name=name) for name in spellings]
    factories.official(name="Sami Haddad")  # no word of it is near
    expected = [record.pk for record in officials]
    assert selectors.officials_matching(name="Maaytah", limit=10) == expected  # 5 within reach, 30 asked for
    assert selectors.officials_matching(name="Maaytah", limit=1) == expected[:1]  # 5 within reach, 3 asked for
    assert selectors.officials_matching(name="Maaytah", limit=2) == expected[:2]  # 5 within reach, 6 asked for


def test_officials_matching_looks_past_a_names_particles():
    """ "Al Kaabi" is the Kaabis, nearest first, not also every "Al Ka..." whose spelling is near only by its
    "Al"; a name of particles alone is still looked for."""
    kaabis = [factories.official(name=name) for name in ["Abdullah Al Kaabi", "Khalid Kaabi", "Saad Al-Kaabiy"]]
    for index in range(40):
        factories.official(name=f"{['Hamad', 'Fahad'][index % 2]} Al {['Kaldi', 'Kamal', 'Karim', 'Katib'][index % 4]}")
    found = selectors.officials_matching(name="Al Kaabi", limit=30)
    assert found == [record.pk for record in kaabis]
    assert selectors.officials_matching(name="H.E. Al-Kaabi", limit=30) == found
    bin_alone = factories.official(name="Bin")
    assert selectors.officials_matching(name="bin", limit=10) == [bin_alone.pk]


def test_an_officials_latest_engagements_are_the_first_page_of_their_timeline():
    envoy = factories.official(name="Nasser Al Marri", country="QA")
    for day in range(1, 13):  # twelve, two on one day, one undated: a second page, in timeline order
        factories.engagement(date=datetime.date(2023, 3, min(day, 11)) if day < 12 else None, officials=[envoy])
    timeline = selectors.engagement_row_page(
        selectors.engagement_filter(selectors.engagement_list(), official=envoy.pk), cursor=None, size=10
    )
    sides = selectors.official_sides(official=envoy, latest=10)
    page = selectors.first_page_of(ids=sides.latest, size=10)
    assert [row.pk for row in page.rows] == [row.pk for row in timeline.rows] and len(page.rows) == 10
    assert page.next_cursor == timeline.next_cursor is not None


def test_counterparts_are_officials_of_the_other_states_only():
    maaytah = factories.official(name="Obaid Al Maaytah", country="JO")
    colleague = factories.official(name="Yousef Haddadin", country="JO")
    kaabi = factories.official(name="Abdullah Al Kaabi", country="QA")
    shoukry = factories.official(name="Sameh Shoukry", country="EG")
    for day in (1, 2, 3):  # the colleague is at his side more often than anyone is across the table
        factories.engagement(
            countries=("JO", "QA"), date=datetime.date(2023, 5, day), officials=[maaytah, colleague, kaabi]
        )
    factories.engagement(
        countries=("JO", "EG"), date=datetime.date(2023, 6, 1), officials=[maaytah, colleague, shoukry]
    )
    rejected = factories.engagement(
        countries=("JO", "EG"), date=datetime.date(2023, 7, 1), officials=[maaytah, shoukry]
    )
    Engagement.objects.filter(pk=rejected.pk).update(status="rejected")
    assert selectors.official_counterparts(official=maaytah) == [(kaabi, 3), (shoukry, 1)]
    assert selectors.official_counterparts(official=kaabi) == [(maaytah, 3), (colleague, 3)]  # ties by record number


def test_counterparts_follow_the_side_an_official_represented_then():
    envoy = factories.official(name="Khalid Al Otaibi", country="SA")
    host = factories.official(name="Nasser Al Marri", country="QA")
    meeting = factories.engagement(countries=("SA", "QA"), officials=[host])
    # Reported as speaking for Qatar in this one (seconded): Qatar's host is a colleague here.
    meeting.participations.create(official=envoy, country_id="QA")
    other = factories.engagement(countries=("SA", "QA"), officials=[host])
    other.participations.create(official=envoy, country=None)  # the report does not say: his own state
    assert selectors.official_counterparts(official=envoy) == [(host, 1)]


def test_overviews_skip_what_stale_tallies_name_but_the_database_no_longer_holds(db):
    """The tallies are refreshed after writes, not with them: a topic deleted in between must not break pages."""
    from meetings.services import tallies_refresh

    factories.engagement(topics=("border-security", "cybersecurity"))
    tallies_refresh()
    Topic.objects.filter(slug="cybersecurity").delete()
    jordan, qatar = Country.objects.get(code="JO"), Country.objects.get(code="QA")

    pair = selectors.relationship_overview(a=jordan, b=qatar)
    country = selectors.country_overview(country=jordan)

    assert [topic.slug for topic, _, _ in pair.topic_years] == ["border-security"]
    assert [topic.slug for topic, _ in country.topics] == ["border-security"]


def test_a_search_leaves_the_planner_as_it_found_it_in_the_callers_transaction():
    """The settings a search plans with end with its block, also inside a transaction that goes on (a
    worker's record, a test): no later query is planned without sequential scans or bitmaps."""
    factories.official(name="Obaid Al Maaytah")
    with connection.cursor() as cursor:
        assert selectors.officials_matching(name="Maaytah")
        selectors.domain_search(query="border")
        cursor.execute(
            "SELECT current_setting('enable_seqscan'), current_setting('enable_indexscan'), "
            "current_setting('enable_bitmapscan'), current_setting('gin_fuzzy_search_limit'), "
            "current_setting('pg_trgm.word_similarity_threshold')"
        )
        assert cursor.fetchone() == ("on", "on", "on", "0", "0.6")
