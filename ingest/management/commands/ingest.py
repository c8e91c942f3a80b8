"""Ingest files, directories and corpus .jsonl files: queue them all (or process them here with
--sync) and print new / duplicate / failed, with the same figures as the operations page."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ingest import selectors, services
from ingest.documents import DocumentError, document_read
from ingest.extraction.corpus import CorpusFormatError, corpus_article, corpus_rows
from ingest.models import Article

SUFFIXES = {".txt", ".html", ".htm", ".pdf", ".docx", ".jsonl"}


class Progress:
    """A one-line progress bar on stderr (left alone when stderr is not a terminal and --no-progress)."""

    def __init__(self, label: str, total: int, *, stream=None, enabled: bool = True):
        self.label, self.total, self.done = label, total, 0
        self.stream = stream or sys.stderr
        self.enabled = enabled and total > 0
        self.started = time.monotonic()

    def advance(self, count: int = 1) -> None:
        self.set(self.done + count)

    def set(self, done: int) -> None:
        self.done = done
        if not self.enabled:
            return
        width = 30
        filled = int(width * self.done / self.total)
        rate = self.done / max(time.monotonic() - self.started, 1e-6)
        self.stream.write(
            f"\r{self.label:<10} [{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} {rate:5.1f}/s"
        )
        if self.done >= self.total:
            self.stream.write("\n")
        self.stream.flush()


def ingest_items(paths: list[Path]) -> Iterator[tuple[str, dict | None, str]]:
    """(label, article fields or None, reason) for every document under the paths."""
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif path.is_file():
            files = [path]
        else:
            yield str(path), None, "no such file or directory"
            continue
        for file in files:
            if file.suffix.lower() == ".jsonl":
                yield from _corpus_items(file)
                continue
            try:
                document = document_read(file.read_bytes(), max_bytes=settings.INGEST_MAX_UPLOAD_BYTES)
            except (DocumentError, OSError) as error:
                yield str(file), None, str(error)
                continue
            fields = {"text": document.text, "title": document.title, "publisher": document.publisher}
            yield str(file), {**fields, "published": document.published}, ""


def _corpus_items(file: Path) -> Iterator[tuple[str, dict | None, str]]:
    """Articles in the corpus format; a bad line is refused with its reason and the rest still read."""
    for number, row in corpus_rows(file):
        label = f"{file}:{number}"
        try:
            if isinstance(row, CorpusFormatError):
                raise row
            article = corpus_article(row, where=f"{file}, line {number}")
        except CorpusFormatError as error:
            yield label, None, f"not a corpus record: {error}"
            continue
        if not article.text.strip():
            yield label, None, "empty text"
            continue
        fields = {"title": article.title, "source_url": row.get("source_url") or "", "text": article.text}
        yield label, {**fields, "published": article.published, "language": row.get("language") or ""}, ""


class Command(BaseCommand):
    help = "Ingest articles from files, directories and corpus-format .jsonl files."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--sync", action="store_true", help="process here, without a worker")
        parser.add_argument("--wait", action="store_true", help="after queueing, wait until workers finish them")
        parser.add_argument("--publisher", default="", help="publisher for documents that do not name one")
        parser.add_argument("--batch-size", type=int, default=16, help="articles per task (one model pass)")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, paths, sync, wait, publisher, batch_size, no_progress, **options):
        new_ids, duplicates, refused, queued = [], 0, [], 0
        items = list(ingest_items(paths))
        if not items:
            raise CommandError("No documents found (.txt, .html, .htm, .pdf, .docx or .jsonl).")
        saving = Progress("saving" if sync else "queueing", len(items), enabled=not no_progress)
        # Saved a batch at a time (one INSERT each) and queued as we go, so workers start while the rest is read.
        for at in range(0, len(items), batch_size):
            chunk = items[at : at + batch_size]
            refused += [(label, reason) for label, fields, reason in chunk if fields is None]
            readable = [(label, fields) for label, fields, _ in chunk if fields is not None]
            for fields in (fields for _, fields in readable):
                fields["publisher"] = fields.get("publisher") or publisher
            saved = services.articles_create(items=[fields for _, fields in readable])
            for (label, _), article in zip(readable, saved, strict=True):
                if isinstance(article, services.DuplicateArticle):
                    duplicates += 1
                    self.stderr.write(f"{label}: already ingested as article {article.existing.pk}")
                else:
                    new_ids.append(article.pk)
            if not sync and new_ids[queued:]:
                services.articles_enqueue(article_ids=new_ids[queued:], batch_size=batch_size)
                queued = len(new_ids)
            saving.advance(len(chunk))
        if sync:
            progress = Progress("extracting", len(new_ids), enabled=not no_progress)
            for at in range(0, len(new_ids), batch_size):
                services.articles_process(article_ids=new_ids[at : at + batch_size])
                progress.advance(len(new_ids[at : at + batch_size]))
        elif wait:
            self._wait(new_ids, enabled=not no_progress)
        for label, reason in refused:
            self.stderr.write(f"{label}: {reason}")
        self._summary(new_ids, duplicates, refused)

    def _wait(self, ids: list[int], *, enabled: bool) -> None:
        progress = Progress("processing", len(ids), enabled=enabled)
        finished = [Article.Status.DONE, Article.Status.FAILED]
        while progress.done < len(ids):
            time.sleep(0.5)
            progress.set(Article.objects.filter(pk__in=ids, status__in=finished).count())

    def _summary(self, new_ids: list[int], duplicates: int, refused: list) -> None:
        failed = Article.objects.filter(pk__in=new_ids, status=Article.Status.FAILED)
        for article in failed:
            self.stderr.write(f"article {article.pk}: {article.error}")
        waiting = Article.objects.filter(pk__in=new_ids, status__in=[Article.Status.PENDING, Article.Status.PROCESSING])
        self.stdout.write(
            f"new: {len(new_ids)}  duplicate: {duplicates}  failed: {len(refused) + failed.count()}"
            + (f"  still queued: {waiting.count()}" if waiting.exists() else "")
        )
        counts = selectors.ingest_counts()
        statuses = "  ".join(f"{status}: {total}" for status, total in counts.by_status.items())
        depth = "unreachable" if counts.queue_depth is None else counts.queue_depth
        self.stdout.write(
            f"all articles: {statuses}  queue: {depth}  "
            f"processed last hour: {counts.processed_hour}  last day: {counts.processed_day}"
        )
