"""Reads of the domain, each returning a QuerySet (or plain values) with its relations loaded."""

import datetime
import json
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import NamedTuple, Protocol

from django.contrib.admin.models import LogEntry
from django.db import connection, transaction
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    Model,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Window,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, TruncMonth
from django.http import QueryDict
from rapidfuzz import fuzz

from meetings import aggregates
from meetings.forms import TimelineFilterForm
from meetings.models import (
    Country,
    Engagement,
    Evidence,
    Official,
    OfficialAlias,
    Participation,
    Topic,
    Watch,
    WatchProfile,
)
from meetings.names import alias_key, has_arabic_script, romanized_key, telling_words
from meetings.paging import Page

EngagementCountry = Engagement.countries.through
EngagementTopic = Engagement.topics.through

# Full-text match written exactly as its GIN index (migration 0005) so PostgreSQL uses it.
SUMMARY_MATCH = "to_tsvector('english', \"meetings_engagement\".\"summary\") @@ websearch_to_tsquery('english', %s)"
PAGE_SIZE = 25


# Engagements ----------------------------------------------------------------------------------------------


def engagement_list(*, with_rejected: bool = False) -> QuerySet[Engagement]:
    """Engagements newest first with everything a timeline row shows; rejected ones are left out of every
    analyst's view (pages, exports, API), shown to editors only (``with_rejected``)."""
    sources = (
        Evidence.objects.filter(engagement=OuterRef("pk"))
        .order_by()
        .values("engagement")
        .annotate(n=Count("article", distinct=True))
        .values("n")
    )
    engagements = Engagement.objects.all()
    if not with_rejected:
        engagements = engagements.exclude(status=Engagement.Status.REJECTED)
    return (
        engagements.select_related("location_country", "reviewed_by")
        .prefetch_related(
            "countries",
            "topics",
            # A row names each official's state by its code alone (country_id): no join to the states.
            Prefetch("participations", queryset=Participation.objects.select_related("official")),
        )
        .annotate(source_total=Coalesce(Subquery(sources, output_field=IntegerField()), 0))
    )


# "Maaitah" against "Maaytah" scores 0.45 in word similarity; pg_trgm's default threshold is 0.6.
NAME_SIMILARITY = 0.4


@contextmanager
def planned_with(settings: dict[str, str]) -> Iterator[None]:
    """Within this block, the planner and index settings given, set in one statement; for reading only.
    Set local to a transaction, and that transaction, or in a caller's transaction the savepoint, ended
    rolled back, so that no later query on the connection sees them (a savepoint released keeps them)."""
    names = list(settings)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT " + ", ".join("set_config(%s, %s, true)" for _ in names),
            [value for name in names for value in (name, settings[name])],
        )
        yield
        transaction.set_rollback(True)


@contextmanager
def spellings_loosely_similar(*, on_the_indexes: bool = False) -> Iterator[None]:
    """Within this block, trigram word similarity (``%>``, ``trigram_word_similar``) accepts NAME_SIMILARITY,
    and `on_the_indexes`, no table is scanned whole (planned_with)."""
    settings = {"pg_trgm.word_similarity_threshold": str(NAME_SIMILARITY)}
    with planned_with(settings | ({"enable_seqscan": "off"} if on_the_indexes else {})):
        yield


def officials_matching(*, name: str, limit: int = 200) -> list[int]:
    """Ids of officials with a spelling whose words resemble the name, closest first (alias_key_trgm index)."""
    # The name's particles left out: "al" is in a third of the spellings, and "Al Kaabi" would be near ten
    # thousand of them (130 ms at 300,000 aliases) to read and rank before the few Kaabis.
    key = " ".join(telling_words(alias_key(name)))
    if not key:
        return []
    # The planner prices word_similarity() as cheap and scans every alias (100 ms at 20,000 officials): keep it
    # on the indexes.
    with spellings_loosely_similar(on_the_indexes=True):
        similar = OfficialAlias.objects.filter(key__trigram_word_similar=key).order_by()
        distance = RawSQL("%s <<-> key", [key])  # word-similarity distance
        wanted = limit * 3
        # The spellings within reach, from the GIN index (alias_key_trgm): a name's few in a few rows, in no
        # order, so that a common name stops at the first wanted + 1.
        found = list(similar.annotate(distance=distance).values_list("official_id", "distance")[: wanted + 1])
        if len(found) > wanted:
            # A common name: only its nearest spellings, read in order from the GiST index (partial on a key
            # that is not empty, which this query alone states) rather than every match sorted.
            rows = list(similar.exclude(key="").order_by(distance).values_list("official_id", flat=True)[:wanted])
        else:
            rows = [pk for pk, _ in sorted(found, key=lambda row: row[1])]
        # The other script: spellings whose romanised skeleton is the query's (alias_romanized_trgm index); a
        # Latin query looks only at Arabic-script spellings, the Latin ones having answered above.
        romanized = romanized_key(name)
        if romanized:
            other = OfficialAlias.objects.filter(romanized__trigram_word_similar=romanized)
            if not has_arabic_script(name):
                other = other.filter(name__regex=r"[\u0600-\u06ff]")
            rows += list(other.values_list("official_id", flat=True)[: limit * 3])
    return list(dict.fromkeys(rows))[:limit]


# Two spellings of one word of a name: "maaitah" and "maaytah" score 0.86, "obaid" and "omar" 0.44.
SAME_WORD = 0.8
NAME_CANDIDATES = 60
NEAR_MISSES = 3


@dataclass
class OfficialMatch:
    official: Official
    exact: bool  # one of the official's spellings is the name as given (after folding)
    closeness: float  # how close the official's nearest spelling is to the name, 0-1
    matched: bool  # the filter keeps this official; the others are near misses the analyst may mean
    engagements: int = 0


@dataclass
class OfficialNameMatch:
    """What a name given as the official filter resolves to: the officials it keeps (`ids`), the first of them
    and a few near misses to show (`officials`), exact spellings first, then the closest."""

    name: str
    ids: list[int]
    officials: list[OfficialMatch]


def _spelling_score(wanted: list[str], spelling: str) -> tuple[float, bool]:
    """(closeness, every wanted word found) of one spelling: each word of the name against its nearest word in
    the spelling, a little less for a spelling with more words than the name."""
    words = spelling.split()
    scores = [max(fuzz.ratio(word, other) / 100 for other in words) for word in wanted]
    closeness = sum(scores) / len(scores) * (len(wanted) / max(len(wanted), len(words))) ** 0.25
    return closeness, all(score >= SAME_WORD for score in scores)


def official_name_match(*, name: str, limit: int = 8) -> OfficialNameMatch:
    """The officials a name means: those with a spelling holding each word of the name (a transliteration away
    at most: Maaitah for Maaytah). When a spelling is the name exactly, only those officials are kept, so
    "Obaid Al Maaytah" is not also every other Obaid."""
    key = alias_key(name)
    candidates = officials_matching(name=name, limit=NAME_CANDIDATES)
    if not candidates:
        return OfficialNameMatch(name, [], [])
    wanted = telling_words(key)  # particles ("Al", "bin") never decide a match on their own
    exact: set[int] = set()
    found: set[int] = set()
    closeness: dict[int, float] = {}
    for pk, spelling in OfficialAlias.objects.filter(official_id__in=candidates).values_list("official_id", "key"):
        score, complete = _spelling_score(wanted, spelling)
        closeness[pk] = max(closeness.get(pk, 0.0), score)
        if spelling == key:
            exact.add(pk)
        if complete:
            found.add(pk)
    kept = exact or found
    ranked = sorted(closeness, key=lambda pk: (pk not in kept, pk not in exact, -closeness[pk], candidates.index(pk)))
    shown = [pk for pk in ranked if pk in kept][:limit] + [pk for pk in ranked if pk not in kept][:NEAR_MISSES]
    officials = _officials_by_id(shown)
    counts = dict(
        Participation.objects.filter(official_id__in=shown)
        .exclude(engagement__status=Engagement.Status.REJECTED)
        .values("official")
        .annotate(n=Count("engagement", distinct=True))
        .values_list("official", "n")
    )
    return OfficialNameMatch(
        name,
        [pk for pk in ranked if pk in kept],
        [
            OfficialMatch(officials[pk], pk in exact, closeness[pk], pk in kept, counts.get(pk, 0))
            for pk in shown
            if pk in officials
        ],
    )


# An official's engagements, read first (participation_official_engagement) and then looked up by id. The
# fence (OFFSET 0) keeps PostgreSQL from walking the whole timeline in date order to find the official's few
# (1 s at 1,000,000 engagements for a busy official with a type and dates; 0.2 s this way).
OFFICIAL_ENGAGEMENTS = "SELECT engagement_id FROM meetings_participation WHERE official_id = ANY(%s) OFFSET 0"


def engagement_filter(
    queryset: QuerySet[Engagement],
    *,
    countries=(),
    partner: str | None = None,
    kind: str | None = None,
    topic: str | None = None,
    official: str | int | list[int] | None = None,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
    text: str | None = None,
    review: str | None = None,
) -> QuerySet[Engagement]:
    """The timeline's filters; each is a semi-join so no engagement appears twice."""
    if review == "confirmed":
        queryset = queryset.filter(status=Engagement.Status.CONFIRMED)
    elif review == "unreviewed":
        queryset = queryset.filter(status=Engagement.Status.EXTRACTED)
    if countries:
        queryset = queryset.filter(
            Exists(EngagementCountry.objects.filter(engagement_id=OuterRef("pk"), country_id__in=countries))
        )
    if partner:
        queryset = queryset.filter(
            Exists(EngagementCountry.objects.filter(engagement_id=OuterRef("pk"), country_id=partner))
        )
    if kind:
        queryset = queryset.filter(kind=kind)
    if topic:
        # The topic's id as a value of its own (an InitPlan), not a join to the topics: PostgreSQL then
        # expects a topic's share of the rows rather than a few, and reads a state's timeline in date order
        # probing the (engagement, topic) index, instead of collecting every engagement of both to sort them.
        topic_id = Subquery(Topic.objects.filter(slug=topic).values("pk"))
        queryset = queryset.filter(
            Exists(EngagementTopic.objects.filter(engagement_id=OuterRef("pk"), topic_id=topic_id))
        )
    if official is not None and official != "":  # an empty list of officials matches nothing
        queryset = queryset.filter(pk__in=RawSQL(OFFICIAL_ENGAGEMENTS, [_official_ids(official)]))
    if since:
        queryset = queryset.filter(date__gte=since)
    if until:
        queryset = queryset.filter(date__lte=until)
    if text:
        queryset = queryset.filter(RawSQL(SUMMARY_MATCH, [text], output_field=BooleanField()))
    return queryset


def _official_ids(official: str | int | Iterable[int]) -> list[int]:
    """The officials the official filter means: a name's (any spelling), a number, or those listed."""
    if isinstance(official, str):
        return official_name_match(name=official).ids
    if isinstance(official, int):
        return [official]
    return list(official)


def _cursor_q(cursor: str) -> Q | None:
    """Rows after a cursor "YYYY-MM-DD.id" (or "none.id" once among undated rows) in timeline order."""
    try:
        day, _, digits = cursor.partition(".")
        if not re.fullmatch(r"[0-9]{1,18}", digits):
            return None
        pk = int(digits)
        if day == "none":
            return Q(date__isnull=True, id__lt=pk)
        date = datetime.date.fromisoformat(day)
    except ValueError:
        return None
    # date <= d keeps PostgreSQL on the engagement_timeline index range instead of a scan from the top.
    return Q(date__lte=date) & (Q(date__lt=date) | Q(id__lt=pk)) | Q(date__isnull=True)


def cursor_of(engagement: "Engagement | RowRef") -> str:
    return f"{engagement.date.isoformat() if engagement.date else 'none'}.{engagement.pk}"


def _page_picked(queryset: QuerySet[Engagement], *, cursor: str | None, size: int) -> QuerySet[Engagement]:
    """The page's rows after the cursor (one more than `size`), picked by id in a subquery that reads only
    what the filters and the order need (engagement_pk_facts holds type, date and status: index-only for an
    official's many engagements), so that only those rows are read, not every candidate before the sort."""
    after = _cursor_q(cursor) if cursor else None
    picked = (queryset.filter(after) if after is not None else queryset).values("pk")[: size + 1]
    return queryset.filter(pk__in=picked)


class RowRef(NamedTuple):
    """A timeline row before it is read in full: enough to place it (date), page past it and find its HTML."""

    pk: int
    date: datetime.date | None
    digest: str


# Everything a timeline row (templates/meetings/_engagement_row.html) and an engagement of the API's list
# (exports.engagement_as_dict) show, as the md5 of one row value: each is kept rendered under (id, digest)
# (meetings/page_cache.py), so a change to any of it is a new key. A field either starts to show belongs here
# too (tests/meetings/test_page_cache.py changes each one).
ROW_DIGEST = """md5(ROW(
    "meetings_engagement"."kind", "meetings_engagement"."date", "meetings_engagement"."date_precision",
    "meetings_engagement"."city", "meetings_engagement"."summary", "meetings_engagement"."status",
    "meetings_engagement"."reviewed_at",
    (SELECT short_name FROM meetings_country WHERE code = "meetings_engagement"."location_country_id"),
    (SELECT username FROM auth_user WHERE id = "meetings_engagement"."reviewed_by_id"),
    (SELECT COUNT(DISTINCT article_id) FROM meetings_evidence WHERE engagement_id = "meetings_engagement"."id"),
    (SELECT string_agg(ec.country_id || ' ' || (SELECT short_name FROM meetings_country WHERE code = ec.country_id),
                       '|' ORDER BY ec.country_id)
     FROM meetings_engagement_countries ec WHERE ec.engagement_id = "meetings_engagement"."id"),
    (SELECT string_agg(concat_ws(' ', p.official_id, p.country_id, o.name, p.title), '|' ORDER BY p.country_id, p.id)
     FROM meetings_participation p JOIN meetings_official o ON o.id = p.official_id
     WHERE p.engagement_id = "meetings_engagement"."id"),
    (SELECT string_agg(t.slug || ' ' || t.label, '|' ORDER BY t.label, t.id)
     FROM meetings_engagement_topics et JOIN meetings_topic t ON t.id = et.topic_id
     WHERE et.engagement_id = "meetings_engagement"."id")
)::text)"""


def engagement_row_refs(queryset: QuerySet[Engagement]) -> list[RowRef]:
    """The queryset's engagements as RowRefs, in its order (one query)."""
    rows = (
        queryset.prefetch_related(None)
        .annotate(row_digest=RawSQL(ROW_DIGEST, []))
        .values_list("pk", "date", "row_digest")
    )
    return [RowRef(*row) for row in rows]


def engagement_row_page(queryset: QuerySet[Engagement], *, cursor: str | None, size: int | None = None) -> Page:
    """One page of a timeline after the cursor as RowRefs (one query), and the cursor of the next page."""
    size = size or PAGE_SIZE
    refs = engagement_row_refs(_page_picked(queryset, cursor=cursor, size=size))
    more = len(refs) > size
    return Page(rows=refs[:size], next_cursor=cursor_of(refs[size - 1]) if more else None)


def engagements_by_id(ids: Iterable[int]) -> dict[int, Engagement]:
    """The engagements as a timeline row shows them (rejected ones too: the caller chose the ids)."""
    return {row.pk: row for row in engagement_list(with_rejected=True).filter(pk__in=list(ids))}


# The timeline's filters that the histogram reads from the tallies rather than counting rows.
FACETED = frozenset({"countries", "partner", "kind", "topic", "since", "until"})


def histogram_reads_tallies(filters: dict) -> bool:
    """Whether month_histogram counts these filters from the tallies alone (not from the records)."""
    return {key for key, value in filters.items() if value} <= FACETED | {"official"}


def month_histogram(*, filters: dict) -> dict[datetime.date | None, int]:
    """{first of month (None: undated): engagements} for the filtered timeline."""
    used = {key for key, value in filters.items() if value}
    if not used:
        return aggregates.month_counts()
    countries = list(filters.get("countries") or [])
    if used <= {"countries", "topic"} and len(countries) <= 1:  # the common filters: precomputed
        return aggregates.month_counts_for(country=countries[0] if countries else "", topic=filters.get("topic") or "")
    facets = {key: filters.get(key) for key in FACETED} | {"countries": countries}
    if used <= FACETED:  # any mix of states, partner, type, topic and dates: narrow rows of the tallies
        return aggregates.month_counts_faceted(**facets)
    if used <= FACETED | {"official"}:  # and officials: their own rows of the engagements
        officials = _official_ids(filters["official"])
        return aggregates.month_counts_faceted(**facets, officials=officials) if officials else {}
    queryset = engagement_filter(Engagement.objects.exclude(status=Engagement.Status.REJECTED), **filters)
    rows = queryset.order_by().values(month=TruncMonth("date")).annotate(n=Count("id")).values_list("month", "n")
    return dict(rows)


def tallies_state() -> aggregates.TalliesState:
    """How current the charts' tallies are (pages say "as of" when they lag)."""
    return aggregates.tallies_state()


def engagement_detail(*, engagement_id: int) -> Engagement:
    return (
        Engagement.objects.select_related("location_country", "reviewed_by")
        .prefetch_related(
            "countries",
            "topics",
            Prefetch("participations", queryset=Participation.objects.select_related("official", "country")),
            Prefetch("evidence", queryset=Evidence.objects.select_related("article").order_by("article_id", "start")),
        )
        .get(pk=engagement_id)
    )


class SourceArticle(Protocol):
    """What a source card reads of ingest's Article, reached through Evidence's foreign key."""

    text: str


def fact_words_attach(*, engagement: Engagement) -> None:
    """Give each value the engagement page shows the words its sources read it from, as `said` (quotes
    joined by " / "): `engagement.date_said`, `engagement.place_said`, each topic's `said`, each
    participation's `title_said` and `state_said`. Reads the prefetched evidence; no query."""
    words: dict[tuple, list[str]] = {}
    for item in engagement.evidence.all():
        for fact in item.facts or []:
            key = (fact.get("fact"), fact.get("value"), fact.get("official"))
            quotes = words.setdefault(key, [])
            if fact.get("words") and fact["words"] not in quotes:
                quotes.append(fact["words"])

    def said(fact: str, value, official: int | None = None) -> str:
        return " / ".join(f"“{quote}”" for quote in words.get((fact, value, official), []))

    engagement.date_said = said("date", engagement.date.isoformat()) if engagement.date else ""  # type: ignore[attr-defined]
    if engagement.date and not engagement.date_said and engagement.date_precision == Engagement.Precision.MONTH:  # type: ignore[attr-defined]
        engagement.date_said = said("date", engagement.date.isoformat()[:7])  # type: ignore[attr-defined]
    engagement.place_said = said("place", engagement.city or engagement.location_country_id)  # type: ignore[attr-defined]
    for topic in engagement.topics.all():
        topic.said = said("topic", topic.slug)  # type: ignore[attr-defined]
    for taking_part in engagement.participations.all():
        taking_part.title_said = said("title", taking_part.title, taking_part.official_id)  # type: ignore[attr-defined]
        taking_part.state_said = said("state", taking_part.country_id, taking_part.official_id)  # type: ignore[attr-defined]


@dataclass
class SourceCard:
    """One source article of an engagement: passages of its text, each a list of (text, is evidence) pieces."""

    article: "SourceArticle"
    passages: list[list[tuple[str, bool]]]


def evidence_sources(*, engagement: Engagement, context: int = 280) -> list[SourceCard]:
    """The engagement's source articles, each once, with its evidence sentences marked in the text around
    them; nearby sentences share one passage."""
    by_article: dict[int, tuple[SourceArticle, list[Evidence]]] = {}
    for item in engagement.evidence.all():  # prefetched in article order
        by_article.setdefault(item.article_id, (item.article, []))[1].append(item)
    return [SourceCard(article, _passages(article.text, items, context)) for article, items in by_article.values()]


def _passages(text: str, items: list[Evidence], context: int) -> list[list[tuple[str, bool]]]:
    placed = sorted(
        {(e.start, e.end) for e in items if 0 <= e.start < e.end <= len(text) and text[e.start : e.end].strip()}
    )
    # Evidence whose offsets fall outside the stored text: the sentence alone.
    loose = [[(e.sentence, True)] for e in items if (e.start, e.end) not in placed and e.sentence.strip()]
    windows: list[list] = []  # [start, end, [(start, end) of evidence]]
    for start, end in placed:
        if windows and start - context <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], min(len(text), end + context))
            windows[-1][2].append((start, end))
        else:
            windows.append([max(0, start - context), min(len(text), end + context), [(start, end)]])
    passages = []
    for begin, finish, spans in windows:
        if begin:  # start and end at whole words
            begin = min(spans[0][0], _word_edge(text, begin, forward=True))
        if finish < len(text):
            finish = max(spans[-1][1], _word_edge(text, finish, forward=False))
        pieces, at = [], begin
        for start, end in spans:
            start = max(start, at)  # overlapping evidence: one mark
            if start > at:
                pieces.append((text[at:start], False))
            if end > start:
                pieces.append((text[start:end], True))
            at = max(at, end)
        pieces.append((text[at:finish], False))
        if begin:
            pieces.insert(0, ("… ", False))
        if finish < len(text):
            pieces.append((" …", False))
        passages.append([piece for piece in pieces if piece[0]])
    return passages + list({tuple(p): p for p in loose}.values())


def _word_edge(text: str, at: int, *, forward: bool) -> int:
    """The nearest gap between words from `at`, looking forward (a passage's start) or back (its end)."""
    found = text.find(" ", at) if forward else text.rfind(" ", 0, at)
    return at if found < 0 else found + 1 if forward else found


# Countries and pairs --------------------------------------------------------------------------------------


def country_get(*, code: str) -> Country:
    return Country.objects.get(code=code.upper())


@dataclass
class PartnerTrend:
    country: Country
    total: int
    years: dict[int, int]


@dataclass
class CountryOverview:
    total: int
    kinds: dict[str, int]
    partners: list[PartnerTrend]
    topics: list[tuple[Topic, int]]
    officials: list[tuple[Official, int]]
    years: list[int] = field(default_factory=list)


def _year_span(*series: dict[int, int]) -> list[int]:
    years = {year for counts in series for year in counts if year != aggregates.UNDATED_YEAR}
    return list(range(min(years), max(years) + 1)) if years else []


def _officials_by_id(ids: list[int]) -> dict[int, Official]:
    """The officials with their states, in one query; ids no longer on record are left out."""
    return Official.objects.select_related("country").in_bulk(ids)


def _officials_ranked(pairs: list[tuple[int, int]]) -> list[tuple[Official, int]]:
    found = _officials_by_id([pk for pk, _ in pairs])
    return [(found[pk], n) for pk, n in pairs if pk in found]


def country_overview(*, country: Country, partners: int = 12) -> CountryOverview:
    kind_years = aggregates.kind_years(code=country.code)
    by_partner = aggregates.partner_years(code=country.code)
    ranked = sorted(by_partner.items(), key=lambda item: (-sum(item[1].values()), item[0]))[:partners]
    names = Country.objects.in_bulk([code for code, _ in ranked])
    topic_counts = {pk: sum(years.values()) for pk, years in aggregates.topic_years(code=country.code).items()}
    topics = Topic.objects.in_bulk(list(topic_counts))
    kinds = {kind: sum(years.values()) for kind, years in kind_years.items()}
    return CountryOverview(
        total=sum(kinds.values()),
        kinds=kinds,
        # The tallies may be older than a merge or deletion: rows they name that are gone are skipped.
        partners=[PartnerTrend(names[code], sum(years.values()), years) for code, years in ranked if code in names],
        topics=sorted(
            ((topics[pk], n) for pk, n in topic_counts.items() if pk in topics), key=lambda t: (-t[1], t[0].label)
        ),
        officials=_officials_ranked(aggregates.top_officials(code=country.code)),
        years=_year_span(*kind_years.values()),
    )


def pair_filters(*, a: str, b: str) -> dict:
    """engagement_filter's arguments for the engagements of a pair of states."""
    return {"countries": [a], "partner": b}


def engagements_of_pair(*, a: str, b: str, with_rejected: bool = False) -> QuerySet[Engagement]:
    return engagement_filter(engagement_list(with_rejected=with_rejected), **pair_filters(a=a, b=b))


@dataclass
class RelationshipOverview:
    total: int
    kind_years: dict[str, dict[int, int]]
    topic_years: list[tuple[Topic, dict[int, int], int]]
    years: list[int]
    summary: aggregates.DyadSummary | None
    officials: dict[str, list[tuple[Official, int]]]


def relationship_overview(*, a: Country, b: Country) -> RelationshipOverview:
    kind_years = aggregates.kind_years(code=a.code, partner=b.code)
    by_topic = aggregates.topic_years(code=a.code, partner=b.code)
    topics = Topic.objects.in_bulk(list(by_topic))
    topic_rows = sorted(
        ((topics[pk], years, sum(years.values())) for pk, years in by_topic.items() if pk in topics),
        key=lambda t: (-t[2], t[0].label),
    )
    return RelationshipOverview(
        total=sum(n for years in kind_years.values() for n in years.values()),
        kind_years=kind_years,
        topic_years=topic_rows,
        years=_year_span(*kind_years.values()),
        summary=aggregates.dyad_summary(a=a.code, b=b.code),
        officials={
            a.code: _officials_ranked(aggregates.top_officials(code=a.code, partner=b.code)),
            b.code: _officials_ranked(aggregates.top_officials(code=b.code, partner=a.code)),
        },
    )


def agreements(queryset: QuerySet[Engagement], *, limit: int = 10, with_states: bool = False) -> list[Engagement]:
    """The latest agreements among the engagements, as the lists of agreements show them (date and summary, and
    the states `with_states`): the timeline rows' participants and topics are not read for them."""
    rows = queryset.filter(kind=Engagement.Kind.AGREEMENT).prefetch_related(None)
    return list((rows.prefetch_related("countries") if with_states else rows)[:limit])


def network(*, topic: str | None, since: int | None, until: int | None, at_least: int | None = None, limit: int = 80):
    """(countries by code, [(a, b, engagements)]) for the heaviest pairs with at least that many engagements."""
    topic_id = Topic.objects.filter(slug=topic).values_list("pk", flat=True).first() if topic else None
    if topic and topic_id is None:
        return {}, []
    edges = aggregates.network_edges(topic_id=topic_id, year_from=since, year_to=until, at_least=at_least or 1)
    edges = edges[:limit]
    codes = {code for a, b, _ in edges for code in (a, b)}
    return Country.objects.in_bulk(list(codes)), edges


# Officials ------------------------------------------------------------------------------------------------


def official_detail(*, official_id: int) -> Official:
    return Official.objects.select_related("country", "organization").prefetch_related("aliases").get(pk=official_id)


@dataclass
class TitleHeld:
    title: str
    first: datetime.date | None
    last: datetime.date | None
    times: int


# The official's rows read once (participation_official_engagement, including the side and the title), each
# engagement's date and status by engagement_pk_facts: the titles held, with the first and last dates each
# was reported, and the counterparts, the others on another side than the one this official represented
# (their own state when the report does not say) in each engagement not rejected, read with their sides by
# participation_engagement_side. Everything index-only and in proportion to the official's engagements (the
# busiest has about 3,900 at 1,000,000), the official's rows probed once for both. Another participant's own
# state is looked up only when the report gives no side (COALESCE evaluates the subquery only then).
OFFICIAL_SIDES = """
WITH mine AS MATERIALIZED (
    SELECT p.engagement_id, p.title, COALESCE(p.country_id, me.country_id) AS side, e.date,
           e.status <> %(rejected)s AS shown
    FROM meetings_participation p
    JOIN meetings_official me ON me.id = p.official_id
    JOIN meetings_engagement e ON e.id = p.engagement_id
    WHERE p.official_id = %(official)s
), counterparts AS (
    SELECT other.official_id, COUNT(DISTINCT other.engagement_id) AS n
    FROM mine
    JOIN meetings_participation other ON other.engagement_id = mine.engagement_id AND other.official_id <> %(official)s
    WHERE mine.shown AND COALESCE(
        other.country_id, (SELECT them.country_id FROM meetings_official them WHERE them.id = other.official_id)
    ) <> mine.side
    GROUP BY other.official_id
    ORDER BY n DESC, other.official_id
    LIMIT %(counterparts)s
)
SELECT 0 AS part, ROW_NUMBER() OVER (ORDER BY COALESCE(MIN(date), 'infinity'), title) AS place,
       title, NULL::bigint, MIN(date), MAX(date), COUNT(*)::int
FROM mine WHERE title <> '' GROUP BY title
UNION ALL
SELECT 1, ROW_NUMBER() OVER (ORDER BY n DESC, official_id), NULL, official_id, NULL, NULL, n::int FROM counterparts
UNION ALL
SELECT 2, ROW_NUMBER() OVER (ORDER BY date DESC NULLS LAST, engagement_id DESC), NULL, engagement_id, NULL, NULL, NULL
FROM (
    SELECT engagement_id, date FROM mine WHERE shown OR %(with_rejected)s
    ORDER BY date DESC NULLS LAST, engagement_id DESC LIMIT %(latest)s
) latest
ORDER BY part, place
"""


@dataclass
class OfficialSides:
    titles: list[TitleHeld]
    counterparts: list[tuple[Official, int]]  # busiest first
    latest: list[int] = field(default_factory=list)  # ids of the latest engagements, newest first


def official_sides(
    *, official: Official, counterparts: int = 10, latest: int = 0, with_rejected: bool = False
) -> OfficialSides:
    """Each title the official was reported with (the first and last engagement dates it was reported), the
    officials of other states met most often, busiest first: in each engagement, those on another side than
    the one this official represented (their own state when the report does not say), not colleagues; and
    the ids of the `latest` engagements in timeline order, one more when there are more (rejected ones too
    `with_rejected`, for editors)."""
    params: dict[str, str | int | bool] = {
        "rejected": Engagement.Status.REJECTED.value,
        "official": official.pk,
        "counterparts": counterparts,
        "latest": latest + 1 if latest else 0,
        "with_rejected": with_rejected,
    }
    with connection.cursor() as cursor:
        cursor.execute(OFFICIAL_SIDES, params)
        rows = cursor.fetchall()
    titles = [TitleHeld(title, first, last, times) for part, _, title, _, first, last, times in rows if part == 0]
    met = [(pk, n) for part, _, _, pk, _, _, n in rows if part == 1]
    newest = [pk for part, _, _, pk, _, _, _ in rows if part == 2]
    return OfficialSides(titles, _officials_ranked(met) if met else [], newest)


def first_page_of(*, ids: list[int], size: int, with_rejected: bool = False) -> Page:
    """The first timeline page (RowRefs) of engagements whose ids are known, newest first (one more than
    `size` when there are more), and the cursor of the next page."""
    rows = engagement_row_refs(engagement_list(with_rejected=with_rejected).filter(pk__in=ids[:size])) if ids else []
    return Page(rows=rows, next_cursor=cursor_of(rows[-1]) if rows and len(ids) > size else None)


def official_titles(*, official: Official) -> list[TitleHeld]:
    """Each title the official was reported with, and the first and last engagement dates it was reported."""
    return official_sides(official=official, counterparts=0).titles


def official_counterparts(*, official: Official, limit: int = 10) -> list[tuple[Official, int]]:
    """The officials of other states met most often, busiest first (see official_sides)."""
    return official_sides(official=official, counterparts=limit).counterparts


# Officials' changes ----------------------------------------------------------------------------------

# How long the log of officials' changes is kept (services.official_changes_prune); a process that last
# looked longer ago than half of it reads the officials whole again.
OFFICIAL_CHANGES_KEPT = datetime.timedelta(days=1)


# The official a TRUNCATE of the officials or their spellings logs: every one of them.
EVERY_OFFICIAL = 0


def officials_changed_since(mark: int | None) -> tuple[int, list[int]]:
    """(a mark to ask with next time, the officials added, changed or removed since the call that gave
    `mark`, EVERY_OFFICIAL among them for all; none without a mark), in one query. The mark is the oldest
    transaction still running: every change committed after this call is by that one or a newer one, so
    none is missed (one may be read twice)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint, "
            "ARRAY(SELECT DISTINCT official_id FROM meetings_officialchange WHERE xid >= %s)",
            [mark if mark is not None else 2**62],
        )
        row = cursor.fetchone()
    assert row is not None
    return int(row[0]), list(row[1])


# Search ---------------------------------------------------------------------------------------------------


@dataclass
class DomainMatches:
    """What a search finds in the domain: officials by any spelling, engagements by their summary (the
    newest of a sample when the words are common: `engagements_sampled`)."""

    officials: list[Official]
    engagements: list[RowRef]
    engagements_sampled: bool = False


# A full-text search reads about this many matches at most. For words in more rows the GIN index hands
# back a random sample of about this size (gin_fuzzy_search_limit), so a word in half of 1,500,000 articles
# is answered in bounded time instead of reading and sorting 750,000 rows; the page then says so. Each
# sampled row is a random page of the table (at 1,000,000 engagements not all in memory, 0.3 ms or more
# from disk), hence a small sample. The
# planner, expecting all of them, would compile the query (JIT) for longer than it then takes: not here.
SEARCH_SAMPLE = 300

# Words the planner's statistics of the full-text index put in at least this share of the rows are looked
# for among the newest rows instead, read in order off the index of that order: their newest 20 matches lie
# among the first 200 or so, fewer rows than a sample, and they are the newest matches of all, not of a
# sample. The walk stops at the date of the NEWEST_READ-th newest row (a word common once but not lately);
# short of matches by then, the sample is read.
COMMON_SHARE = 0.1
NEWEST_READ = 1000


@dataclass(frozen=True)
class FullTextIds:
    ids: list[int]
    read: int  # the matches read from the index (all of them, or the sample), or at most so many newest rows
    sampled: bool  # so many rows matched that `ids` come from a sample of them


def table_size(model: type[Model]) -> float:
    """The table's row count as of its last ANALYZE (-1 before any), as the planner reckons with it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [model._meta.db_table])
        row = cursor.fetchone()
    return row[0] if row else -1


def share_estimated(queryset: QuerySet, *, of: float) -> float:
    """The planner's estimate of the share of `of` rows the queryset's filter keeps, from the statistics
    ANALYZE keeps of an index's expression: for a full-text match, how common each of its words is."""
    plan = json.loads(queryset.order_by().explain(format="json"))
    return plan[0]["Plan"]["Plan Rows"] / of if of > 0 else 0.0


def full_text_ids(
    rows: QuerySet,
    matching: RawSQL,
    *,
    newest_by: str,
    limit: int,
    sample: int = SEARCH_SAMPLE,
    newest: int = NEWEST_READ,
) -> FullTextIds:
    """The first `limit` ids of `rows`, newest `newest_by` first (then the highest id), that are
    full-text `matching`, and whether those may be the first of a sample. A common word (COMMON_SHARE)
    is looked for in that order off an index of it, back to the date of the table's `newest`-th newest
    row (on a table of fewer rows, not at all). Any other word, or a common one with too few matches by
    then, is read off its GIN index: a count of a tenth of the sample size or more may be a sample (the
    index keeps each match of a common word with a probability from its own estimate of their number,
    so a sample can come out well under `sample` rows; far fewer matches are read in full). The planner
    prices to_tsvector() as cheap and would rather compute it for every row (120 ms on 1,500 articles)
    than read the index; here it cannot."""
    order = (F(newest_by).desc(nulls_last=True), F("pk").desc())
    matched = rows.filter(matching).order_by(*order)
    total = table_size(rows.model)
    if total >= newest and share_estimated(matched, of=total) >= COMMON_SHARE:
        table = rows.model._default_manager.order_by(*order)
        since = Subquery(table.values(newest_by)[newest - 1 : newest])  # NULL on fewer rows: none walked
        with planned_with({"enable_bitmapscan": "off", "enable_seqscan": "off", "jit": "off"}):
            ids = list(matched.filter(**{f"{newest_by}__gte": since}).values_list("pk", flat=True)[:limit])
        if len(ids) == limit:
            return FullTextIds(ids, read=newest, sampled=False)
    bitmap = {"enable_seqscan": "off", "enable_indexscan": "off", "gin_fuzzy_search_limit": str(sample), "jit": "off"}
    with planned_with(bitmap):
        found = list(matched.annotate(matched=Window(Count("pk"))).values_list("pk", "matched")[:limit])
    read = found[0][1] if found else 0
    return FullTextIds([pk for pk, _ in found], read=read, sampled=read >= sample // 10)


def domain_search(*, query: str, limit: int = 20) -> DomainMatches:
    """Officials by any spelling (trigram) and engagements by summary (full text)."""
    found = officials_matching(name=query, limit=limit)
    by_id = Official.objects.select_related("country").prefetch_related("aliases").in_bulk(found)
    officials = [by_id[pk] for pk in found if pk in by_id]
    matching = RawSQL(SUMMARY_MATCH, [query], output_field=BooleanField())
    matches = full_text_ids(
        Engagement.objects.exclude(status=Engagement.Status.REJECTED), matching, newest_by="date", limit=limit
    )
    engagements = engagement_row_refs(engagement_list().filter(pk__in=matches.ids)) if matches.ids else []
    return DomainMatches(officials, engagements, engagements_sampled=matches.sampled)


def month_label(month: datetime.date | None) -> str:
    return month.strftime("%B %Y") if month else "Date unknown"


def with_month_headers(rows: list[RowRef], *, after: str | None) -> list[tuple[str | None, RowRef]]:
    """Pairs (month heading or None, row): a heading where the month changes, not repeated across pages."""
    previous = None
    if after:
        day = after.partition(".")[0]
        previous = "none" if day == "none" else day[:7]
    result = []
    for row in rows:
        month = row.date.strftime("%Y-%m") if row.date else "none"
        heading = None
        if month != previous:
            heading = month_label(row.date.replace(day=1) if row.date else None)
            previous = month
        result.append((heading, row))
    return result


# Watches --------------------------------------------------------------------------------------------------

# What's new and the digest list at most this many engagements at once (the newest dates first).
WHATS_NEW_LIMIT = 100


def watches_of(*, user) -> QuerySet[Watch]:
    return Watch.objects.filter(user=user).select_related("country", "partner", "official")


def watch_find(
    *,
    user,
    kind: str,
    country: str | None = None,
    partner: str | None = None,
    official: int | None = None,
    query: str = "",
) -> Watch | None:
    """The user's watch of exactly this target (states by code, a pair in either order), if any."""
    if kind == Watch.Kind.PAIR and country and partner:
        country, partner = sorted([country, partner])
    return (
        Watch.objects.filter(user=user, kind=kind, country=country, partner=partner, official=official, query=query)
        .select_related("country", "partner", "official")
        .first()
    )


def watch_profile_of(*, user) -> WatchProfile | None:
    return WatchProfile.objects.filter(user=user).first()


def watch_profile_from_token(*, token: str) -> WatchProfile | None:
    """The profile a digest's unsubscribe token names; None for a token not signed by us."""
    pk = WatchProfile.pk_from_unsubscribe_token(token)
    return WatchProfile.objects.select_related("user").filter(pk=pk).first() if pk else None


def watch_filters(*, watch: Watch) -> dict | None:
    """engagement_filter's arguments for what the watch follows; None for a saved filter that no longer
    validates (a topic renamed, say), which then matches nothing rather than everything."""
    if watch.kind == Watch.Kind.PAIR:
        # Both states are set for a pair (the watch_target_matches_kind constraint).
        return pair_filters(a=watch.country_id or "", b=watch.partner_id or "")
    if watch.kind == Watch.Kind.COUNTRY:
        return {"countries": [watch.country_id]}
    if watch.kind == Watch.Kind.OFFICIAL:
        return {"official": watch.official_id}
    form = TimelineFilterForm(QueryDict(watch.query))
    return form.filters() if form.is_valid() else None


def engagements_arrived(*, since: datetime.datetime, until: datetime.datetime) -> Q:
    """Engagements that arrived in (since, until]: created then, or confirmed by an editor then."""
    return Q(created__gt=since, created__lte=until) | Q(
        status=Engagement.Status.CONFIRMED, reviewed_at__gt=since, reviewed_at__lte=until
    )


@dataclass
class WatchNews:
    watch: Watch
    engagements: list[Engagement]
    valid: bool = True  # False: a saved filter that no longer validates


@dataclass
class WhatsNew:
    """What arrived for a user's watches in a window, grouped by watch (an engagement under each that matches)."""

    since: datetime.datetime
    until: datetime.datetime
    groups: list[WatchNews]
    total: int  # distinct engagements
    truncated: bool  # more than WHATS_NEW_LIMIT arrived; the oldest dates are left out

    @property
    def news(self) -> list[WatchNews]:
        return [group for group in self.groups if group.engagements]


def _watch_matches(watches: list[Watch], *, since: datetime.datetime, until: datetime.datetime) -> dict[str, Q]:
    """{annotation name: condition} for each watch whose filters apply, each a semi-join over the arrivals
    (the engagement_created index), so all watches are read in one query. A watch reports only what arrived
    after it was added: a state watched today does not bring every earlier record with it."""
    matches = {}
    for watch in watches:
        filters = watch_filters(watch=watch)
        if filters is not None:
            arrived = engagements_arrived(since=max(since, watch.created), until=until)
            arrivals = engagement_filter(Engagement.objects.filter(arrived), **filters).order_by()
            matches[f"watch_{watch.pk}"] = Q(pk__in=arrivals.values("pk"))
    return matches


def whats_new(
    *, watches: list[Watch], since: datetime.datetime, until: datetime.datetime, limit: int = WHATS_NEW_LIMIT
) -> WhatsNew:
    """The engagements that arrived in (since, until] for any of the watches, through the timeline's filters."""
    arrived = engagements_arrived(since=since, until=until)
    matches = _watch_matches(watches, since=since, until=until)
    rows: list[Engagement] = []
    if matches:
        rows = list(
            engagement_list()
            .filter(arrived)
            .annotate(**{name: ExpressionWrapper(q, output_field=BooleanField()) for name, q in matches.items()})
            .filter(reduce(or_, (Q(**{name: True}) for name in matches)))[: limit + 1]
        )
    truncated = len(rows) > limit
    rows = rows[:limit]
    groups = [
        WatchNews(
            watch,
            [row for row in rows if getattr(row, f"watch_{watch.pk}", False)],
            valid=f"watch_{watch.pk}" in matches,
        )
        for watch in watches
    ]
    return WhatsNew(since=since, until=until, groups=groups, total=len(rows), truncated=truncated)


def whats_new_since(*, profile: WatchProfile | None) -> datetime.datetime | None:
    """What's new reports from the last visit, or from when the user first watched something."""
    if profile is None:
        return None
    return profile.seen or profile.created


def whats_new_count(*, user, now: datetime.datetime, limit: int = 100) -> int:
    """How many engagements are new for the user since their last visit, counted up to `limit` (the badge)."""
    since = whats_new_since(profile=watch_profile_of(user=user))
    if since is None:
        return 0
    arrived = engagements_arrived(since=since, until=now)
    matches = _watch_matches(list(watches_of(user=user)), since=since, until=now)
    if not matches:
        return 0
    queryset = Engagement.objects.exclude(status=Engagement.Status.REJECTED).filter(arrived)
    return queryset.filter(reduce(or_, matches.values())).order_by().values("pk")[:limit].count()


def digest_profiles(*, day: datetime.date) -> QuerySet[WatchProfile]:
    """Users due a digest today: subscribed, with an address and something watched, not yet sent one today."""
    return (
        WatchProfile.objects.filter(digest=True, user__is_active=True)
        .exclude(user__email="")
        .exclude(digest_sent_on=day)
        .filter(Exists(Watch.objects.filter(user_id=OuterRef("user_id"))))
        .select_related("user")
        .order_by("pk")
    )


# Review ---------------------------------------------------------------------------------------------------

REVIEW_PAGE = 25


def review_queue(*, limit: int = REVIEW_PAGE) -> list[Engagement]:
    """Unreviewed engagements, least certain first (engagement_review_queue index); unscored ones first."""
    queue = engagement_list().filter(status=Engagement.Status.EXTRACTED)
    return list(queue.order_by(F("confidence").asc(nulls_first=True), "id")[:limit])


def review_waiting() -> int:
    """How many engagements wait for review: a count over the partial engagement_review_queue index."""
    return Engagement.objects.filter(status=Engagement.Status.EXTRACTED).count()


def engagement_history(*, engagement: Engagement) -> QuerySet:
    """The engagement's history, newest first: the admin's LogEntry rows, by people and by the machine."""
    return (
        # The content type by its names: a join, not a lookup whose cache may be cold.
        LogEntry.objects.filter(
            content_type__app_label=Engagement._meta.app_label,
            content_type__model=Engagement._meta.model_name,
            object_id=str(engagement.pk),
        )
        .select_related("user")
        .order_by("-action_time", "-id")
    )


def officials_named(*, name: str, limit: int = 10) -> list[Official]:
    """Known officials whose spellings resemble the name, closest first (the participant autocomplete)."""
    found = officials_matching(name=name, limit=limit)
    by_id = _officials_by_id(found)
    return [by_id[pk] for pk in found if pk in by_id]
