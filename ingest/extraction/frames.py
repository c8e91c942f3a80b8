"""Event frames: what the parse says about an engagement's trigger and its arguments.

A frame is read from one sentence's parse: the trigger's mood (held, planned, undone), who is the
subject of a meeting verb and who is met (its object, its "with"-phrases and their conjuncts), the
clauses that give the talks' purpose, and whether a date or place modifies the trigger. Frames name
people and character ranges, never states: which state each side stands for is the parties stage's
decision (parties.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .people import POST_HEADS, PersonMention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Words that make each conjunct of the object its own meeting (distributive) or add a new one.
DISTINCT_MEETINGS = re.compile(
    r"\b(?:separate(?:ly)?|one by one|individually|"
    r"also (?:met|meets|held talks|holds talks|sat down|received|receives)|went on to (?:meet|hold|receive)|"
    r"(?:an?|in (?:an?|another)) (?:separate|another|earlier) (?:meeting|talks)|series of (?:talks|meetings))\b",
    re.I,
)


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
    """True when the verb `tok` is future, planned, hypothetical or negated by its own auxiliaries, or
    said not to have happened ("without announcing a meeting")."""
    if tok.dep_ == "pcomp" and tok.head.lower_ == "without":
        return True
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


def _calls_on(tok: Token) -> bool:
    """ "X called on Y": a visit paid, a meeting."""
    return tok.lemma_.lower() == "call" and any(c.dep_ in ("prep", "prt") and c.lower_ == "on" for c in tok.children)


def trigger_mood(span: Span, *, kind: str) -> str | None:
    """ "realis" when some trigger of `kind` in the sentence reports a held engagement, "irrealis"
    when every trigger found is planned, future or negated, None when the parse shows no trigger."""
    lemmas = TRIGGERS.get(kind, frozenset())
    found = False
    for tok in span:
        if tok.lemma_.lower() not in lemmas and tok.lower_ not in lemmas and not (kind == "meeting" and _calls_on(tok)):
            continue
        found = True
        held = not _irrealis_verb(tok) if tok.pos_ in ("VERB", "AUX") else _noun_reports_held(tok)
        if held:
            return "realis"
    return "irrealis" if found else None


def _noun_reports_held(tok: Token) -> bool:
    """A noun trigger ("the talks", "a meeting") reports an engagement held, unless its own modifiers,
    its own clause or the verb it depends on plan, cancel or negate it."""
    if any(c.lower_ in _IRREALIS_MODIFIER for c in tok.children):
        return False
    # "talks to be held in Kampala", "a meeting scheduled for May": the noun's own clause.
    if any(
        c.dep_ in ("acl", "relcl") and (_irrealis_verb(c) or c.lemma_ in _PLANNING or c.lower_ in _IRREALIS_MODIFIER)
        for c in tok.children
    ):
        return False
    verb = tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    is_verb = verb.pos_ in ("VERB", "AUX")
    if is_verb and _cancelled(verb):
        return False
    # "the exercise, which began on Monday, will run until Friday": its own clause says it is under way.
    if any(
        c.dep_ in ("acl", "relcl") and c.lemma_ != "be" and c.tag_ in ("VBD", "VBN") and not _irrealis_verb(c)
        for c in tok.children
    ):
        return True
    return not (is_verb and _irrealis_verb(verb))


_SEPARATE = re.compile(r"\bseparate(?:ly)?\b|\bin (?:a series of|separate) (?:meetings|talks)\b", re.I)


def separate_cue(text: str) -> int | None:
    """Where the sentence says its meetings were separate ("He met separately with A, B and C"),
    an offset into `text`; None when it does not."""
    cue = _SEPARATE.search(text)
    return None if cue is None else cue.start()


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


def sat_together(told: str) -> bool:
    """The text says several states' officials met at one table ("trilateral", "the three ministers")."""
    return bool(_JOINT.search(told))


def several_meetings(span: Span) -> bool:
    """The sentence's meeting verb holds several meetings ("held meetings in Cairo", "held a series of
    bilateral meetings"): an introduction to the meetings told next, not one engagement itself."""
    for tok in span:
        if tok.lower_ != "meetings":
            continue
        head = tok
        while head.dep_ in ("dobj", "pobj", "prep") and head.head.i != head.i:
            head = head.head  # "held meetings", "held a series of meetings"
        if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in ("hold", "have", "conduct"):
            return True
    return False


def _extent(tok: Token) -> tuple[int, int]:
    """The character range of the phrase `tok` heads (its whole subtree)."""
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)


def _with_objects(head: Token) -> list[Token]:
    """The objects of `head`'s "with"-phrases ("met with A", "talks with A")."""
    return [
        p
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ == "with"
        for p in prep.children
        if p.dep_ == "pobj"
    ]


def _direct_object(child: Token) -> bool:
    """`child` is its verb's object; a name right after the verb that the parser took for an adverbial
    ("met Defence Minister Aisha Mohammed on Monday", parsed as "met [...] Monday") is one too."""
    if child.dep_ == "dobj":
        return True
    return child.dep_ == "npadvmod" and child.ent_type_ == "PERSON" and child.i > child.head.i


def _met_by(verb: Token) -> list[Token]:
    """The heads of the phrases naming those `verb` meets: its object ("received A"), its "with"-phrase
    ("met with A"), the "with"-phrase of its object noun or particle ("held talks with A", "sat down with A")."""
    met: list[Token] = []
    for child in verb.children:
        if _direct_object(child) and verb.lemma_.lower() in ("meet", "receive", "host", "welcome", "visit"):
            met.append(child)
        heads = [verb, child] if child.dep_ == "dobj" and child.lower_ in _MEET_NOUNS else [verb]
        for head in heads:
            met += _with_objects(head)
        if child.dep_ == "prt":
            met += _with_objects(child)
    # "spoke by telephone with A": the parser hangs the "with" on the means.
    return met + _with_objects_through(verb, nouns=_MEANS)


_MEANS = frozenset(["phone", "telephone", "video", "videoconference", "videolink", "link", "line"])


# Plural nouns for officials: the names printed after them are theirs ("his counterparts from Iran,
# Ali Akbar Ahmadian, and from China, Wang Yi"), however the parser attached those names.
_OFFICIALS = frozenset(["counterpart", "minister", "chief", "official", "commander", "envoy", "head", "leader"])


def _met_extent(head: Token, *, span: Span) -> tuple[int, int]:
    """The character range naming those met: the phrase `head` heads, to the sentence's end when it is
    a plural noun for officials."""
    start, end = _extent(head)
    # "met A about Russia's strikes", however attached: what they talked about, not whom they met.
    end = min([end] + [c.idx for c in head.children if c.dep_ == "prep" and c.lower_ in _ABOUT])
    if head.tag_ == "NNS" and head.lemma_.lower() in _OFFICIALS:
        # To the end of the list after it, not into a clause added after a comma ("..., Japan and the
        # Philippines, talks through which he reaffirmed India's commitment").
        rest = span.doc.text[end : span.end_char]
        clause = re.search(r",\s+(?!and\b|the\b|as well as\b)[a-z]", rest)
        end = max(end, end + clause.start() if clause else span.end_char)
    return start, end


# Verbs of talking whose "with"-phrase is the one talked with ("With Japan's minister, he discussed ...").
_TALK_VERBS = frozenset(["discuss", "review", "explore", "exchange"])


def _before(verb: Token) -> list[tuple[int, int]]:
    """The character ranges of `verb`'s subjects, up to the verb: a subject ends where its verb begins,
    however far the parser stretched it ("X, Y and Z" appended to it as appositions)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        # "X took part in the forum and held talks with A": a verb joined to another shares its subject.
        return _before(verb.head)
    return [(_extent(c)[0], min(_extent(c)[1], verb.idx)) for c in subjects]


def _fronted_with(verb: Token, *, span: Span) -> list[Token]:
    """The ones met named by a phrase that opens the sentence and modifies `verb`: a "with"-phrase
    ("With Japan's minister, he reviewed ...") or one on talks held with them ("During talks with X,
    he raised ...", "At his meeting with X, the secretary discussed ..."), whatever the verb."""
    first = next((t for t in span if not t.is_punct and not t.is_space), None)
    met: list[Token] = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i > verb.i or prep.left_edge != first:
            continue
        for p in prep.children:
            if p.dep_ != "pobj":
                continue
            if prep.lower_ == "with":
                met.append(p)
            elif p.lower_ in _MEET_NOUNS:
                met += _with_objects(p)
    return met


def _with_objects_through(verb: Token, *, nouns: frozenset[str]) -> list[Token]:
    """The objects of the "with"-phrases of `nouns` in the prepositional phrases modifying `verb`:
    talks ("X closed his visit with talks with A": its subject held them) or a means ("by telephone
    with A")."""
    return [
        m
        for prep in verb.children
        if prep.dep_ == "prep"
        for p in prep.children
        if p.dep_ == "pobj" and p.lower_ in nouns
        for m in _with_objects(p)
    ]


def _met_ranges(verb: Token, *, span: Span) -> list[tuple[int, int]] | None:
    """The character ranges naming those `verb` meets; None when it is no meeting verb, empty when it
    is one whose object is not printed ("X held a series of meetings")."""
    lemma = verb.lemma_.lower()
    if lemma in _MEET_VERBS:
        met = _met_by(verb)
        if not met and lemma in ("meet", "receive", "host", "welcome"):
            # The parser found no object ("met one by one with A; B; and C" read as adverbials):
            # those printed after the verb are the ones it met.
            return [(verb.idx + len(verb), span.end_char)]
    elif lemma in _TALK_VERBS:
        met = _with_objects(verb) + _fronted_with(verb, span=span)
    else:
        met = _fronted_with(verb, span=span) + _with_objects_through(verb, nouns=_MEET_NOUNS)
        if not met:
            return None
    return [_met_extent(m, span=span) for m in dict.fromkeys(met)]


def _met_regions(span: Span) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]]:
    """Character ranges of the subjects and of the objects (the ones met) of the sentence's meeting verbs
    ("X met A and B", "X held talks with A and B", "X received A", "with A, X discussed ..."), and of the
    subjects of every meeting verb, with an object or not ("X held a series of meetings")."""
    subjects: list[tuple[int, int]] = []
    objects: list[tuple[int, int]] = []
    convening: list[tuple[int, int]] = []
    for tok in span:
        if tok.pos_ == "NOUN" and tok.lower_ in _MEET_NOUNS and tok.dep_ in ("nsubj", "nsubjpass"):
            # "His talks with A and B focused on ...": the talks' possessor met those of its "with"-phrase.
            held = [_extent(c) for c in tok.children if c.dep_ == "poss"]
            met_by_noun = [_met_extent(m, span=span) for m in _with_objects(tok)]
            if held and met_by_noun:
                subjects, objects, convening = subjects + held, objects + met_by_noun, convening + held
            continue
        met = _met_ranges(tok, span=span) if tok.pos_ in ("VERB", "AUX") else None
        if met is None:
            continue
        said = _before(tok)
        convening += said
        if met:
            objects += met
            subjects += said
    return subjects, objects, convening


@dataclass(frozen=True)
class MeetingRoles:
    """Who meets whom in one sentence, as its meeting verbs' arguments say."""

    subjects: list[tuple[int, int]]  # character ranges of the meeting verbs' subjects
    objects: list[tuple[int, int]]  # character ranges of the ones met
    meeting: list[int]  # people (roots) printed in a subject
    met: list[int]  # people (roots) printed in an object, in order
    convening: list[int]  # people (roots) printed as the subject of any meeting verb, met or not


def meeting_roles(
    span: Span, *, people: Sequence[PersonMention], persons: Sequence[int], root: Callable[[int], int]
) -> MeetingRoles:
    """The roles of the sentence's people (`persons`, mention indices) in its meeting verbs."""
    subjects, objects, convening = _met_regions(span)

    def inside(i: int, regions: list[tuple[int, int]]) -> list[int]:
        return [root(i)] if any(s <= people[i].start < e for s, e in regions) else []

    return MeetingRoles(
        subjects=subjects,
        objects=objects,
        meeting=list(dict.fromkeys(r for i in persons for r in inside(i, subjects))),
        met=list(dict.fromkeys(r for i in persons for r in inside(i, objects))),
        convening=list(dict.fromkeys(r for i in persons for r in inside(i, convening))),
    )


_PRONOUN_SUBJECT = re.compile(r"(?:he|she|his|her)", re.I)


def subject_refers_to(
    roles: MeetingRoles, *, text: str, people: Sequence[PersonMention], earlier: Sequence[int]
) -> bool:
    """The meeting verb's subject (in `text`, the body) is one of the `earlier` officials again: a
    pronoun ("He also met ..."), their family name alone ("Duale later met ...") or a definite
    description of their post ("The minister also met ...")."""
    surnames = {people[h].name.split()[-1].lower() for h in earlier}
    posts = {w for h in earlier for w in (people[h].title or "").lower().split()}
    said = [text[s:e].strip() for s, e in roles.subjects]
    return any(
        _PRONOUN_SUBJECT.fullmatch(t) or t.split()[-1].lower() in surnames or _same_post(t, posts=posts)
        for t in said
        if t.split()
    )


# A definite description of a post: "the minister", "The Secretary", "the Indian minister".
_DEFINITE_POST = re.compile(r"the\s+(?:[\w-]+\s+){0,2}?(\w+)", re.I)


def _same_post(said: str, *, posts: set[str]) -> bool:
    """`said` is "the <post>" and the post's head word is in the earlier official's title."""
    m = _DEFINITE_POST.fullmatch(said)
    return m is not None and m.group(1).lower() in posts and m.group(1).lower() in _POST_WORDS


# Head words of posts a definite description may name ("the minister", "the chief").
_POST_WORDS = frozenset(POST_HEADS.split("|"))


def purpose_extents(span: Span) -> list[tuple[int, int]]:
    """Character ranges of the sentence's purpose clauses ("met ... to support Burkina Faso", "to discuss
    aid to Somalia") and of the subject its trigger names ("spoke with A about Russia's strikes",
    "talks on Syria"): what was talked about, not who talked."""
    clauses = [
        _extent(tok)
        for tok in span
        if tok.pos_ == "VERB"
        and tok.dep_ in ("advcl", "xcomp", "acl")
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)
    ]
    # "about" names a subject wherever the parser attached it (often to the one met); "on" and "over"
    # only on the trigger itself ("talks on Syria", not "met on the sidelines").
    subjects = [
        _extent(prep)
        for prep in span
        if prep.dep_ == "prep"
        and (prep.lower_ in _ABOUT or prep.lower_ in ("on", "over") and prep.head.lemma_.lower() in _ANY_TRIGGER)
    ]
    return clauses + subjects


_ABOUT = frozenset(["about", "regarding", "concerning"])


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


_BEFORE_AFTER = frozenset(["after", "before", "since", "until", "following"])


def in_side_clause(span: Span, offset: int) -> bool:
    """True when the date at `offset` sits in a relative clause about something else ("Duale, who
    took office in 2023, met ..."): that clause's time, not the engagement's."""
    tok = next((t for t in span if t.idx <= offset < t.idx + len(t)), None)
    while tok is not None:
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ in ("relcl", "acl"):
            # "the exercise, which began on Monday": a clause about the engagement itself is its time.
            return tok.lemma_.lower() not in _ANY_TRIGGER and tok.head.lemma_.lower() not in _ANY_TRIGGER
        if (
            tok.pos_ in ("VERB", "AUX")
            and tok.lemma_.lower() not in _ANY_TRIGGER
            and any(c.dep_ == "mark" and c.lower_ in _BEFORE_AFTER for c in tok.children)
        ):
            # "..., after the North had carried out a test on Jan. 30": the time of what came before.
            return True
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return False  # the first verb above the date is a clause of the sentence's own
        tok = tok.head
    return False
