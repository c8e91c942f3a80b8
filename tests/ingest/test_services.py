"""The pipeline run in-process: extraction to records, duplicates, officials, re-extraction."""

import datetime
import json
import re

import psycopg
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ingest import services
from ingest.extraction import ArticleExtraction, Event, Evidence, Location, Official
from ingest.models import Article
from ingest.offtopic_news import offtopic_articles
from meetings.models import Engagement, OfficialAlias
from meetings.models import Official as OfficialRecord
from tests import factories
from tests.ingest.conftest import syndicated_copy
from tests.tallies import assert_tallies_current

pytestmark = pytest.mark.django_db


def ingest(text: str, **fields) -> Article:
    article = services.article_create(text=text, **fields)
    return services.article_process(article_id=article.pk)


def test_seed_article_becomes_one_engagement_with_its_officials_and_evidence(seed_text):
    article = ingest(seed_text, title="Seed")
    assert article.status == Article.Status.DONE and article.error == ""
    engagement = Engagement.objects.get()
    assert engagement.kind == "meeting"
    assert engagement.date == datetime.date(2023, 12, 22)
    assert sorted(engagement.countries.values_list("code", flat=True)) == ["JO", "QA"]
    names = set(engagement.participations.values_list("official__name", flat=True))
    assert "Abdullah bin Khalaf bin Hattab Al Kaabi" in names and "Obaid Abdulrabboh Al Maaytah" in names
    evidence = engagement.evidence.get(start=article.text.index("The meeting, held on"))
    assert evidence.sentence.startswith("The meeting, held on December 22, 2023")
    assert evidence.sentence == article.text[evidence.start : evidence.end]
    assert article.outcome["created"] == [engagement.pk]
    assert engagement.topics.filter(slug="border-security").exists()


def test_exact_duplicate_text_is_refused_and_creates_nothing(seed_text):
    first = ingest(seed_text)
    with pytest.raises(services.DuplicateArticle) as refused:
        services.article_create(text="  " + seed_text.upper() + "\n")
    assert refused.value.existing == first
    assert Article.objects.count() == 1 and Engagement.objects.count() == 1


def test_a_bulk_save_writes_new_articles_in_one_insert_and_names_each_duplicate(seed_text, django_assert_num_queries):
    first = services.article_create(text=seed_text)
    items = [
        {"text": "Rain is expected over the coast on Friday.", "title": "Weather", "language": "en"},
        {"text": seed_text.replace("\n", "  ")},  # the first article's text, spaced otherwise
        {"text": "RAIN is expected over the coast on Friday. "},  # the first item's, within the batch
        {"source_url": "https://example.org/a-story"},  # no text until a worker fetches it
    ]
    # Inside the test's transaction: SAVEPOINT; the texts already held (one SELECT); SAVEPOINT (the guard
    # against a concurrent upload); the new ones (one INSERT); RELEASE; RELEASE
    with django_assert_num_queries(6):
        saved = services.articles_create(items=items)
    weather, again, repeat, url_only = saved
    assert isinstance(weather, Article) and weather.status == Article.Status.PENDING and weather.sketch
    assert isinstance(again, services.DuplicateArticle) and again.existing == first
    assert isinstance(repeat, services.DuplicateArticle) and repeat.existing == weather
    assert isinstance(url_only, Article) and url_only.sha256 is None
    assert set(Article.objects.values_list("pk", flat=True)) == {first.pk, weather.pk, url_only.pk}
    assert Article.objects.get(pk=weather.pk).title == "Weather"


def test_a_bulk_save_with_an_empty_item_saves_nothing():
    with pytest.raises(ValueError):
        services.articles_create(items=[{"text": "A story."}, {"text": "   "}])
    assert not Article.objects.exists()


def _synchronous_commit() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        return cursor.fetchone()[0]


@pytest.mark.parametrize("kind", ["with engagements", "quiet"])
def test_a_workers_write_commits_without_waiting_for_the_disk(seed_text, kind):
    text = seed_text if kind == "with engagements" else "Rain is expected over the coast on Friday."
    assert _synchronous_commit() == "on"
    article = ingest(text)  # inside the test's transaction, whose setting the write changes until it ends
    assert article.status == Article.Status.DONE
    assert bool(article.outcome["events"]) == (kind == "with engagements")
    assert _synchronous_commit() == "off"


def test_the_copy_lookup_reads_no_index_but_the_sketch_one(seed_text):
    """Before any statistics (a new deployment's first ingest), as after, neither the status index nor the
    duplicates' is intersected to find the rows (that read every row passing both); the sketch index, or
    for a table this small a scan, finds them."""
    for n in range(40):
        article = factories.article(text=f"{seed_text}\nCopy {n} of the agency's report, filed at {n} past the hour.")
        Article.objects.filter(pk=article.pk).update(status=Article.Status.DONE)
    params = {"sketch": list(article.sketch), "id": article.pk, "scan": 500, "candidates": 5}
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + services.SYNDICATION_CANDIDATES_SQL, params)
        plan = json.dumps(cursor.fetchone()[0])
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = 'article_sketch'")
        options = cursor.fetchone()[0]
    articles = {i for i in re.findall(r'"Index Name": "([^"]+)"', plan) if i.startswith(("article_", "ingest_"))}
    assert articles <= {"article_sketch", "ingest_article_pkey"}  # the overlap, then the candidates' rows
    assert options == ["fastupdate=off"]  # no pending list for every lookup to read through
    assert services.article_syndication_find(article=Article.objects.get(pk=article.pk)) is not None


def test_syndicated_copy_is_another_source_of_the_same_engagement(seed_text):
    first = ingest(seed_text)
    copy = ingest(syndicated_copy(seed_text), publisher="Petra")
    assert copy.syndicated_from == first
    engagement = Engagement.objects.get()
    assert set(engagement.evidence.values_list("article_id", flat=True)) == {first.pk, copy.pk}
    assert copy.outcome["updated"] == [engagement.pk] and copy.outcome["created"] == []


def test_two_outlets_reporting_one_meeting_give_one_engagement_and_one_person_per_official(corpus):
    a, b = corpus["d003"], corpus["d018"]
    first = ingest(a["text"], title=a["title"], published=datetime.date.fromisoformat(a["published"]))
    second = ingest(b["text"], title=b["title"], published=datetime.date.fromisoformat(b["published"]))
    assert second.syndicated_from is None  # different texts, the same meeting
    engagement = Engagement.objects.get()
    assert set(engagement.evidence.values_list("article_id", flat=True)) == {first.pk, second.pk}
    maaytah = OfficialRecord.objects.get(aliases__key__contains="maaytah")
    spellings = set(maaytah.aliases.values_list("key", flat=True))
    assert any("maaitah" in key for key in spellings), spellings  # the new spelling became an alias
    assert engagement.participations.filter(official=maaytah).count() == 1


def test_new_spelling_of_a_known_official_becomes_an_alias(seed_text):
    known = factories.official(name="Obaid Abdulrabboh Al-Maaytah", country="JO", title="Director of Public Security")
    ingest(seed_text)
    engagement = Engagement.objects.get()
    assert engagement.participations.filter(official=known).exists()
    assert OfficialAlias.objects.filter(official=known, name="Obaid Abdulrabboh Al Maaytah").exists() is False
    assert OfficialRecord.objects.filter(name__icontains="maaytah").count() == 1


def test_reextract_twice_leaves_the_same_records(seed_text, corpus):
    article = ingest(seed_text)
    ingest(corpus["d018"]["text"])

    def snapshot():
        return (
            sorted(Engagement.objects.values_list("pk", "kind", "date", "date_precision")),
            sorted(OfficialRecord.objects.values_list("pk", "name")),
            sorted(OfficialAlias.objects.values_list("official_id", "key")),
            sorted(article.evidence.values_list("engagement_id", "start", "end")),
        )

    before = snapshot()
    for _ in range(2):
        assert services.article_retry(article_id=article.pk)
        assert services.article_process(article_id=article.pk).status == Article.Status.DONE
        assert snapshot() == before


def test_a_task_delivered_twice_writes_once(seed_text):
    article = services.article_create(text=seed_text)
    assert services.article_claim(article_id=article.pk, task_id="t1") is not None
    assert services.article_claim(article_id=article.pk, task_id="t2") is None  # held by t1
    services.article_process(article_id=article.pk, task_id="t1")  # redelivery of t1 after a crash
    services.article_process(article_id=article.pk, task_id="t1")
    services.article_process(article_id=article.pk, task_id="t2")
    assert Engagement.objects.count() == 1
    assert Article.objects.get(pk=article.pk).attempts == 2


def _event(*, date, officials=(), kind="meeting", countries=("JO", "QA"), start=0, end=20, city="Doha"):
    people = [Official(name=n, country=c, title="Minister", person=None, evidence=[]) for n, c in officials]
    return Event(
        type=kind,
        date=date,
        location=Location(city, "QA"),
        countries=list(countries),
        officials=people,
        topics=["border-security"],
        evidence=[Evidence(text="", start=start, end=end)],
    )


def _write(text: str, *events) -> Article:
    article = services.article_create(text=text)
    services.article_claim(article_id=article.pk, task_id="t")
    extraction = ArticleExtraction(id=str(article.pk), relevant=True, language="en", events=list(events))
    assert services.article_records_save(
        article_id=article.pk, task_id="t", extraction=extraction, syndicated_from=None
    )
    return Article.objects.get(pk=article.pk)


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("2024-03-10", "2024-03-11", True),  # a day apart: the same meeting reported by its eve and its day
        ("2024-03-10", "2024-03-13", False),
        ("2024-03", "2024-03-20", True),  # the month known first, the day later
        ("2024-03", "2024-04-02", False),
        (None, None, True),  # undated: only through a shared participant (both name Hamad Saleh)
    ],
)
def test_engagement_matching_by_date_and_precision(first, second, joined):
    _write("Report one on talks in Doha between two ministers.", _event(date=first, officials=[("Hamad Saleh", "QA")]))
    _write("Report two on talks in Doha between two ministers.", _event(date=second, officials=[("Hamad Saleh", "QA")]))
    assert Engagement.objects.count() == (1 if joined else 2)
    if joined and first and len(first) == 7:
        assert Engagement.objects.get().date == datetime.date.fromisoformat(second)  # refined to the day
        assert Engagement.objects.get().date_precision == "day"


def test_different_participants_on_the_same_day_stay_separate_engagements():
    _write(
        "Report one on talks in Doha between two ministers.",
        _event(date="2024-03-10", officials=[("Hamad Saleh", "QA")]),
    )
    _write(
        "Report two on talks in Doha between two officers.",
        _event(date="2024-03-10", officials=[("Khalid Noor", "QA")]),
    )
    assert Engagement.objects.count() == 2


def test_different_type_or_states_are_not_joined():
    _write("Report one on a call between two ministers.", _event(date="2024-03-10", kind="call"))
    _write("Report two on talks between two ministers.", _event(date="2024-03-10"))
    _write("Report three on talks between two ministers.", _event(date="2024-03-10", countries=("JO", "SA")))
    assert Engagement.objects.count() == 3


def test_ingested_articles_reach_the_tallies_as_counting_everything_again_would(seed_text):
    ingest(seed_text)
    assert_tallies_current()
    ingest(syndicated_copy(seed_text), publisher="Petra")  # another source of the same engagement
    _write(
        "Report one on talks in Doha between two ministers.",
        _event(date="2024-03-10", officials=[("Hamad Saleh", "QA"), ("Salem Nsour", "JO")]),
    )
    _write(  # the same meeting, its day known, with one more state and participant
        "Report two on talks in Doha between three ministers.",
        _event(date="2024-03-10", countries=("JO", "QA", "TR"), officials=[("Hamad Saleh", "QA"), ("Ali Kaya", "TR")]),
    )
    assert_tallies_current()


def test_failed_fetch_keeps_its_reason(live_server, settings):
    settings.INGEST_ALLOW_PRIVATE_URLS = True
    article = services.article_create(source_url=live_server.url + "/no-such-page/")
    article = services.article_process(article_id=article.pk)
    assert article.status == Article.Status.FAILED
    assert "not found (HTTP 404)" in article.error


def test_an_official_on_record_named_by_surname_alone_keeps_their_state_and_title():
    known = factories.official(name="Dominic Nitiwul", country="GH", title="Minister of Defence")
    text = (
        "Nitiwul held talks with Togo's Minister of the Armed Forces, Kofi Mensah Agbeko, on Monday "
        "on border security and the smuggling of arms."
    )
    article = ingest(text, published=datetime.date(2024, 4, 3))
    engagement = Engagement.objects.get()
    assert sorted(engagement.countries.values_list("code", flat=True)) == ["GH", "TG"]
    taking_part = engagement.participations.get(official=known)
    assert (taking_part.country_id, taking_part.title) == ("GH", "Minister of Defence")
    assert OfficialRecord.objects.filter(name__icontains="nitiwul").count() == 1
    assert article.outcome["created"] == [engagement.pk]


def test_each_fact_is_stored_with_the_words_it_was_read_from():
    text = (
        "NAIROBI - Kenya's Interior Minister Kithure Kindiki met Uganda's Minister of Internal Affairs "
        "Kahinda Otafiire in Mombasa on 12 March 2024. The ministers discussed cattle rustling across the "
        "border and the fight against terrorism."
    )
    article = ingest(text, published=datetime.date(2024, 3, 13))
    engagement = Engagement.objects.get()
    facts = [fact for e in engagement.evidence.filter(article=article) for fact in e.facts]
    said = {(f["fact"], f["value"]): f["words"] for f in facts}
    assert said[("date", "2024-03-12")] == "12 March 2024"
    assert said[("place", "Mombasa")] == "Mombasa"
    assert said[("topic", "counter-terrorism")] == "terrorism"
    assert said[("state", "UG")] == "Uganda"
    assert all(text[f["start"] : f["end"]] == f["words"] for f in facts)
    kindiki = engagement.participations.get(official__name="Kithure Kindiki")
    assert any(f["fact"] == "title" and f["official"] == kindiki.official_id for f in facts)


# Written for the quiet path: a report of a match, copied by a second outlet with a line of its own.
MATCH = (
    "The home side won three goals to one on Saturday in front of a full stadium. The striker scored twice "
    "in the second half, and the coach praised the defence after a difficult week of training."
)


def test_articles_with_nothing_to_write_are_done_together(django_assert_num_queries):
    stories = [services.article_create(**fields) for fields in offtopic_articles(4, seed=3)]  # four kinds of news
    # The claim's UPDATE and read (2), the officials on record for the engine (1, read afresh inside the
    # test's transaction), which articles are sources already (1), per article its likeliest sources
    # (1 each), then one transaction (a savepoint inside the test's) with its commit setting and the
    # UPDATE (4), and the read back (1).
    with django_assert_num_queries(2 + 1 + 1 + 1 * 4 + 4 + 1):
        done = services.articles_process(article_ids=[a.pk for a in stories])
    assert [a.status for a in done] == [Article.Status.DONE] * 4
    assert done[0].outcome == {"created": [], "updated": [], "engagements": [], "relevant": False, "events": 0}
    assert done[0].engine == services.engine_version() and done[0].language == "en"
    assert not Engagement.objects.exists()


def test_copies_with_nothing_to_write_in_one_batch_find_their_sources_as_one_by_one():
    first = services.article_create(text=MATCH, title="Match")
    services.articles_process(article_ids=[first.pk])
    copies = [services.article_create(text=f"{MATCH} Report {n} of the agency.") for n in range(3)]
    done = services.articles_process(article_ids=[a.pk for a in copies])
    assert [a.status for a in done] == [Article.Status.DONE] * 3
    # Each copies the story or a copy before it in the batch, done by then as if processed alone.
    earlier = [first.pk]
    for article in done:
        assert article.syndicated_from_id in earlier
        earlier.append(article.pk)


def test_a_copy_that_reports_nothing_itself_still_becomes_a_source_of_its_sources_engagements():
    source = services.article_create(text=MATCH)
    services.articles_process(article_ids=[source.pk])
    # An editor's record citing the story's first sentence (the engine reads no engagement in it).
    engagement = factories.engagement(sources=0)
    first = MATCH.split(". ")[0] + "."
    engagement.evidence.create(article=source, sentence=first, start=0, end=len(first))
    copy = services.article_create(text=f"{MATCH} Report of the agency.")
    (done,) = services.articles_process(article_ids=[copy.pk])
    assert done.syndicated_from_id == source.pk and done.status == Article.Status.DONE
    assert engagement.evidence.filter(article=copy, sentence=first).exists()


def test_an_article_done_under_another_claim_is_left_alone():
    article = services.article_create(text=MATCH)
    services.articles_claim(article_ids=[article.pk], task_id="taken-over")
    extraction = ArticleExtraction(str(article.pk), False, "en", [])
    assert services.articles_done_without_records(done=[(article, extraction, None)], task_id="first") == 0
    article.refresh_from_db()
    assert article.status == Article.Status.PROCESSING and article.claim_task == "taken-over"


@pytest.mark.django_db(transaction=True)  # each change commits on its own, as the app's writes do
def test_the_officials_given_to_the_engine_follow_each_change_reading_only_the_changed():
    from ingest.records import known_officials

    official = OfficialRecord.objects.create(name="Samir Haddad", title="Minister of the Interior")
    OfficialAlias.objects.create(official=official, name="Samir Haddad")
    other = OfficialRecord.objects.create(name="Rania Khoury", title="Minister of Defence")
    index = known_officials()
    assert index.find("Samir Haddad").titles == ("Minister of the Interior",) and len(index) == 2
    with CaptureQueriesContext(connection) as nothing_new:
        assert known_officials() is index
    assert len(nothing_new) == 1  # the changes since: none
    OfficialAlias.objects.create(official=official, name="Sameer Haddad")  # a new spelling
    with CaptureQueriesContext(connection) as one_new:
        assert "Sameer Haddad" in known_officials().find("Samir Haddad").aliases
    assert len(one_new) == 2 and f"IN ({official.pk})" in one_new[1]["sql"]  # that official alone read again
    OfficialRecord.objects.filter(pk=official.pk).update(title="Minister of Defence")  # no save(), no timestamp
    assert known_officials().find("Samir Haddad").titles == ("Minister of Defence",)
    OfficialAlias.objects.filter(name="Sameer Haddad").delete()
    assert "Sameer Haddad" not in known_officials().find("Samir Haddad").aliases
    OfficialRecord.objects.filter(pk=other.pk).delete()
    assert known_officials().find("Rania Khoury") is None and len(known_officials()) == 1
    assert known_officials() is index  # brought up to date each time, never read whole again


@pytest.mark.django_db(transaction=True)
def test_an_official_written_by_a_transaction_open_while_the_engine_looked_is_read_the_next_time():
    """The change's transaction began before the look and committed after it: the mark the look keeps is
    no newer than that transaction, so the next look reads it."""
    from ingest.records import known_officials

    OfficialRecord.objects.create(name="Samir Haddad")
    index = known_officials()
    settings = connection.settings_dict
    with psycopg.connect(
        host=settings["HOST"], port=settings["PORT"], user=settings["USER"], dbname=settings["NAME"]
    ) as other:
        other.execute(
            "INSERT INTO meetings_official (name, title, created, updated) VALUES ('Rania Khoury', '', now(), now())"
        )
        assert known_officials().find("Rania Khoury") is None  # not committed yet
        other.commit()
    assert known_officials().find("Rania Khoury") is not None and known_officials() is index


@pytest.mark.django_db(transaction=True)
def test_the_log_of_officials_changes_is_kept_a_day():
    from meetings.models import OfficialChange
    from meetings.services import official_changes_prune

    official = OfficialRecord.objects.create(name="Samir Haddad")
    OfficialAlias.objects.create(official=official, name="Sameer Haddad")
    logged = OfficialChange.objects.filter(official_id=official.pk)
    assert logged.count() == 2  # the official, then the spelling
    now = timezone.now()
    official_changes_prune(now=now)
    assert logged.count() == 2
    assert official_changes_prune(now=now + datetime.timedelta(days=1, seconds=1)) >= 2  # with earlier tests'
    assert not OfficialChange.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_officials_emptied_by_a_truncate_are_read_whole_again():
    from ingest.records import known_officials

    OfficialRecord.objects.create(name="Samir Haddad")
    assert known_officials().find("Samir Haddad") is not None
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE meetings_official CASCADE")  # no row's change is logged, only that all went
    OfficialRecord.objects.create(name="Rania Khoury")
    index = known_officials()
    assert index.find("Samir Haddad") is None and index.find("Rania Khoury") is not None and len(index) == 1
