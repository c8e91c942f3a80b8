"""The engine end to end: article in, engagements out."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING

from .cleaning import CleanText, clean_text
from .confidence import event_confidence
from .countries import CountryMention, find_countries
from .dates import DateMention, dates_agree, find_dates
from .events import (
    ALSO_PRESENT,
    Draft,
    build_events,
    event_topics,
    is_security,
)
from .known import KnownOfficials
from .language import detect_language
from .languages import extract_other, other_language
from .models import Article, ArticleExtraction, Event, Evidence, KnownOfficial, Location, Official
from .nlp_model import get_nlp
from .parties import (
    complement_counterparts,
    facing_counterparts,
    headline_states,
    host_country,
    inherit_listed_states,
    keep_known,
    nominal_states,
    remaining_side,
    state_lists,
)
from .people import (
    PersonMention,
    appositive_names,
    assign_titles,
    complement_names,
    find_people,
    link_mentions,
)
from .people_registry import PersonRegistry
from .places import Place, dateline, places_in
from .text import Sentence, split_sentences
from .triage import article_may_report, focus

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Engagements are reported at the top of an article; beyond this the text is not read, which
# keeps time linear and bounded for pathological inputs (a 1 MB page dump).
MAX_CHARS = 30_000
_AMBASSADOR_TO = re.compile(r"\b(?:Ambassador|Envoy)\s+(?:to|in)\s+(?:the\s+)?([A-Z][\w ]+)")


@dataclass
class _Prepared:
    article: Article
    language: str
    clean: CleanText | None
    body: str


def _prepare(article: Article) -> _Prepared:
    text = article.text or ""
    language = detect_language(text, article.language)
    if language != "en" or not text.strip():
        return _Prepared(article, language, None, "")
    clean = clean_text(text)
    return _Prepared(article, language, clean, clean.text[:MAX_CHARS])


def _sentences(doc: Doc, body: str) -> list[Sentence]:
    out = split_sentences(body, [(sent.start_char, sent.end_char) for sent in doc.sents])
    for sent in out:
        sent.span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
    return out


@dataclass
class _Read:
    """What the mention and people stages read from one article's body."""

    sentences: list[Sentence]
    countries: list[CountryMention]
    dates: list[DateMention]
    places: list[Place]
    dateline: Place | None
    people: list[PersonMention]


def _read(prep: _Prepared, doc: Doc, known: KnownOfficials) -> _Read | None:
    """Sentences, then the states, dates and places they mention, then the people and their titles
    and states (people.py, then parties.py for the states a person's own phrase leaves implicit)."""
    article, body = prep.article, prep.body
    sentences = _sentences(doc, body)
    if not sentences:
        return None
    spans = [(s.start, s.end) for s in sentences]
    countries = find_countries(body)
    places = places_in(body, [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")])
    person_spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"] + known.spans(body)
    person_spans += appositive_names(doc) + complement_names(body)
    people = find_people(body, sentences=spans, person_spans=person_spans, countries=countries)
    assign_titles(body, sentences=spans, mentions=people, countries=countries)
    keep_known([p for p in people if not p.reporter], known)
    headline = article.title or ""
    lists = state_lists(headline, find_countries(headline)) + state_lists(body, countries)
    facing_counterparts(people, lists=lists)
    inherit_listed_states(body, sentences=sentences, people=people, countries=countries)
    link_mentions(people)
    nominal_states(body, sentences=sentences, people=people, countries=countries)
    headline_states(headline, people=people)
    return _Read(sentences, countries, find_dates(body, article.published), places, dateline(body), people)


def _report_day(drafts: list[Draft], *, read: _Read, published: datetime.date | None) -> str | None:
    """The date of the article's first engagement; when the text gives it none, the day the report
    tells it on (SCHEMA conventions), else the publication day when the text names no date at all."""
    if not drafts:
        return None
    if drafts[0].date is not None and drafts[0].date.value:
        return drafts[0].date.value
    sentences, dates = read.sentences, read.dates
    head_end = sentences[min(2, len(sentences) - 1)].end
    reported = [d for d in dates if d.start < head_end and d.value and d.precision == "day" and not d.future]
    if reported:
        # A trip's span of days ("visited on 22-23 June") tells only the month of talks told without a date.
        day = reported[0]
        if day.span and drafts[0].type != "exercise":
            day = replace(day, value=(day.value or "")[:7], precision="month", span=False)
        if drafts[0].date is None:
            drafts[0].date = day
        return day.value
    if published is not None and not any(d.value and not d.future and d.precision != "year" for d in dates):
        return published.isoformat()  # no date in the text at all: the report is of its own day
    return None


def _analyse(
    prep: _Prepared, doc: Doc | None, known: KnownOfficials
) -> tuple[ArticleExtraction, list[tuple[Official, PersonMention]]]:
    article = prep.article
    empty = ArticleExtraction(article.id, False, prep.language, [])
    if prep.clean is None or doc is None:
        return empty, []
    body = prep.body
    read = _read(prep, doc, known)
    if read is None:
        return empty, []
    sentences, people = read.sentences, read.people
    drafts = build_events(
        text=body,
        title_text=article.title or "",
        sentences=sentences,
        people=people,
        countries=read.countries,
        dates=read.dates,
        places=read.places,
        dateline=read.dateline,
    )
    for draft in drafts:
        for i in draft.sentences:
            persons = [k for k, p in enumerate(people) if p.sentence == i]
            complement_counterparts(
                sentences[i].text,
                countries=draft.countries,
                persons=persons,
                people=people,
                root=lambda k: _root(people, k),
            )
    topics = event_topics(
        sentences,
        drafts,
        title=article.title or "",
        masked=_mask_people(body, people, [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "ORG"]),
    )
    _share_principals(drafts, people)
    main_date = _report_day(drafts, read=read, published=article.published)
    owned = _owned_sentences(sentences, drafts)
    located: dict[tuple[frozenset[str], str | None], Location] = {}
    events: list[Event] = []
    pairs: list[tuple[Official, PersonMention]] = []
    for k, draft in enumerate(drafts):
        officials = _officials(
            draft=draft,
            drafts=drafts,
            people=people,
            sentences=sentences,
            prep=prep,
            owned=owned.get(k, []),
            countries=read.countries,
        )
        event = _event(
            k,
            draft,
            drafts=drafts,
            read=read,
            prep=prep,
            officials=officials,
            main_date=main_date,
            topics=topics[k],
            located=located,
        )
        if event is not None:
            events.append(event)
            pairs.extend(officials)
    return ArticleExtraction(article.id, bool(events), prep.language, events), pairs


def _event(
    k: int,
    draft: Draft,
    *,
    drafts: list[Draft],
    read: _Read,
    prep: _Prepared,
    officials: list[tuple[Official, PersonMention]],
    main_date: str | None,
    topics: dict[str, tuple[int, int] | None],
    located: dict[tuple[frozenset[str], str | None], Location],
) -> Event | None:
    """The engagement record of one draft, with the evidence for each fact; None when it is not about
    security. `located` carries the place of engagements already recorded, by states and date."""
    article, sentences, people = prep.article, read.sentences, read.people
    texts = [sentences[i].text for i in draft.sentences]
    # The posts of those at the table say the talks are about security; a signing's borrowed
    # officials say nothing of what the pact covers.
    signers = draft.type != "agreement" or any(not people[p].reporter for p in draft.people)
    titles = [o.title or "" for o, _ in officials] if signers else []
    # The headline speaks for the lead sentence's engagements (the talks and the pact signed at them).
    lead = draft.sentences[0] == drafts[0].sentences[0]
    if not is_security(texts + titles + ([article.title or ""] if lead else [])):
        return None
    published = article.published
    date = draft.date.value if draft.date else None
    said = draft.date  # the words the date is read from
    if date is None:
        said = None
        if draft.type == "exercise" and published:
            date = f"{published.year:04d}-{published.month:02d}"
        elif k == 0 or drafts[0].countries & draft.countries:
            date = main_date
            said = drafts[0].date
    same_day = k == 0 or date is None or date == main_date
    location = _location(
        draft=draft,
        drafts=drafts,
        k=0 if same_day else k,
        people=people,
        sentences=sentences,
        dl=read.dateline,
        officials=officials,
        places=read.places,
    )
    key = (frozenset(draft.countries), date)
    if location == Location() and key in located:
        location = located[key]
    elif location != Location():
        located.setdefault(key, location)
    where = _place_words(location, draft=draft, places=read.places, dl=read.dateline)
    return Event(
        type=draft.type,
        date=date,
        location=location,
        countries=sorted(draft.countries),
        officials=[o for o, _ in officials],
        topics=sorted(topics),
        evidence=[_words(prep, sentences[i].start, sentences[i].end) for i in sorted(draft.sentences)],
        date_evidence=_words(prep, said.start, said.end) if said and said.value and date else None,
        location_evidence=_words(prep, where.start, where.end) if where else None,
        topic_evidence={slug: _words(prep, *span) for slug, span in sorted(topics.items()) if span},
    )


def _words(prep: _Prepared, start: int, end: int) -> Evidence:
    """The article's own words at body offsets start..end (offsets into the original text)."""
    assert prep.clean is not None
    s, e = prep.clean.to_original(start, end)
    return Evidence(prep.article.text[s:e], s, e)


def _place_words(location: Location, *, draft: Draft, places: list[Place], dl: Place | None) -> Place | None:
    """Where the text names the event's place: the engagement's own place, else the first naming of
    that city (or, with no city, of that state), the dateline last."""
    if location == Location():
        return None
    wanted = [draft.place] if draft.place else []
    wanted += [p for p in places if location.city and p.city == location.city and p.country == location.country]
    wanted += [dl] if dl is not None else []
    wanted += [p for p in places if not location.city and p.country == location.country]
    return next(
        (p for p in wanted if p is not None and p.city == location.city and p.country == location.country), None
    )


# A post named without its holder ("the defence minister", "Defence Ministers' Meeting"): its field
# word names the post, not a topic of the talks.
_NOMINAL_POST_FIELD = re.compile(
    r"\b(?:defen[cs]e|interior|home|police|army|military|security)(?=\s+(?:ministers?|ministry|ministries|"
    r"secretar(?:y|ies)|chiefs?|officials|attach[ée]s?)\b)",
    re.I,
)


def _mask_people(body: str, people: list[PersonMention], orgs: list[tuple[int, int]]) -> str:
    """The body with people's names and titles, organisations' names and the field words of posts
    named without a holder blanked: what is left can name a topic."""
    chars = list(body)
    for s, e in orgs + [m.span() for m in _NOMINAL_POST_FIELD.finditer(body)]:
        chars[s:e] = " " * (e - s)
    for p in people:
        for s, e in [(p.start, p.end)] + ([p.title_span] if p.title_span else []):
            chars[s:e] = " " * (e - s)
    return "".join(chars)


def _root(people: list[PersonMention], i: int) -> int:
    while people[i].canonical is not None:
        i = people[i].canonical  # type: ignore[assignment]
    return i


def _share_principals(drafts: list[Draft], people: list[PersonMention]) -> None:
    """A meeting and the signing at it, or talks split by counterpart, share their principals."""
    for d in drafts:
        if d.type == "agreement":
            continue
        twins = [o for o in drafts if o is not d and o.type == "agreement" and o.countries == d.countries]
        for twin in twins:
            if not dates_agree(d.date, twin.date):
                continue
            for p in twin.people:
                if p not in d.people:
                    d.people.append(p)
    principal: dict[str, int] = {}
    for d in drafts:
        for p in d.people:
            root = _root(people, p)
            code = people[root].country
            if code and people[root].title and not people[root].reporter:
                principal.setdefault(code, root)
    first = drafts[0] if drafts else None
    for d in drafts:
        if d.type == "agreement" or first is None or not dates_agree(d.date, first.date):
            continue
        have = {people[_root(people, p)].country for p in d.people}
        for code in sorted(d.countries - have):  # sorted: the same order in every process
            if code in principal and len(d.countries) == 2:
                d.people.append(principal[code])


def _owned_sentences(sentences: list[Sentence], drafts: list[Draft]) -> dict[int, list[int]]:
    """Sentences that tell the story of each engagement: from its first evidence to the next one's."""
    starts = sorted((d.sentences[0], k) for k, d in enumerate(drafts))
    owned: dict[int, list[int]] = {}
    for n, (first, k) in enumerate(starts):
        # Drafts read from the same sentence (the talks and the signing at them) share their story.
        stop = next((s for s, _ in starts[n + 1 :] if s > first), len(sentences))
        begin = 0 if n == 0 else first
        owned[k] = list(range(begin, max(stop, first + 1)))
    return owned


def _officials(
    *,
    draft: Draft,
    drafts: list[Draft],
    people: list[PersonMention],
    sentences: list[Sentence],
    prep: _Prepared,
    owned: list[int],
    countries: list[CountryMention],
) -> list[tuple[Official, PersonMention]]:
    roots: list[int] = []
    # A signing and the talks it was signed at (the same states, agreeing dates) share who was present.
    kinds = ("meeting", "call") if draft.type == "agreement" else ("agreement",)
    twins = [
        d
        for d in drafts
        if d.type in kinds and d.countries == draft.countries and dates_agree(d.date, draft.date) and d is not draft
    ]
    # Named with a title elsewhere in the engagement's own sentences.
    storied = [i for i, p in enumerate(people) if p.sentence in owned and p.canonical is None and p.title]
    if draft.type == "agreement":
        in_sentence = [p for p in draft.people if not people[p].reporter]
        # Nobody named at the signing: the officials of the talks it was signed at (SCHEMA.md).
        roots = in_sentence or (list(twins[0].people) + storied if twins else [])
    else:
        roots = list(draft.people) + storied
    for told in [draft, *twins[:1]]:
        roots += _also_present(told, people=people, sentences=sentences)
    seen: set[int] = set()
    chosen: list[int] = []
    for r in roots:
        r = _root(people, r)
        if r in seen or people[r].reporter or people[r].absent or r in draft.excluded:
            continue
        chain = [people[r]] + [p for p in people if p.canonical == r]
        if " " not in people[r].name and not any(m.title for m in chain):
            continue  # a lone word never given a post is no official the text introduces ("on Twitter")
        seen.add(r)
        chosen.append(r)
    remaining_side([people[r] for r in chosen], countries=draft.countries)
    out: list[tuple[Official, PersonMention]] = []
    for r in chosen:
        pm = people[r]
        if pm.country not in draft.countries:
            continue
        mentions = [pm] + [p for p in people if p.canonical == r]
        evidence = [_words(prep, m.start, m.end) for m in mentions[:3]]
        official = Official(pm.name, pm.country, pm.title, None, evidence, pm.known.key if pm.known else None)
        titled = next((m.title_span for m in mentions if m.title_span and m.title == pm.title), None)
        if pm.title and titled:
            official.title_evidence = _words(prep, *titled)
        state = _state_words(mentions, countries=countries, code=pm.country, sentences=sentences)
        if state is not None:
            official.country_evidence = _words(prep, state.start, state.end)
        out.append((official, pm))
    return out


def _also_present(draft: Draft, *, people: list[PersonMention], sentences: list[Sentence]) -> list[int]:
    """The people of an "Also present were ..." sentence right after the engagement's last sentence."""
    last = max(draft.sentences)
    present = [sent.index for sent in sentences[last + 1 : last + 3] if ALSO_PRESENT.search(sent.text)]
    return [_root(people, i) for i, p in enumerate(people) if p.sentence in present]


def _state_words(
    mentions: list[PersonMention], *, countries: list[CountryMention], code: str | None, sentences: list[Sentence]
) -> CountryMention | None:
    """The words naming the official's state: in one of their titles, else the nearest before a mention
    in its sentence; None when the state is known or inferred rather than printed beside them."""
    if code is None:
        return None
    for m in mentions:
        if m.title_span:
            s, e = m.title_span
            hit = next((c for c in countries if c.code == code and s <= c.start and c.end <= e), None)
            if hit is not None:
                return hit
    for m in mentions:
        sent = sentences[m.sentence]
        before = [c for c in countries if c.code == code and sent.start <= c.start and c.end <= m.start]
        if before:
            return before[-1]
    return None


def _location(
    *,
    draft: Draft,
    drafts: list[Draft],
    k: int,
    people: list[PersonMention],
    sentences: list[Sentence],
    dl: Place | None,
    officials: list[tuple[Official, PersonMention]],
    places: list[Place],
) -> Location:
    """Where the engagement took place; `k` is its rank in the article (0: the lead's, or the same day),
    `dl` the dateline."""
    remote = draft.type == "call" or (
        draft.type == "agreement"
        and any(d.type == "call" and d.countries == draft.countries and dates_agree(d.date, draft.date) for d in drafts)
    )
    if remote:
        return Location(None, None)  # a phone or video call has no single venue
    loc = _venue(draft=draft, k=k, people=people, sentences=sentences, dl=dl, officials=officials)
    if loc == Location() and k == 0 and dl is not None and dl.country:
        # Filed from a third state that the lead also names as the venue ("held talks in Tunis").
        lead_end = sentences[min(2, len(sentences) - 1)].end
        if any(p.country == dl.country and p.start < lead_end for p in places):
            return Location(dl.city, dl.country)
    if loc == Location() and k == 0:
        # No venue tied to the engagement's own sentences: the city the lead says it took place in.
        lead_end = sentences[min(1, len(sentences) - 1)].end
        lead = next((p for p in places if p.start < lead_end and p.city and p.country), None)
        if lead is not None:
            return Location(lead.city, lead.country)
    if loc.country and not loc.city:
        # The city the article names for that state: the dateline, else the first "in <city>".
        if dl is not None and dl.city and dl.country == loc.country:
            return Location(dl.city, loc.country)
        city = next((p.city for p in places if p.city and p.country == loc.country), None)
        return Location(city, loc.country)
    return loc


def _venue(
    *,
    draft: Draft,
    k: int,
    people: list[PersonMention],
    sentences: list[Sentence],
    dl: Place | None,
    officials: list[tuple[Official, PersonMention]],
) -> Location:
    if draft.place is not None:
        return Location(draft.place.city, draft.place.country)
    for i in draft.sentences:
        sent = sentences[i]
        persons = [j for j, p in enumerate(people) if p.sentence == i]
        host = host_country(sent, people=people, persons=persons)
        if host and host in draft.countries:
            return Location(None, host)
    for official, _ in officials:
        m = _AMBASSADOR_TO.search(official.title or "")
        if m:
            from .countries import country_code

            code = country_code(m.group(1).strip())
            if code:
                return Location(None, code)
    if k == 0 and dl is not None and (dl.country in draft.countries or dl.country is None):
        return Location(dl.city, dl.country)
    return Location(None, None)


def _run(
    articles: Iterable[Article], batch_size: int, known: KnownOfficials
) -> list[tuple[ArticleExtraction, list[tuple[Official, PersonMention]]]]:
    prepared = [_prepare(a) for a in articles]
    nlp = get_nlp()
    # Only articles that can report an engagement are parsed, and only their sentences that matter.
    todo = [
        p
        for p in prepared
        if p.clean is not None
        and article_may_report(
            body=p.body, title=p.article.title or "", lang="en", names_known=partial(known.spans, p.body)
        )
    ]
    docs = nlp.pipe((focus(p.body) for p in todo), batch_size=batch_size)
    by_id = {}
    for prep, doc in zip(todo, docs, strict=False):
        by_id[id(prep)] = doc
    return [_analyse(p, by_id.get(id(p)), known) for p in prepared]


def extract_batch(
    articles: Iterable[Article],
    *,
    batch_size: int = 64,
    registry: PersonRegistry | None = None,
    known: Iterable[KnownOfficial] | KnownOfficials = (),
) -> list[ArticleExtraction]:
    """Extract many articles with one pass of the model; one `person` id per real person across them.

    `known`: officials the caller already knows (or their index, which a caller may keep across
    batches); a mention recognised as one keeps their state and title where the article omits them,
    and carries their `key`."""
    registry = registry or PersonRegistry()
    index = known if isinstance(known, KnownOfficials) else KnownOfficials(known)
    articles = list(articles)
    # French, Spanish and Arabic go through their own lexicons behind the same stages.
    other = {i: lang for i, a in enumerate(articles) if (lang := other_language(a))}
    english = iter(_run([a for i, a in enumerate(articles) if i not in other], batch_size, index))
    foreign = iter(
        extract_other([articles[i] for i in other], list(other.values()), batch_size=batch_size, known=index)
    )
    results = []
    for i in range(len(articles)):
        if i in other:
            extraction, officials = next(foreign)
        else:
            extraction, pairs = next(english)
            officials = [official for official, _ in pairs]
        for official in officials:
            official.person = registry.resolve(
                official.name, official.country, official.title, known=index.by_key(official.known)
            )
        for event in extraction.events:
            event.confidence = event_confidence(event)
        results.append(extraction)
    return results


def extract(article: Article, *, known: Iterable[KnownOfficial] = ()) -> ArticleExtraction:
    return extract_batch([article], batch_size=1, known=known)[0]
