"""Event frames, parties and topics for French, Spanish and Arabic articles.

A sentence with a trigger of its language (and no sign that the engagement is only planned) is
an event frame. Its parties are the states of the officials in it and the states it names as
actors (not those only named as observers or inside a quotation); a side the frame leaves
unnamed is the state the article is told from (its dateline) or the one it names most.
Frames of one type between the same states are one engagement.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ..cleaning import CleanText, clean_text
from ..countries import CountryMention
from ..dates import DateMention
from ..known import KnownOfficials
from ..matching import name_similarity
from ..models import Article, ArticleExtraction, Event, Evidence, Location, Official
from ..parties import keep_known
from ..text import Sentence, split_sentences
from ..topics import TOPIC_TERMS
from . import lexicon_for
from .ar import CLITIC
from .dating import ascii_digits, find_dates
from .lexicon import Lexicon
from .people import Person, arabic_people, latin_people
from .states import Venue, find_states, find_venues, strip_marks

if TYPE_CHECKING:
    from spacy.tokens import Doc

MAX_CHARS = 30_000
_QUOTE = re.compile(r"[\"“«][^\"”»]{0,300}[\"”»]")
_BARE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_DATELINE = re.compile(r"^\s*([^\n\-–—(]{2,40}?)\s*(?:[-–—]|\()")


@dataclass
class Prepared:
    article: Article
    lang: str
    clean: CleanText | None
    body: str
    origin: list[int] | None = None  # body offset -> clean offset, where Arabic vowel marks were dropped


@dataclass
class Frame:
    type: str
    countries: set[str]
    sentences: list[int]
    people: list[int] = field(default_factory=list)


def prepare(article: Article, lang: str) -> Prepared:
    text = article.text or ""
    if not text.strip():
        return Prepared(article, lang, None, "")
    clean = clean_text(text)
    body = ascii_digits(clean.text[:MAX_CHARS])
    origin = None
    if lang == "ar":
        kept = [i for i, ch in enumerate(body) if not re.match(r"[\u064b-\u065f\u0670\u0640]", ch)]
        if len(kept) != len(body):
            origin = kept
            body = strip_marks(body)
    return Prepared(article, lang, clean, body, origin)


def _to_original(prep: Prepared, start: int, end: int) -> tuple[int, int]:
    if prep.origin is not None:
        start, end = prep.origin[start], prep.origin[max(end - 1, start)] + 1
    return prep.clean.to_original(start, end)  # type: ignore[union-attr]


def _quoted(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTE.finditer(text)]


def _dateline(body: str, venues: list[Venue]) -> Venue | None:
    m = _DATELINE.match(body)
    if not m:
        return None
    return next((v for v in venues if v.start >= m.start(1) and v.end <= m.end(1) + 1), None)


def _sentence_types(sent: Sentence, lex: Lexicon) -> list[str]:
    text = sent.text
    types = []
    if lex.call.search(text):
        types.append("call")
    elif lex.meeting.search(text):
        types.append("meeting")
    if lex.agreement.search(text) and lex.signed_object.search(text):
        types.append("agreement")
    if lex.exercise.search(text):
        types = [t for t in types if t != "meeting"] + ["exercise"]
    return types


def _planned(sent: Sentence, *, lex: Lexicon, dates: list[DateMention], published: date | None) -> bool:
    if lex.future.search(sent.text) and not lex.past.search(sent.text):
        return True
    inside = [d for d in dates if sent.start <= d.start < sent.end]
    if inside and all(d.future for d in inside):
        return True
    # Background: a year printed alone, before the year of publication, and no nearer date.
    years = [int(y) for y in _BARE_YEAR.findall(sent.text)]
    if years and not [d for d in inside if d.precision in ("day", "month")] and published:
        return all(y < published.year for y in years)
    return False


def _actors(
    sent: Sentence, *, states: list[CountryMention], lex: Lexicon, body: str, people: list[Person]
) -> list[str]:
    """States a sentence names as taking part: not inside quotes or names, not observers, not a capital's adjective."""
    quotes = [(s + sent.start, e + sent.start) for s, e in _quoted(sent.text)]
    quotes += [(p.start, p.end) for p in people if p.sentence == sent.index]
    out = []
    for c in states:
        if not sent.start <= c.start < sent.end or any(s <= c.start < e for s, e in quotes):
            continue
        if lex.observer.search(body[c.end : c.end + 40]):
            continue
        if c.kind == "adjective" and lex.capital.search(body[max(0, c.start - 20) : c.start]):
            continue
        out.append(c.code)
    return out


def _counts(states: list[CountryMention], body: str) -> Counter[str]:
    quotes = _quoted(body)
    return Counter(c.code for c in states if not any(s <= c.start < e for s, e in quotes))


def _only_back_reference(sent: Sentence, lex: Lexicon) -> bool:
    """The sentence's only meeting word points back at one already told ("The meeting came ...")."""
    if not lex.back_reference.search(sent.text) or lex.past.search(sent.text):
        return False
    rest = lex.back_reference.sub(" ", sent.text)
    return not (lex.meeting.search(rest) or lex.call.search(rest) or lex.agreement.search(rest))


def _separate(
    sent: Sentence,
    *,
    persons: list[int],
    people: list[Person],
    states: list[CountryMention],
    codes: set[str],
    types: list[str],
    lex: Lexicon,
) -> list[Frame]:
    """Talks held separately ("reçu successivement par X, puis par Y"; "met separately the envoys of A, B
    and C"): one engagement per counterpart. The state named first is the one that holds them all."""
    talks = [t for t in types if t in ("meeting", "call")]
    if not talks:
        return []
    mentioned = [(people[i].start, c) for i in persons if (c := people[i].country) in codes]
    mentioned += [(c.start, c.code) for c in states if sent.start <= c.start < sent.end and c.code in codes]
    order = list(dict.fromkeys(code for _, code in sorted(mentioned)))
    out: list[Frame] = []
    if len(order) >= 3:
        host = order[0]
        for other in order[1:]:
            side = [i for i in persons if people[i].country in (host, other)]
            out += [Frame(kind, {host, other}, [sent.index], side) for kind in talks]
    elif len(order) == 2 and lex.then.search(sent.text):
        for _ in range(len(lex.then.findall(sent.text)) + 1):
            out += [Frame(kind, set(order), [sent.index], list(persons)) for kind in talks]
    return out


def _frames(
    sentences: list[Sentence],
    *,
    people: list[Person],
    states: list[CountryMention],
    dates: list[DateMention],
    lex: Lexicon,
    body: str,
    published: date | None,
) -> list[Frame]:
    frames: list[Frame] = []
    for sent in sentences:
        types = _sentence_types(sent, lex)
        if not types or _planned(sent, lex=lex, dates=dates, published=published):
            continue
        persons = [i for i, p in enumerate(people) if p.sentence == sent.index]
        codes = {c for i in persons if (c := people[i].country) and not people[i].organisation}
        codes |= set(_actors(sent, states=states, lex=lex, body=body, people=people))
        if len(codes) < 2 and any(people[i].organisation for i in persons):
            continue  # talks with an international body's official, not between states
        if _only_back_reference(sent, lex):
            persons = []
        if lex.separately.search(sent.text):
            split = _separate(sent, persons=persons, people=people, states=states, codes=codes, types=types, lex=lex)
            if split:
                frames += split
                continue
        for kind in types:
            same = [f for f in frames if f.type == kind and (f.countries & codes or not codes or not f.countries)]
            if same and (len(codes) < 2 or codes <= same[0].countries or same[0].countries <= codes):
                frame = same[0]
                frame.countries |= codes
                frame.sentences.append(sent.index)
                frame.people += [i for i in persons if i not in frame.people]
            else:
                frames.append(Frame(kind, set(codes), [sent.index], list(persons)))
    return frames


def _complete(
    frames: list[Frame],
    *,
    people: list[Person],
    candidates: list[str],
    headline: list[str],
    venues_of: Callable[[Frame], list[str]],
) -> list[Frame]:
    """Give each frame its two sides; a frame with no state at all takes the article's pair. A missing
    side is the state of the frame's venue ("received in Rabat his Nigerien counterpart"), else the one
    the article is told from or names most."""
    pair = next((f.countries for f in frames if len(f.countries) >= 2), None)
    if pair is None and len(set(headline)) >= 2:
        pair = set(headline[:2])
    for f in frames:
        if not f.countries and pair:
            f.countries = set(pair)
        elif len(f.countries) == 1:
            (known,) = f.countries
            if pair and known in pair:
                f.countries = set(pair)
            else:
                other = next((c for c in venues_of(f) + candidates if c != known), None)
                if other:
                    f.countries.add(other)
        # The one side still without an official of its own takes the official with no state.
        have = {people[i].country for i in f.people if people[i].country}
        missing = sorted(f.countries - have)
        unknown = [i for i in f.people if people[i].country is None and not people[i].organisation]
        if len(missing) == 1 and unknown:
            for i in unknown:
                people[i].country = missing[0]
    return [f for f in frames if len(f.countries) >= 2]


def _officials(
    frame: Frame,
    *,
    frames: list[Frame],
    people: list[Person],
    sentences: list[Sentence],
    lex: Lexicon,
    owned: set[int],
) -> list[int]:
    chosen = [i for i in frame.people if people[i].title or people[i].country]
    attending = {s.index for s in sentences if s.index in owned and lex.attending.search(s.text)}
    chosen += [i for i, p in enumerate(people) if p.sentence in attending and p.title]
    if frame.type == "exercise":
        chosen += [i for i, p in enumerate(people) if p.sentence in owned and p.title]
    if frame.type == "agreement" and not chosen:
        twin = next((f for f in frames if f.type == "meeting" and f.countries == frame.countries), None)
        if twin is not None:
            return _officials(twin, frames=frames, people=people, sentences=sentences, lex=lex, owned=owned)
    out: list[int] = []
    for i in chosen:
        p = people[i]
        if p.organisation or p.country not in frame.countries:
            continue
        if any(name_similarity(p.name, people[j].name) >= 0.8 for j in out):
            continue
        out.append(i)
    return out


def _topics(texts: list[str], lex: Lexicon, kind: str) -> set[str]:
    text = " ".join(texts).lower()
    lead = CLITIC if lex.code == "ar" else r"(?<![\w])"
    found: set[str] = set()
    for slug in lex.topics:
        terms = lex.topics[slug]
        if any(re.search(lead + re.escape(t.lower()), text) for t in terms):
            found.add(slug)
    if "civil-defence" in found:
        # "civil defence" / "الدفاع المدني" is not defence by itself.
        rest = text
        for t in lex.topics["civil-defence"]:
            rest = rest.replace(t.lower(), " ")
        if not any(re.search(lead + re.escape(t.lower()), rest) for t in lex.topics["defence"]):
            found.discard("defence")
    if kind == "exercise":
        found.add("training")
    return found & set(TOPIC_TERMS)


def _date(frame: Frame, *, sentences: list[Sentence], dates: list[DateMention], published: date | None) -> str | None:
    for i in sorted(frame.sentences):
        s = sentences[i]
        for d in dates:
            if s.start <= d.start < s.end and d.value and d.precision in ("day", "month") and not d.future:
                return d.value
    head_end = sentences[min(2, len(sentences) - 1)].end
    reported = [d for d in dates if d.start < head_end and d.value and d.precision == "day" and not d.future]
    if reported:
        return reported[0].value
    if frame.type == "exercise" and published:
        return f"{published.year:04d}-{published.month:02d}"
    return None


def _location(frame: Frame, *, sentences: list[Sentence], venues: list[Venue], dateline: Venue | None) -> Location:
    if frame.type == "call":
        return Location(None, None)
    for i in sorted(frame.sentences):
        s = sentences[i]
        venue = next((v for v in venues if s.start <= v.start < s.end and v is not dateline), None)
        if venue is not None:
            return Location(venue.city, venue.country)
    if dateline is not None and dateline.country in frame.countries:
        return Location(dateline.city, dateline.country)
    return Location(None, None)


def analyse(
    prep: Prepared, doc: Doc | None, known: KnownOfficials | None = None
) -> tuple[ArticleExtraction, list[Official]]:
    article, lang = prep.article, prep.lang
    empty = ArticleExtraction(article.id, False, lang, [])
    if prep.clean is None or not prep.body.strip():
        return empty, []
    lex = lexicon_for(lang)
    body = prep.body
    published = article.published
    sentences = split_sentences(body)
    if not sentences:
        return empty, []
    states = find_states(body, lang)
    dates = find_dates(body, published, lang)
    venues = find_venues(body, lang)
    if lang == "ar":
        people = arabic_people(body, sentences=sentences, states=states, lex=lex)
    else:
        assert doc is not None, "a French or Spanish article is parsed before it is read"
        people = latin_people(body, sentences=sentences, doc=doc, states=states, lex=lex)
    if known is not None:
        keep_known(people, known)
    headline_text = strip_marks(article.title or "")
    headline = [c.code for c in find_states(headline_text, lang)]
    headline += [v.country for v in find_venues(headline_text, lang)]
    dl = _dateline(body, venues)
    counts = _counts(states, body)
    candidates = ([dl.country] if dl else []) + headline + [code for code, _ in counts.most_common()]

    def venues_of(frame: Frame) -> list[str]:
        spans = [(sentences[i].start, sentences[i].end) for i in frame.sentences]
        return [v.country for v in venues if v is not dl and any(s <= v.start < e for s, e in spans)]

    frames = _frames(sentences, people=people, states=states, dates=dates, lex=lex, body=body, published=published)
    frames = _complete(frames, people=people, candidates=candidates, headline=headline, venues_of=venues_of)
    starts = sorted((min(f.sentences), k) for k, f in enumerate(frames))
    drafts: list[tuple[Frame, Event]] = []
    officials_out: list[Official] = []
    for frame in frames:
        first = min(frame.sentences)
        later = [s for s, _ in starts if s > first]
        owned = set(range(0 if first == starts[0][0] else first, later[0] if later else len(sentences)))
        owned |= set(frame.sentences)
        chosen = _officials(frame, frames=frames, people=people, sentences=sentences, lex=lex, owned=owned)
        texts = [sentences[i].text for i in sorted(owned)] + [article.title or ""]
        titles = [people[i].title or "" for i in chosen]
        if not lex.security.search(" ".join(texts + titles)):
            continue
        officials = []
        for i in chosen:
            p = people[i]
            s, e = _to_original(prep, p.start, p.end)
            key = p.known.key if p.known else None
            officials.append(Official(p.name, p.country, p.title, None, [Evidence(article.text[s:e], s, e)], key))
        evidence = []
        for i in sorted(frame.sentences):
            s, e = _to_original(prep, sentences[i].start, sentences[i].end)
            evidence.append(Evidence(article.text[s:e], s, e))
        drafts.append(
            (
                frame,
                Event(
                    type=frame.type,
                    date=_date(frame, sentences=sentences, dates=dates, published=published),
                    location=_location(frame, sentences=sentences, venues=venues, dateline=dl),
                    countries=sorted(frame.countries),
                    officials=officials,
                    topics=sorted(_topics(texts + titles, lex, frame.type)),
                    evidence=evidence,
                ),
            )
        )
    events = _share_twins(drafts)
    officials_out = [o for e in events for o in e.officials]
    return ArticleExtraction(article.id, bool(events), lang, events), officials_out


def _share_twins(drafts: list[tuple[Frame, Event]]) -> list[Event]:
    """A meeting and the signing at it (same states, same day) share principals, topics and venue."""
    events = [e for _, e in drafts]
    for e in events:
        if e.type != "meeting":
            continue
        for twin in events:
            if (
                twin.type != "agreement"
                or twin.countries != e.countries
                or (e.date and twin.date and e.date != twin.date)
            ):
                continue
            names = {o.name for o in e.officials}
            e.officials += [
                Official(o.name, o.country, o.title, None, list(o.evidence), o.known)
                for o in twin.officials
                if o.name not in names
            ]
            names = {o.name for o in twin.officials}
            twin.officials += [
                Official(o.name, o.country, o.title, None, list(o.evidence), o.known)
                for o in e.officials
                if o.name not in names
            ]
            topics = sorted(set(e.topics) | set(twin.topics))
            e.topics, twin.topics = topics, list(topics)
            venue = e.location if e.location.city else twin.location
            if venue.city or venue.country:
                e.location = twin.location = venue
    return events
