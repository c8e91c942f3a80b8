"""Joining reports of one engagement: each signal of the score alone, then the dev corpus' real cases.

The per-signal tests score hand-made reports (ingest.merging, no database); the records tests write
events through ingest.records as the pipeline does; the dev-corpus test feeds the annotated events
(not the engine's output), so it measures the matching apart from the engine.
"""

import collections
import datetime

import pytest

from ingest.extraction import Event, Evidence, Location, Official
from ingest.merging import JOIN_THRESHOLD, Candidate, Person, Report, engagement_score, reports_assign
from ingest.models import Article
from ingest.records import extraction_records_write
from meetings.models import Engagement
from tests.corpus import dev_rows

D = datetime.date
JO_QA = frozenset({"JO", "QA"})


def report(**fields) -> Report:
    values = {"kind": "meeting", "countries": JO_QA, "date": D(2024, 3, 10), "precision": "day"} | fields
    return Report(**values)


def candidate(**fields) -> Candidate:
    values = {"pk": 1, "kind": "meeting", "countries": JO_QA, "date": D(2024, 3, 10), "precision": "day"} | fields
    return Candidate(**values)


def total(r: Report, c: Candidate) -> float | None:
    score = engagement_score(r, c)
    return None if score is None else score.total


# Signals, one at a time ------------------------------------------------------------------------------


def test_states_must_be_the_same():
    assert engagement_score(report(countries=frozenset({"JO", "SA"})), candidate()) is None


def test_type_compatible_or_not():
    assert engagement_score(report(kind="agreement"), candidate()) is None
    same, video = total(report(), candidate()), total(report(kind="call"), candidate())
    assert same is not None and video is not None and video == same - 2.5


@pytest.mark.parametrize(("days", "points"), [(0, 2.0), (1, 1.5), (2, -0.5), (3, None), (20, None)])
def test_days_apart(days, points):
    score = engagement_score(report(date=D(2024, 3, 10) + datetime.timedelta(days=days)), candidate())
    assert (score.signals.get("date", 0.0) if score else None) == points


def test_month_precision_is_compatible_with_any_day_of_that_month_only():
    month = report(date=D(2024, 3, 1), precision="month")
    assert engagement_score(month, candidate(date=D(2024, 3, 28))).signals["date"] == 0.5
    assert engagement_score(month, candidate(date=D(2024, 4, 1))) is None


def test_an_article_cannot_report_a_later_engagement():
    late = candidate(date=D(2024, 3, 20), precision="month")
    assert engagement_score(report(date=D(2024, 3, 1), precision="month", published=D(2024, 3, 5)), late) is None


def test_place():
    assert engagement_score(report(city="Doha"), candidate(city="Doha")).signals["place"] == 1.0
    assert engagement_score(report(city="Kuwait"), candidate(city="Kuwait City")).signals["place"] == 1.0
    assert engagement_score(report(city="Amman"), candidate(city="Doha")).signals["place"] == -2.5
    assert engagement_score(report(host="QA"), candidate(host="QA", city="Doha")).signals["place"] == 0.25
    assert engagement_score(report(host="JO"), candidate(host="QA")).signals["place"] == -1.5


def test_officials_in_common_count_and_different_counterparts_count_against():
    saleh, noor, kaabi = Person(1, "QA"), Person(2, "QA"), Person(3, "JO")
    assert engagement_score(report(officials={saleh, kaabi}), candidate(officials={saleh, kaabi})).signals[
        "officials"
    ] == pytest.approx(3.0)
    assert engagement_score(report(officials={saleh}), candidate(officials={noor})).signals["officials"] == -2.5
    # one outlet lists a delegation, the other one of its members under a name not matched
    assert engagement_score(report(officials={saleh}), candidate(officials={noor, Person(4, "QA")})).signals[
        "officials"
    ] == pytest.approx(-0.5)
    # a name in Arabic script cannot be compared with one in Latin script
    arabic = Person(5, "QA", "ARABIC")
    assert "officials" not in engagement_score(report(officials={arabic}), candidate(officials={noor})).signals


def test_topics_overlap():
    score = engagement_score(report(topics={"training", "policing"}), candidate(topics={"training"}))
    assert score.signals["topics"] == 0.5
    assert engagement_score(report(topics={"defence"}), candidate(topics={"training"})).signals["topics"] == -0.25


def test_shared_sentences_join_a_copy_even_when_it_dates_the_event_otherwise():
    words = "The two ministers reviewed border security cooperation and agreed on joint training courses."
    copy = report(date=D(2024, 3, 20), sentences=(words,))
    score = engagement_score(copy, candidate(sentences=(words, "Another sentence of the first report.")))
    assert score is not None and score.signals["sentences"] == 3.0 and score.total >= JOIN_THRESHOLD
    assert (
        engagement_score(report(date=D(2024, 3, 20), sentences=("Other words entirely here today.",)), candidate())
        is None
    )


def test_undated_reports_join_only_through_a_person_or_the_text():
    assert engagement_score(report(date=None, precision="unknown", city="Doha"), candidate(city="Doha")) is None
    person = Person(1, "QA")
    joined = engagement_score(
        report(date=None, precision="unknown", city="Doha", officials={person}),
        candidate(city="Doha", officials={person}),
    )
    assert joined is not None and joined.total >= JOIN_THRESHOLD


def test_one_articles_reports_go_to_different_engagements_strongest_first():
    naqvi, bassami, battal = Person(1, "PK"), Person(2, "SA"), Person(3, "SA")
    pk_sa = frozenset({"PK", "SA"})
    hq = candidate(pk=10, countries=pk_sa, city="Riyadh", officials={naqvi}, date=D(2024, 12, 1), precision="month")
    office = candidate(pk=11, countries=pk_sa, officials={naqvi, battal}, date=D(2024, 12, 1), precision="month")
    visit_hq = report(countries=pk_sa, date=D(2024, 12, 15), city="Riyadh", officials={naqvi, bassami})
    visit_office = report(countries=pk_sa, date=D(2024, 12, 15), city="Riyadh", officials={naqvi, battal})
    assert reports_assign([visit_office, visit_hq], [[hq, office], [hq, office]]) == [11, 10]


# Through the records layer ---------------------------------------------------------------------------


def event(*, date, officials=(), city="Doha", host="QA", kind="meeting", countries=("JO", "QA"), topics=()):
    people = [Official(name=n, country=c, title="Minister", person=None, evidence=[]) for n, c in officials]
    return Event(
        type=kind,
        date=date,
        location=Location(city, host),
        countries=list(countries),
        officials=people,
        topics=list(topics),
        evidence=[Evidence(text="", start=0, end=20)],
    )


def write(text: str, *events: Event, published=None) -> list[int | None]:
    article = Article.objects.create(text=text, published=published)
    return extraction_records_write(article=article, events=list(events))["engagements"]


@pytest.mark.django_db
def test_two_outlets_with_different_spellings_one_day_apart_join():
    (first,) = write(
        "Qatar's interior minister received Jordan's police chief on Monday.",
        event(date="2024-03-10", officials=[("Obaid Al-Maaytah", "JO"), ("Khalifa bin Hamad Al Thani", "QA")]),
    )
    (second,) = write(
        "Jordan and Qatar discussed police cooperation, the agency said on Tuesday.",
        event(date="2024-03-11", officials=[("Obeidallah Maaitah", "JO"), ("Khalifa Bin Hamad Al-Thani", "QA")]),
    )
    assert first == second
    assert Engagement.objects.get().participations.count() == 2


@pytest.mark.django_db
def test_the_same_two_states_twice_in_a_month_at_different_places_stay_two():
    minister = [("Khalifa bin Hamad Al Thani", "QA")]
    (doha,) = write("Talks in Doha early in March.", event(date="2024-03-03", officials=minister))
    (amman,) = write("Talks in Amman in March.", event(date="2024-03", city="Amman", host="JO", officials=minister))
    (again,) = write(
        "Talks in Amman later in March.", event(date="2024-03-24", city="Amman", host="JO", officials=minister)
    )
    assert doha != amman and again == amman
    assert Engagement.objects.count() == 2


@pytest.mark.django_db
def test_a_month_precision_report_joins_the_day_precision_one_it_matches():
    people = [("Khalifa bin Hamad Al Thani", "QA")]
    (dated,) = write("Talks in Doha on 12 March.", event(date="2024-03-12", officials=people))
    (month,) = write("Talks in Doha in March.", event(date="2024-03", officials=people))
    assert month == dated
    engagement = Engagement.objects.get()
    assert engagement.date == D(2024, 3, 12) and engagement.date_precision == "day"  # the day is kept


@pytest.mark.django_db
def test_a_day_report_refines_a_month_engagement_and_an_undated_one_joins_through_its_people():
    people = [("Khalifa bin Hamad Al Thani", "QA"), ("Obaid Al-Maaytah", "JO")]
    (month,) = write("Talks in Doha in March.", event(date="2024-03", officials=people))
    (undated,) = write("Talks in Doha, the two sides said.", event(date=None, officials=people))
    (dated,) = write("Talks in Doha on 12 March.", event(date="2024-03-12", officials=people[:1]))
    assert month == undated == dated
    assert Engagement.objects.get().date == D(2024, 3, 12)


# The dev corpus: events sharing a key are one engagement reported by several articles ---------------


def gold_event(item: dict) -> Event:
    location = item.get("location") or {}
    return Event(
        type=item["type"],
        date=item.get("date"),
        location=Location(location.get("city"), location.get("country")),
        countries=list(item["countries"]),
        officials=[Official(name=o["name"], country=o.get("country"), title=o.get("title")) for o in item["officials"]],
        topics=list(item.get("topics") or []),
        evidence=[],
    )


@pytest.mark.django_db
def test_dev_corpus_key_groups_end_as_one_engagement_each_and_no_engagement_holds_two_keys():
    engagements_of_key: dict[str, set[int]] = collections.defaultdict(set)
    keys_of_engagement: dict[int, set[str]] = collections.defaultdict(set)
    articles_of_key: dict[str, set[str]] = collections.defaultdict(set)
    for row in dev_rows():
        published = D.fromisoformat(row["published"]) if row.get("published") else None
        article = Article.objects.create(text=row["text"], title=row["title"], published=published)
        items = row["gold"]["events"]
        written = extraction_records_write(article=article, events=[gold_event(e) for e in items])["engagements"]
        for item, pk in zip(items, written, strict=True):
            assert pk is not None, (row["id"], item["key"])
            articles_of_key[item["key"]].add(row["id"])
            engagements_of_key[item["key"]].add(pk)
            keys_of_engagement[pk].add(item["key"])
    # Later reports may have moved an event onto another engagement: read where each key ends.
    reported = {key for key, ids in articles_of_key.items() if len(ids) > 1}
    split = {key: ids for key, ids in engagements_of_key.items() if len(ids) > 1 and key in reported}
    mixed = {pk: keys for pk, keys in keys_of_engagement.items() if len(keys) > 1}
    print(f"\nkey groups reported by several articles: {len(reported)}; joined: {len(reported) - len(split)}")
    print(f"engagements holding two keys (false joins): {len(mixed)}")
    assert len(reported) == 20
    assert split == {}, split
    assert mixed == {}, mixed
