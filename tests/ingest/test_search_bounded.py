"""Full-text search reads a bounded sample of the matches of a common word, and the page says so."""

import pytest
from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ingest.models import Article
from ingest.selectors import ARTICLE_MATCH
from ingest.texts import normalized_text_hash
from meetings.selectors import SEARCH_SAMPLE, ids_by_bitmap

pytestmark = pytest.mark.django_db


def articles(n: int, *, text: str) -> None:
    """n articles whose text holds the words, then their full-text entries moved from the GIN index's
    pending list into its tree (as VACUUM does in time), where the sample is drawn."""
    texts = [f"{text} Report {index}." for index in range(n)]
    Article.objects.bulk_create(Article(title="Report", text=t, sha256=normalized_text_hash(t)) for t in texts)
    with connection.cursor() as cursor:
        cursor.execute("SELECT gin_clean_pending_list('article_text_fts')")


def matching(words: str):
    return Article.objects.filter(RawSQL(ARTICLE_MATCH, [words], output_field=BooleanField())).order_by("-id")


def test_a_common_word_reads_a_sample_of_its_matches_not_all_of_them():
    articles(600, text="Coast guards of both states patrolled the strait.")
    found = ids_by_bitmap(matching("strait"), limit=20, sample=50)
    assert len(found.ids) == 20 and found.sampled
    assert found.read < 300  # about 50 of the 600: the index dropped the rest before any row was read


def test_a_rare_word_reads_every_match():
    articles(600, text="Coast guards of both states patrolled the strait.")
    articles(3, text="A frigate docked at the harbour.")
    found = ids_by_bitmap(matching("frigate"), limit=20, sample=50)
    assert found.read == 3 and len(found.ids) == 3 and not found.sampled


def test_the_search_page_of_a_common_word_says_its_articles_come_from_a_sample(client, analyst):
    articles(4 * SEARCH_SAMPLE, text="Coast guards of both states patrolled the strait.")
    client.force_login(analyst)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("ingest:search") + "?q=strait")
    assert "is in so many articles that these are the most recent of a sample" in response.content.decode()
    assert len(response.context["results"].articles) == 20
    # auth 2 + 2; officials_matching 5; summaries' full-text ids 4 (no engagement matches, none read);
    # articles' full-text ids 4 and the 20 articles 1: the same however many articles match
    assert len(queries) == 18
