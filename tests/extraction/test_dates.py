from datetime import date

from ingest.extraction.dates import find_dates

PUBLISHED = date(2024, 7, 31)  # a Wednesday


def values(text, published=PUBLISHED):
    return [d.value for d in find_dates(text, published)]


def test_explicit_dates():
    assert values("The meeting, held on December 22, 2023, ended.") == ["2023-12-22"]
    assert values("signed on 22/12/2023 in Doha") == ["2023-12-22"]
    assert values("27 / 1 / 2024 - Members were received") == ["2024-01-27"]
    assert values("talks on 1 June on the sidelines") == ["2024-06-01"]


def test_weekday_resolves_to_latest_such_day_on_or_before_publication():
    assert values("held talks on Tuesday") == ["2024-07-30"]
    assert values("met on Wednesday") == ["2024-07-31"]


def test_relative_days_weeks_and_months():
    assert values("arrived yesterday") == ["2024-07-30"]
    assert values("met earlier this week") == ["2024-07"]  # week-only dates give the month
    assert values("signed last month") == ["2024-06"]
    assert values("In March, the army chief met") == ["2024-03"]


def test_year_is_inferred_without_crossing_publication():
    assert values("on Dec. 22", date(2024, 1, 3)) == ["2023-12-22"]


def test_no_publication_date_leaves_relative_dates_unresolved():
    assert values("held talks on Sunday", None) == [None]
    assert values("talks on December 22, 2023", None) == ["2023-12-22"]


def test_future_weekday_is_marked():
    (mention,) = find_dates("they will meet next Monday", PUBLISHED)
    assert mention.future


def test_modal_may_is_not_a_month():
    assert values("the two sides may meet again") == []
