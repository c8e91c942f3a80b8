"""End-to-end ingestion throughput (make bench-ingest).

In a scratch database on the same PostgreSQL server (never the one in use), 1,000 articles go through
the real queue: saved, sent to Redis, extracted and written by one Celery worker with two processes.
The mix is the dev corpus repeated (each copy made distinct; a quarter of it reports no engagement)
and, for half of the articles by default, synthetic news about something else (ingest/offtopic_news.py),
as a real feed is mostly. The worker processes' memory is sampled meanwhile (peak, and its growth
between the first quarter of the run and the end). The bare engine reads the same texts first, in two
processes of this machine, in batches of the same size, with triage and without; last, the dev
corpus is scored with triage on and off.
"""

from __future__ import annotations

import importlib.util
import json
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psutil
from celery import current_app
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Max
from django.utils import timezone

from config.scratch_databases import database_url, production_environment, server_connection
from ingest import services
from ingest.extraction.corpus import DEV_CORPUS, read_articles
from ingest.models import Article
from ingest.offtopic_news import offtopic_articles
from meetings.models import Engagement

PROCESSES = 2
TARGET_RATE = 56.0  # articles per second end to end: 200,000 (a day of the world's news) in an hour
TARGET_RSS = 1 << 30


def bench_articles(path: Path, count: int, *, offtopic: float = 0.5) -> list[dict]:
    """`count` articles, a share `offtopic` of them synthetic off-topic news, the rest the corpus repeated."""

    base = [a for a in read_articles(path) if a.text.strip()]
    if not base:
        raise CommandError(f"No articles in {path}.")
    others = round(count * offtopic)
    out = offtopic_articles(others, seed=count)
    for i in range(count - others):
        article = base[i % len(base)]
        # A distinct closing line per copy: every text is new, copies of one story are syndications.
        text = f"{article.text}\n(Archive copy {i // len(base) + 1} of this report.)"
        out.append({"title": article.title, "text": text, "published": article.published, "language": article.language})
    random.Random(count).shuffle(out)
    return out


def dev_scores(path: Path) -> str:
    """The scorer's headline on `path` with triage on, then off: the same, or triage lost something."""
    from ingest.extraction import extract_batch, triage

    spec = importlib.util.spec_from_file_location("corpus_score", path.parent / "score.py")
    if spec is None or spec.loader is None or not (path.parent / "score.py").exists():
        return f"(no scorer beside {path})"
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    gold = scorer.load(path)
    articles = list(read_articles(path))
    lines = []
    for label in ("on", "off"):
        if label == "on":
            predicted = extract_batch(articles, batch_size=16)
        else:
            with triage.disabled():
                predicted = extract_batch(articles, batch_size=16)
        metrics = scorer.score(gold, [json.loads(json.dumps(r.to_dict())) for r in predicted])
        lines.append(f"dev corpus, triage {label:<3}: " + " ".join(f"{k}={v:.3f}" for k, v in metrics.items()))
    return "\n".join(lines)


class MemorySampler:
    """Resident memory of each of a worker's processes, sampled with the run's progress."""

    def __init__(self, worker: subprocess.Popen):
        self.worker = psutil.Process(worker.pid)
        self.samples: dict[int, list[tuple[int, int]]] = {}  # pid: (articles done, its RSS in bytes)

    def sample(self, done: int) -> None:
        largest = max((rss[-1] for rss in self.samples.values() if rss), default=None)
        if largest is not None and done // 1000 > largest[0] // 1000:
            print(f"  {done} articles done, largest worker process RSS {largest[1] / (1 << 20):.0f} MiB", flush=True)
        for process in [self.worker, *self.worker.children(recursive=True)]:
            try:
                self.samples.setdefault(process.pid, []).append((done, process.memory_info().rss))
            except psutil.NoSuchProcess:
                continue

    def report(self, total: int) -> tuple[str, bool]:
        """Each process's peak, and its growth per 1,000 articles from the first quarter of the run to the end."""
        if not self.samples:
            return "worker memory: no sample", False
        mib = 1 << 20
        lines, peaks = [], []
        for pid, samples in self.samples.items():
            peak = max(rss for _, rss in samples)
            peaks.append(peak)
            early = [rss for done, rss in samples if 0 < done <= total // 4] or [samples[0][1]]
            late = [rss for done, rss in samples if done >= total * 9 // 10] or [samples[-1][1]]
            growth = (max(late) - max(early)) / max(1, total * 0.65) * 1000
            role = "main" if pid == self.worker.pid else "pool"
            lines.append(
                f"  {role} process {pid}: peak RSS {peak / mib:.0f} MiB; {max(early) / mib:.0f} MiB after the first "
                f"quarter, {max(late) / mib:.0f} MiB at the end ({growth / 1024:+.1f} KiB per 1,000 articles)"
            )
        ok = max(peaks) < TARGET_RSS
        head = f"worker processes' peak RSS: {max(peaks) / mib:.0f} MiB (target < {TARGET_RSS / mib:.0f} each)"
        return "\n".join([head, *lines]), ok


def _engine_warm_up() -> None:
    """As a worker starts (ingest.tasks.engine_warm_up): every language's model loaded before the clock."""
    from ingest.tasks import engine_warm_up

    engine_warm_up()


def _engine_chunk(work: tuple[list[dict], bool]) -> int:
    from ingest.extraction import Article as EngineArticle
    from ingest.extraction import extract_batch, triage

    chunk, triaged = work
    articles = [EngineArticle(id=str(i), **fields) for i, fields in enumerate(chunk)]
    if triaged:
        return len(extract_batch(articles, batch_size=len(articles)))
    with triage.disabled():
        return len(extract_batch(articles, batch_size=len(articles)))


class Command(BaseCommand):
    help = "Time 1,000 articles through the queue with two worker processes against the bare engine."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000)
        parser.add_argument("--offtopic", type=float, default=0.5, help="share of off-topic synthetic news")
        parser.add_argument("--batch-size", type=int, default=16)
        parser.add_argument("--input", type=Path, default=DEV_CORPUS)
        parser.add_argument("--database", default=os.environ.get("BENCH_DATABASE", "dyad_bench") + "_ingest")
        parser.add_argument("--measure", action="store_true", help="(internal) run in the scratch database")

    def handle(self, *args, articles, offtopic, batch_size, input, database, measure, **options):
        if not 0 <= offtopic < 1:
            raise CommandError("--offtopic is a share from 0 to below 1.")
        if measure:
            self.measure(count=articles, offtopic=offtopic, batch_size=batch_size, path=input)
            return
        if database == settings.DATABASES["default"]["NAME"]:
            raise CommandError("The bench database must not be the one in use.")
        with server_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{database}"')
        env = {
            **os.environ,
            **production_environment(),  # the worker as production runs it (DEBUG off)
            "DATABASE_URL": database_url(database),
            "REDIS_URL": settings.REDIS_URL,
            "CELERY_QUEUE": f"bench-ingest-{uuid.uuid4().hex[:8]}",  # no other worker takes these tasks
        }
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        try:
            subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True)
            options = ["--articles", str(articles), "--offtopic", str(offtopic), "--batch-size", str(batch_size)]
            options += ["--input", str(input)]
            subprocess.run([*manage, "bench_ingest", "--measure", *options], env=env, check=True)
        finally:
            with server_connection() as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')

    def measure(self, *, count: int, offtopic: float, batch_size: int, path: Path) -> None:
        items = bench_articles(path, count, offtopic=offtopic)
        chunks = [items[at : at + batch_size] for at in range(0, len(items), batch_size)]
        # The bare engine first: its processes are forked from this one, and once this one has spoken to the
        # broker (the worker's ping), one of two forked processes took no work (half the rate).
        engine_rates = {label: len(items) / seconds for label, seconds in self.engine_seconds(chunks).items()}
        load_before = os.getloadavg()[0]
        worker = self.worker_start()
        memory = MemorySampler(worker)
        try:
            started = timezone.now()
            ids = []
            for at in range(0, len(items), batch_size):
                saved = services.articles_create(items=items[at : at + batch_size])  # as a bulk upload saves
                batch = [article.pk for article in saved if isinstance(article, Article)]
                services.articles_enqueue(article_ids=batch, batch_size=batch_size)
                ids += batch
                if at % (batch_size * 8) == 0:
                    memory.sample(
                        Article.objects.filter(pk__in=ids).exclude(status__in=["pending", "processing"]).count()
                    )
            while waiting := Article.objects.filter(pk__in=ids, status__in=["pending", "processing"]).count():
                if worker.poll() is not None:
                    raise CommandError("The worker stopped during the run.")
                memory.sample(len(ids) - waiting)
                time.sleep(0.5)
            # Until the last article was done (its own time), not until the next look noticed it.
            finished = Article.objects.filter(pk__in=ids).aggregate(last=Max("processed"))["last"]
            queue_seconds = (finished - started).total_seconds()
            memory.sample(len(ids))
        finally:
            worker.send_signal(signal.SIGTERM)
            worker.wait(timeout=60)
        load_during = os.getloadavg()[0]
        failed = Article.objects.filter(pk__in=ids, status=Article.Status.FAILED).count()
        relevant = Article.objects.filter(pk__in=ids, evidence__isnull=False).distinct().count()

        pipeline_rate = len(items) / queue_seconds
        memory_line, memory_ok = memory.report(len(items))
        rate_ok = pipeline_rate >= TARGET_RATE
        self.stdout.write(
            f"articles={len(items)} (off-topic synthetic {offtopic:.0%}, dev corpus copies {1 - offtopic:.0%}; "
            f"{relevant} gave engagements) processes={PROCESSES} batch={batch_size} failed={failed} "
            f"engagements={Engagement.objects.count()}\n"
            f"machine load (1-minute average, {os.cpu_count()} cores): {load_before:.1f} before, "
            f"{load_during:.1f} at the end of the queued run\n"
            f"end to end through the queue: {pipeline_rate:.1f} articles/s ({queue_seconds:.1f} s) "
            f"target >= {TARGET_RATE:.0f} {'OK' if rate_ok else 'BELOW TARGET'}\n"
            f"bare engine, same texts:      {engine_rates['with triage']:.1f} articles/s with triage, "
            f"{engine_rates['without triage']:.1f} without\n"
            f"ratio end to end / bare engine: {pipeline_rate / engine_rates['with triage']:.2f}\n"
            f"{memory_line}\nmemory {'OK' if memory_ok else 'ABOVE TARGET'}\n"
            f"{dev_scores(path)}"
        )

    @staticmethod
    def engine_seconds(chunks: list[list[dict]]) -> dict[str, float]:
        """Seconds for the bare engine on every chunk, with triage and without, in one pool of processes."""
        seconds = {}
        with multiprocessing.get_context("fork").Pool(PROCESSES, initializer=_engine_warm_up) as pool:
            pool.map(_engine_warm_up_noop, range(PROCESSES))
            for label, triaged in (("with triage", True), ("without triage", False)):
                started = time.perf_counter()
                done = pool.map(_engine_chunk, [(chunk, triaged) for chunk in chunks], chunksize=1)
                assert sum(done) == sum(len(chunk) for chunk in chunks)
                seconds[label] = time.perf_counter() - started
        return seconds

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
