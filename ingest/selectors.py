"""Reads for ingestion: the operations figures (shared by the page and the bulk command), the Articles
page and article search."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from celery import current_app
from django.conf import settings
from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import BooleanField, Count, F, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils import timezone
from kombu.exceptions import ChannelError

from ingest.models import Article
from meetings.models import Engagement, Evidence, Official
from meetings.selectors import SEARCH_SAMPLE, RowRef, domain_search, full_text_ids


@dataclass(frozen=True)
class IngestCounts:
    by_status: dict[str, int]
    processed_hour: int
    processed_day: int
    failed_day: int
    queue_depth: int | None  # None when the broker cannot be reached

    @property
    def total(self) -> int:
        return sum(self.by_status.values())


def ingest_counts(*, now: datetime.datetime | None = None) -> IngestCounts:
    """Articles by status, processed in the last hour and day, and the broker's queue length."""
    now = now or timezone.now()
    hour, day = now - datetime.timedelta(hours=1), now - datetime.timedelta(days=1)
    statuses = dict(Article.objects.values_list("status").annotate(n=Count("id")).order_by())
    recent = Article.objects.filter(processed__gte=day).aggregate(
        hour=Count("id", filter=Q(processed__gte=hour)),
        day=Count("id"),
        failed=Count("id", filter=Q(status=Article.Status.FAILED)),
    )
    return IngestCounts(
        by_status={value: statuses.get(value, 0) for value in Article.Status.values},
        processed_hour=recent["hour"],
        processed_day=recent["day"],
        failed_day=recent["failed"],
        queue_depth=queue_depth(),
    )


def queue_depth() -> int | None:
    """Messages waiting in the task queue (not those a worker holds); None only when the broker is unreachable."""
    try:
        with current_app.connection_for_read() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
            try:
                declared = conn.default_channel.queue_declare(settings.CELERY_TASK_DEFAULT_QUEUE, passive=True)
            except ChannelError:  # Redis deletes a list when its last message is taken: an empty queue
                return 0
            return declared.message_count
    except Exception:  # the broker is down
        return None


def failures_latest(*, limit: int = 20) -> QuerySet[Article]:
    return Article.objects.filter(status=Article.Status.FAILED).order_by("-processed", "-id")[:limit]


def article_detail(*, article_id: int) -> Article:
    return Article.objects.select_related("uploaded_by", "duplicate_of", "syndicated_from").get(pk=article_id)


def article_engagements(*, article: Article) -> QuerySet[Engagement]:
    """The engagements this article reports, with their states and participants for the outcome list."""
    return (
        Engagement.objects.filter(pk__in=Evidence.objects.filter(article=article).values("engagement_id"))
        .prefetch_related("countries", Prefetch("participations__official"))
        .annotate(source_total=Count("evidence__article", distinct=True))
        .order_by("date", "id")
    )


# Articles on the dashboard: the Articles page and the articles half of search -----------------------------

# Written exactly as its GIN index (meetings migration 0005, article_text_fts) so PostgreSQL uses it.
ARTICLE_MATCH = (
    'to_tsvector(\'english\', "ingest_article"."title" || \' \' || "ingest_article"."text") '
    "@@ websearch_to_tsquery('english', %s)"
)


def article_list(*, status: str | None = None) -> QuerySet[Article]:
    """Articles newest first with how many engagements each reports (text left unread)."""
    queryset = Article.objects.defer("text", "error").annotate(
        engagement_total=Coalesce(
            Subquery(
                Evidence.objects.filter(article=OuterRef("pk"))
                .order_by()
                .values("article")
                .annotate(n=Count("engagement", distinct=True))
                .values("n"),
                output_field=IntegerField(),
            ),
            0,
        )
    )
    if status:
        queryset = queryset.filter(status=status)
    return queryset.order_by("-id")


def articles_matching(*, query: str, limit: int = 20) -> tuple[list[Article], bool]:
    """Articles whose title or text matches the words (full text), latest published first, and whether
    they are the latest of a sample (words found in very many articles)."""
    newest = (F("published").desc(nulls_last=True), "-id")
    matching = RawSQL(ARTICLE_MATCH, [query], output_field=BooleanField())
    matches = full_text_ids(Article.objects.all(), matching, newest_by="published", limit=limit)
    if not matches.ids:
        return [], matches.sampled
    return list(Article.objects.defer("text").filter(pk__in=matches.ids).order_by(*newest)), matches.sampled


@dataclass
class SearchResults:
    officials: list[Official]
    engagements: list[RowRef]
    articles: list[Article]
    engagements_sampled: bool = False  # common words: the newest of a sample of the matches are shown
    articles_sampled: bool = False
    sample: int = SEARCH_SAMPLE

    def __bool__(self) -> bool:
        return bool(self.officials or self.engagements or self.articles)


def search(*, query: str, limit: int = 20) -> SearchResults:
    """Officials by any spelling, engagements by summary and articles by text."""
    found = domain_search(query=query, limit=limit)
    articles, articles_sampled = articles_matching(query=query, limit=limit)
    return SearchResults(
        found.officials,
        found.engagements,
        articles,
        engagements_sampled=found.engagements_sampled,
        articles_sampled=articles_sampled,
    )


def articles_with_evidence(*, article_ids: list[int]) -> set[int]:
    """Those of the articles that are a source of some engagement (one query)."""
    cited = Evidence.objects.filter(article_id__in=article_ids).order_by().values_list("article_id", flat=True)
    return set(cited.distinct())


def officials_known() -> QuerySet[Official]:
    """Every official on record with all the spellings of their name (one query), for the engine to
    recognise them in a batch of articles."""
    return (
        Official.objects.annotate(spellings=ArrayAgg("aliases__name", distinct=True, default=[]))
        .only("pk", "name", "country_id", "title")
        .order_by("pk")
    )
