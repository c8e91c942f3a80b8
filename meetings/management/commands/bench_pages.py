"""Time the dashboard's pages on synthetic engagements (make bench-pages; 1,000 and 100,000 by default).

For each size it recreates a separate database on the same PostgreSQL server as DATABASE_URL (never
the one in use), migrates it, runs seed_demo, and times every page through the Django test client in
a child process pointed at it: median and 95th percentile server time, then the ratio between sizes.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import psycopg
from django.conf import settings
from django.core.cache import caches
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from config.scratch_databases import database_url, server_connection

TARGET_P95_MS, TARGET_RATIO = 150.0, 3.0


def sizes_list(value: str) -> list[int]:
    """ "1000,1000000" (the Makefile's SIZES) into [1000, 1000000]."""
    try:
        sizes = [int(part) for part in value.replace(" ", "").split(",") if part]
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"sizes are whole numbers separated by commas, not {value!r}") from error
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("give at least one size, each at least 1")
    return sizes


class Command(BaseCommand):
    help = "Seed 1k and 100k engagements into a scratch database and time each page."

    def add_arguments(self, parser):
        parser.add_argument("--sizes", type=sizes_list, default=[1000, 100000], help="e.g. 1000,1000000")
        parser.add_argument("--runs", type=int, default=30)
        parser.add_argument("--database", default=os.environ.get("BENCH_DATABASE", "dyad_bench"))
        parser.add_argument("--keep", action="store_true", help="Leave the scratch databases in place")
        parser.add_argument(
            "--reuse", action="store_true", help="Time a kept database that already holds the size instead of seeding"
        )
        parser.add_argument("--measure", action="store_true", help="(internal) time pages on this database")

    def handle(self, *args, sizes, runs, database, keep, reuse, measure, **options):
        if measure:
            self.stdout.write(json.dumps(measure_pages(runs=runs)))
            return
        if database == settings.DATABASES["default"]["NAME"]:
            raise CommandError("The bench database must not be the one in use.")
        results = {}
        for size in sizes:
            name = f"{database}_{size}"  # one per size, so a kept one can be timed again
            results[size] = self.bench_size(size=size, runs=runs, database=name, reuse=reuse)
            if not keep:
                self.drop(name)
        self.report(results, sizes)

    def drop(self, database: str) -> None:
        with server_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')

    def bench_size(self, *, size: int, runs: int, database: str, reuse: bool) -> dict:
        env = {**os.environ, "DATABASE_URL": database_url(database), "REDIS_URL": settings.REDIS_URL}
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        if reuse and (self.holds(database) or 0) >= size:
            subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True)
            self.stdout.write(f"{size}: reusing {database} ({self.holds(database)} engagements)")
        else:
            self.drop(database)
            with server_connection() as admin:
                admin.execute(f'CREATE DATABASE "{database}"')
            subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True)
            started = time.monotonic()
            seeded = self.run([*manage, "seed_demo", "--engagements", str(size), "-v2"], env=env)
            self.stdout.write(f"{size}: {seeded.stdout.strip()} (wall {time.monotonic() - started:.0f}s)")
        load = os.getloadavg()[0]
        self.stdout.write(f"  machine load before timing (1-minute average, {os.cpu_count()} cores): {load:.1f}")
        measured = self.run([*manage, "bench_pages", "--measure", "--runs", str(runs)], env=env)
        return json.loads(measured.stdout.strip().splitlines()[-1])

    @staticmethod
    def holds(database: str) -> int | None:
        """How many engagements a kept scratch database holds (None when it is not there or not migrated)."""
        with server_connection() as admin:
            if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone():
                return None
        try:
            with psycopg.connect(database_url(database)) as scratch:
                return scratch.execute("SELECT COUNT(*) FROM meetings_engagement").fetchone()[0]
        except psycopg.errors.UndefinedTable:
            return None

    @staticmethod
    def run(command: list[str], *, env: dict) -> subprocess.CompletedProcess:
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        if done.returncode:
            raise CommandError(f"{' '.join(command[1:])} failed:\n{done.stderr[-3000:]}")
        return done

    def report(self, results: dict, sizes: list[int]) -> None:
        small, large = sizes[0], sizes[-1]
        self.stdout.write(
            f"\n{'page':<20}"
            + "".join(f"{f'{s} median':>16}{f'{s} p95':>14}" for s in sizes)
            + f"{'ratio p95':>11}{f'{large} uncached':>16}"
        )
        failures = []
        for page in results[small]:
            cells = "".join(f"{results[s][page]['median']:>16.1f}{results[s][page]['p95']:>14.1f}" for s in sizes)
            ratio = results[large][page]["p95"] / results[small][page]["p95"]
            self.stdout.write(f"{page:<20}{cells}{ratio:>11.2f}{results[large][page].get('uncached', 0):>16.1f}")
            if results[large][page]["p95"] > TARGET_P95_MS:
                failures.append(f"{page}: p95 {results[large][page]['p95']:.0f} ms > {TARGET_P95_MS:.0f}")
            if len(sizes) > 1 and ratio > TARGET_RATIO:
                failures.append(f"{page}: ratio {ratio:.2f} > {TARGET_RATIO}")
        self.stdout.write(
            "\nTimes in milliseconds, server side, through the Django test client; 'uncached' is the median of"
            " five requests each with the process's page caches (meetings/page_cache.py) emptied first."
        )
        if failures:
            raise CommandError("Targets missed: " + "; ".join(failures))
        self.stdout.write(f"Every page within p95 ≤ {TARGET_P95_MS:.0f} ms and ratio ≤ {TARGET_RATIO}.")


def bench_targets() -> dict[str, str]:
    """The URL of each page to time, chosen the same way at every size: the busiest pair, its busiest
    official, the latest engagement between them."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT country, partner FROM meetings_country_year WHERE partner > country "
            "GROUP BY country, partner ORDER BY SUM(n) DESC, country, partner LIMIT 1"
        )
        country, partner = cursor.fetchone()
        cursor.execute(
            "SELECT official_id FROM meetings_official_tally WHERE country = %s AND partner = '' "
            "ORDER BY n DESC, official_id LIMIT 1",
            [country],
        )
        (official_id,) = cursor.fetchone()
        cursor.execute(
            "SELECT e.id FROM meetings_engagement e "
            "JOIN meetings_engagement_countries a ON a.engagement_id = e.id AND a.country_id = %s "
            "JOIN meetings_engagement_countries b ON b.engagement_id = e.id AND b.country_id = %s "
            "WHERE e.status <> 'rejected' ORDER BY e.date DESC NULLS LAST, e.id DESC LIMIT 1",
            [country, partner],
        )
        (engagement_id,) = cursor.fetchone()
    states = f"country={country}&country={partner}&country=EG"
    years = "since=2018-01-01&until=2022-12-31"
    return {
        "timeline": "/",
        "timeline topic": f"/?country={country}&topic=border-security",
        "timeline filtered": f"/?{states}&kind=meeting&{years}",
        "timeline official": f"/?{states}&kind=meeting&official={official_id}&{years}",
        "country": f"/countries/{country}/",
        "relationship": f"/relations/{country}-{partner}/",
        "official": f"/officials/{official_id}/",
        "engagement": f"/engagements/{engagement_id}/",
        "search": "/search/?q=Maaitah",
        "search common word": "/search/?q=officials",  # in most summaries and articles: a sample is read
        "api engagements": f"/api/engagements/?{states}&kind=meeting&{years}&limit=100",
        "api officials": f"/api/officials/?country={country}",
        "api countries": "/api/countries/?active=1",
    }


def measure_pages(*, runs: int) -> dict:
    from django.contrib.auth import get_user_model
    from django.test import Client

    from config.heap import freeze_loaded_heap

    settings.DEBUG = False  # no query log
    user, _ = get_user_model().objects.get_or_create(username="bench")
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    results = {}
    for page, url in bench_targets().items():
        for _ in range(3):  # warm caches and connections
            assert client.get(url).status_code == 200, url
        uncached = []
        for _ in range(5):  # as the first request of a page in a serving process: its page caches empty
            for cache in caches.all():
                cache.clear()
            started = time.perf_counter()
            assert client.get(url).status_code == 200, url
            uncached.append((time.perf_counter() - started) * 1000)
        freeze_loaded_heap()  # as a served process does once the app is loaded (config/wsgi.py)
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, url
        results[page] = {
            "median": statistics.median(timings),
            "p95": statistics.quantiles(timings, n=20, method="inclusive")[18],
            "uncached": statistics.median(uncached),
            "url": url,
        }
    return results
