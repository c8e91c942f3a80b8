"""From sentences, people, places and dates to engagements between states."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .countries import CountryMention
from .dates import DateMention, dates_agree
from .frames import dates_the_report, in_side_clause, several_meetings, tied_to_trigger, trigger_mood
from .parties import (
    Setting,
    completed_pair,
    counterpart_pairs,
    later_pairs,
    meeting_hosts,
    sentence_sides,
    separate_pairs,
    split_by_counterpart,
)
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
    r"held virtually|online (?:talks|meeting)|(?<!courtesy )calls? with)",
    re.I,
)
_MEETING = re.compile(
    r"\b(?i:talks|meetings?|visit(?:ed|ing)?)\b|\b(met|meet with|meets|meeting|talks|talked|"
    r"held (?:an? )?(?:official )?(?:talks|discussions?|consultations)|received|receives|"
    r"hosted|hosts|welcomed|visit(?:ed|ing)?|discussed|discuss|convened|sat down with|conferred|"
    r"courtesy call|called on|calls on|audience (?:with|to|for)|an audience|in audience|spoke (?:\w+ )?with|spoke to|"
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
    r"arrangement|contract|charter|documents?)\b",
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
# A further meeting told after the first ("Later, A met B", "A then held talks with B").
_LATER_MEETING = re.compile(
    r"^(?:Later|Afterwards|Subsequently)\b|"
    r"\b(?:later|then|afterwards|subsequently) (?:met|held talks|called on|received)\b"
)
# Those met, referred to together: "with them", "his guests", "the visiting ministers".
_PLURAL_OTHERS = re.compile(
    r"\b(?:them|they|their|guests|visitors|counterparts|delegations|delegates|ministers|each of)\b", re.I
)


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


@dataclass
class Clause:
    """What one sentence says about the engagements it reports: its parties, people, date and place."""

    sent: Sentence
    strong: set[str]  # the states it makes parties
    weak: set[str]  # the states it names only as places or partners
    persons: list[int]  # the people it names (mention indices)
    named: list[int]  # the same, as their roots
    date: DateMention | None
    place: Place | None
    earlier: bool  # it tells of an earlier engagement than the one under way ("Earlier, ...")
    domestic: bool  # it names a state's own body (cabinet, parliament)


class ReportReading:
    """A report read as a reader follows it, sentence by sentence: what kinds of engagement a sentence
    reports, who the parties are (parties.py), then whether it tells the engagement under way, one
    already told ("The meeting ..."), one more counterpart met, or a new engagement."""

    def __init__(
        self, setting: Setting, *, title_text: str, dates: list[DateMention], places: list[Place], told: list[str]
    ) -> None:
        self.setting, self.title_text, self.dates, self.places, self.told = setting, title_text, dates, places, told
        self.drafts: list[Draft] = []
        self.main: set[str] = set()  # the states of the article's first engagement
        self.domestic_session = False  # the article's meeting so far is a state's own cabinet or parliament
        self.hosts: list[int] = []  # who met the last counterpart: the antecedent of "He also met ..."

    def read(self, sent: Sentence) -> None:
        kinds = self.kinds(sent)
        clause = self.clause(sent) if kinds else None
        if clause is None:
            return
        if self.drafts and not clause.earlier and _BACK_REFERENCE.search(sent.text):
            kinds = _refer_back(
                self.drafts,
                types=kinds,
                index=sent.index,
                date=clause.date,
                place=clause.place,
                named=clause.named,
                states=clause.strong,
            )
        if not kinds or (clause.date is not None and clause.date.precision == "year" and not clause.date.relative):
            return  # told already, or an engagement known only by its year, which is not listed
        for kind in kinds:
            self.engagement(clause, kind=kind)
        self.hosts = meeting_hosts(self.setting, sent, persons=clause.persons) or self.hosts

    def kinds(self, sent: Sentence) -> list[str]:
        """The kinds of engagement the sentence reports as held, unless its forum is a standing body."""
        kinds = sentence_types(sent.text, span=sent.span)
        if not self.drafts and _DOMESTIC_BODY.search(sent.text):
            self.domestic_session = True
        if _standing_body(sent, people=self.setting.people) and not _BILATERAL_CUE.search(sent.text):
            return []
        return kinds

    def clause(self, sent: Sentence) -> Clause | None:
        """The sentence's parties, people, date and place; None when it still tells a state's own session
        ("The meeting, held on Thursday, ..." after a cabinet session)."""
        domestic = bool(_DOMESTIC_BODY.search(sent.text))
        strong, weak, persons = sentence_sides(self.setting, sent, domestic=domestic)
        if self.domestic_session and not self.drafts and _BACK_REFERENCE.search(sent.text) and len(strong) < 2:
            return None
        named = [self.setting.root(i) for i in persons]
        earlier = bool(_EARLIER.search(sent.text))
        date, place = _best_date(self.dates, sent), self.place_in(sent)
        return Clause(sent, strong, weak, persons, named, date, place, earlier, domestic)

    def place_in(self, sent: Sentence) -> Place | None:
        here = [p for p in self.places if sent.start <= p.start < sent.end]
        # The place the trigger's own "in X"/"at X" names, before another clause's ("arrived from X").
        tied = [p for p in here if sent.span is not None and tied_to_trigger(sent.span, p.start)]
        return next(iter(tied + here), None)

    def engagement(self, clause: Clause, *, kind: str) -> None:
        """One kind the sentence reports: one more counterpart, evidence for the engagement under way,
        one engagement per counterpart met, or the engagement continued or begun."""
        if kind == "exercise" and (_CLOSING.search(self.title_text) or _CLOSED.search(clause.sent.text)):
            # An exercise reported at its close is dated by its close (SCHEMA): the span's last day.
            clause.date = _best_date(self.dates, clause.sent, last=True) or clause.date
        if self.one_more(clause, kind=kind):
            return
        codes, inferred = set(clause.strong), False
        several = clause.sent.span is not None and several_meetings(clause.sent.span)
        if len(codes) == 1 and not (clause.domestic or clause.earlier or several) and self.told_with(clause, kind=kind):
            return
        if len(codes) < 2 and not clause.domestic and not several:
            pool = self.main or set(self.setting.title_order)
            codes, inferred = completed_pair(self.setting, codes=codes, weak=clause.weak, pool=pool)
        if len(codes) < 2:
            self.one_side(clause, kind=kind)
        elif not self.per_counterpart(clause, kind=kind, codes=codes):
            self.continued_or_new(clause, kind=kind, codes=codes, inferred=inferred)

    def one_more(self, clause: Clause, *, kind: str) -> bool:
        """One more engagement per state met by the last counterpart's host ("He also met ...", "Later,
        Duale held talks with ..."), unless the host's engagement with that state is already told."""
        if kind not in ("meeting", "call") or clause.earlier:
            return False  # "Earlier, he met ...": a new engagement of its own (`continued_or_new`)
        sent = clause.sent
        frames = later_pairs(self.setting, sent, persons=clause.persons, hosts=self.hosts)
        if len(clause.strong) >= 2 and not clause.strong <= {c for pair, _ in frames for c in pair}:
            return False  # the sentence names more parties than those met: read as a whole (`per_counterpart`)
        frames = [
            (pair, who) for pair, who in frames if not any(d.type == kind and d.countries == pair for d in self.drafts)
        ]
        self.drafts += [Draft(kind, pair, [sent.index], clause.date, clause.place, who) for pair, who in frames]
        return bool(frames)

    def told_with(self, clause: Clause, *, kind: str) -> bool:
        """A sentence naming one state whose engagement of this kind is already told, with that state
        and one other ("With A of the Philippines, he talked about ..." after the talks with the
        Philippines' A were told): evidence for that engagement; True when so read."""
        target = next(
            (
                d
                for d in reversed(self.drafts)
                if d.type == kind and clause.strong < d.countries and len(d.countries) == 2
            ),
            None,
        )
        if target is None or not dates_agree(clause.date, target.date):
            return False
        targets = [target]
        if _PLURAL_OTHERS.search(clause.sent.text):
            # "He went over with them ...", "his guests": all those met one by one in the same sentence.
            targets = [
                d
                for d in self.drafts
                if d.type == kind and d.sentences[0] == target.sentences[0] and clause.strong < d.countries
            ]
        for d in targets:
            _merge(d, index=clause.sent.index, date=clause.date, place=clause.place, persons=clause.named)
        return True

    def one_side(self, clause: Clause, *, kind: str) -> None:
        """A sentence naming one side: evidence for the engagement already under way with that side."""
        sent, date = clause.sent, clause.date
        target = next((d for d in reversed(self.drafts) if d.type == kind and clause.strong <= d.countries), None)
        if target is not None and (date is None or target.date is None or date.value == target.date.value):
            _merge(target, index=sent.index, date=date, place=clause.place, persons=clause.named)

    def per_counterpart(self, clause: Clause, *, kind: str, codes: set[str]) -> bool:
        """One engagement per counterpart when the sentence says one side met several; False when not."""
        sent = clause.sent
        frames = separate_pairs(self.setting, sent, codes=codes, persons=clause.persons)
        if not frames and kind in ("meeting", "call"):
            told = " ".join(self.told[sent.index : sent.index + 3])
            frames = counterpart_pairs(self.setting, sent, persons=clause.persons, told=told, earlier=self.hosts)
        self.drafts += [Draft(kind, pair, [sent.index], clause.date, clause.place, who) for pair, who in frames]
        return bool(frames)

    def continued_or_new(self, clause: Clause, *, kind: str, codes: set[str], inferred: bool) -> None:
        """More evidence for the engagement under way between the same states, or a new engagement."""
        sent = clause.sent
        target = None if clause.earlier else _continued(self.drafts, kind=kind, codes=codes, date=clause.date)
        if target is not None and _LATER_MEETING.search(sent.text):
            people = self.setting.people
            if any(r not in target.people and people[r].country in codes for r in clause.named):
                target = None  # "Later, A met B": one more engagement of the same states, with someone new
        if target is not None:
            _merge(target, index=sent.index, date=clause.date, place=clause.place, persons=clause.named)
        else:
            main_date = self.drafts[0].date if self.drafts else None
            if clause.earlier and clause.date is None and main_date is not None and main_date.value:
                # "Earlier, ...": an engagement before the main one, known by its month.
                clause.date = DateMention(main_date.start, main_date.end, main_date.value[:7], "month")
            draft = Draft(kind, codes, [sent.index], clause.date, clause.place, list(clause.named), inferred)
            self.drafts.append(draft)
        if not self.main and not inferred:
            self.main = set(codes)


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
    """Engagement drafts: the report read sentence by sentence (`ReportReading`), talks by phone
    folded into the call, then one engagement per counterpart where the text says they were distinct."""
    setting = Setting.read(text, title=title_text, people=people, countries=countries, dateline=dateline)
    told = [s.text for s in sentences]
    reading = ReportReading(setting, title_text=title_text, dates=dates, places=places, told=told)
    for sent in sentences:
        reading.read(sent)
    drafts = _fold_meetings_into_calls(reading.drafts, told=told)
    return split_by_counterpart(drafts, sentences=sentences, people=people, root=setting.root)


def _refer_back(
    drafts: list[Draft],
    *,
    types: list[str],
    index: int,
    date: DateMention | None,
    place: Place | None,
    named: list[int],
    states: set[str],
) -> list[str]:
    """ "The meeting ...", "the two ministers ...": evidence for the engagement already told, the last
    one told with the states the sentence names ("In his talks with the Japanese minister, both ...");
    returns the kinds the sentence still reports beyond it."""
    told = [d for d in reversed(drafts) if d.type in types]
    target = next((d for d in told if states and states <= d.countries), None) or next(iter(told), None)
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


# Verbs of talking that say nothing of being in one room ("spoke with", "talked to").
_TALKED = re.compile(r"\b(?:spoke|speaks|talked|talks|conferred)\s+(?:\w+\s+)?(?:with|to)\b")
_IN_PERSON = re.compile(r"\b(?:met|meets|visit(?:ed|s)?|received|receives|hosted|hosts|welcomed|in person|sat down)\b")


def _fold_meetings_into_calls(drafts: list[Draft], *, told: Sequence[str]) -> list[Draft]:
    """Talks held by phone or video are one call, not a call and a meeting: talks with no place, or
    told only as talking ("spoke with his counterparts"), between the states of a call that day."""
    calls = [d for d in drafts if d.type == "call"]
    out: list[Draft] = []
    for d in drafts:
        first = told[min(d.sentences)] if d.sentences else ""
        talked = bool(_TALKED.search(first)) and not _IN_PERSON.search(first)
        if d.type == "meeting" and (d.place is None or talked):
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
