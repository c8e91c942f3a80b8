"""From sentences, people, places and dates to engagements between states."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .countries import CountryMention
from .dates import DateMention, dates_agree
from .frames import (
    counterpart_frames,
    dates_the_report,
    in_side_clause,
    later_counterpart,
    meeting_subjects,
    purpose_states,
    separate_meetings,
    split_by_counterpart,
    tied_to_trigger,
    trigger_mood,
)
from .parties import HOST_ACTIVE, Setting, completed_pair, implicit_states, sentence_parties
from .people import PersonMention
from .places import Place
from .text import Sentence
from .topics import topic_spans, topics_in

if TYPE_CHECKING:
    from spacy.tokens import Span

_CALL = re.compile(
    r"\b(tele?phone|phone call|phone (?:talks|conversation)|by phone|over the phone|"
    r"video ?call|video[- ]?conference|videoconference|"
    r"virtual(?:ly)?\s+(?:meeting|talks|conference|call|session)|meeting virtually|met virtually|"
    r"held virtually|online (?:talks|meeting))",
    re.I,
)
_MEETING = re.compile(
    r"\b(?i:talks|meeting|visit(?:ed|ing)?)\b|\b(met|meet with|meets|meeting|talks|talked|"
    r"held (?:an? )?(?:official )?(?:talks|discussions?|consultations)|received|receives|"
    r"hosted|hosts|welcomed|visit(?:ed|ing)?|discussed|discuss|convened|sat down with|conferred|"
    r"courtesy call|called on|calls on|audience (?:with|to|for)|an audience|in audience|spoke with|spoke to|"
    r"official discussion|"
    # A bilateral joint commission's session is talks between the two states' officials.
    r"(?:session|meeting) of the (?:[\w-]+ ){0,3}joint (?:commission|committee)|"
    r"joint (?:commission|committee) (?:session|meeting)|"
    r"reviewed|explored|went over|paid tribute|praised)\b",
)
_CANCELLED = re.compile(
    r"\b(had been due|was due|were due|was to have|called off|cancell?ed|postponed|was scheduled|were scheduled)\b",
    re.I,
)
_EARLIER = re.compile(
    r"^(?:Before that|Earlier(?! in the day| that day| today| on)|Previously|Prior to (?:that|this)|"
    r"Last (?:week|month|year)|In (?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December))\b"
)
_BACK_REFERENCE = re.compile(
    r"^(?:The|This|That|Their) (?:meeting|talks|visit|call|discussions?|session|conversation)\b|"
    r"\b(?:the two|both) (?:ministers|men|sides|officials|chiefs|leaders|secretaries|"
    r"defence ministers|delegations)\b",
    re.I,
)
_AGREEMENT = re.compile(
    r"\b(signed|signing|signs|inked|put their signatures|renewed the (?:memorandum|agreement|MoU)|"
    r"concluded an? (?:agreement|memorandum|accord)|exchanged (?:the )?(?:memorandums?|agreements?))\b",
    re.I,
)
_EXERCISE = re.compile(r"\b(exercises?|drills?|manoeuvres|maneuvers|war games|joint patrols?)\b", re.I)
_EXERCISE_CONTEXT = re.compile(
    r"\b(edition|opened|began|begins|concluded|concludes|closed|closing|opening|wrapped up|kicked off|"
    r"under way|underway|launched|took part|taking part|held|carried out|conducted|staged|completed|"
    r"got under way|started|ended|presided|participating)\b",
    re.I,
)
# An exercise reported as it ends: a headline about its end ("set to end this week"), a sentence
# saying it has ended ("wrapped up").
_CLOSING = re.compile(
    r"\b(?:wrap(?:s|ped)? up|wrapping up|conclud(?:e|es|ed|ing)|end(?:s|ed|ing)?|clos(?:e|es|ed|ing)|"
    r"finish(?:es|ed|ing)?|came to an end)\b",
    re.I,
)
_CLOSED = re.compile(r"\b(?:wrapped up|concluded|ended|closed|finished|came to an end)\b", re.I)
_SIGNED_OBJECT = re.compile(
    r"\b(agreements?|memorandum|memorandums|memoranda|mou|protocol|treaty|accord|pact|deal|"
    r"statement of intent|declaration|letter of intent|joint order|plan|cooperation plan|instruments?|"
    r"arrangement|contract|charter)\b",
    re.I,
)
_FUTURE = re.compile(
    r"\b(will|is to|are to|is due|are due|due to|plans? to|planned|scheduled|expected to|to be held|"
    r"upcoming|next week|next month|forthcoming|invited|intends? to|would|is set to|are set to|"
    r"agreed to sign|draft|proposed)\b",
    re.I,
)
_PAST = re.compile(
    r"\b(held|met|received|signed|discussed|took place|was|were|had|have|has|visited|hosted|welcomed|"
    r"reviewed|concluded|wrapped up|began|opened|closed)\b"
)
_STANDING_BODY = re.compile(
    r"\b(session of the(?! (?:[\w-]+ ){0,3}joint (?:commission|committee))|Council of|Ministers(?:'|’)? Council|"
    r"Interior Ministers Council|GCC|Gulf Cooperation Council|"
    r"Shanghai Cooperation Organi[sz]ation|\bSCO\b|\bCIS\b|Arab League|ASEAN|NATO summit|General Assembly|"
    r"Ministerial Meeting|Defence Ministers(?:'|’) Meeting|(?:UN|U\.N\.|United Nations) Security Council)\b"
)
_BILATERAL_CUE = re.compile(
    r"\b(sidelines|margins|on the margin|separate(?:ly)?|bilateral|met with|talks with|held talks|received)\b", re.I
)
# A state's own bodies meeting among themselves: its cabinet, parliament, a national council.
_DOMESTIC_BODY = re.compile(
    r"\b(cabinet|council of ministers|parliament|parliamentary|senate|national assembly|"
    r"(?:weekly|regular|extraordinary) (?:session|meeting)|national security council)\b",
    re.I,
)
_SECURITY = re.compile(
    r"\b(security|secur|defen[cs]e|military|police|policing|interior|army|armed forces|navy|naval|coast guards?|"
    r"terror|crime|criminal|border|drug|narcotic|intelligence|exercise|drill|troops|weapons|arms|"
    r"smuggl|trafficking|migration|counter|law enforcement|public security|national guard|gendarmerie|"
    r"chief of staff|general staff|civil defence|cyber)",
    re.I,
)
_ALSO_PRESENT = re.compile(
    r"\b(also present|present at|in attendance|attended|in the presence of|accompanied by|"
    r"also attended|were also present|attending were)\b",
    re.I,
)
_MINUTES = re.compile(r"\bminutes\b", re.I)
_HOST_PASSIVE = re.compile(r"\b(?:was|were) (?:received|hosted|welcomed)(?: [\w ]{0,30})? by\b")


@dataclass
class Draft:
    type: str
    countries: set[str]
    sentences: list[int]
    date: DateMention | None = None
    place: Place | None = None
    people: list[int] = field(default_factory=list)  # indices into the mention list (roots)
    weak: bool = False  # countries partly inferred from the article rather than the sentence
    excluded: set[int] = field(default_factory=set)  # other frames' counterparts, never this one's


def sentence_types(text: str, *, span: Span | None = None) -> list[str]:
    """Engagement kinds a sentence reports (past or present, not planned).

    With the sentence's parse (`span`), the mood comes from each trigger's own auxiliaries and
    governing verb ("will meet", "agreed to sign", "talks to be held"); without it, or when the parse
    shows no trigger, from the sentence's words."""
    if _CANCELLED.search(text):
        return []
    future = bool(_FUTURE.search(text)) and not _PAST.search(text)
    types = _candidate_types(text)
    if span is None:
        return [] if future else types
    kept = []
    for kind in types:
        mood = trigger_mood(span, kind=kind)
        if mood == "realis" or (mood is None and not future):
            kept.append(kind)
    return kept


def _candidate_types(text: str) -> list[str]:
    types: list[str] = []
    call = _CALL.search(text)
    if call:
        types.append("call")
    elif _MEETING.search(text):
        types.append("meeting")
    sign = _AGREEMENT.search(text)
    if sign and _SIGNED_OBJECT.search(text) and not _MINUTES.search(text[sign.start() : sign.start() + 60]):
        prefix = text[max(0, sign.start() - 40) : sign.start()]
        # "have signed a pact" reports one signing; "have signed several agreements" a record of them.
        perfect = re.search(r"\b(?:has|have)\s+(?:also\s+)?$", prefix)
        one = re.match(r"\s+(?:an?|the)\s", text[sign.end() : sign.end() + 5])
        if not re.search(r"\b(to|will|would|agreed to|ahead of|before|since)\s+(?:also\s+)?$", prefix) and (
            not perfect or one
        ):
            types.append("agreement")
    if (
        _EXERCISE.search(text)
        and _EXERCISE_CONTEXT.search(text)
        and not re.search(
            r"\bexercis(?:e|ed|ing) (?:of (?:power|authority|the right|its|their)|restraint|their|its|his|her)\b", text
        )
    ):
        types.append("exercise")
    return types


def _standing_body(sent: Sentence, *, people: list[PersonMention]) -> bool:
    """The sentence names a standing multilateral body as the forum; a body in an official's title is
    their post ("the Secretary of the Security Council of Belarus"), not where they met."""
    titles = [p.title_span for p in people if p.sentence == sent.index and p.title_span]
    for m in _STANDING_BODY.finditer(sent.text):
        at = sent.start + m.start()
        if not any(s <= at < e for s, e in titles):
            return True
    return False


def _best_date(dates: list[DateMention], sent: Sentence, *, last: bool = False) -> DateMention | None:
    inside = [
        d
        for d in dates
        if sent.start <= d.start < sent.end
        and not d.future
        and d.value is not None
        and not (sent.span is not None and in_side_clause(sent.span, d.start))
    ]
    if not inside:
        return None
    rank = {"day": 0, "month": 1, "year": 2}

    def report(d: DateMention) -> bool:
        return sent.span is not None and dates_the_report(sent.span, d.start)

    # The engagement's own date before the report's ("said on Tuesday that they met on Monday").
    return sorted(inside, key=lambda d: (report(d), rank[d.precision], d.relative, -d.start if last else d.start))[0]


def build_events(
    *,
    text: str,
    title_text: str,
    sentences: list[Sentence],
    people: list[PersonMention],
    countries: list[CountryMention],
    dates: list[DateMention],
    places: list[Place],
    dateline: Place | None,
) -> list[Draft]:
    """Engagement drafts, sentence by sentence: the kinds a sentence reports (`sentence_types`), its
    parties (parties.py), then a new draft or more evidence for the one under way; frames split last."""
    setting = Setting.read(text, title=title_text, people=people, countries=countries, dateline=dateline)
    root = setting.root
    title_codes = set(setting.title_order)

    def place_in(sent: Sentence) -> Place | None:
        here = [p for p in places if sent.start <= p.start < sent.end]
        # The place the trigger's own "in X"/"at X" names, before another clause's ("arrived from X").
        tied = [p for p in here if sent.span is not None and tied_to_trigger(sent.span, p.start)]
        return next(iter(tied + here), None)

    drafts: list[Draft] = []
    main: set[str] = set()
    domestic_session = False  # the article's meeting so far is a state's own cabinet or parliament
    hosts: list[int] = []  # who met the last counterpart: the antecedent of "He also met ..."
    for sent in sentences:
        types = sentence_types(sent.text, span=sent.span)
        if not drafts and _DOMESTIC_BODY.search(sent.text):
            domestic_session = True
        if not types or (_standing_body(sent, people=people) and not _BILATERAL_CUE.search(sent.text)):
            continue
        strong, weak, persons = sentence_parties(setting, sent)
        strong -= purpose_states(setting, sent, codes=strong)
        domestic = bool(_DOMESTIC_BODY.search(sent.text))
        strong = implicit_states(setting, sent, strong=strong, persons=persons, domestic=domestic)
        if domestic_session and not drafts and _BACK_REFERENCE.search(sent.text) and len(strong) < 2:
            continue  # "The meeting, held on Thursday, ...": still the cabinet session
        named = [root(i) for i in persons]
        date = _best_date(dates, sent)
        place = place_in(sent)
        earlier = bool(_EARLIER.search(sent.text))
        if drafts and not earlier and _BACK_REFERENCE.search(sent.text):
            types = _refer_back(drafts, types=types, index=sent.index, date=date, place=place, named=named)
            if not types:
                continue
        if date is not None and date.precision == "year" and not date.relative:
            continue  # an engagement known only by its year is not listed
        for etype in types:
            if etype == "exercise" and (_CLOSING.search(title_text) or _CLOSED.search(sent.text)):
                # An exercise reported at its close is dated by its close (SCHEMA): the span's last day.
                date = _best_date(dates, sent, last=True) or date
            codes, inferred = set(strong), False
            if len(codes) < 2 and not domestic:
                codes, inferred = completed_pair(setting, codes=codes, weak=weak, pool=main or title_codes)
            later = later_counterpart(setting, sent, persons=persons, hosts=hosts) if len(codes) < 2 else None
            if later is not None and etype in ("meeting", "call"):
                drafts.append(Draft(etype, later[0], [sent.index], date, place, later[1]))
                continue
            if len(codes) < 2:
                # A lone-country sentence adds evidence to the engagement already under way.
                target = next((d for d in reversed(drafts) if d.type == etype and strong <= d.countries), None)
                if target is not None and (date is None or target.date is None or date.value == target.date.value):
                    _merge(target, index=sent.index, date=date, place=place, persons=named)
                continue
            frames = separate_meetings(setting, sent, codes=codes, persons=persons)
            if not frames and etype in ("meeting", "call"):
                told = " ".join(s.text for s in sentences[sent.index : sent.index + 3])
                frames = counterpart_frames(setting, sent, persons=persons, told=told)
            if frames:
                drafts += [Draft(etype, pair, [sent.index], date, place, who) for pair, who in frames]
                continue
            target = None if earlier else _continued(drafts, kind=etype, codes=codes, date=date)
            if target is not None:
                _merge(target, index=sent.index, date=date, place=place, persons=named)
            else:
                main_date = drafts[0].date if drafts else None
                if earlier and date is None and main_date is not None and main_date.value:
                    date = DateMention(main_date.start, main_date.end, main_date.value[:7], "month")
                drafts.append(Draft(etype, codes, [sent.index], date, place, list(named), inferred))
            if not main and not inferred:
                main = set(codes)
        hosts = meeting_subjects(setting, sent, persons=persons) or hosts
    return split_by_counterpart(_fold_meetings_into_calls(drafts), sentences=sentences, people=people, root=root)


def _refer_back(
    drafts: list[Draft],
    *,
    types: list[str],
    index: int,
    date: DateMention | None,
    place: Place | None,
    named: list[int],
) -> list[str]:
    """ "The meeting ...", "the two ministers ...": evidence for the engagement already told; returns the
    kinds the sentence still reports beyond it."""
    target = next((d for d in reversed(drafts) if d.type in types), None)
    if target is None and "meeting" in types:
        target = next((d for d in drafts if d.type in ("meeting", "call")), None)
    if target is None or not dates_agree(date, target.date):
        return types  # "the two sides met in July": another engagement than the one told
    _merge(target, index=index, date=date if target.date is None else None, place=place, persons=named)
    return [t for t in types if t != target.type and not (t == "meeting" and target.type == "call")]


def _continued(drafts: list[Draft], *, kind: str, codes: set[str], date: DateMention | None) -> Draft | None:
    """The latest draft of the same kind, mostly the same states and an agreeing date."""
    for d in reversed(drafts):
        if d.type != kind:
            continue
        overlap = len(d.countries & codes) / len(d.countries | codes)
        if (overlap >= 0.5 or codes <= d.countries or d.countries <= codes) and dates_agree(date, d.date):
            return d
    return None


def _fold_meetings_into_calls(drafts: list[Draft]) -> list[Draft]:
    """Talks held by phone or video are one call, not a call and a meeting."""
    calls = [d for d in drafts if d.type == "call"]
    out: list[Draft] = []
    for d in drafts:
        if d.type == "meeting" and d.place is None:
            call = next((c for c in calls if c.countries == d.countries and dates_agree(c.date, d.date)), None)
            if call is not None:
                for i in d.sentences:
                    _merge(call, index=i, date=d.date if call.date is None else None, place=None, persons=d.people)
                continue
        out.append(d)
    return out


def _merge(d: Draft, *, index: int, date: DateMention | None, place: Place | None, persons: list[int]) -> None:
    if index not in d.sentences:
        d.sentences.append(index)
    if (
        d.date is None
        or (date is not None and d.date.value is None)
        or (
            date is not None
            and date.precision == "day"
            and d.date.precision != "day"
            and date.value
            and d.date.value
            and dates_agree(date, d.date)
        )
    ):
        d.date = date
    if d.place is None or (
        place is not None and d.place.city is None and place.city and place.country == d.place.country
    ):
        d.place = place
    for p in persons:
        if p not in d.people:
            d.people.append(p)


def host_country(sent: Sentence, *, people: list[PersonMention], persons: list[int]) -> str | None:
    """The receiving side's state in "X received Y" / "Y was received by X"."""
    sent_text, sent_start = sent.text, sent.start
    passive = _HOST_PASSIVE.search(sent_text)
    if passive:
        after = [i for i in persons if people[i].start >= sent_start + passive.end()]
        if after and people[after[0]].country:
            return people[after[0]].country
        return None
    active = HOST_ACTIVE.search(sent_text)
    if active:
        before = [i for i in persons if people[i].start < sent_start + active.start()]
        if before and people[before[-1]].country:
            return people[before[-1]].country
    return None


def event_topics(
    sentences: list[Sentence], drafts: list[Draft], *, title: str, masked: str | None = None
) -> list[dict[str, tuple[int, int] | None]]:
    """Topics per draft from the sentences that belong to it (each sentence to the engagement under way),
    each with the body offsets of the words it was read from (None: read from the headline).

    `masked` is the body with people's names and titles blanked: a "Minister of Defence" does not
    make defence a topic."""
    owner: dict[int, list[int]] = {}
    claimed = {s: i for i, d in enumerate(drafts) for s in d.sentences}
    current: list[int] = []
    first = min((d.sentences[0] for d in drafts), default=0)
    for sent in sentences:
        if sent.index in claimed:
            current = [i for i, d in enumerate(drafts) if sent.index in d.sentences]
        elif sent.index < first:
            current = [i for i, d in enumerate(drafts) if d.sentences[0] == first]
        owner[sent.index] = list(current)
    topics: list[dict[str, tuple[int, int] | None]] = [{} for _ in drafts]
    for sent in sentences:
        found = topic_spans(masked[sent.start : sent.end] if masked else sent.text)
        for i in owner.get(sent.index, []):
            for slug, (s, e) in found.items():
                topics[i].setdefault(slug, (sent.start + s, sent.start + e))
    if drafts:
        for slug in topics_in(title):
            topics[0].setdefault(slug, None)
    return topics


def is_security(texts: list[str]) -> bool:
    return any(_SECURITY.search(t) for t in texts)


ALSO_PRESENT = _ALSO_PRESENT
