"""Event frames: one engagement per counterpart met.

A report that one official met several counterparts "separately", "one by one", or "also met"
another describes several engagements, even between the same two states. The events stage groups
sentences by the states they name; this stage splits such a group into one frame per counterpart:
the host's officials with that counterpart, the counterpart's own sentences, and the sentences
that follow them up to the next counterpart.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .people import PersonMention
from .text import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .events import Draft
    from .parties import Setting

# Words that make each conjunct of the object its own meeting (distributive) or add a new one.
DISTINCT_MEETINGS = re.compile(
    r"\b(?:separate(?:ly)?|one by one|individually|"
    r"also (?:met|meets|held talks|holds talks|sat down|received|receives)|went on to (?:meet|hold|receive)|"
    r"(?:an?|in (?:an?|another)) (?:separate|another|earlier) (?:meeting|talks)|series of (?:talks|meetings))\b",
    re.I,
)


def _host(draft: Draft, *, mentions: Counter[int], people: Sequence[PersonMention]) -> str | None:
    """The state of the official the article keeps coming back to: the one meeting the others."""
    ranked = [(n, -r) for r, n in mentions.items() if people[r].country in draft.countries]
    if not ranked:
        return None
    ranked.sort(reverse=True)
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return None  # no official stands out: the text does not say who met whom
    return people[-ranked[0][1]].country


def _subject_state(
    draft: Draft,
    *,
    sentences: Sequence[Sentence],
    by_sentence: dict[int, list[int]],
    people: Sequence[PersonMention],
    root: Callable[[int], int],
) -> str | None:
    for i in sorted(draft.sentences):
        cue = DISTINCT_MEETINGS.search(sentences[i].text)
        if cue is None:
            continue
        at = sentences[i].start + cue.start()
        before = [root(k) for k in by_sentence.get(i, []) if people[k].end <= at]
        if before and people[before[-1]].country in draft.countries:
            return people[before[-1]].country
    return None


def introduced_official(people: Sequence[PersonMention], state: str, before: int) -> list[int]:
    """The first titled official of `state` the article names before offset `before`: the antecedent
    of a later "he" ("He met separately with ...")."""
    for k, p in enumerate(people):
        if p.start >= before:
            break
        if p.canonical is None and p.country == state and p.title and not p.reporter:
            return [k]
    return []


def split_by_counterpart(
    drafts: list[Draft],
    *,
    sentences: Sequence[Sentence],
    people: Sequence[PersonMention],
    root: Callable[[int], int],
) -> list[Draft]:
    """Drafts with one frame per counterpart when the text says the meetings were distinct."""
    by_sentence: dict[int, list[int]] = {}
    for k, p in enumerate(people):
        if not p.reporter:
            by_sentence.setdefault(p.sentence, []).append(k)
    # How many sentences name each official: the host is the one named throughout.
    mentions: Counter[int] = Counter()
    for ks in by_sentence.values():
        for r in {root(k) for k in ks}:
            mentions[r] += 1
    out: list[Draft] = []
    for draft in drafts:
        cued = draft.type in ("meeting", "call") and any(
            DISTINCT_MEETINGS.search(sentences[i].text) for i in draft.sentences
        )
        host = None
        if cued:
            # The subject of the distributive verb: the official printed before "met separately".
            host = _subject_state(
                draft, sentences=sentences, by_sentence=by_sentence, people=people, root=root
            ) or _host(draft, mentions=mentions, people=people)
        if host is None:
            out.append(draft)
            continue
        # Counterparts met in the group's sentences, in order of first mention.
        order: list[int] = []
        for i in sorted(draft.sentences):
            for k in by_sentence.get(i, []):
                r = root(k)
                code = people[r].country
                if code and code != host and code in draft.countries and r not in order:
                    order.append(r)
        if len(order) < 2:
            out.append(draft)
            continue
        # Each counterpart's sentences: every later one that names them.
        first = min(draft.sentences)
        own = {r: sorted({i for i in draft.sentences if r in {root(k) for k in by_sentence.get(i, [])}}) for r in order}
        for i in range(first, len(sentences)):
            for k in by_sentence.get(i, []):
                if root(k) in own and i not in own[root(k)]:
                    own[root(k)].append(i)
        hosts = [r for r in dict.fromkeys(root(k) for k in draft.people) if people[r].country == host]
        for r in order:
            counterpart = people[r].country
            assert counterpart is not None  # `order` holds only officials with a state
            out.append(
                replace(
                    draft,
                    countries={host, counterpart},
                    sentences=sorted(own[r]),
                    people=hosts + [r],
                    excluded=set(order) - {r},
                )
            )
    return out


# Trigger lemmas per engagement kind (verbs and the nouns that name the engagement).
TRIGGERS: dict[str, frozenset[str]] = {
    "meeting": frozenset(
        [
            "meet",
            "meeting",
            "receive",
            "host",
            "welcome",
            "visit",
            "talk",
            "talks",
            "hold",
            "discuss",
            "confer",
            "sit",
            "audience",
            "consultation",
        ]
    ),
    "call": frozenset(["call", "phone", "telephone", "speak", "talk", "conversation", "conference", "videoconference"]),
    "agreement": frozenset(["sign", "signing", "ink", "conclude", "renew", "exchange"]),
    "exercise": frozenset(["exercise", "drill", "manoeuvre", "maneuver"]),
}
# Verbs whose complement is not (yet) an event: "plans to visit", "agreed to hold", "is set to sign".
_PLANNING = frozenset(
    [
        "plan",
        "expect",
        "schedule",
        "set",
        "due",
        "intend",
        "agree",
        "hope",
        "want",
        "aim",
        "seek",
        "propose",
        "invite",
        "prepare",
        "decide",
        "pledge",
        "vow",
        "wish",
        "look",
        "offer",
        "promise",
        "arrange",
        "call",
        "urge",
    ]
)
# Verbs that entail their infinitive: what they introduce happened.
_IMPLICATIVE = frozenset(
    ["go", "proceed", "continue", "begin", "start", "manage", "come", "move", "travel", "arrive", "fly", "head"]
)
_IRREALIS_AUX = frozenset(["will", "shall", "would", "'ll", "wo"])
_IRREALIS_MODIFIER = frozenset(
    ["upcoming", "next", "planned", "forthcoming", "future", "proposed", "possible", "scheduled"]
)


# Verbs that undo what they govern: "the visit was postponed", "talks were called off".
_CANCELLING = frozenset(["cancel", "postpone", "delay", "scrap", "suspend", "defer", "abort"])


def _cancelled(verb: Token) -> bool:
    return verb.lemma_ in _CANCELLING or (
        verb.lemma_ == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)
    )


def _irrealis_verb(tok: Token) -> bool:
    """True when the verb `tok` is future, planned, hypothetical or negated by its own auxiliaries."""
    if tok.lemma_ == "be" and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children) for c in tok.children
    ):
        return True  # "talks are to be held", "the minister is to visit": arranged, not yet done
    for child in tok.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ in ("aux", "auxpass") and (
            child.lower_ in _IRREALIS_AUX or child.tag_ == "MD" and child.lower_ != "can"
        ):
            return True
        if child.dep_ == "aux" and child.tag_ == "TO" and tok.head.lemma_ not in _IMPLICATIVE:
            # "to be held", "is expected to meet": an infinitive is not a report, unless its verb
            # entails it ("went on to hold talks", "proceeded to sign").
            return True
    head = tok
    while head.dep_ in ("xcomp", "ccomp", "conj") and head.head.i != head.i:
        parent = head.head
        if head.dep_ == "xcomp" and parent.lemma_ in _PLANNING:
            return True
        if head.dep_ == "conj":
            head = parent
            for child in head.children:
                if child.dep_ in ("aux", "auxpass") and child.lower_ in _IRREALIS_AUX:
                    return True
            continue
        head = parent
    return False


def trigger_mood(span: Span, *, kind: str) -> str | None:
    """ "realis" when some trigger of `kind` in the sentence reports a held engagement, "irrealis"
    when every trigger found is planned, future or negated, None when the parse shows no trigger."""
    lemmas = TRIGGERS.get(kind, frozenset())
    found = False
    for tok in span:
        if tok.lemma_.lower() not in lemmas and tok.lower_ not in lemmas:
            continue
        found = True
        if tok.pos_ in ("VERB", "AUX"):
            if not _irrealis_verb(tok):
                return "realis"
            continue
        # A noun trigger ("the talks", "a meeting"): planned by its own modifiers or by its verb.
        if any(c.lower_ in _IRREALIS_MODIFIER for c in tok.children):
            continue
        # "talks to be held in Kampala", "a meeting scheduled for May": the noun's own clause.
        if any(
            c.dep_ in ("acl", "relcl")
            and (_irrealis_verb(c) or c.lemma_ in _PLANNING or c.lower_ in _IRREALIS_MODIFIER)
            for c in tok.children
        ):
            continue
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ in ("VERB", "AUX") and _cancelled(verb):
            continue
        # "the exercise, which began on Monday, will run until Friday": its own clause says it is under way.
        if any(
            c.dep_ in ("acl", "relcl") and c.lemma_ != "be" and c.tag_ in ("VBD", "VBN") and not _irrealis_verb(c)
            for c in tok.children
        ):
            return "realis"
        if verb.pos_ in ("VERB", "AUX") and _irrealis_verb(verb):
            continue
        return "realis"
    return "irrealis" if found else None


_SEPARATE = re.compile(r"\bseparate(?:ly)?\b|\bin (?:a series of|separate) (?:meetings|talks)\b", re.I)


def separate_meetings(
    setting: Setting, sent: Sentence, *, codes: set[str], persons: Sequence[int]
) -> list[tuple[set[str], list[int]]]:
    """One frame per counterpart (its two states, its people) when a sentence naming three or more
    states says the meetings were separate ("He met separately with A, B and C"); else none."""
    cue = _SEPARATE.search(sent.text)
    if cue is None or len(codes) < 3:
        return []
    people, root = setting.people, setting.root
    host = setting.host(persons, codes)
    lead = next((c for c, _ in setting.freq.most_common() if c not in codes), None)
    if lead and not any(people[root(i)].start < sent.start + cue.start() and people[root(i)].country for i in persons):
        host = lead  # no one named before the cue: the host is the article's subject
        codes = codes | {host}
    hosts = [root(i) for i in persons if people[root(i)].country == host]
    # "He met separately with ...": the host's official is the one the article introduced.
    hosts = hosts or introduced_official(people, host, sent.start)
    return [
        ({host, other}, hosts + [root(i) for i in persons if people[root(i)].country == other])
        for other in sorted(codes - {host})
    ]


# The verbs whose object, or whose "with"-phrase, is the official met.
_MEET_VERBS = frozenset(["meet", "receive", "host", "welcome", "visit", "confer", "sit", "talk", "speak", "hold"])
_MEET_NOUNS = frozenset(["talk", "talks", "meeting", "meetings", "discussion", "discussions", "consultation"])
# A meeting of several states at one table, not one official meeting each in turn.
_JOINT = re.compile(
    r"\b(?:tri|quadri|multi)lateral\b|\b(?:three|four|five)-way\b|\bjoint (?:meeting|talks|session)\b|"
    r"\b(?:the|all) (?:three|four|five|six) (?:ministers|countries|states|sides|chiefs|leaders|nations|"
    r"officials|delegations|counterparts)\b",
    re.I,
)


def _extent(tok: Token) -> tuple[int, int]:
    """The character range of the phrase `tok` heads (its whole subtree)."""
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)


def _met_regions(span: Span) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character ranges of the subjects and of the objects (the ones met) of the sentence's meeting verbs:
    "X met A and B", "X held talks with A and B", "X received A"."""
    subjects: list[tuple[int, int]] = []
    objects: list[tuple[int, int]] = []

    for tok in span:
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in _MEET_VERBS:
            continue
        met: list[Token] = []
        for child in tok.children:
            if child.dep_ == "dobj" and tok.lemma_.lower() in ("meet", "receive", "host", "welcome", "visit"):
                met.append(child)
            # "held talks with A", "sat down with A", "met with A"
            heads = [tok, child] if child.dep_ == "dobj" and child.lower_ in _MEET_NOUNS else [tok]
            for head in heads:
                for prep in head.children:
                    if prep.dep_ == "prep" and prep.lower_ == "with":
                        met += [p for p in prep.children if p.dep_ == "pobj"]
            if child.dep_ == "prt":
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ == "with":
                        met += [p for p in prep.children if p.dep_ == "pobj"]
        if not met:
            continue
        objects += [_extent(m) for m in dict.fromkeys(met)]
        subjects += [_extent(c) for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subjects, objects


def _named_states(setting: Setting, regions: list[tuple[int, int]]) -> list[str]:
    """States named as whose officials they are inside `regions` ("Japan's", "Philippine", "ministers of
    Japan"), not as a place ("in Tokyo")."""
    text = setting.text
    found = []
    for c in setting.countries:
        if c.kind not in ("name", "adjective") or not any(s <= c.start < e for s, e in regions):
            continue
        if re.search(r"\b(?:in|at|to|from|near|off)\s+(?:the\s+)?$", text[max(0, c.start - 10) : c.start]):
            continue
        found.append(c.code)
    return list(dict.fromkeys(found))


def counterpart_frames(
    setting: Setting, sent: Sentence, *, persons: Sequence[int], told: str
) -> list[tuple[set[str], list[int]]]:
    """One frame per state met when the sentence's meeting verb has officials of several states as its
    object ("X met Japan's minister and the Philippines' secretary", "met his Japanese and Philippine
    counterparts", "held talks with A, then B"); the subject meets each in turn unless the text says
    they sat together ("trilateral", "the three ministers"). Empty when the parse shows no such object."""
    # `told`: the sentence and the next two, which may say they sat together ("The three ministers agreed").
    if sent.span is None or _JOINT.search(told):
        return []
    subjects, objects = _met_regions(sent.span)
    if not objects:
        return []
    people, root = setting.people, setting.root

    def inside(i: int, regions: list[tuple[int, int]]) -> bool:
        return any(s <= people[i].start < e for s, e in regions)

    met = [root(i) for i in persons if inside(i, objects)]
    hosts = list(dict.fromkeys(root(i) for i in persons if inside(i, subjects) and root(i) not in met))
    states = list(dict.fromkeys([c for r in met if (c := people[r].country)] + _named_states(setting, objects)))
    host_states = {c for r in hosts if (c := people[r].country)} or set(_named_states(setting, subjects))
    if len(states) < 2 or len(host_states) > 1 or host_states & set(states):
        return []
    if host_states:
        (host,) = host_states
    elif hosts:
        # The subject's own phrase names no state: they represent none of those they met, but the
        # state the article names most beyond them.
        lead = next((c for c, _ in setting.freq.most_common() if c not in states), None)
        if lead is None:
            return []
        host = lead
        for r in hosts:
            people[r].country = host
    else:
        return []
    return [({host, state}, hosts + [r for r in dict.fromkeys(met) if people[r].country == state]) for state in states]


def meeting_subjects(setting: Setting, sent: Sentence, *, persons: Sequence[int]) -> list[int]:
    """The officials (roots) who are the subject of the sentence's meeting verbs, with a state."""
    if sent.span is None:
        return []
    subjects, _ = _met_regions(sent.span)
    people, root = setting.people, setting.root
    found = [root(i) for i in persons if any(s <= people[i].start < e for s, e in subjects)]
    return [r for r in dict.fromkeys(found) if people[r].country]


_PRONOUN_SUBJECT = re.compile(r"(?:he|she)", re.I)


def later_counterpart(
    setting: Setting, sent: Sentence, *, persons: Sequence[int], hosts: Sequence[int]
) -> tuple[set[str], list[int]] | None:
    """ "He also held talks with Tanzania's minister": a meeting verb whose subject is the official who
    met the last counterpart (a pronoun, or their surname) and whose object is an official of another
    state is one more meeting, of that official's state with the new one's."""
    if sent.span is None or not hosts:
        return None
    people, root = setting.people, setting.root
    host = people[hosts[0]].country
    subjects, objects = _met_regions(sent.span)
    met = list(dict.fromkeys(root(i) for i in persons if any(s <= people[i].start < e for s, e in objects)))
    states = {c for r in met if (c := people[r].country)}
    if host is None or len(states) != 1 or host in states:
        return None
    surnames = {people[h].name.split()[-1].lower() for h in hosts}
    said = [setting.text[s:e] for s, e in subjects]
    if not any(_PRONOUN_SUBJECT.fullmatch(t) or t.split()[-1].lower() in surnames for t in said if t.split()):
        return None
    return {host, *states}, list(hosts) + met


def purpose_states(setting: Setting, sent: Sentence, *, codes: set[str]) -> set[str]:
    """States of `codes` the sentence names only inside the purpose of its talks ("met ... to support
    Burkina Faso", "to discuss aid to Somalia"): what was talked about, not who talked."""
    if sent.span is None:
        return set()
    purposes: list[tuple[int, int]] = []
    for tok in sent.span:
        if (
            tok.pos_ == "VERB"
            and tok.dep_ in ("advcl", "xcomp", "acl")
            and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)
        ):
            purposes.append(_extent(tok))
    if not purposes:
        return set()
    inside: set[str] = set()
    outside: set[str] = set()
    for c in setting.countries:
        if sent.start <= c.start < sent.end and c.code in codes:
            (inside if any(s <= c.start < e for s, e in purposes) else outside).add(c.code)
    # A state an official present stands for is a party wherever else it is named.
    people, root = setting.people, setting.root
    seated = [people[root(i)] for i, p in enumerate(people) if p.sentence == sent.index and not p.reporter]
    if any(p.country is None for p in seated):
        return set()  # an official of no known state may be that state's
    return inside - outside - {p.country for p in seated}


_ANY_TRIGGER = frozenset().union(*TRIGGERS.values())


def tied_to_trigger(span: Span, offset: int) -> bool:
    """True when the place named at `offset` modifies an engagement's trigger ("held talks in Male",
    "met in Doha", "signed at the palace"), not another clause's verb ("arrived from Colombo")."""
    tok = next((t for t in span if t.idx <= offset < t.idx + len(t)), None)
    while tok is not None and tok.dep_ in ("compound", "pobj", "appos") and tok.head.i != tok.i:
        tok = tok.head
        if tok.dep_ == "prep":
            return tok.head.lemma_.lower() in _ANY_TRIGGER or tok.head.lower_ in _ANY_TRIGGER
    return False


_REPORTING = frozenset(["say", "tell", "announce", "state", "report", "add", "confirm", "note", "write", "quote"])


def dates_the_report(span: Span, offset: int) -> bool:
    """True when the date at `offset` modifies a verb of saying ("the ministry said on Tuesday that
    ..."): the day of the report, not of the engagement it reports."""
    tok = next((t for t in span if t.idx <= offset < t.idx + len(t)), None)
    while tok is not None and tok.dep_ in ("compound", "nummod", "pobj", "appos", "npadvmod") and tok.head.i != tok.i:
        if tok.dep_ == "npadvmod":
            return tok.head.lemma_ in _REPORTING
        tok = tok.head
        if tok.dep_ == "prep":
            return tok.head.lemma_ in _REPORTING
    return False


def in_side_clause(span: Span, offset: int) -> bool:
    """True when the date at `offset` sits in a relative clause about something else ("Duale, who
    took office in 2023, met ..."): that clause's time, not the engagement's."""
    tok = next((t for t in span if t.idx <= offset < t.idx + len(t)), None)
    while tok is not None and tok.head.i != tok.i:
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ in ("relcl", "acl"):
            # "the exercise, which began on Monday": a clause about the engagement itself is its time.
            return tok.lemma_.lower() not in _ANY_TRIGGER and tok.head.lemma_.lower() not in _ANY_TRIGGER
        if tok.pos_ in ("VERB", "AUX"):
            return False  # the first verb above the date is a clause of the sentence's own
        tok = tok.head
    return False
