from datetime import date

from ingest.extraction import extract
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


def test_a_span_of_days_is_dated_by_its_first_day():
    # An engagement over several days began on the first; that is the day it is known by.
    assert values("The exercise ran from 3 to 5 May 2024 near the border.") == ["2024-05-03"]
    assert values("Talks were held on 14-16 March in Nairobi.") == ["2024-03-14"]
    assert values("The drills, held May 3–5, 2023, ended with a parade.") == ["2023-05-03"]
    assert values("between 8 and 10 July the ministers met") == ["2024-07-08"]


def test_a_bare_year_is_a_date_known_only_to_the_year():
    (mention,) = find_dates("The two states signed a security pact in 2019.", PUBLISHED)
    assert (mention.value, mention.precision, mention.future) == ("2019", "year", False)
    assert find_dates("They plan joint patrols in 2026.", PUBLISHED)[0].future


def test_a_year_that_names_something_is_not_a_date():
    # A plan, an event's edition or a span's start is not the time of the engagement.
    assert values("They discussed Vision 2030 and the World Cup 2030.") == []
    assert values("Relations have grown since 2019.") == []
    assert values("the 2019-2021 programme") == []


def test_an_engagement_told_with_no_date_is_of_the_report_day(article):
    text = (
        "Chad's Defence Minister Issakha Malloua Djamous received Niger's Chief of Defence Staff "
        "General Moussa Barmou for talks on border security, the ministry said."
    )
    (event,) = extract(article(text, published=date(2023, 4, 12))).events
    assert event.date == "2023-04-12"
    # A year alone dates nothing, so it does not stop the fallback; another day does.
    (event,) = extract(
        article(text + " The two states signed a defence pact in 2019.", published=date(2023, 4, 12))
    ).events
    assert event.date == "2023-04-12"


def test_talks_told_without_a_date_during_a_span_of_days_are_known_to_the_month(article):
    (span,) = find_dates("on June 22-23, 2021", PUBLISHED)
    assert (span.value, span.span) == ("2021-06-22", True)
    text = (
        "Portugal's Interior Minister Rui Pereira travelled to Rabat on 3-4 March 2024. In Rabat, Rui Pereira "
        "held talks with Morocco's Interior Minister Abdelouafi Laftit on migration."
    )
    (event,) = extract(article(text)).events
    assert event.date == "2024-03"
    # Talks that themselves ran over the span began on its first day.
    text = "Morocco's Abdelouafi Laftit held talks with Portugal's Rui Pereira on 3-4 March 2024 on migration."
    (event,) = extract(article(text)).events
    assert event.date == "2024-03-03"


def test_the_engagement_s_own_day_comes_before_the_day_it_was_reported(article):
    held = (
        "The ministry said on Tuesday that Kenya's Defence Minister Aden Duale met Uganda's Defence Minister "
        "Vincent Ssempijja on Monday in Nairobi."
    )
    (event,) = extract(article(held)).events  # published on Wednesday 31 July 2024
    assert event.date == "2024-07-29"
    # Only the report's day printed: that day dates the engagement.
    reported = (
        "Kenya's Defence Minister Aden Duale met Uganda's Defence Minister Vincent Ssempijja in Nairobi, "
        "the ministry said on Tuesday."
    )
    (event,) = extract(article(reported)).events
    assert event.date == "2024-07-30"


def test_an_exercise_is_dated_by_its_close_when_reported_at_its_close(article):
    text = (
        "Egyptian and Greek naval forces took part in the joint exercise, which got under way on November 19 "
        "and is due to finish on November 25, off Alexandria."
    )
    closing = article(text, title="Naval exercise set to end this week", published=date(2022, 11, 24))
    (event,) = extract(closing).events
    assert event.date == "2022-11-25"
    opening = article(text, title="Egypt and Greece launch naval exercise", published=date(2022, 11, 20))
    (event,) = extract(opening).events
    assert event.date == "2022-11-19"


def test_a_relative_clause_s_time_is_not_the_engagement_s(article):
    text = (
        "Kenya's Defence Minister Aden Duale, who took office in 2023, met Uganda's Defence Minister Vincent "
        "Ssempijja in Nairobi to discuss border security."
    )
    (event,) = extract(article(text)).events  # the year of his appointment neither dates nor drops it
    assert event.date == "2024-07-31"
    text = "The exercise, which began on Monday, will run until Friday, Kenyan and Ugandan army officers said."
    (event,) = extract(article(text)).events
    assert event.date == "2024-07-29"
