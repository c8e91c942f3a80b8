import datetime

import pytest
from django.db.models import Count
from django.db.models.functions import TruncMonth

from meetings import selectors
from meetings.models import Engagement
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
