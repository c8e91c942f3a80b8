"""Writes for ingestion: saving uploads, claiming and processing articles, retries and the sweeper.

An article moves pending -> processing -> done | failed. Workers claim it with a conditional
UPDATE (article_claim), and its records are written in one transaction that re-checks the claim
(article_records_save), so a task delivered twice, or re-run after its worker was killed, leaves
the records of one run. Articles of a batch with nothing to write (no event, no source's evidence to
share, no records of their own before) are marked done together, under the same check of the claim
(articles_done_without_records).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import uuid
from functools import cache, partial
from pathlib import Path
from typing import Any

from celery import current_app
from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone

from ingest.documents import DocumentError, document_read
from ingest.extraction import ArticleExtraction
from ingest.fetch import FetchError, url_fetch
from ingest.models import Article
from ingest.records import extraction_records_write, known_officials
from ingest.selectors import articles_with_evidence
from ingest.texts import containment, normalized_text_hash, word_shingles

logger = logging.getLogger(__name__)

TASK_PROCESS = "ingest.process_article"
TASK_PROCESS_BATCH = "ingest.process_articles"
# Near-duplicate test: share of the shorter text's word 5-grams found in the other text.
SYNDICATION_CONTAINMENT = 0.6
SYNDICATION_CANDIDATES = 5
SYNDICATION_SCAN = 500  # articles sharing a sketch hash, ranked by how many they share


class DuplicateArticle(Exception):
    def __init__(self, existing: Article):
        super().__init__(f"Already ingested as article {existing.pk}")
        self.existing = existing


class ArticleFailure(Exception):
    """Processing cannot succeed for this article (bad page, unreadable document, engine error)."""


@cache
def engine_version() -> str:
    """A fingerprint of the extraction engine's source, so `reextract --outdated` finds what an upgrade changed."""
    digest = hashlib.sha1()
    for path in sorted((Path(__file__).parent / "extraction").glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


# Saving and queueing --------------------------------------------------------------------------


def _article_new(
    *,  # the fields an upload gives
    text: str = "",
    title: str = "",
    publisher: str = "",
    published=None,
    source_url: str = "",
    language: str = "",
    uploaded_by=None,
) -> Article:
    if not text.strip() and not source_url:
        raise ValueError("An article needs text or a URL.")
    article = Article(
        text=text,
        title=title[:500],
        publisher=publisher[:200],
        published=published,
        source_url=source_url,
        language=language,
        uploaded_by=uploaded_by,
    )
    article.fingerprint()
    return article


def article_create(**fields) -> Article:
    """Save a new pending article (the keywords of _article_new); the same normalized text twice raises
    DuplicateArticle. A URL-only article has no text until the worker fetches it."""
    (saved,) = articles_create(items=[fields])
    if isinstance(saved, DuplicateArticle):
        raise saved
    return saved


@transaction.atomic
def articles_create(*, items: list[dict]) -> list[Article | DuplicateArticle]:
    """article_create for many articles (a bulk upload), in one INSERT: per item, the new article or the
    DuplicateArticle naming the one already holding its text (an earlier item's, too). A ValueError
    (an item with neither text nor URL) saves none of them."""
    articles = [_article_new(**fields) for fields in items]
    held = Article.objects.in_bulk({a.sha256 for a in articles if a.sha256}, field_name="sha256")
    out: list[Article | DuplicateArticle] = []
    new: list[Article] = []
    for article in articles:
        if article.sha256 in held:
            out.append(DuplicateArticle(held[article.sha256]))
            continue
        if article.sha256:
            held[article.sha256] = article
        out.append(article)
        new.append(article)
    try:
        with transaction.atomic():
            Article.objects.bulk_create(new)
    except IntegrityError:  # another upload saved one of these texts meanwhile
        if len(articles) > 1:
            return [_created_or_duplicate(fields) for fields in items]  # one at a time, then
        existing = Article.objects.filter(sha256=articles[0].sha256).first() if articles[0].sha256 else None
        if existing is None:
            raise
        return [DuplicateArticle(existing)]
    return out


def _created_or_duplicate(fields: dict) -> Article | DuplicateArticle:
    try:
        return article_create(**fields)
    except DuplicateArticle as duplicate:
        return duplicate


@transaction.atomic
def article_submit(**fields) -> Article:
    """Save an upload and queue it once the surrounding transaction commits."""
    article = article_create(**fields)
    transaction.on_commit(partial(article_enqueue, article_id=article.pk))
    return article


def article_enqueue(*, article_id: int) -> bool:
    """Send the article to the workers. With the broker down the article stays pending and the
    sweeper sends it later; the upload itself never fails for that."""
    return _send(TASK_PROCESS, {"article_id": article_id})


def articles_enqueue(*, article_ids: list[int], batch_size: int = 1) -> int:
    """Queue many articles (the bulk command); batches share one pass of the engine's model."""
    if batch_size <= 1:
        return sum(article_enqueue(article_id=pk) for pk in article_ids)
    queued = 0
    for at in range(0, len(article_ids), batch_size):
        batch = article_ids[at : at + batch_size]
        queued += len(batch) if _send(TASK_PROCESS_BATCH, {"article_ids": batch}) else 0
    return queued


def _send(task: str, kwargs: dict) -> bool:
    try:
        current_app.send_task(
            task,
            kwargs=kwargs,
            ignore_result=True,  # progress lives on the article row
            retry=True,
            retry_policy={"max_retries": 2, "interval_start": 0.1, "interval_step": 0.2},
        )
    except Exception as exc:  # kombu/redis raise several connection error types
        logger.warning("Not queued (%s): %s; the sweeper will queue it.", exc, kwargs)
        return False
    return True


def article_retry(*, article_id: int) -> bool:
    """Queue a failed or finished article again (retry button, re-extraction); False if it is in flight."""
    if not article_reset(article_id=article_id):
        return False
    transaction.on_commit(partial(article_enqueue, article_id=article_id))
    return True


def article_reset(*, article_id: int) -> bool:
    """Make a failed or finished article pending again; its records are replaced when it is processed."""
    return bool(
        Article.objects.filter(pk=article_id, status__in=[Article.Status.FAILED, Article.Status.DONE]).update(
            status=Article.Status.PENDING, error="", claim_task="", claimed_at=None, updated=timezone.now()
        )
    )


def articles_outdated() -> QuerySet[Article]:
    """Finished articles whose records were not written by the current engine (or not by the pipeline)."""
    return Article.objects.filter(status=Article.Status.DONE, duplicate_of__isnull=True).exclude(
        engine=engine_version()
    )


def articles_requeue_stuck(*, older_than: float | None = None) -> int:
    """Queue again articles left pending (broker was down) or processing (worker died) too long."""
    older_than = settings.INGEST_STUCK_AFTER if older_than is None else older_than
    cutoff = timezone.now() - datetime.timedelta(seconds=older_than)
    stuck = list(
        Article.objects.filter(
            Q(status=Article.Status.PENDING, updated__lt=cutoff)
            | Q(status=Article.Status.PROCESSING, claimed_at__lt=cutoff)
        ).values_list("pk", flat=True)[:1000]
    )
    # Touch them so the next sweep leaves them alone while they wait in the queue.
    Article.objects.filter(pk__in=stuck, status=Article.Status.PENDING).update(updated=timezone.now())
    queued = sum(article_enqueue(article_id=pk) for pk in stuck)
    if stuck:
        logger.info("Sweeper queued %s of %s stuck article(s) again.", queued, len(stuck))
    return queued


# Processing -----------------------------------------------------------------------------------


def article_claim(*, article_id: int, task_id: str) -> Article | None:
    """Take the article for this task: pending, or processing under this same task (a redelivery
    after its worker died), or processing under a claim older than INGEST_STUCK_AFTER. None otherwise."""
    claimed = articles_claim(article_ids=[article_id], task_id=task_id)
    return claimed[0] if claimed else None


def articles_claim(*, article_ids: list[int], task_id: str) -> list[Article]:
    """article_claim for several articles in one conditional UPDATE."""
    now = timezone.now()
    expired = now - datetime.timedelta(seconds=settings.INGEST_STUCK_AFTER)
    Article.objects.filter(pk__in=article_ids).filter(
        Q(status=Article.Status.PENDING)
        | Q(status=Article.Status.PROCESSING, claim_task=task_id)
        | Q(status=Article.Status.PROCESSING, claimed_at__lt=expired)
        | Q(status=Article.Status.PROCESSING, claimed_at__isnull=True)
    ).update(
        status=Article.Status.PROCESSING, claim_task=task_id, claimed_at=now, attempts=F("attempts") + 1, updated=now
    )
    held = Article.objects.filter(pk__in=article_ids, status=Article.Status.PROCESSING, claim_task=task_id)
    return sorted(held, key=lambda article: article_ids.index(article.pk))


def article_process(*, article_id: int, task_id: str | None = None) -> Article | None:
    """The whole pipeline for one article: claim, fetch its URL if needed, extract, write records.
    Permanent problems leave it failed with the reason; transient ones (database, a site's 5xx)
    propagate so the task retries them."""
    return articles_process(article_ids=[article_id], task_id=task_id)[0]


def articles_process(*, article_ids: list[int], task_id: str | None = None) -> list[Article | None]:
    """article_process for several articles, with one pass of the engine's model over them."""
    from ingest.extraction import extract_batch

    task_id = task_id or f"sync-{uuid.uuid4()}"
    claimed: list[Article] = []
    for held in articles_claim(article_ids=article_ids, task_id=task_id):
        article: Article | None = held
        if held.duplicate_of_id is not None:  # a URL whose text was already on record: nothing to write
            article_done_as_duplicate(article_id=held.pk, task_id=task_id)
            continue
        try:
            if not held.text and held.source_url:
                article = article_fetch(article=held, task_id=task_id)
        except ArticleFailure as failure:
            article_fail(article_id=held.pk, reason=str(failure), task_id=task_id)
            continue
        if article is not None and article.duplicate_of_id is None:
            claimed.append(article)
    if claimed:
        try:
            extractions = extract_batch(
                [_engine_article(a) for a in claimed], batch_size=min(len(claimed), 64), known=known_officials()
            )
        except Exception as exc:  # a bug or a pathological text in the engine must not loop forever
            logger.exception("Extraction failed for articles %s", [a.pk for a in claimed])
            for article in claimed:
                article_fail(article_id=article.pk, reason=f"Extraction failed: {exc}", task_id=task_id)
            claimed, extractions = [], []
        sources = articles_with_evidence(article_ids=[a.pk for a in claimed])
        quiet: list[tuple[Article, ArticleExtraction, Article | None]] = []
        for article, extraction in zip(claimed, extractions, strict=True):
            if any(set(article.sketch).intersection(waiting.sketch) for waiting, _, _ in quiet):
                # One of those may be this one's source, as it would be had it been marked done already.
                articles_done_without_records(done=quiet, task_id=task_id)
                quiet = []
            syndicated_from = article_syndication_find(article=article)
            copies = syndicated_from is not None and getattr(syndicated_from, "cited", True)
            if not extraction.events and not copies and article.pk not in sources:
                quiet.append((article, extraction, syndicated_from))  # nothing to write or replace: done below
                continue
            article_records_save(
                article_id=article.pk, task_id=task_id, extraction=extraction, syndicated_from=syndicated_from
            )
        articles_done_without_records(done=quiet, task_id=task_id)
    finished = Article.objects.in_bulk(article_ids)
    return [finished.get(pk) for pk in article_ids]


def _engine_article(article: Article):
    from ingest.extraction import Article as EngineArticle

    return EngineArticle(
        id=str(article.pk),
        title=article.title,
        text=article.text,
        published=article.published,
        language=article.language or "en",  # the engine checks a declared English against the text
    )


def article_fetch(*, article: Article, task_id: str) -> Article | None:
    """Download a URL article's page and keep its text and metadata. Raises ArticleFailure for a
    page that cannot become an article, FetchError(transient) for one worth trying again."""
    try:
        fetched = url_fetch(
            article.source_url,
            timeout=settings.INGEST_FETCH_TIMEOUT,
            max_bytes=settings.INGEST_MAX_UPLOAD_BYTES,
            allow_private=settings.INGEST_ALLOW_PRIVATE_URLS,
        )
        document = document_read(fetched.body, max_bytes=settings.INGEST_MAX_UPLOAD_BYTES, url=fetched.url)
    except FetchError as error:
        if error.transient:
            raise
        raise ArticleFailure(error.reason) from error
    except DocumentError as error:
        raise ArticleFailure(f"Not an article: {error}") from error
    with transaction.atomic():
        current = Article.objects.select_for_update().filter(pk=article.pk, claim_task=task_id).first()
        if current is None:
            return None  # another worker took over
        existing = Article.objects.filter(sha256=normalized_text_hash(document.text)).exclude(pk=article.pk).first()
        if existing is not None:
            current.duplicate_of = existing
            current.status, current.processed = Article.Status.DONE, timezone.now()
            current.save(update_fields=["duplicate_of", "status", "processed", "updated"])
            return current
        current.text = document.text
        current.title = current.title or document.title[:500]
        current.publisher = current.publisher or document.publisher[:200]
        current.published = current.published or document.published
        current.save(update_fields=["text", "sha256", "sketch", "title", "publisher", "published", "updated"])
    return current


# Of the most recent processed articles sharing a sketch hash (the first SYNDICATION_SCAN), those sharing the
# most; then only those few are read in full: their text, and whether each is a source of some engagement
# (`cited`), whose evidence a copy shares. Written so that no article's text, nor any evidence, is read
# but the candidates' (an ORM semi-join read every article's row and all the evidence: the cost grew with
# the articles stored). Only the sketch index can serve it: its other conditions are written so that no
# index does (`IS TRUE`); otherwise a young table's missing statistics had the planner intersect the
# status and duplicate indexes and read every row that passed both (2 to 4 ms per article at 1,000
# articles, where the sketch index answers in under 1 ms).
SYNDICATION_CANDIDATES_SQL = """
WITH recent AS MATERIALIZED (
    SELECT id, sketch FROM ingest_article
    WHERE sketch && %(sketch)s::bigint[] AND (status = 'done') IS TRUE AND (duplicate_of_id IS NULL) IS TRUE
        AND id <> %(id)s
    ORDER BY created DESC, id DESC LIMIT %(scan)s
), ranked AS (
    SELECT id, cardinality(ARRAY(SELECT unnest(sketch) INTERSECT SELECT unnest(%(sketch)s::bigint[]))) AS shared
    FROM recent ORDER BY shared DESC, id LIMIT %(candidates)s
)
SELECT a.id, a.text, EXISTS (SELECT 1 FROM meetings_evidence e WHERE e.article_id = a.id) AS cited
FROM ranked r JOIN ingest_article a ON a.id = r.id
ORDER BY r.shared DESC, r.id
"""


def article_syndication_find(*, article: Article) -> Article | None:
    """An earlier processed article carrying nearly the same text: another outlet's copy of the story."""
    if not article.sketch:
        return None
    params = {
        "sketch": list(article.sketch),
        "id": article.pk,
        "scan": SYNDICATION_SCAN,
        "candidates": SYNDICATION_CANDIDATES,
    }
    mine = word_shingles(article.text)
    for candidate in Article.objects.raw(SYNDICATION_CANDIDATES_SQL, params):
        if containment(mine, word_shingles(candidate.text)) >= SYNDICATION_CONTAINMENT:
            return candidate
    return None


@transaction.atomic
def article_records_save(*, article_id: int, task_id: str, extraction, syndicated_from: Article | None) -> bool:
    """One transaction: the article's engagements, participants and evidence, and its status done.
    Nothing is written unless this task still holds the claim."""
    article = Article.objects.select_for_update().annotate(unflushed=WITHOUT_FLUSH).filter(pk=article_id).first()
    if article is None or article.status != Article.Status.PROCESSING or article.claim_task != task_id:
        return False
    outcome = extraction_records_write(
        article=article, events=extraction.events if extraction.relevant else [], syndicated_from=syndicated_from
    )
    article.status = Article.Status.DONE
    article.language = extraction.language[:12]
    article.syndicated_from = syndicated_from
    article.outcome = {**outcome, "relevant": extraction.relevant, "events": len(extraction.events)}
    article.engine, article.error, article.processed = engine_version(), "", timezone.now()
    article.save(
        update_fields=["status", "language", "syndicated_from", "outcome", "engine", "error", "processed", "updated"]
    )
    return True


def _commit_without_flush() -> None:
    """The current transaction commits without waiting for its WAL to reach the disk: a server crash may
    lose the last few articles' writes as a whole, never part of one, and those articles, left processing
    under their claim, are queued again by the sweeper. A worker writes once per article."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit TO OFF")


# The same, as a column of the transaction's first read (one round trip fewer per article written).
WITHOUT_FLUSH = RawSQL("set_config('synchronous_commit', 'off', true)", ())


# One UPDATE for a batch's quiet articles, each with its own values (an ORM bulk_update's CASE per field
# per article cost 6 ms of the worker's time per batch); only rows this task still holds change.
ARTICLES_DONE_SQL = """
UPDATE ingest_article AS a
SET status = 'done', language = d.language, syndicated_from_id = d.syndicated_from, outcome = d.outcome,
    engine = %(engine)s, error = '', processed = %(now)s, updated = %(now)s
FROM unnest(%(ids)s::bigint[], %(languages)s::text[], %(sources)s::bigint[], %(outcomes)s::jsonb[])
    AS d (id, language, syndicated_from, outcome)
WHERE a.id = d.id AND a.status = 'processing' AND a.claim_task = %(task)s
"""


@transaction.atomic
def articles_done_without_records(
    *, done: list[tuple[Article, ArticleExtraction, Article | None]], task_id: str
) -> int:
    """Articles with nothing to write (no event, no copy of a source's evidence, no records of their own
    before): done in one UPDATE, each with its outcome and the article it copies. Only those this task
    still holds are changed."""
    if not done:
        return 0
    _commit_without_flush()
    outcomes = [
        {"created": [], "updated": [], "engagements": [], "relevant": extraction.relevant, "events": 0}
        for _, extraction, _ in done
    ]
    params: dict[str, Any] = {
        "ids": [article.pk for article, _, _ in done],
        "languages": [extraction.language[:12] for _, extraction, _ in done],
        "sources": [source.pk if source else None for _, _, source in done],
        "outcomes": [json.dumps(outcome) for outcome in outcomes],
        "engine": engine_version(),
        "now": timezone.now(),
        "task": task_id,
    }
    with connection.cursor() as cursor:
        cursor.execute(ARTICLES_DONE_SQL, params)
        return cursor.rowcount


def article_done_as_duplicate(*, article_id: int, task_id: str) -> None:
    Article.objects.filter(pk=article_id, claim_task=task_id).update(
        status=Article.Status.DONE, error="", processed=timezone.now(), updated=timezone.now()
    )


def article_fail(*, article_id: int, reason: str, task_id: str | None = None) -> bool:
    """Leave the article failed with the reason shown to editors (unless another task now holds it)."""
    claim = Q(claim_task=task_id) if task_id else Q()
    return bool(
        Article.objects.filter(claim, pk=article_id)
        .exclude(status=Article.Status.DONE)
        .update(status=Article.Status.FAILED, error=reason[:2000], processed=timezone.now(), updated=timezone.now())
    )
