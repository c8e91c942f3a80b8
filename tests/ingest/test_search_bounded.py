"""Full-text search reads a bounded number of rows however many match: the newest rows in order for a word
the statistics call common, else a bounded sample of the matches (and the page says so)."""

import datetime
import itertools
import string
from collections.abc import Callable, Iterator

import pytest
from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ingest.models import Article
from ingest.selectors import ARTICLE_MATCH
from ingest.texts import normalized_text_hash
from meetings.selectors import SEARCH_SAMPLE, full_text_ids, share_estimated, table_size

pytestmark = pytest.mark.django_db

FIRST = datetime.date(2020, 1, 1)
_made = itertools.count()


def fresh(word: str) -> str:
    """The word with a suffix of letters no other test used: rolled-back rows leave their entries in the
    full-text index until VACUUM, and the index's sample of a word is drawn from its estimate of all of them."""
    n, suffix = next(_made), ""
    while True:
        n, letter = divmod(n, 26)
        suffix += string.ascii_lowercase[letter]
        if not n:
            return word + "x" + suffix


def patrols(word: str) -> str:
    return f"Coast guards of both states patrolled the {word}."


def docked(word: str) -> str:
    return f"A {word} docked at the harbour."


def articles(n: int, *, text: str, start: int = 0) -> None:
    """n articles whose text holds the words, published a day apart from `start` days after FIRST, then
    their full-text entries moved from the GIN index's pending list into its tree (as VACUUM does in time),
    where the sample is drawn."""
    made = [
        Article(title="Report", text=t, sha256=normalized_text_hash(t), published=FIRST + datetime.timedelta(days=d))
        for d in range(start, start + n)
        for t in [f"{text} Report {d}."]
    ]
    Article.objects.bulk_create(made)
    with connection.cursor() as cursor:
        cursor.execute("SELECT gin_clean_pending_list('article_text_fts')")


def analyze() -> None:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE ingest_article")


@pytest.fixture
def analyzed() -> Iterator[Callable[[], None]]:
    """Takes the statistics the planner estimates a word's share from, as autovacuum keeps them. The
    table's row count among them is written in place, not rolled back with the test: counted again on
    leaving, of no rows, as other tests find it."""
    yield analyze
    Article.objects.all().delete()
    analyze()


def matching(words: str) -> RawSQL:
    return RawSQL(ARTICLE_MATCH, [words], output_field=BooleanField())


def found(words: str, **bounds) -> tuple[list[int], bool, int]:
    ids = full_text_ids(Article.objects.all(), matching(words), newest_by="published", limit=20, **bounds)
    return ids.ids, ids.sampled, ids.read


def newest_matching(word: str, n: int) -> list[int]:
    newest = Article.objects.filter(text__icontains=word).order_by("-published", "-id")
    return list(newest.values_list("pk", flat=True)[:n])


def common_and_rare(analyzed, *, rare: int = 3) -> tuple[str, str]:
    """600 articles of a word, then `rare` newer ones of another, and their statistics."""
    strait, frigate = fresh("strait"), fresh("frigate")
    articles(600, text=patrols(strait))
    articles(rare, text=docked(frigate), start=600)
    analyzed()
    return strait, frigate


def test_the_statistics_tell_a_common_word_from_a_rare_one(analyzed):
    strait, frigate = common_and_rare(analyzed)
    total = table_size(Article)
    assert total == 603
    assert share_estimated(Article.objects.filter(matching(strait)), of=total) > 0.9
    assert share_estimated(Article.objects.filter(matching(frigate)), of=total) < 0.05


def test_a_common_word_gives_its_newest_matches_of_all_from_the_newest_rows(analyzed):
    strait, frigate = common_and_rare(analyzed)
    ids, sampled, read = found(strait, newest=100)
    assert ids == newest_matching(strait, 20) and not sampled
    assert read == 100  # at most the newest 100 rows walked, not the 600 matches


def test_a_word_common_once_but_not_lately_reads_a_sample_of_its_matches_not_all_of_them(analyzed):
    strait, _ = common_and_rare(analyzed, rare=150)
    ids, sampled, read = found(strait, newest=100, sample=50)  # the newest 100 hold no match
    assert ids and sampled  # the newest of the sample, which may come out under 50
    assert read < 300  # about 50 of the 600: the index dropped the rest before any row was read


def test_a_rare_word_reads_every_match(analyzed):
    strait, frigate = common_and_rare(analyzed)
    ids, sampled, read = found(frigate, sample=50)
    assert read == 3 and ids == newest_matching(frigate, 20) and not sampled


def test_without_statistics_a_common_word_still_reads_a_sample():
    strait = fresh("strait")
    articles(600, text=patrols(strait))  # not analysed: no statistics of its words
    ids, sampled, read = found(strait, sample=50)
    assert len(ids) == 20 and sampled and read < 300


def test_the_search_page_of_a_common_word_shows_its_newest_articles(client, analyst, analyzed):
    strait = fresh("strait")
    articles(4 * SEARCH_SAMPLE, text=patrols(strait))
    analyzed()
    client.force_login(analyst)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("ingest:search") + f"?q={strait}")
    page = response.content.decode()
    assert "is in so many articles" not in page
    assert [a.pk for a in response.context["results"].articles] == newest_matching(strait, 20)
    # auth 2 + 2; officials_matching 6; summaries: the table's size 1 (too few rows to walk) and their
    # full-text ids 5 (savepoint, settings, ids, rollback, release; no engagement matches, none read);
    # articles: the table's size and the estimate 2, the newest rows walked 5, the 20 articles 1: the same
    # however many articles match
    assert len(queries) == 24


def test_the_search_page_says_when_its_articles_come_from_a_sample(client, analyst):
    strait = fresh("strait")
    articles(4 * SEARCH_SAMPLE, text=patrols(strait))  # no statistics yet
    client.force_login(analyst)
    response = client.get(reverse("ingest:search") + f"?q={strait}")
    assert "is in so many articles that these are the most recent of a sample" in response.content.decode()
    assert len(response.context["results"].articles) == 20
