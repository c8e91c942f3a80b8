"""End-to-end ingestion throughput (make bench-ingest).

In a scratch database on the same PostgreSQL server (never the one in use), 1,000 articles (the dev
corpus repeated, each copy made distinct) go through the real queue: saved, sent to Redis, extracted
and written by one Celery worker with two processes. The bare engine then reads the same texts in
two processes of this machine, in batches of the same size. The ratio of the two rates is what the
queue and the database cost: 1.0 means nothing.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

from celery import current_app
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from config.scratch_databases import database_url, server_connection
from ingest import services
from ingest.extraction.corpus import DEV_CORPUS, read_articles
from ingest.models import Article
from meetings.models import Engagement

PROCESSES = 2
TARGET_RATIO = 0.7


def bench_articles(path: Path, count: int) -> list[dict]:
    base = [a for a in read_articles(path) if a.text.strip()]
    if not base:
        raise CommandError(f"No articles in {path}.")
    out = []
    for i in range(count):
        article = base[i % len(base)]
        # A distinct closing line per copy: every text is new, copies of one story are syndications.
        text = f"{article.text}\n(Archive copy {i // len(base) + 1} of this report.)"
        out.append({"title": article.title, "text": text, "published": article.published, "language": "en"})
    return out


def _engine_warm_up() -> None:
    from ingest.extraction import Article as EngineArticle
    from ingest.extraction import extract

    extract(EngineArticle(id="warm-up", title="", text="The ministers met in Amman on Monday.", language="en"))


def _engine_chunk(chunk: list[dict]) -> int:
    from ingest.extraction import Article as EngineArticle
    from ingest.extraction import extract_batch

    articles = [EngineArticle(id=str(i), **fields) for i, fields in enumerate(chunk)]
    return len(extract_batch(articles, batch_size=len(articles)))


class Command(BaseCommand):
    help = "Time 1,000 articles through the queue with two worker processes against the bare engine."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000)
        parser.add_argument("--batch-size", type=int, default=16)
        parser.add_argument("--input", type=Path, default=DEV_CORPUS)
        parser.add_argument("--database", default="dyad_bench_ingest")
        parser.add_argument("--measure", action="store_true", help="(internal) run in the scratch database")

    def handle(self, *args, articles, batch_size, input, database, measure, **options):
        if measure:
            self.measure(count=articles, batch_size=batch_size, path=input)
            return
        if database == settings.DATABASES["default"]["NAME"]:
            raise CommandError("The bench database must not be the one in use.")
        with server_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{database}"')
        env = {
            **os.environ,
            "DATABASE_URL": database_url(database),
            "REDIS_URL": settings.REDIS_URL,
            "CELERY_QUEUE": f"bench-ingest-{uuid.uuid4().hex[:8]}",  # no other worker takes these tasks
        }
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        try:
            subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True)
            options = ["--articles", str(articles), "--batch-size", str(batch_size), "--input", str(input)]
            subprocess.run([*manage, "bench_ingest", "--measure", *options], env=env, check=True)
        finally:
            with server_connection() as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')

    def measure(self, *, count: int, batch_size: int, path: Path) -> None:
        items = bench_articles(path, count)
        worker = self.worker_start()
        try:
            started = time.perf_counter()
            ids = []
            for at in range(0, len(items), batch_size):
                batch = [services.article_create(**fields).pk for fields in items[at : at + batch_size]]
                services.articles_enqueue(article_ids=batch, batch_size=batch_size)
                ids += batch
            while Article.objects.filter(pk__in=ids, status__in=["pending", "processing"]).exists():
                if worker.poll() is not None:
                    raise CommandError("The worker stopped during the run.")
                time.sleep(0.2)
            queue_seconds = time.perf_counter() - started
        finally:
            worker.send_signal(signal.SIGTERM)
            worker.wait(timeout=60)
        failed = Article.objects.filter(pk__in=ids, status=Article.Status.FAILED).count()

        chunks = [items[at : at + batch_size] for at in range(0, len(items), batch_size)]
        with multiprocessing.get_context("fork").Pool(PROCESSES, initializer=_engine_warm_up) as pool:
            pool.map(_engine_warm_up_noop, range(PROCESSES))
            started = time.perf_counter()
            assert sum(pool.map(_engine_chunk, chunks, chunksize=1)) == len(items)
            engine_seconds = time.perf_counter() - started

        pipeline_rate, engine_rate = len(items) / queue_seconds, len(items) / engine_seconds
        ratio = pipeline_rate / engine_rate
        self.stdout.write(
            f"articles={len(items)} processes={PROCESSES} batch={batch_size} failed={failed} "
            f"engagements={Engagement.objects.count()}\n"
            f"end to end through the queue: {pipeline_rate:.1f} articles/s ({queue_seconds:.1f} s)\n"
            f"bare engine, same texts:      {engine_rate:.1f} articles/s ({engine_seconds:.1f} s)\n"
            f"ratio={ratio:.2f} (target >= {TARGET_RATIO}) {'OK' if ratio >= TARGET_RATIO else 'BELOW TARGET'}"
        )

    def worker_start(self) -> subprocess.Popen:
        name = f"bench-{uuid.uuid4().hex[:8]}@%h"
        queue = settings.CELERY_TASK_DEFAULT_QUEUE
        command = [sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", queue, "-n", name]
        command += ["--concurrency", str(PROCESSES), "--pool", "prefork", "--loglevel", "warning", "--without-gossip"]
        worker = subprocess.Popen(command, env=os.environ.copy())
        deadline = time.monotonic() + 120
        node = name.split("@")[0]
        while not any(node in host for reply in current_app.control.ping(timeout=1) for host in reply):
            if worker.poll() is not None or time.monotonic() > deadline:
                worker.kill()
                raise CommandError("The Celery worker did not start.")
        return worker


def _engine_warm_up_noop(_: int) -> None:
    """Make sure both pool processes exist (and have run their warm-up) before the clock starts."""
    time.sleep(0.2)
