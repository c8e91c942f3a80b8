"""Generate realistic synthetic engagements for demos and benchmarks, deterministically per --seed.

Every state takes part, with a few busy hubs and a long tail of rare partners; about N/5 officials (at
least one per state) named from their own state's name pool (ingest/demo_names.py), with several
spellings where the name is transliterated and titles that change over their careers; N engagements
over 15 years with topics and participants from every side; about 1.5×N articles that name each
participant, whose sentences are the evidence. Rows are written with PostgreSQL COPY into tables whose
secondary indexes, unique and foreign-key constraints are dropped for the load; the constraints are added
again in the same transaction (a violation fails the whole seed), so 1,000,000 engagements take minutes.
Rows are made in chunks while a writer thread COPYs the previous one; after the commit the other indexes
are built on two connections of their own while the tallies are counted (writes of the load are not
queued for the tallies), then the tables are vacuumed. -v2 prints where the time went.
"""

import bisect
import datetime
import queue
import random
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import psycopg
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from config.scratch_databases import server_connection
from ingest.demo_names import pool_for
from ingest.models import Article
from ingest.texts import normalized_text_hash
from meetings.aggregates import KEPT, TALLIES, aggregates_rebuild, tallies_unqueued
from meetings.models import Country, Engagement, Evidence, Official, OfficialAlias, Participation, Topic
from meetings.names import alias_key, romanized_key

CHUNK = 20_000  # engagements made per COPY batch
# Memory for each index build: the GIN builds of the full-text indexes flush their entries less often (the
# articles' 123 s with 6 GB against 142 s with 1 GB at 1,000,000 engagements, one core busy elsewhere); at most
# two builds at a time.
INDEX_BUILD_MEMORY = "3GB"
ENGAGEMENT_COLUMNS = [
    "id", "kind", "date", "date_precision", "city", "location_country_id", "summary", "status", "reviewed_at",
]  # fmt: skip
FIRST_DAY, LAST_DAY = datetime.date(2011, 1, 1), datetime.date(2025, 12, 31)

# Busy states of the region and their usual partners; every other state gets a falling share.
HUBS = {
    "JO": 40, "QA": 34, "SA": 38, "AE": 36, "EG": 30, "US": 42, "GB": 24, "FR": 22, "TR": 24, "KW": 18,
    "BH": 15, "OM": 14, "IQ": 20, "MA": 14, "PK": 13, "IT": 12, "DE": 12, "IN": 11, "CN": 10, "RU": 10,
}  # fmt: skip
CAPITALS = {
    "JO": "Amman", "QA": "Doha", "SA": "Riyadh", "AE": "Abu Dhabi", "EG": "Cairo", "US": "Washington",
    "GB": "London", "FR": "Paris", "TR": "Ankara", "KW": "Kuwait City", "BH": "Manama", "OM": "Muscat",
    "IQ": "Baghdad", "MA": "Rabat", "PK": "Islamabad", "IT": "Rome", "DE": "Berlin", "IN": "New Delhi",
    "CN": "Beijing", "RU": "Moscow", "LB": "Beirut", "TN": "Tunis", "DZ": "Algiers", "GR": "Athens",
    "CY": "Nicosia", "ES": "Madrid", "NL": "The Hague", "JP": "Tokyo", "KR": "Seoul", "ID": "Jakarta",
}  # fmt: skip
# Transliteration variants the press uses for the same name (names written from another script only).
SPELLINGS = [
    ("aaytah", "aaitah"), ("Mohammed", "Muhammad"), ("Mohammed", "Mohamed"), ("Youssef", "Yousef"),
    ("Abdel", "Abdul"), ("Khoury", "Khouri"), ("Hussein", "Husain"), ("Saeed", "Said"), ("Al ", "Al-"),
    ("Al ", "al-"), ("Zoubi", "Zu'bi"), ("Qahtani", "Kahtani"), ("ou", "u"), ("ee", "i"), ("Omar", "Umar"),
]  # fmt: skip
HONORIFIC = ["", "", "HE ", "Maj. Gen. ", "Gen. ", "Dr. ", "Brig. "]
TITLES = [
    "Minister of Defence", "Minister of Interior", "Chief of Staff of the Armed Forces",
    "Director of Public Security", "Director of General Intelligence", "National Security Adviser",
    "Undersecretary of the Ministry of Interior", "Deputy Minister of Defence", "Commander of the Navy",
    "Commander of the Air Force", "Head of the Counter-Terrorism Directorate", "Ambassador",
    "Director of Military Intelligence", "Commander of the Border Guard",
    "Secretary-General of the Ministry of Defence",
]  # fmt: skip
PUBLISHERS = [
    "Regional Security Review",
    "Gulf Wire",
    "Levant Daily",
    "Defence Monitor",
    "Capital Gazette",
    "Agency Report",
]
KIND_WEIGHTS = {"meeting": 55, "call": 22, "agreement": 10, "exercise": 13}
TOPIC_WEIGHTS = {
    "counter-terrorism": 14, "border-security": 12, "intelligence-sharing": 10, "training": 10, "cybersecurity": 9,
    "defence-industry": 6, "maritime-security": 6, "policing": 7, "arms-transfers": 5,
}  # fmt: skip
TOPIC_COUNTS, PEOPLE_COUNTS = (1, 2, 2, 3, 4), (1, 1, 2)  # topics per engagement, officials per side
# How a report's lead sentence goes on after naming the first side's official: ACTIONS[kind] the other.
ACTIONS = {
    "meeting": "met",
    "call": "held a phone call with",
    "agreement": "signed a cooperation agreement with",
    "exercise": "opened a joint exercise with",
}
CONTEXT = [
    "Both sides reviewed existing cooperation and agreed to continue coordination.",
    "Officials said the talks reflected the strong ties between the two countries.",
    "The discussions also touched on regional developments and shared challenges.",
    "A joint committee is expected to follow up on the outcomes in the coming months.",
    "The delegations exchanged views on training programmes and the exchange of expertise.",
    "According to a statement, the two sides stressed the importance of stability in the region.",
    "Observers noted that such contacts have become more frequent in recent years.",
]


def weighted_countries(codes: list[str], rng: random.Random) -> dict[str, float]:
    """Hubs as listed; the rest on a falling (Zipf-like) curve in a seed-dependent order."""
    rest = [code for code in codes if code not in HUBS]
    rng.shuffle(rest)
    weights = {code: 6.0 / (rank + 1) ** 0.9 for rank, code in enumerate(rest)}
    weights.update({code: float(w) for code, w in HUBS.items() if code in codes})
    return weights


def spellings(name: str, rng: random.Random, *, transliterated: bool = True) -> list[str]:
    """The canonical name and up to three variants as printed elsewhere."""
    variants = [name]
    if not transliterated:
        return variants
    for old, new in rng.sample(SPELLINGS, len(SPELLINGS)):
        if old in name and len(variants) < 4:
            variants.append(name.replace(old, new, 1))
    if " Al " in name and rng.random() < 0.5:
        variants.append(name.split(" Al ")[0] + " " + name.split(" Al ")[1])
    return variants


def possessive(state: str) -> str:
    return f"{state}'" if state.endswith("s") else f"{state}'s"


def random_day(rng: random.Random) -> datetime.date:
    """A day in the 15 years, later years more likely (cooperation grows)."""
    span = (LAST_DAY - FIRST_DAY).days
    return FIRST_DAY + datetime.timedelta(days=int(span * rng.random() ** 0.8))


def copy_rows(model, columns: list[str], rows: Iterable[tuple], *, into: psycopg.Connection | None = None) -> int:
    """COPY rows into the model's table (on connection ``into``, by default Django's in this thread); any
    other column gets its field's default."""
    fields = {f.column: f for f in model._meta.concrete_fields}
    now = timezone.now()
    extra = []
    for column, field in fields.items():
        if column in columns or (field.primary_key and column not in columns):
            continue
        auto = getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
        extra.append((column, now if auto else field.get_db_prep_save(field.get_default(), connection)))
    names = columns + [column for column, _ in extra]
    tail = tuple(value for _, value in extra)
    count = 0
    if into is None:
        connection.ensure_connection()
        into = connection.connection
    with into.cursor() as cursor:
        sql = f"COPY {model._meta.db_table} ({', '.join(connection.ops.quote_name(n) for n in names)}) FROM STDIN"
        with cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row + tail)
                count += 1
    return count


@contextmanager
def indexes_deferred(
    models: list,
    *,
    timings: dict[str, float] | None = None,
    later: list[tuple[str, str]] | None = None,
    keys: bool = False,
) -> Iterator[None]:
    """Drop the tables' (models or table names) secondary indexes and their unique and foreign-key
    constraints, then build them again on leaving: one sorted build per index is much faster than updating
    it row by row. Primary keys (unless ``keys``) and check constraints stay. Call inside a transaction, so
    a failed rebuild leaves nothing half done. With ``later``, the indexes no constraint rests on (none
    unique, so none can fail on the data) are not built but added to it as (name, definition), for the
    caller to build after the commit."""
    tables = [model if isinstance(model, str) else model._meta.db_table for model in models]
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # earlier writes' deferred checks, before the tables change
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid::regclass::text = ANY(%s) AND contype = ANY(%s) ORDER BY contype, conname",
            [tables, ["f", "p", "u"] if keys else ["f", "u"]],
        )
        constraints = cursor.fetchall()
        cursor.execute(
            "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
            "WHERE i.indrelid::regclass::text = ANY(%s) AND NOT i.indisprimary "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype <> 'f')",
            [tables],
        )
        indexes = cursor.fetchall()
        for table, name, _ in constraints:
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {connection.ops.quote_name(name)}")
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {name}")
    yield
    with connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL maintenance_work_mem = '{INDEX_BUILD_MEMORY}'")
        started = time.monotonic()
        for table in tables:  # the planner's row counts for the constraint checks below
            cursor.execute(f"ANALYZE {table}")
        if timings is not None:
            timings["loaded tables analysed"] = time.monotonic() - started
        for name, definition in indexes:
            if later is not None and definition.startswith("CREATE INDEX"):
                later.append((name, definition))
                continue
            started = time.monotonic()
            cursor.execute(definition)
            if timings is not None:
                timings[name] = time.monotonic() - started
        # In the reverse of their dropping: unique constraints, primary keys, then foreign keys.
        for table, name, definition in reversed(constraints):
            started = time.monotonic()
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {connection.ops.quote_name(name)} {definition}")
            if timings is not None:
                timings[name] = time.monotonic() - started


# Vacuumed after a load: the visibility map for index-only scans (the semi-joins on states and topics, an
# official's engagements, the engagement facts), and the rows' hint bits set once here rather than by the
# first searches that read them.
LOADED: list = [Official, OfficialAlias, Engagement, Engagement.countries.through, Engagement.topics.through]
LOADED += [Participation, Article, Evidence]
VACUUMED = [model._meta.db_table for model in LOADED]


def reserve_ids(model, n: int) -> range:
    """n new ids of the model's table in one block. The table is locked against inserts, which draw their ids
    from its sequence, until the transaction ends (the load locks it anyway), so the sequence moves past the
    block in one step: drawing the ids one by one took 9 s for 2,500,000."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence(%s, 'id'), nextval(pg_get_serial_sequence(%s, 'id')) + %s - 1)",
            [table, table, n],
        )
        (last,) = cursor.fetchone()
    return range(last - n + 1, last + 1)


class Command(BaseCommand):
    help = "Add N synthetic engagements (and officials, articles, evidence) for demos and benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--engagements", type=int, default=1000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, engagements: int, seed: int, **options):
        if engagements < 1:
            raise CommandError("--engagements must be at least 1")
        started = time.monotonic()
        self.timings: dict[str, float] = {}
        alone = not connection.in_atomic_block  # not inside a caller's transaction (a test's, say)
        later: list[tuple[str, str]] = []
        with transaction.atomic():
            counts = self.generate(n=engagements, rng=random.Random(seed), later=later if alone else None)
        self.timings["loaded and checked"] = time.monotonic() - started
        if alone:
            self.after_commit(later)
        else:  # one connection sees the rows: statistics for the planner, then the tallies
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            aggregates_rebuild(bulk=True)
        summary = ", ".join(f"{n} {name}" for name, n in counts.items())
        self.stdout.write(f"Seeded {summary} in {time.monotonic() - started:.1f}s.")
        if options["verbosity"] > 1:  # where the time went; index builds under half a second left out
            for step, seconds in self.timings.items():
                if seconds >= 0.5:
                    self.stdout.write(f"  {step}: {seconds:.1f}s")

    def after_commit(self, indexes: list[tuple[str, str]]) -> None:
        """Both cores busy: the indexes no constraint rests on built on two connections of their own (the
        full-text ones, the longest, first) while this one counts the tallies; then VACUUM (ANALYZE) of the
        loaded tables and of the tallies side by side: statistics for the planner (the full-text
        expressions' too, now that their indexes exist) and the visibility map that lets index-only scans
        skip the rows."""
        waiting: queue.SimpleQueue[tuple[str, str]] = queue.SimpleQueue()
        for index in sorted(indexes, key=lambda index: "USING gin" not in index[1]):
            waiting.put(index)

        def build() -> None:
            with server_connection() as own:
                own.execute(f"SET maintenance_work_mem = '{INDEX_BUILD_MEMORY}'")
                while True:
                    try:
                        name, definition = waiting.get_nowait()
                    except queue.Empty:
                        return
                    started = time.monotonic()
                    own.execute(definition)
                    self.timings[name] = time.monotonic() - started

        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=2) as builders:
            built = [builders.submit(build) for _ in range(2)]
            # The load was not queued: every tally counted from the records, into tables without indexes.
            with transaction.atomic(), indexes_deferred([*TALLIES, *KEPT], keys=True):
                aggregates_rebuild(bulk=True)
            self.timings["tallies built"] = time.monotonic() - started
            for done in built:
                done.result()
        self.timings["indexes and tallies built"] = time.monotonic() - started
        with ThreadPoolExecutor(max_workers=1) as vacuum:
            tables = vacuum.submit(self.vacuum, VACUUMED, [])
            self.timings["tallies vacuumed"] = self.vacuum([*TALLIES, *KEPT], [])
            self.timings["tables vacuumed"] = tables.result()
        # A transaction running elsewhere on the server (a seed, a worker, in any database) holds back what
        # VACUUM may mark all-visible, leaving the visibility map empty: once more, after it.
        if held_back := self.not_all_visible(VACUUMED):
            self.timings["tables vacuumed again"] = self.vacuum(held_back, [])

    @staticmethod
    def not_all_visible(tables: list[str]) -> list[str]:
        """The tables whose visibility map (as the last VACUUM left it) does not cover every page."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT relname FROM pg_class WHERE relname = ANY(%s) AND relallvisible < relpages ORDER BY relname",
                [tables],
            )
            return [name for (name,) in cursor.fetchall()]

    @staticmethod
    def vacuum(vacuumed: list[str], analyzed: list[str]) -> float:
        """VACUUM (ANALYZE) some tables, ANALYZE others, on a connection of its own; the seconds taken."""
        started = time.monotonic()
        with server_connection() as own:
            if vacuumed:
                own.execute(f"VACUUM (ANALYZE) {', '.join(vacuumed)}")
            if analyzed:
                own.execute(f"ANALYZE {', '.join(analyzed)}")
        return time.monotonic() - started

    def generate(self, *, n: int, rng: random.Random, later: list[tuple[str, str]] | None) -> dict[str, int]:
        codes = sorted(Country.objects.values_list("code", flat=True))
        names = dict(Country.objects.values_list("code", "short_name"))
        topics = dict(Topic.objects.values_list("slug", "pk"))
        labels = dict(Topic.objects.values_list("slug", "label"))
        if not codes or not topics:
            raise CommandError("Countries and topics are missing: run migrate first.")
        weights = weighted_countries(codes, rng)
        country_pool, country_weights = list(weights), list(weights.values())
        topic_pool = sorted(topics)
        topic_weights = [TOPIC_WEIGHTS.get(slug, 3) for slug in topic_pool]

        # Officials, their spellings and careers.
        started = time.monotonic()
        official_total = max(2, n // 5)
        officials, aliases, careers = [], [], {}
        by_country: dict[str, list[int]] = defaultdict(list)
        homes = rng.choices(country_pool, weights=country_weights, k=official_total)
        homes += sorted(set(country_pool) - set(homes))  # every state has someone to send, so both sides appear
        official_ids = reserve_ids(Official, len(homes))
        taken_names: set[tuple[str, str]] = set()
        for pk, home in zip(official_ids, homes, strict=True):
            pool = pool_for(home)
            name = pool.draw(rng)
            for _ in range(5):  # namesakes happen, but not often within one state
                if (home, name) not in taken_names:
                    break
                name = pool.draw(rng)
            taken_names.add((home, name))
            starts = sorted(random_day(rng) for _ in range(rng.choice([1, 1, 2, 2, 3])))
            starts[0] = FIRST_DAY
            written: list[str] = []
            keys: set[str] = set()
            for spelling in spellings(name, rng, transliterated=pool.transliterated):
                key = alias_key(spelling)
                if key and key not in keys:
                    keys.add(key)
                    written.append(spelling)
                    aliases.append((pk, spelling, key, romanized_key(spelling)))
            careers[pk] = (starts, rng.sample(TITLES, len(starts)), name, written)
            officials.append((pk, name, home, careers[pk][1][-1]))
            by_country[home].append(pk)
        # Within a state a few officials do most of the meeting.
        pickers = {
            code: (people, list(_cumulative([1 / (rank + 1) ** 0.7 for rank in range(len(people))])))
            for code, people in by_country.items()
        }
        self.timings["officials made"] = time.monotonic() - started

        def title_at(pk: int, day: datetime.date | None) -> str:
            starts, titles = careers[pk][:2]
            return titles[max(0, bisect.bisect_right(starts, day or LAST_DAY) - 1)]

        # Engagements, with their countries, topics, participants and articles, made in chunks: a writer
        # thread COPYs one chunk while the next is made, so PostgreSQL parses on the other core meanwhile.
        started = time.monotonic()
        engagement_ids = reserve_ids(Engagement, n)
        article_total = n + n // 2
        article_ids = iter(reserve_ids(Article, article_total))
        self.timings["ids reserved"] = time.monotonic() - started
        hashes = set()
        kinds, kind_cumulative = list(KIND_WEIGHTS), list(_cumulative(KIND_WEIGHTS.values()))
        country_cumulative = list(_cumulative(country_weights))
        topic_cumulative = list(_cumulative(topic_weights))

        random_ = rng.random
        reviewed_at = timezone.now()

        def pick(pool: list, cumulative: list[float]):
            """rng.choices(pool, cum_weights=cumulative)[0], the same draw without its per-call set-up."""
            return pool[bisect.bisect(cumulative, random_() * cumulative[-1], 0, len(pool) - 1)]

        def chunks() -> Iterator[list[list[tuple]]]:
            engagements, pairs, topic_rows, people_rows, articles, evidence = [], [], [], [], [], []
            for index, pk in enumerate(engagement_ids):
                kind = pick(kinds, kind_cumulative)
                side_a = pick(country_pool, country_cumulative)
                side_b = side_a
                while side_b == side_a:
                    side_b = pick(country_pool, country_cumulative)
                sides = [side_a, side_b]
                if random_() < 0.08:
                    third = pick(country_pool, country_cumulative)
                    if third not in sides:
                        sides.append(third)
                roll = random_()
                day = random_day(rng)
                precision = "day" if roll < 0.88 else "month" if roll < 0.97 else "unknown"
                date = None if precision == "unknown" else day.replace(day=1) if precision == "month" else day
                host = None if kind == "call" else rng.choice(sides[:2])
                city = CAPITALS.get(host, "") if host else ""
                drawn = [pick(topic_pool, topic_cumulative) for _ in range(rng.choice(TOPIC_COUNTS))]
                chosen = sorted(set(drawn))
                people = []
                for side in sides:
                    pool, cumulative = pickers[side]
                    for person in sorted({pick(pool, cumulative) for _ in range(rng.choice(PEOPLE_COUNTS))}):
                        people.append((person, side, title_at(person, date)))
                summary = self.summary(kind, sides, people, city, [labels[t] for t in chosen], names, careers)
                status = "rejected" if random_() < 0.02 else "confirmed" if random_() < 0.3 else "extracted"
                reviewed = None if status == "extracted" else reviewed_at
                engagements.append((pk, kind, date, precision, city, host, summary, status, reviewed))
                pairs += [(pk, side) for side in sides]
                topic_rows += [(pk, topics[slug]) for slug in chosen]
                people_rows += [(pk, person, side, title) for person, side, title in people]
                for copy_number in range(2 if index % 2 == 0 else 1):
                    article_pk = next(article_ids, None)
                    if article_pk is None:
                        break
                    text, leads = self.article_text(rng, kind, sides, people, city, date, names, careers, copy_number)
                    digest = normalized_text_hash(text)
                    while digest in hashes:
                        text += " " + rng.choice(CONTEXT)
                        digest = normalized_text_hash(text)
                    hashes.add(digest)
                    verb = self.headline_verb(kind)
                    title = f"{names[sides[0]]} and {names[sides[1]]} {verb} {labels[chosen[0]].lower()}"
                    published = date + datetime.timedelta(days=rng.randint(0, 2)) if date else None
                    articles.append((article_pk, title, text, rng.choice(PUBLISHERS), published, "en", digest, "done"))
                    for lead in leads:
                        start = text.index(lead)
                        evidence.append((pk, article_pk, lead, start, start + len(lead)))
                if len(engagements) == CHUNK or index == len(engagement_ids) - 1:
                    yield [engagements, pairs, topic_rows, people_rows, articles, evidence]
                    engagements, pairs, topic_rows, people_rows, articles, evidence = [], [], [], [], [], []

        tables = [
            ("engagements", Engagement, ENGAGEMENT_COLUMNS),
            ("engagement countries", Engagement.countries.through, ["engagement_id", "country_id"]),
            ("engagement topics", Engagement.topics.through, ["engagement_id", "topic_id"]),
            ("participations", Participation, ["engagement_id", "official_id", "country_id", "title"]),
            ("articles", Article, ["id", "title", "text", "publisher", "published", "language", "sha256", "status"]),
            ("evidence", Evidence, ["engagement_id", "article_id", "sentence", "start", "end"]),
        ]
        counts: dict[str, int] = defaultdict(int)
        connection.ensure_connection()
        into = connection.connection  # the transaction's own connection, for the writer thread

        def write(batch: list[tuple]) -> None:
            for label, model, columns, rows in batch:
                counts[label] += copy_rows(model, columns, rows, into=into)

        with (
            tallies_unqueued(),
            indexes_deferred(LOADED, timings=self.timings, later=later),
            ThreadPoolExecutor(max_workers=1) as writer,
        ):
            started = time.monotonic()
            people: list[tuple] = [("officials", Official, ["id", "name", "country_id", "title"], officials)]
            people.append(("aliases", OfficialAlias, ["official_id", "name", "key", "romanized"], aliases))
            pending = writer.submit(write, people)
            for chunk in chunks():
                batch = [(*table, rows) for table, rows in zip(tables, chunk, strict=True)]
                pending.result()  # one chunk in flight: errors surface at once and memory stays bounded
                pending = writer.submit(write, batch)
            pending.result()
            self.timings["rows made and copied"] = time.monotonic() - started
        return dict(counts)

    @staticmethod
    def headline_verb(kind: str) -> str:
        return {"meeting": "discuss", "call": "talk", "agreement": "sign pact on", "exercise": "hold drills on"}[kind]

    @staticmethod
    def summary(kind, sides, people, city, topic_labels, names, careers) -> str:
        who = " and ".join(names[side] for side in sides)
        subjects = ", ".join(label.lower() for label in topic_labels)
        verb = {
            "meeting": f"officials met{' in ' + city if city else ''}",
            "call": "officials spoke by phone",
            "agreement": f"signed an agreement{' in ' + city if city else ''}",
            "exercise": f"held a joint exercise{' near ' + city if city else ''}",
        }[kind]
        lead = f"{who} {verb} on {subjects}."
        if people:
            named = "; ".join(f"{careers[pk][2]} ({title}, {names[side]})" for pk, side, title in people)
            lead += f" Taking part: {named}."
        return lead

    @staticmethod
    def article_text(rng, kind, sides, people, city, date, names, careers, copy_number) -> tuple[str, list[str]]:
        """A short report naming every participant in one of their spellings: the lead names one official of
        each of the first two sides, a second sentence the others. Returns the text and those sentences."""

        def named(person) -> str:
            pk, side, title = person
            return f"{possessive(names[side])} {title}, {rng.choice(HONORIFIC)}{rng.choice(careers[pk][3])},"

        when = f"on {date:%-d %B %Y}" if date else "this week"
        first = next(person for person in people if person[1] == sides[0])
        second = next(person for person in people if person[1] == sides[1])
        place = f" {'near' if kind == 'exercise' else 'in'} {city}" if city and kind != "call" else ""
        action = f"{ACTIONS[kind]} {named(second)}{place} {when}"  # the other side's official drawn once
        leads = [f"{named(first)} {action}."]
        others = [person for person in people if person not in (first, second)]
        if others:
            verb = "were" if len(others) > 1 else "was"
            leads.append(f"Also taking part {verb} " + " and ".join(named(p).rstrip(",") for p in others) + ".")
        body = rng.sample(CONTEXT, 3)
        dateline = f"{city or names[sides[0]]} ({'report' if copy_number else 'staff'}) – "
        return dateline + " ".join([*leads, *body]), leads


def _cumulative(values: Iterable[float]) -> Iterable[float]:
    total = 0.0
    for value in values:
        total += value
        yield total
