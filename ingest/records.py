"""From an extraction to records: the engine's events become Engagement / Participation / Evidence rows.

This is where reports arrive in the domain. Officials named in an event are resolved against the known
ones and their aliases; an event that reports an engagement already on record joins it instead of
duplicating it. ingest/services.py calls extraction_records_write inside the transaction that finishes
the article; the domain (meetings/) knows nothing of this module.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection, transaction
from django.db.models import OuterRef, Q

from ingest.extraction import Event, PersonCandidate, PersonMention, match_official
from ingest.models import Article
from meetings.models import Country, Engagement, Evidence, Official, OfficialAlias, Participation, Topic
from meetings.names import alias_key
from meetings.services import official_alias_add, official_get_or_create

ALIAS_CANDIDATE_LIMIT = 200

DatePrecision = tuple[datetime.date | None, str]


def official_resolve(*, name: str, country: Country | None, title: str = "") -> Official | None:
    """The known official this mention names (exact alias, else trigram candidates judged by the
    engine's matcher with country and title), with the new spelling kept as an alias; else a new official."""
    key = alias_key(name)
    if not key:
        return None
    same_side = Q(official__country=country) | Q(official__country__isnull=True) if country else Q()
    exact = OfficialAlias.objects.filter(same_side, key=key).select_related("official").order_by("official_id").first()
    if exact is not None:
        return exact.official
    # Candidates: aliases similar as a whole, or containing a word like one of the mention's words
    # ("Maaitah" finds "obaid abdulrabboh al maaytah"); both operators use the alias_key_trgm index.
    similar = Q(key__trigram_similar=key) | Q(key__trigram_word_similar=key)
    for token in key.split():
        if len(token) >= 4:
            similar |= Q(key__trigram_word_similar=token)
    names: dict[int, list[str]] = {}
    officials: dict[int, Official] = {}
    for alias in OfficialAlias.objects.filter(similar, same_side).select_related("official")[:ALIAS_CANDIDATE_LIMIT]:
        officials[alias.official_id] = alias.official
        names.setdefault(alias.official_id, [alias.official.name]).append(alias.name)
    candidates = [
        PersonCandidate(key=str(pk), names=tuple(dict.fromkeys(names[pk])), country=o.country_id, title=o.title or None)
        for pk, o in officials.items()
    ]
    match = match_official(
        PersonMention(name=name, country=country.pk if country else None, title=title or None), candidates
    )
    if match is None:
        return official_get_or_create(name=name, country=country, title=title)
    official = officials[int(match.candidate.key)]
    official_alias_add(official=official, name=name)
    return official


def _date_of(value: str | None) -> DatePrecision:
    """An engine date ("2024-01-15", "2024-01" or None) as (date, precision)."""
    if not value:
        return None, Engagement.Precision.UNKNOWN
    try:
        if len(value) == 7:
            return datetime.date.fromisoformat(value + "-01"), Engagement.Precision.MONTH
        return datetime.date.fromisoformat(value[:10]), Engagement.Precision.DAY
    except ValueError:
        return None, Engagement.Precision.UNKNOWN


def _dates_compatible(a: DatePrecision, b: DatePrecision) -> bool:
    (da, pa), (db, pb) = a, b
    if da is None or db is None:
        return da is None and db is None
    if pa == pb == Engagement.Precision.DAY:
        return abs((da - db).days) <= 1
    return (da.year, da.month) == (db.year, db.month)  # a month holds any day of it


def engagement_find_match(
    *,
    kind: str,
    date: datetime.date | None,
    precision: str,
    country_codes: set[str],
    official_ids: set[int],
    among: Iterable[int] | None = None,
) -> Engagement | None:
    """An existing engagement that is this one: same type and states, a compatible date and, when both
    name officials, at least one in common. ``among`` (a syndicated copy's engagements) drops the date test."""
    candidates = Engagement.objects.filter(kind=kind).exclude(status=Engagement.Status.REJECTED)
    if among is not None:
        candidates = candidates.filter(pk__in=list(among))
    elif date is None:
        candidates = candidates.filter(date__isnull=True)
    else:
        window_start = min(date - datetime.timedelta(days=1), date.replace(day=1))
        candidates = candidates.filter(date__gte=window_start, date__lte=date + datetime.timedelta(days=31))
    codes = Engagement.countries.through.objects.filter(engagement=OuterRef("pk")).values("country_id")
    people = Participation.objects.filter(engagement=OuterRef("pk")).values("official_id")
    candidates = candidates.filter(countries=sorted(country_codes)[0]).annotate(
        codes=ArraySubquery(codes), people=ArraySubquery(people)
    )
    best, best_key = None, None
    for engagement in candidates.order_by("id"):
        if set(engagement.codes) != country_codes:
            continue
        if among is None and not _dates_compatible((date, precision), (engagement.date, engagement.date_precision)):
            continue
        theirs = set(engagement.people)
        shared = len(theirs & official_ids)
        if theirs and official_ids and not shared:
            continue
        if date is None and among is None and not shared:
            continue  # undated reports join only through a named participant
        distance = abs((engagement.date - date).days) if date and engagement.date else 0
        key = (-shared, distance, engagement.pk)
        if best_key is None or key < best_key:
            best, best_key = engagement, key
    return best


@functools.cache
def _countries() -> dict[str, Country]:
    """Countries by ISO code: fixed reference data keyed by the code itself, read once per process."""
    return {c.code: c for c in Country.objects.all()}


def _lock_countries(codes: Iterable[str]) -> None:
    """Serialize writers touching the same states, so two reports of one meeting processed at once
    give one engagement and one spelling of a new official gives one person (held until commit)."""
    with connection.cursor() as cursor:
        for code in sorted(set(codes)):
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"dyad-country:{code}"])


def _evidence(*, engagement: Engagement, article: Article, start: int, end: int) -> Evidence | None:
    text = article.text
    start, end = max(0, start), min(len(text), end)
    if end <= start:
        return None
    return Evidence(engagement=engagement, article=article, start=start, end=end, sentence=text[start:end])


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) holding text[start:end], for facts the engine located by a name only."""
    left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(stops) + 1 if stops else len(text)
    return left, min(right, len(text))


@transaction.atomic
def extraction_records_write(
    *, article: Article, events: list[Event], syndicated_from: Article | None = None
) -> dict[str, list[int]]:
    """Write an article's events as engagements with participants and evidence, joining engagements
    already on record. Replaces whatever this article contributed before, so running it again on the
    same events leaves the same records. Returns {"created": [ids], "updated": [ids]}."""
    previous = set(Evidence.objects.filter(article=article).values_list("engagement_id", flat=True))
    Evidence.objects.filter(article=article).delete()
    countries = _countries() or {c.code: c for c in Country.objects.all()}
    known = {code: countries[code] for e in events for code in e.countries if code in countries}
    topics = {t.slug: t for t in Topic.objects.filter(slug__in={slug for e in events for slug in e.topics})}
    _lock_countries(known)
    people: dict[tuple[str, str | None], Official | None] = {}
    source_engagements = (
        set(Evidence.objects.filter(article=syndicated_from).values_list("engagement_id", flat=True))
        if syndicated_from
        else set()
    )
    touched: list[Engagement] = []
    evidence: list[Evidence | None] = []
    for event in events:
        codes = {code for code in event.countries if code in known}
        if len(codes) < 2 or event.type not in Engagement.Kind.values:
            continue
        participants = []
        for person in event.officials:
            side = known.get(person.country or "")
            cache_key = (person.person or alias_key(person.name), person.country)
            if cache_key not in people:
                people[cache_key] = official_resolve(name=person.name, country=side, title=person.title or "")
            resolved = people[cache_key]
            if resolved is not None:
                participants.append((resolved, side, person))
        date, precision = _date_of(event.date)
        official_ids = {official.pk for official, _, _ in participants}
        match = None
        if source_engagements:
            match = engagement_find_match(
                kind=event.type, date=date, precision=precision, country_codes=codes,
                official_ids=official_ids, among=source_engagements,
            )  # fmt: skip
        match = match or engagement_find_match(
            kind=event.type, date=date, precision=precision, country_codes=codes, official_ids=official_ids
        )
        engagement = _engagement_update(match, event=event, date=date, precision=precision, known=known)
        Engagement.topics.through.objects.bulk_create(
            [Engagement.topics.through(engagement=engagement, topic=topics[s]) for s in event.topics if s in topics],
            ignore_conflicts=True,
        )
        Participation.objects.bulk_create(
            [
                Participation(engagement=engagement, official=official, country=side, title=person.title or "")
                for official, side, person in participants
            ],
            ignore_conflicts=True,  # already taking part, from an earlier report
        )
        spans = [(e.start, e.end) for e in event.evidence]
        for person in event.officials:  # a participant named outside the event's sentences
            for e in person.evidence:
                if not any(s <= e.start and e.end <= t for s, t in spans):
                    spans.append(_sentence_around(article.text, e.start, e.end))
        if not spans:
            spans.append(_sentence_around(article.text, 0, 0))
        evidence += [_evidence(engagement=engagement, article=article, start=s, end=e) for s, e in spans]
        touched.append(engagement)
    if syndicated_from:
        evidence += _syndication_evidence(article=article, source=syndicated_from, skip={e.pk for e in touched})
    Evidence.objects.bulk_create([e for e in evidence if e is not None], ignore_conflicts=True)
    # Engagements only this article reported, that it no longer reports, go (unless confirmed by hand).
    Engagement.objects.filter(pk__in=previous, status=Engagement.Status.EXTRACTED, evidence__isnull=True).delete()
    linked = {e.engagement_id for e in evidence if e is not None}
    shared = set(
        Evidence.objects.filter(engagement_id__in=linked)
        .exclude(article=article)
        .values_list("engagement_id", flat=True)
    )
    return {"created": sorted(linked - shared), "updated": sorted(linked & shared)}


def _engagement_update(
    match: Engagement | None,
    *,
    event: Event,
    date: datetime.date | None,
    precision: str,
    known: dict[str, Country],
) -> Engagement:
    """The matched engagement refined by this report (a day where only the month was known, a place),
    or a new engagement."""
    location = event.location
    city = (location.city or "") if location else ""
    where = known.get(location.country or "") if location else None
    if where is None and location and location.country:
        where = Country.objects.filter(code=location.country).first()
    if match is None:
        engagement = Engagement.objects.create(
            kind=event.type, date=date, date_precision=precision, city=city, location_country=where
        )
        engagement.countries.set([known[code] for code in event.countries if code in known])
        return engagement
    changed = []
    if precision == Engagement.Precision.DAY and match.date_precision != Engagement.Precision.DAY:
        match.date, match.date_precision = date, precision
        changed += ["date", "date_precision"]
    if city and not match.city:
        match.city = city
        changed.append("city")
    if where and not match.location_country_id:
        match.location_country = where
        changed.append("location_country")
    if changed:
        match.save(update_fields=[*changed, "updated"])
    return match


def _syndication_evidence(*, article: Article, source: Article, skip: set[int]) -> list[Evidence | None]:
    """Another outlet's copy: the source's engagements gain this article wherever its sentences recur."""
    found = []
    for evidence in Evidence.objects.filter(article=source).exclude(engagement_id__in=skip).order_by("start"):
        at = article.text.find(evidence.sentence)
        if at >= 0:
            found.append(
                _evidence(engagement=evidence.engagement, article=article, start=at, end=at + len(evidence.sentence))
            )
    return found
