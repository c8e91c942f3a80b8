"""From an extraction to records: the engine's events become Engagement / Participation / Evidence rows.

This is where reports arrive in the domain. Officials named in an event are resolved against the known
ones and their aliases; an event that reports an engagement already on record joins it instead of
duplicating it (ingest/merging.py scores the candidates). ingest/services.py calls
extraction_records_write inside the transaction that finishes the article; the domain (meetings/)
knows nothing of this module.
"""

from __future__ import annotations

import datetime
import functools
import time
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from typing import Any, TypedDict

from django.contrib.postgres.aggregates import ArrayAgg
from django.db import connection, transaction
from django.db.models import Q

from ingest.extraction import Event, KnownOfficial, PersonCandidate, PersonMention, match_official
from ingest.extraction import Official as Mention
from ingest.extraction.known import KnownOfficials
from ingest.extraction.text import Sentence, covering, split_sentences
from ingest.merging import DAY_WINDOW, Candidate, Person, Report, kinds_compatible, reports_assign, script_of
from ingest.models import Article
from ingest.selectors import officials_known
from meetings.history import changes_message
from meetings.models import Country, Engagement, Evidence, Official, OfficialAlias
from meetings.names import alias_key, romanized_key
from meetings.review import engine_history_records
from meetings.selectors import (
    EVERY_OFFICIAL,
    OFFICIAL_CHANGES_KEPT,
    officials_changed_since,
    spellings_loosely_similar,
)
from meetings.services import official_alias_add, official_create, tallies_refresh_soon

ALIAS_CANDIDATE_LIMIT = 200
CANDIDATE_LIMIT = 200  # engagements scored per report: the same states, type and dates
SENTENCES_COMPARED = 20  # evidence sentences per candidate for the shared-sentence signal

DatePrecision = tuple[datetime.date | None, str]
Participant = tuple[Official, Country | None, Mention]


class RecordsOutcome(TypedDict):
    created: list[int]  # engagements only this article reports
    updated: list[int]  # engagements other articles report too
    engagements: list[int | None]  # per event, the engagement it was written to (None: left out)


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
    # Across scripts ("عبيد الله المعايطة" / "Obeidallah Al Maaytah"): the romanised skeletons agree
    # (alias_romanized_trgm index); the engine's matcher, which romanises too, judges them as any spelling.
    romanized = romanized_key(name)
    if romanized:
        similar |= Q(romanized=romanized) | Q(romanized__trigram_similar=romanized)
    names: dict[int, list[str]] = {}
    officials: dict[int, Official] = {}
    with spellings_loosely_similar():  # "Maaitah" is as close to "Maaytah" as the search page finds it
        aliases = list(
            OfficialAlias.objects.filter(similar, same_side).select_related("official")[:ALIAS_CANDIDATE_LIMIT]
        )
    for alias in aliases:
        officials[alias.official_id] = alias.official
        names.setdefault(alias.official_id, [alias.official.name]).append(alias.name)
    candidates = [
        PersonCandidate(key=str(pk), names=tuple(dict.fromkeys(names[pk])), country=o.country_id, title=o.title or None)
        for pk, o in officials.items()
    ]
    match = match_official(
        PersonMention(name=name, country=country.pk if country else None, title=title or None), candidates
    )
    if match is None:  # no spelling of theirs on this side (the first query), held under the states' locks
        return official_create(name=name, country=country, title=title)
    official = officials[int(match.candidate.key)]
    official_alias_add(official=official, name=name)
    return official


@dataclass
class _Known:
    """The officials on record as the engine indexes them, kept by a process for one database."""

    mark: int  # officials_changed_since's, from the last look
    looked: float  # time.monotonic() then
    index: KnownOfficials


_known_on_record: dict[str, _Known] = {}


def known_officials() -> KnownOfficials:
    """The officials on record in the engine's terms: a mention the engine recognises as one of them
    keeps their state and title and comes back with their key. Read whole once per process (6 s at
    200,000 officials), then brought up to date with those added, changed or removed since the last look
    (officials_changed_since, read first, so a change made meanwhile is read on the next call); whole
    again after a gap longer than half the time their changes are kept."""
    if connection.in_atomic_block:  # its own changes may yet be rolled back: not for the process to keep
        return _known_whole()
    database = connection.settings_dict["NAME"]
    kept = _known_on_record.get(database)
    now = time.monotonic()
    fresh = kept is not None and now - kept.looked < OFFICIAL_CHANGES_KEPT.total_seconds() / 2
    mark, changed = officials_changed_since(kept.mark if kept is not None and fresh else None)
    if kept is None or not fresh or EVERY_OFFICIAL in changed:
        kept = _known_on_record[database] = _Known(mark, now, _known_whole())
        return kept.index
    if changed:
        current = [_known_official(official) for official in officials_known().filter(pk__in=changed)]
        found = {official.key for official in current}
        kept.index.update(current, removed=[str(pk) for pk in changed if str(pk) not in found])
    kept.mark, kept.looked = mark, now
    return kept.index


def _known_whole() -> KnownOfficials:
    return KnownOfficials(map(_known_official, officials_known()))


def _known_official(official: Official) -> KnownOfficial:
    return KnownOfficial(
        name=official.name,
        state=official.country_id,
        titles=(official.title,) if official.title else (),
        aliases=tuple(name for name in official.spellings if name and name != official.name),  # type: ignore[attr-defined]
        key=str(official.pk),
    )


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


def _report(*, event: Event, article: Article, participants: list[Participant]) -> Report:
    date, precision = _date_of(event.date)
    location = event.location
    return Report(
        kind=event.type,
        countries=frozenset(event.countries),
        date=date,
        precision=precision,
        city=(location.city or "") if location else "",
        host=(location.country or "") if location else "",
        officials=frozenset(
            Person(official.pk, side.pk if side else "", script_of(mention.name))
            for official, side, mention in participants
        ),
        topics=frozenset(event.topics),
        sentences=tuple(article.text[e.start : e.end] for e in event.evidence if e.end > e.start),
        published=article.published,
    )


# Engagements the report could be, with what the merge compares: one query, written out (built by the ORM,
# its six array subqueries took 7 of its 11 ms per event to compose). {when} is the date clause.
ENGAGEMENT_CANDIDATES_SQL = """
SELECT e.id, e.kind, e.date, e.date_precision, e.city, e.location_country_id,
    ARRAY(SELECT c.country_id FROM meetings_engagement_countries c WHERE c.engagement_id = e.id ORDER BY c.country_id),
    ARRAY(SELECT p.official_id FROM meetings_participation p WHERE p.engagement_id = e.id ORDER BY p.id),
    ARRAY(SELECT p.country_id FROM meetings_participation p WHERE p.engagement_id = e.id ORDER BY p.id),
    ARRAY(
        SELECT o.name FROM meetings_participation p JOIN meetings_official o ON o.id = p.official_id
        WHERE p.engagement_id = e.id ORDER BY p.id
    ),
    ARRAY(
        SELECT t.slug FROM meetings_engagement_topics et JOIN meetings_topic t ON t.id = et.topic_id
        WHERE et.engagement_id = e.id ORDER BY et.topic_id
    ),
    ARRAY(SELECT v.sentence FROM meetings_evidence v WHERE v.engagement_id = e.id ORDER BY v.id LIMIT %(sentences)s)
FROM meetings_engagement e
WHERE e.kind = ANY(%(kinds)s) AND e.status <> %(rejected)s
    AND EXISTS (
        SELECT 1 FROM meetings_engagement_countries c WHERE c.engagement_id = e.id AND c.country_id = %(country)s
    )
    AND ({when})
ORDER BY e.id LIMIT %(limit)s
"""
SHARES_OFFICIAL = (
    "EXISTS (SELECT 1 FROM meetings_participation p WHERE p.engagement_id = e.id AND p.official_id = ANY(%(people)s))"
)


def engagement_candidates(*, report: Report, sources: Collection[int] = ()) -> list[Candidate]:
    """Engagements on record that the report could be (one query): the same states, a compatible type and
    a date that the score does not rule out; an undated side only with an official in common. ``sources``
    (the engagements of the article this one copies) are candidates whatever their date."""
    kinds = sorted({kind for kind in Engagement.Kind.values if kinds_compatible(kind, report.kind)})
    people = sorted({person.pk for person in report.officials})
    params: dict[str, Any] = {
        "kinds": kinds,
        "rejected": Engagement.Status.REJECTED.value,
        "country": min(report.countries),
        "people": people,
        "sources": sorted(sources),
        "sentences": SENTENCES_COMPARED,
        "limit": CANDIDATE_LIMIT,
    }
    when: list[str] = []
    if report.date is None:
        if people:
            when.append(SHARES_OFFICIAL)
    else:
        first = report.date.replace(day=1)
        last = (first + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
        if report.precision == Engagement.Precision.DAY:
            window = datetime.timedelta(days=DAY_WINDOW)
            params |= {"from": report.date - window, "to": report.date + window, "month": first}
            params["by_month"] = Engagement.Precision.MONTH.value
            when.append("e.date BETWEEN %(from)s AND %(to)s")
            when.append("(e.date = %(month)s AND e.date_precision = %(by_month)s)")
        else:
            params |= {"from": first, "to": last}
            when.append("e.date BETWEEN %(from)s AND %(to)s")
        if people:
            when.append(f"(e.date IS NULL AND {SHARES_OFFICIAL})")
    if sources:
        when.append("e.id = ANY(%(sources)s)")
    if not when:
        return []
    with connection.cursor() as cursor:
        cursor.execute(ENGAGEMENT_CANDIDATES_SQL.format(when=" OR ".join(when)), params)
        rows = cursor.fetchall()
    return [
        Candidate(
            pk=pk,
            kind=kind,
            countries=frozenset(codes),
            date=date,
            precision=precision,
            city=city,
            host=host or "",
            officials=frozenset(
                Person(official, side or "", script_of(name))
                for official, side, name in zip(officials, sides, names, strict=True)
            ),
            topics=frozenset(slugs),
            sentences=tuple(sentences),
        )
        for pk, kind, date, precision, city, host, codes, officials, sides, names, slugs, sentences in rows
        if frozenset(codes) == report.countries
    ]


@functools.cache
def _countries() -> dict[str, Country]:
    """Countries by ISO code: fixed reference data keyed by the code itself, read once per process."""
    return {c.code: c for c in Country.objects.all()}


def _lock_countries(codes: Iterable[str]) -> None:
    """Serialize writers touching the same states, so two reports of one meeting processed at once
    give one engagement and one spelling of a new official gives one person (held until commit)."""
    keys = [f"dyad-country:{code}" for code in sorted(set(codes))]
    if not keys:
        return
    with connection.cursor() as cursor:  # one round trip, taken in this order (the array's)
        cursor.execute("SELECT count(pg_advisory_xact_lock(hashtext(k))) FROM unnest(%s::text[]) AS k", [keys])


def _evidence(
    *, engagement: Engagement, article: Article, start: int, end: int, facts: Iterable[dict] = ()
) -> Evidence | None:
    text = article.text
    start, end = max(0, start), min(len(text), end)
    if end <= start:
        return None
    supported = [f for f in facts if start <= f["start"] and f["end"] <= end]
    return Evidence(
        engagement=engagement, article=article, start=start, end=end, sentence=text[start:end], facts=supported
    )


def _facts(*, event: Event, participants: list[Participant]) -> list[dict]:
    """Each value of the event with the words the engine read it from (offsets into the article text)."""
    said: list[dict] = []

    def add(fact: str, value: str | None, words, official: int | None = None) -> None:
        if value and words is not None and words.end > words.start:
            said.append(
                {
                    "fact": fact,
                    "value": value,
                    "official": official,
                    "start": words.start,
                    "end": words.end,
                    "words": words.text,
                }
            )

    add("date", event.date, event.date_evidence)
    add("place", event.location.city or event.location.country, event.location_evidence)
    for slug, words in event.topic_evidence.items():
        add("topic", slug, words)
    for official, _, person in participants:
        add("title", person.title, person.title_evidence, official.pk)
        add("state", person.country, person.country_evidence, official.pk)
    return said


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding text[start:end], cut as the engine cuts sentences, for facts the engine
    located by a name or a word only."""
    return covering(_sentences_of(text), start, end)


@functools.lru_cache(maxsize=8)
def _sentences_of(text: str) -> list[Sentence]:
    return split_sentences(text)


# No savepoint of its own: it runs inside the transaction that finishes the article, and any error
# rolls that whole transaction back.
@transaction.atomic(savepoint=False)
def extraction_records_write(
    *, article: Article, events: list[Event], syndicated_from: Article | None = None
) -> RecordsOutcome:
    """Write an article's events as engagements with participants and evidence, joining engagements
    already on record (ingest.merging scores them). Replaces whatever this article contributed before,
    so running it again on the same events leaves the same records. Returns {"created": [ids], "updated": [ids]}."""
    # This article's evidence and, read with it, that of the article it copies: its engagements are
    # candidates whatever their date, and its sentences found here become this article's evidence too.
    read = [article.pk, syndicated_from.pk] if syndicated_from else [article.pk]
    both = list(Evidence.objects.filter(article_id__in=read).select_related("engagement").order_by("start"))
    mine = [(e.engagement_id, e.start, e.end, e.chosen_by) for e in both if e.article_id == article.pk]
    copied = [e for e in both if e.article_id != article.pk]
    if not events and not mine and syndicated_from is None:
        return {"created": [], "updated": [], "engagements": []}  # nothing to write, nothing written before
    previous = {engagement_id for engagement_id, _, _, _ in mine}
    # Evidence a person chose stays, and the events it reports stay with the engagement it was put in.
    pinned = [(pk, start, end) for pk, start, end, by in mine if by == Evidence.ChosenBy.PERSON]
    if any(by == Evidence.ChosenBy.ENGINE for _, _, _, by in mine):
        Evidence.objects.filter(article=article, chosen_by=Evidence.ChosenBy.ENGINE).delete()
    countries = _countries() or {c.code: c for c in Country.objects.all()}
    known = {code: countries[code] for e in events for code in e.countries if code in countries}
    _lock_countries(known)
    people: dict[tuple[str, str | None], Official | None] = {}
    sources = {e.engagement_id for e in copied}
    recognised = {int(o.known) for e in events for o in e.officials if o.known and o.known.isdigit()}
    # With the spellings they have (one query), so a known spelling is not looked up again.
    with_spellings = Official.objects.annotate(spelling_keys=ArrayAgg("aliases__key", default=[]))
    on_record = with_spellings.in_bulk(sorted(recognised)) if recognised else {}
    kept: list[tuple[Event, list[Participant], Report]] = []
    written: list[int | None] = []  # per event: its place in ``kept``
    for event in events:
        codes = {code for code in event.countries if code in known}
        written.append(None)
        if len(codes) < 2 or event.type not in Engagement.Kind.values:
            continue
        event = replace(event, countries=sorted(codes))
        participants: list[Participant] = []
        for person in event.officials:
            side = known.get(person.country or "")
            cache_key = (person.person or alias_key(person.name), person.country)
            if cache_key not in people:
                mentioned = on_record.get(int(person.known)) if person.known and person.known.isdigit() else None
                spelled = mentioned is not None and alias_key(person.name) in getattr(mentioned, "spelling_keys", ())
                if mentioned is not None and len(person.name.split()) > 1 and not spelled:
                    official_alias_add(official=mentioned, name=person.name)  # a surname alone is no spelling
                people[cache_key] = mentioned or official_resolve(
                    name=person.name, country=side, title=person.title or ""
                )
            resolved = people[cache_key]
            if resolved is not None and all(resolved != other for other, _, _ in participants):
                participants.append((resolved, side, person))
        kept.append((event, participants, _report(event=event, article=article, participants=participants)))
        written[-1] = len(kept) - 1
    reports = [report for _, _, report in kept]
    held = [_pinned_to(event, pinned) for event, _, _ in kept]
    options = [
        [] if pk else [c for c in engagement_candidates(report=r, sources=sources) if c.pk not in held]
        for r, pk in zip(reports, held, strict=True)
    ]
    chosen = [pk or assigned for pk, assigned in zip(held, reports_assign(reports, options), strict=True)]
    # The engagements joined, read and locked at once (an editor's save waits, or goes first), in one order.
    matches = Engagement.objects.select_for_update().in_bulk(sorted({pk for pk in chosen if pk is not None}))
    touched: list[Engagement] = []
    evidence: list[Evidence | None] = []
    history: list[tuple[Engagement, str, bool]] = []
    tagged = []
    for (event, participants, report), pk in zip(kept, chosen, strict=True):
        engagement, notes = _engagement_update(matches.get(pk) if pk else None, event=event, report=report, known=known)
        if not engagement.is_locked("topics"):
            tagged += [(engagement.pk, slug) for slug in event.topics]
        if not engagement.is_locked("participants"):
            added = _participations_add(engagement=engagement, participants=participants)
            joined = [official.name for official, _, _ in participants if official.pk in added]
            if pk and joined:
                notes.append(f"Participants added: {', '.join(joined)}")
        if pk is None:
            notes.insert(0, f"Recorded from article #{article.pk}")
        elif engagement.pk not in previous:
            notes.insert(0, f"Source added: article #{article.pk}")
        if notes:
            history.append((engagement, "; ".join(notes), pk is None))
        spans = [(e.start, e.end) for e in event.evidence]
        for person in event.officials:  # a participant named outside the event's sentences
            for e in person.evidence:
                if not any(s <= e.start and e.end <= t for s, t in spans):
                    spans.append(_sentence_around(article.text, e.start, e.end))
        facts = _facts(event=event, participants=participants)
        for fact in facts:  # a fact read outside the event's sentences (a dateline, a headline topic)
            if not any(s <= fact["start"] and fact["end"] <= t for s, t in spans):
                spans.append(_sentence_around(article.text, fact["start"], fact["end"]))
        if not spans:
            spans.append(_sentence_around(article.text, 0, 0))
        evidence += [_evidence(engagement=engagement, article=article, start=s, end=e, facts=facts) for s, e in spans]
        touched.append(engagement)
    _topics_add(tagged)
    if history:
        engine_history_records(entries=history)
    if syndicated_from:
        evidence += _syndication_evidence(article=article, copied=copied, skip={e.pk for e in touched})
    Evidence.objects.bulk_create([e for e in evidence if e is not None], ignore_conflicts=True)
    if previous:  # engagements only this article reported, that it no longer reports, go (unless confirmed by hand)
        Engagement.objects.filter(
            pk__in=previous, status=Engagement.Status.EXTRACTED, locked=[], evidence__isnull=True
        ).delete()
    if evidence or previous:  # only a write the tallies count asks for their refresh
        tallies_refresh_soon()
    linked = {e.engagement_id for e in evidence if e is not None}
    # Engagements made here have no other article's evidence yet: only the others are looked up.
    older = linked - {engagement.pk for engagement, pk in zip(touched, chosen, strict=True) if pk is None}
    others = Evidence.objects.filter(engagement_id__in=older).exclude(article=article)
    shared = set(others.values_list("engagement_id", flat=True)) if older else set()
    return {
        "created": sorted(linked - shared),
        "updated": sorted(linked & shared),
        "engagements": [None if at is None else touched[at].pk for at in written],
    }


# Each (engagement, topic slug) tagged, by slug: a slug no topic has is left out, a tag already there stays.
TOPICS_ADD_SQL = """
INSERT INTO meetings_engagement_topics (engagement_id, topic_id)
SELECT tagged.engagement, t.id FROM unnest(%s::bigint[], %s::text[]) AS tagged (engagement, slug)
JOIN meetings_topic t ON t.slug = tagged.slug
ON CONFLICT DO NOTHING
"""


def _topics_add(tagged: list[tuple[int, str]]) -> None:
    if tagged:
        with connection.cursor() as cursor:
            cursor.execute(TOPICS_ADD_SQL, [[e for e, _ in tagged], [slug for _, slug in tagged]])


# Those already taking part (from an earlier report) are left as they are; the new ones come back.
PARTICIPATIONS_ADD_SQL = """
INSERT INTO meetings_participation (engagement_id, official_id, country_id, title)
SELECT %(engagement)s, p.official, p.country, p.title
FROM unnest(%(officials)s::bigint[], %(countries)s::text[], %(titles)s::text[]) AS p (official, country, title)
ON CONFLICT (engagement_id, official_id) DO NOTHING
RETURNING official_id
"""


def _participations_add(*, engagement: Engagement, participants: list[Participant]) -> set[int]:
    """The participants' Participation rows in the engagement (one statement); the officials newly added."""
    if not participants:
        return set()
    params: dict[str, Any] = {
        "engagement": engagement.pk,
        "officials": [official.pk for official, _, _ in participants],
        "countries": [side.pk if side else None for _, side, _ in participants],
        "titles": [person.title or "" for _, _, person in participants],
    }
    with connection.cursor() as cursor:
        cursor.execute(PARTICIPATIONS_ADD_SQL, params)
        return {official for (official,) in cursor.fetchall()}


def _pinned_to(event: Event, pinned: list[tuple[int, int, int]]) -> int | None:
    """The engagement a person put this event's sentences in (their evidence overlaps the event's), if any."""
    for engagement_id, start, end in pinned:
        if any(e.start < end and start < e.end for e in event.evidence):
            return engagement_id
    return None


def _engagement_update(
    match: Engagement | None, *, event: Event, report: Report, known: dict[str, Country]
) -> tuple[Engagement, list[str]]:
    """The matched engagement refined by this report (a day where only the month was known, a place) in the
    fields no person has set, or a new engagement; and what changed, for the history."""
    where = (known.get(report.host) or _countries().get(report.host)) if report.host else None
    if where is None and report.host:  # a state added since this process read them
        where = Country.objects.filter(code=report.host).first()
    if match is None:
        engagement = Engagement.objects.create(
            kind=event.type,
            date=report.date,
            date_precision=report.precision,
            city=report.city,
            location_country=where,
            confidence=event.confidence,
        )
        # New: no state of its own yet to compare with (one INSERT).
        Engagement.countries.through.objects.bulk_create(
            [Engagement.countries.through(engagement=engagement, country=known[code]) for code in event.countries]
        )
        return engagement, []
    if match.location_country_id in _countries():  # the states read once: no query for the history's "before"
        match.location_country = _countries()[match.location_country_id]
    before = [
        ("Date", match.date_label, None),
        ("City", match.city, None),
        ("Host state", match.location_country, None),
    ]
    changed = []
    if not match.is_locked("date") and _more_precise(report.precision, than=match.date_precision):
        match.date, match.date_precision = report.date, report.precision
        changed += ["date", "date_precision"]
    if not match.is_locked("place") and report.city and not match.city:
        match.city = report.city
        changed.append("city")
    if not match.is_locked("place") and where and not match.location_country_id:
        match.location_country = where
        changed.append("location_country")
    if event.confidence is not None and (match.confidence is None or event.confidence > match.confidence):
        match.confidence = event.confidence  # another report that reads it more surely
        changed.append("confidence")
    if changed:
        match.version += 1
        match.save(update_fields=[*changed, "version", "updated"])
    after = [match.date_label, match.city, match.location_country]
    message = changes_message((label, old, new) for (label, old, _), new in zip(before, after, strict=True))
    return match, [message] if message else []


def _more_precise(precision: str, *, than: str) -> bool:
    order = [Engagement.Precision.UNKNOWN, Engagement.Precision.MONTH, Engagement.Precision.DAY]
    return order.index(Engagement.Precision(precision)) > order.index(Engagement.Precision(than))


def _syndication_evidence(*, article: Article, copied: list[Evidence], skip: set[int]) -> list[Evidence | None]:
    """Another outlet's copy: the source's engagements (``copied``, its evidence by position) gain this
    article wherever its sentences recur."""
    found = []
    for evidence in copied:
        if evidence.engagement_id in skip:
            continue
        at = article.text.find(evidence.sentence)
        if at >= 0:
            found.append(
                _evidence(engagement=evidence.engagement, article=article, start=at, end=at + len(evidence.sentence))
            )
    return found
