"""Many analysts at once (make bench-load): Locust against gunicorn, with an ingest worker busy meanwhile.

In a scratch database on the server in use (kept between runs: seeding 1,000,000 engagements takes
minutes, so a database already holding the wanted number is reused), it serves the app as the
README's Production section does (gunicorn, four workers, DEBUG off; TLS is the proxy's, so requests
say X-Forwarded-Proto: https), starts a Celery worker fed with articles for the whole run, and runs
Locust headless (loadtest/locustfile.py): USERS analysts for DURATION browsing the timeline and its
filters, relationship, official, engagement, country and search pages, and the API with a token.
Prints requests per second, p50/p95/p99 and errors, overall and per page.
"""

from __future__ import annotations

import csv
import json
import os
import random
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from config.scratch_databases import database_url, production_environment, server_connection
from meetings.kinds import ENGAGEMENT_KINDS

TARGET_P95_MS = 300.0
LOCUSTFILE = Path(settings.BASE_DIR) / "loadtest" / "locustfile.py"
WORKER_NICENESS = 10  # the README's Production section: `nice -n 10 celery ... worker`


def load_targets(*, sessions: int) -> dict:
    """(In the scratch database) an analyst's sessions and API token, and URLs of each kind of page."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.auth.models import Group
    from django.db import connection

    from meetings import selectors
    from meetings.management.commands.bench_pages import bench_targets
    from meetings.models import ApiToken, Engagement, Official

    user, _ = get_user_model().objects.get_or_create(username="load-analyst")
    user.groups.add(Group.objects.get(name="analyst"))
    store = import_module(settings.SESSION_ENGINE).SessionStore
    keys = []
    for _ in range(sessions):
        session = store()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        keys.append(session.session_key)
    _, token = ApiToken.issue(user=user, label="load test")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT country, partner FROM meetings_country_year WHERE partner > country "
            "GROUP BY country, partner ORDER BY SUM(n) DESC, country, partner LIMIT 8"
        )
        pairs = cursor.fetchall()
    rng = random.Random(1)
    last = Engagement.objects.order_by("-id").values_list("id", flat=True).first() or 1
    # Only engagements an analyst may open: a rejected one answers 404 on the analysts' pages.
    sample = selectors.engagement_list().filter(pk__in=rng.sample(range(1, last + 1), min(200, last)))
    engagements = [f"/engagements/{pk}/" for pk in sample.values_list("pk", flat=True)]
    officials = list(Official.objects.filter(country_id__in=[a for a, _ in pairs]).values_list("id", flat=True)[:50])
    one = bench_targets()
    years = ["since=2016-01-01&until=2019-12-31", "since=2020-01-01&until=2024-06-30", "since=2012-05-01"]
    filtered = [
        f"/?country={a}&country={b}&kind={kind}&{span}"
        for (a, b), kind, span in zip(pairs, list(ENGAGEMENT_KINDS) * 2, years * 3, strict=False)
    ]
    filtered += [f"/?country={a}&topic=counter-terrorism" for a, _ in pairs] + [one["timeline official"]]
    return {
        "sessions": keys,
        "token": token,
        "pages": {
            "timeline": ["/", f"/?country={pairs[0][0]}"],
            "timeline filtered": filtered,
            "relationship": [f"/relations/{a}-{b}/" for a, b in pairs],
            "official": [f"/officials/{pk}/" for pk in officials] + [one["official"]],
            "engagement": [one["engagement"], *engagements],
            "country": [f"/countries/{a}/" for a, _ in pairs],
            "search": ["/search/?q=Maaitah", "/search/?q=border", "/search/?q=Al Kaabi"],
            "api engagements": [f"/api/engagements/?country={a}&partner={b}&limit=100" for a, b in pairs]
            + [one["api engagements"]],
            "api officials": [f"/api/officials/?country={a}" for a, _ in pairs],
            "api countries": ["/api/countries/?active=1", f"/api/countries/{pairs[0][0]}/"],
        },
    }


def feed_articles(
    *, seconds: float, batch_size: int = 16, on_ready: Callable[[], None] | None = None, warm_timeout: float = 600.0
) -> int:
    """(In the scratch database) queue articles (the ingest bench's mix), first one batch until the worker
    has finished an article (its first parse loads the language models, a minute or more on a busy
    machine), then, after `on_ready()`, for `seconds`, keeping the worker's queue a few batches deep.
    Returns how many were processed after `on_ready()`."""
    from ingest import services
    from ingest.management.commands.bench_ingest import DEV_CORPUS, bench_articles
    from ingest.models import Article

    items = bench_articles(DEV_CORPUS, 20000)
    run = secrets.token_hex(4)
    ids: list[int] = []

    def queue_batch() -> None:
        chunk = items[len(ids) : len(ids) + batch_size]
        fresh = [{**fields, "text": f"{fields['text']}\n(Load run {run}.)"} for fields in chunk]
        batch = [article.pk for article in services.articles_create(items=fresh) if isinstance(article, Article)]
        services.articles_enqueue(article_ids=batch, batch_size=batch_size)
        ids.extend(batch)

    def processed() -> int:
        return Article.objects.filter(pk__in=ids).exclude(status__in=["pending", "processing"]).count()

    queue_batch()
    deadline = time.monotonic() + warm_timeout
    while not processed():
        if time.monotonic() > deadline:
            raise CommandError(f"The ingest worker finished no article in {warm_timeout:.0f} s.")
        time.sleep(0.5)
    warm = processed()
    if on_ready is not None:
        on_ready()
    stop = time.monotonic() + seconds
    while time.monotonic() < stop and len(ids) < len(items):
        if Article.objects.filter(pk__in=ids[-batch_size * 8 :], status="pending").count() < batch_size * 4:
            queue_batch()
        time.sleep(0.5)
    return processed() - warm


class Command(BaseCommand):
    help = "Load-test the dashboard with Locust against gunicorn on a large data set, an ingest worker busy."

    def add_arguments(self, parser):
        parser.add_argument("--engagements", type=int, default=1_000_000)
        parser.add_argument("--users", type=int, default=50)
        parser.add_argument("--duration", default="2m", help="Locust's run time: 2m, 30s, ...")
        parser.add_argument("--spawn-rate", type=float, default=5.0)
        parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_LOAD_PORT", "8106")))
        parser.add_argument("--database", default=os.environ.get("BENCH_DATABASE", "dyad_bench") + "_load")
        parser.add_argument("--prepare", action="store_true", help="(internal) write targets in this database")
        parser.add_argument("--feed", type=float, help="(internal) queue articles for this many seconds")
        parser.add_argument("--output", type=Path, help="(internal) where --prepare writes")

    def handle(self, *args, **options):
        if options["prepare"]:
            options["output"].write_text(json.dumps(load_targets(sessions=options["users"])))
            return
        if options["feed"]:

            def ready() -> None:
                self.stdout.write("ready")
                self.stdout.flush()

            self.stdout.write(f"processed={feed_articles(seconds=options['feed'], on_ready=ready)}")
            return
        if options["database"] == settings.DATABASES["default"]["NAME"]:
            raise CommandError("The bench database must not be the one in use.")
        seconds = duration_seconds(options["duration"])
        env = {**os.environ, "DATABASE_URL": database_url(options["database"]), "REDIS_URL": settings.REDIS_URL}
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        self.ensure_data(database=options["database"], size=options["engagements"], env=env, manage=manage)
        production = {**env, **production_environment(), "CELERY_QUEUE": f"bench-load-{secrets.token_hex(4)}"}
        with tempfile.TemporaryDirectory(prefix="dyad-load-") as work:
            targets = Path(work) / "targets.json"
            prepare = [*manage, "bench_load", "--prepare", "--users", str(options["users"]), "--output", str(targets)]
            subprocess.run(prepare, env=production, check=True)  # sessions signed with the server's key
            self.serve_and_load(
                env=env, production=production, manage=manage, work=Path(work), targets=targets, seconds=seconds,
                **options,
            )  # fmt: skip

    def ensure_data(self, *, database: str, size: int, env: dict, manage: list[str]) -> None:
        with server_connection() as admin:
            exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone()
            if not exists:
                admin.execute(f'CREATE DATABASE "{database}"')
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True)
        count = subprocess.run(
            [*manage, "shell", "-c", "from meetings.models import Engagement; print(Engagement.objects.count())"],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        have = int(count.stdout.strip().splitlines()[-1])
        if have < size:
            self.stdout.write(f"Seeding {size - have} engagements into {database} (have {have})...")
            subprocess.run([*manage, "seed_demo", "--engagements", str(size - have)], env=env, check=True)
        # A database from before the tallies were kept per engagement has them counted once, before the load.
        subprocess.run([*manage, "tallies_rebuild", "--if-asked"], env=env, check=True)
        self.stdout.write(f"{database}: {max(have, size)} engagements.")

    def serve_and_load(self, *, env, production, manage, work: Path, targets: Path, seconds: float, **options) -> None:
        subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env=production, check=True)
        port = options["port"]
        started: list[subprocess.Popen] = []
        try:
            web = subprocess.Popen(
                [
                    str(Path(sys.executable).parent / "gunicorn"),
                    "config.wsgi",
                    "--workers",
                    "4",
                    "--bind",
                    f"127.0.0.1:{port}",
                ],
                env=production,
                cwd=settings.BASE_DIR,
            )
            started.append(web)
            wait_healthy(port, web)
            queue = production["CELERY_QUEUE"]
            # As the Production section runs it: the ingest worker yields the CPU to the web's requests.
            worker = subprocess.Popen(
                ["nice", "-n", str(WORKER_NICENESS), sys.executable, "-m", "celery", "-A", "config", "worker",
                 "-Q", queue, "--concurrency", "1",
                 "--loglevel", "warning", "--without-gossip", "-n", f"{queue}@%h"],
                env=production, cwd=settings.BASE_DIR,
            )  # fmt: skip
            started.append(worker)
            feeder = subprocess.Popen(
                [*manage, "bench_load", "--feed", str(seconds + 10)], env=production, stdout=subprocess.PIPE, text=True
            )
            started.append(feeder)
            warm_pages(port, json.loads(targets.read_text()))  # while the worker loads its models
            # Locust starts once the worker has parsed its first article (models loaded): busy all along.
            if feeder.stdout is None or feeder.stdout.readline().strip() != "ready":
                raise CommandError("The article feeder stopped before the ingest worker was ready.")
            load_before = os.getloadavg()[0]
            prefix = work / "locust"
            locust = [
                str(Path(sys.executable).parent / "locust"), "-f", str(LOCUSTFILE), "--headless", "--only-summary",
                "-u", str(options["users"]), "-r", str(options["spawn_rate"]), "-t", options["duration"],
                "--host", f"http://127.0.0.1:{port}", "--csv", str(prefix), "--loglevel", "WARNING",
            ]  # fmt: skip
            subprocess.run(locust, env={**env, "LOAD_TARGETS": str(targets)}, check=False)
            load_during = os.getloadavg()[0]
            processed = feeder.communicate(timeout=120)[0].strip()
        finally:
            for process in reversed(started):
                if process.poll() is None:
                    process.send_signal(signal.SIGTERM)
            for process in started:
                try:
                    process.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    process.kill()
        self.report(prefix, users=options["users"], duration=options["duration"], load=(load_before, load_during),
                    ingest=processed)  # fmt: skip

    def report(self, prefix: Path, *, users: int, duration: str, load: tuple[float, float], ingest: str) -> None:
        with open(f"{prefix}_stats.csv", newline="") as f:
            rows = list(csv.DictReader(f))
        self.stdout.write(
            f"\n{users} analysts for {duration}; machine load (1-minute average, {os.cpu_count()} cores) "
            f"{load[0]:.1f} at the start, {load[1]:.1f} at the end; ingest worker meanwhile: {ingest} articles"
        )
        self.stdout.write(f"{'page':<20}{'requests':>10}{'errors':>8}{'req/s':>8}{'p50':>7}{'p95':>7}{'p99':>7}  (ms)")
        total = None
        for row in rows:
            line = (
                f"{row['Name']:<20}{row['Request Count']:>10}{row['Failure Count']:>8}{float(row['Requests/s']):>8.1f}"
                f"{row['50%']:>7}{row['95%']:>7}{row['99%']:>7}"
            )
            self.stdout.write(line)
            if row["Name"] == "Aggregated":
                total = row
        if total is None:
            raise CommandError("Locust wrote no totals.")
        errors, p95 = int(total["Failure Count"]), float(total["95%"])
        failures = Path(f"{prefix}_failures.csv")
        if errors and failures.exists():
            self.stdout.write(failures.read_text()[:2000])
        verdict = "OK" if errors == 0 and p95 <= TARGET_P95_MS else "TARGET MISSED"
        self.stdout.write(f"errors={errors} p95={p95:.0f} ms (goal 0 errors, p95 <= {TARGET_P95_MS:.0f} ms): {verdict}")


def duration_seconds(value: str) -> float:
    units = {"s": 1, "m": 60, "h": 3600}
    try:
        return float(value[:-1]) * units[value[-1]] if value[-1] in units else float(value)
    except (ValueError, IndexError) as error:
        raise CommandError(f"--duration is like 2m or 30s, not {value!r}") from error


def warm_pages(port: int, targets: dict) -> None:
    """Open every target URL once, as a server long in service would have its caches warm: the load
    test measures analysts browsing, not the first read of each page from disk."""
    for kind, urls in targets["pages"].items():
        auth = f"Token {targets['token']}" if kind.startswith("api ") else None
        for url in urls:
            headers = {"X-Forwarded-Proto": "https"}
            if auth:
                headers["Authorization"] = auth
            else:
                headers["Cookie"] = f"sessionid={targets['sessions'][0]}"
            address = f"http://127.0.0.1:{port}{urllib.parse.quote(url, safe='/?=&')}"  # as Locust sends it
            request = urllib.request.Request(address, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=60) as response:
                    response.read()
            except OSError:
                pass  # Locust counts the errors


def wait_healthy(port: int, web: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if web.poll() is not None:
            raise CommandError("gunicorn stopped.")
        try:
            request = urllib.request.Request(f"http://127.0.0.1:{port}/healthz", headers={"X-Forwarded-Proto": "https"})
            with urllib.request.urlopen(request, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise CommandError("gunicorn did not answer /healthz.")
