"""Reads of the domain, each returning a QuerySet (or plain values) with its relations loaded."""

import datetime
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    F,
    IntegerField,
    Max,
    Min,
    Model,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, TruncMonth
from rapidfuzz import fuzz

from meetings import aggregates
from meetings.models import Country, Engagement, Evidence, Official, OfficialAlias, Participation, Topic
from meetings.names import alias_key, alias_romanized, has_arabic_script
from meetings.paging import Page, page_after

EngagementCountry = Engagement.countries.through
EngagementTopic = Engagement.topics.through

# Full-text match written exactly as its GIN index (migration 0005) so PostgreSQL uses it.
SUMMARY_MATCH = "to_tsvector('english', \"meetings_engagement\".\"summary\") @@ websearch_to_tsquery('english', %s)"
PAGE_SIZE = 25


# Engagements ----------------------------------------------------------------------------------------------


def engagement_list() -> QuerySet[Engagement]:
    """Engagements newest first with everything a timeline row shows; rejected ones are left out."""
    sources = (
        Evidence.objects.filter(engagement=OuterRef("pk"))
        .order_by()
        .values("engagement")
        .annotate(n=Count("article", distinct=True))
        .values("n")
    )
    return (
        Engagement.objects.exclude(status=Engagement.Status.REJECTED)
        .select_related("location_country")
        .prefetch_related(
            "countries",
            "topics",
            Prefetch("participations", queryset=Participation.objects.select_related("official", "country")),
        )
        .annotate(source_total=Coalesce(Subquery(sources, output_field=IntegerField()), 0))
    )


# "Maaitah" against "Maaytah" scores 0.45 in word similarity; pg_trgm's default threshold is 0.6.
NAME_SIMILARITY = 0.4


@contextmanager
def spellings_loosely_similar() -> Iterator[None]:
    """Within this block, trigram word similarity (``%>``, ``trigram_word_similar``) accepts NAME_SIMILARITY.
    Local to the transaction, so no other query on the connection sees the lower threshold."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)", [str(NAME_SIMILARITY)])
        yield


def officials_matching(*, name: str, limit: int = 200) -> list[int]:
    """Ids of officials with a spelling whose words resemble the name, closest first (alias_key_trgm index)."""
    key = alias_key(name)
    if not key:
        return []
    with spellings_loosely_similar(), transaction.atomic(), connection.cursor() as cursor:
        # The planner prices word_similarity() as cheap and scans every alias (100 ms at 20,000 officials):
        # keep it on the index.
        cursor.execute("SELECT set_config('enable_seqscan', 'off', true)")
        rows = list(
            OfficialAlias.objects.filter(key__trigram_word_similar=key)
            .order_by(RawSQL("%s <<-> key", [key]))  # word-similarity distance, read in order from the GiST index
            .values_list("official_id", flat=True)[: limit * 3]
        )
        # The other script: spellings whose romanised skeleton is the query's (alias_romanized_trgm index); a
        # Latin query looks only at Arabic-script spellings, the Latin ones having answered above.
        romanized = alias_romanized(name)
        if romanized:
            other = OfficialAlias.objects.filter(romanized__trigram_word_similar=romanized)
            if not has_arabic_script(name):
                other = other.filter(name__regex=r"[\u0600-\u06ff]")
            rows += list(other.values_list("official_id", flat=True)[: limit * 3])
    return list(dict.fromkeys(rows))[:limit]


# Words of a name that say nothing about who it is ("Al", "bin"): they never decide a match on their own.
NAME_PARTICLES = {"al", "el", "bin", "ibn", "bint", "abu", "bn", "de", "di", "da", "van", "von", "der", "la", "le"}
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
    wanted = [word for word in key.split() if word not in NAME_PARTICLES] or key.split()
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
    officials = Official.objects.select_related("country").in_bulk(shown)
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
) -> QuerySet[Engagement]:
    """The timeline's filters; each is a semi-join so no engagement appears twice."""
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
        queryset = queryset.filter(
            Exists(EngagementTopic.objects.filter(engagement_id=OuterRef("pk"), topic__slug=topic))
        )
    if official not in (None, ""):  # an empty list of officials matches nothing
        if isinstance(official, str):
            ids = official_name_match(name=official).ids
        elif isinstance(official, int):
            ids = [official]
        else:
            ids = list(official)
        queryset = queryset.filter(pk__in=RawSQL(OFFICIAL_ENGAGEMENTS, [ids]))
    if since:
        queryset = queryset.filter(date__gte=since)
    if until:
        queryset = queryset.filter(date__lte=until)
    if text:
        queryset = queryset.filter(RawSQL(SUMMARY_MATCH, [text], output_field=BooleanField()))
    return queryset


def _cursor_q(cursor: str) -> Q | None:
    """Rows after a cursor "YYYY-MM-DD.id" (or "none.id" once among undated rows) in timeline order."""
    try:
        day, _, pk = cursor.partition(".")
        if not re.fullmatch(r"[0-9]{1,18}", pk):
            return None
        pk = int(pk)
        if day == "none":
            return Q(date__isnull=True, id__lt=pk)
        date = datetime.date.fromisoformat(day)
    except ValueError:
        return None
    # date <= d keeps PostgreSQL on the engagement_timeline index range instead of a scan from the top.
    return Q(date__lte=date) & (Q(date__lt=date) | Q(id__lt=pk)) | Q(date__isnull=True)


def cursor_of(engagement: Engagement) -> str:
    return f"{engagement.date.isoformat() if engagement.date else 'none'}.{engagement.pk}"


def engagement_page(queryset: QuerySet[Engagement], *, cursor: str | None, size: int | None = None) -> Page:
    """One page of a timeline after the cursor, and the cursor of the next page (None at the end)."""
    after = _cursor_q(cursor) if cursor else None
    return page_after(queryset, after=after, size=size or PAGE_SIZE, cursor_of=cursor_of)


# The timeline's filters that the histogram reads from the tallies rather than counting rows.
FACETED = frozenset({"countries", "partner", "kind", "topic", "since", "until"})


def month_histogram(*, filters: dict) -> dict[datetime.date | None, int]:
    """{first of month (None: undated): engagements} for the filtered timeline."""
    used = {key for key, value in filters.items() if value}
    if not used:
        return aggregates.month_counts()
    countries = list(filters.get("countries") or [])
    if used <= {"countries", "topic"} and len(countries) <= 1:  # the common filters: precomputed
        return aggregates.month_counts_for(country=countries[0] if countries else "", topic=filters.get("topic") or "")
    if used <= FACETED:  # any mix of states, partner, type, topic and dates: one row per engagement
        return aggregates.month_counts_faceted(**{key: filters.get(key) for key in FACETED} | {"countries": countries})
    queryset = engagement_filter(Engagement.objects.exclude(status=Engagement.Status.REJECTED), **filters)
    rows = queryset.order_by().values(month=TruncMonth("date")).annotate(n=Count("id")).values_list("month", "n")
    return dict(rows)


def tallies_state() -> aggregates.TalliesState:
    """How current the charts' tallies are (pages say "as of" when they lag)."""
    return aggregates.tallies_state()


def engagement_detail(*, engagement_id: int) -> Engagement:
    return (
        Engagement.objects.select_related("location_country")
        .prefetch_related(
            "countries",
            "topics",
            Prefetch("participations", queryset=Participation.objects.select_related("official", "country")),
            Prefetch("evidence", queryset=Evidence.objects.select_related("article").order_by("article_id", "start")),
        )
        .get(pk=engagement_id)
    )


@dataclass
class SourceCard:
    """One source article of an engagement: passages of its text, each a list of (text, is evidence) pieces."""

    article: Model  # ingest's Article, reached through Evidence's foreign key
    passages: list[list[tuple[str, bool]]]


def evidence_sources(*, engagement: Engagement, context: int = 280) -> list[SourceCard]:
    """The engagement's source articles, each once, with its evidence sentences marked in the text around
    them; nearby sentences share one passage."""
    by_article: dict[int, tuple[Model, list[Evidence]]] = {}
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


def _officials_ranked(pairs: list[tuple[int, int]]) -> list[tuple[Official, int]]:
    found = Official.objects.select_related("country").in_bulk([pk for pk, _ in pairs])
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
        partners=[PartnerTrend(names[code], sum(years.values()), years) for code, years in ranked],
        topics=sorted(((topics[pk], n) for pk, n in topic_counts.items()), key=lambda t: (-t[1], t[0].label)),
        officials=_officials_ranked(aggregates.top_officials(code=country.code)),
        years=_year_span(*kind_years.values()),
    )


def engagements_of_pair(*, a: str, b: str) -> QuerySet[Engagement]:
    return engagement_filter(engagement_list(), countries=[a], partner=b)


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
        ((topics[pk], years, sum(years.values())) for pk, years in by_topic.items()), key=lambda t: (-t[2], t[0].label)
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


def agreements(queryset: QuerySet[Engagement], *, limit: int = 10) -> list[Engagement]:
    return list(queryset.filter(kind=Engagement.Kind.AGREEMENT)[:limit])


def network(*, topic: str | None, since: int | None, until: int | None, limit: int = 80):
    """(countries by code, [(a, b, engagements)]) for the heaviest pairs."""
    topic_id = Topic.objects.filter(slug=topic).values_list("pk", flat=True).first() if topic else None
    if topic and topic_id is None:
        return {}, []
    edges = aggregates.network_edges(topic_id=topic_id, year_from=since, year_to=until)[:limit]
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


def official_titles(*, official: Official) -> list[TitleHeld]:
    """Each title the official was reported with, and the first and last engagement dates it was reported."""
    rows = (
        Participation.objects.filter(official=official)
        .exclude(title="")
        .values("title")
        .annotate(first=Min("engagement__date"), last=Max("engagement__date"), times=Count("id"))
        .order_by(Coalesce("first", Value(datetime.date.max)), "title")
    )
    return [TitleHeld(**row) for row in rows]


def official_counterparts(*, official: Official, limit: int = 10) -> list[tuple[Official, int]]:
    """The officials met most often, busiest first."""
    rows = (
        Participation.objects.filter(
            engagement__participations__official=official,
        )
        .exclude(official=official)
        .exclude(engagement__status=Engagement.Status.REJECTED)
        .values("official")
        .annotate(n=Count("engagement", distinct=True))
        .order_by("-n", "official")[:limit]
    )
    return _officials_ranked([(row["official"], row["n"]) for row in rows])


# Search ---------------------------------------------------------------------------------------------------


@dataclass
class DomainMatches:
    """What a search finds in the domain: officials by any spelling, engagements by their summary."""

    officials: list[Official]
    engagements: list[Engagement]


def ids_by_bitmap(queryset: QuerySet, *, limit: int) -> list[int]:
    """Ids from a full-text match read through its GIN index. The planner prices to_tsvector() as cheap and
    would rather compute it for every row (120 ms on 1,500 articles) than read the index; here it cannot."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)")
        return list(queryset.values_list("pk", flat=True)[:limit])


def domain_search(*, query: str, limit: int = 20) -> DomainMatches:
    """Officials by any spelling (trigram) and engagements by summary (full text)."""
    found = officials_matching(name=query, limit=limit)
    by_id = Official.objects.select_related("country").prefetch_related("aliases").in_bulk(found)
    officials = [by_id[pk] for pk in found if pk in by_id]
    matching = RawSQL(SUMMARY_MATCH, [query], output_field=BooleanField())
    engagement_ids = ids_by_bitmap(
        Engagement.objects.exclude(status=Engagement.Status.REJECTED)
        .filter(matching)
        .order_by(F("date").desc(nulls_last=True), "-id"),
        limit=limit,
    )
    engagements = list(engagement_list().filter(pk__in=engagement_ids)) if engagement_ids else []
    return DomainMatches(officials, engagements)


def month_label(month: datetime.date | None) -> str:
    return month.strftime("%B %Y") if month else "Date unknown"


def with_month_headers(rows: list[Engagement], *, after: str | None) -> list[tuple[str | None, Engagement]]:
    """Pairs (month heading or None, engagement): a heading where the month changes, not repeated across pages."""
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
