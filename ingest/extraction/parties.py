"""Parties: which states take part in each engagement, and which state each official represents.

This is the one module that decides them. The people stage reads a state from a person's own words
("Jordan's", "Qatari", "of the Kingdom of Bahrain"); the frames stage reads who meets whom from the
parse (frames.py), naming people, never states. This module turns both into states:

- a sentence's parties: the states its officials stand for, else the states it names as actors, not
  as places or topics (`sentence_sides`);
- one pair per counterpart when one official meets several (`counterpart_pairs`, `separate_pairs`,
  `later_pairs`, `split_by_counterpart`);

- a list shares the state of the group it belongs to ("Among the Saudi officials present were
  A and B", "A, B and C made up the Pakistani delegation");
- in a listing clause, a person printed right after another stands with them ("Also present were
  Pakistani Ambassador A, Chief of Staff B and Military Attache C");
- in a two-state engagement, the one who meets a counterpart of one state represents the other
  ("X held talks with his Bahraini counterpart Y": X is not Bahraini);
- an official the caller already knows keeps their state and title when the article omits them
  (`keep_known`, with `known.KnownOfficials`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from .countries import CountryMention, find_countries
from .frames import (
    DISTINCT_MEETINGS,
    meeting_roles,
    purpose_extents,
    sat_together,
    separate_cue,
    subject_refers_to,
)
from .known import KnownOfficials
from .models import KnownOfficial
from .people import COUNTERPART, HONORIFIC_RUN, POST_HEADS, PersonMention
from .places import Place
from .text import Sentence

if TYPE_CHECKING:
    from .events import Draft

# A group noun with a state: the people listed with it belong to that state.
_GROUP = re.compile(
    r"\b(?:delegations?|officials|side|team|dignitaries|delegates|officers|members|participants|representatives)\b"
)
# Clauses that list people rather than oppose them.
_LISTING = re.compile(
    r"\b(?:present|attended|attending|included|including|includes|comprised|comprising|consisted|consisting|"
    r"made up|among them|among|accompanied|in attendance|alongside|joined by)\b",
    re.I,
)
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|as well as\s+)(?:the\s+)?(?:" + HONORIFIC_RUN + ")?")


def _group_state(text: str, sent: Sentence, countries: Sequence[CountryMention]) -> str | None:
    """The one state whose adjective qualifies a group noun in the sentence ("the Saudi delegation")."""
    found: set[str] = set()
    for c in countries:
        if not (sent.start <= c.start < sent.end) or c.kind not in ("adjective", "name"):
            continue
        after = text[c.end : min(sent.end, c.end + 30)]
        if _GROUP.match(after.lstrip()) or re.match(r"\s+(?:[a-z-]+\s+){0,2}(?:delegations?|officials)\b", after):
            found.add(c.code)
    return found.pop() if len(found) == 1 else None


def inherit_listed_states(
    text: str, *, sentences: Sequence[Sentence], people: list[PersonMention], countries: Sequence[CountryMention]
) -> None:
    """Give a state to people whose own phrase has none, from the list or group they are printed in."""
    for sent in sentences:
        members = [p for p in people if p.sentence == sent.index]
        if not members or not _LISTING.search(sent.text):
            continue
        group = _group_state(text, sent, countries)
        previous: PersonMention | None = None
        for pm in members:
            if pm.country is None and not pm.reporter:
                if group is not None:
                    pm.country = group
                elif previous is not None and previous.country:
                    lead = pm.title_span[0] if pm.title_span and pm.title_span[0] < pm.start else pm.start
                    if previous.end <= lead and _LIST_GAP.fullmatch(text[previous.end : lead]):
                        pm.country = previous.country
            previous = pm


def complement_counterparts(
    sentence: str,
    *,
    countries: set[str],
    persons: Sequence[int],
    people: list[PersonMention],
    root: Callable[[int], int],
) -> None:
    """In a two-state engagement whose sentence names a counterpart, a titled participant without a
    state facing only one state's officials represents the other state."""
    if len(countries) != 2 or not COUNTERPART.search(sentence):
        return
    roots = [root(i) for i in persons]
    known = {people[r].country for r in roots if people[r].country}
    if len(known) != 1 or not known <= countries:
        return
    (other,) = countries - known
    for r in roots:
        if people[r].country is None and not people[r].reporter and not people[r].organisation and people[r].title:
            people[r].country = other


# A post named without a name, by its state ("the Jordanian minister", "Turkey's chief of staff",
# "The UAE Minister of State for Defence Affairs"): its head noun and the complement that completes it.
_POST_DOMAIN = (
    r"(?:[A-Z][\w-]*|state|defen[cs]e|interior|security|staff|general staff|affairs|police|army|navy|"
    r"foreign affairs|home affairs|justice|intelligence|internal affairs|defen[cs]e affairs|security affairs)"
)
_NOMINAL_POST = re.compile(
    r"\s+(?:[A-Za-z-]+\s+){0,3}?(?i:(" + POST_HEADS + r"))\b"
    r"((?:\s+(?:of|for|and)\s+(?:the\s+)?" + _POST_DOMAIN + r"(?:\s+[A-Z][\w-]*){0,3})*)"
)


def _nominal_posts(
    text: str, *, people: list[PersonMention], countries: Sequence[CountryMention]
) -> list[tuple[CountryMention, re.Match[str]]]:
    """The posts the text names by their state and without a name, each with its state's mention."""
    out = []
    for c in countries:
        possessive = text[c.end : c.end + 2] in ("'s", "’s")
        attributive = bool(re.search(r"\b(?:the|The)\s+$", text[max(0, c.start - 4) : c.start]))
        if c.kind == "name" and attributive:
            pass  # "the UAE Minister of State": the state's name used as an adjective
        elif not (c.kind == "adjective" and attributive or possessive):
            continue
        m = _NOMINAL_POST.match(text, c.end + (2 if possessive else 0))
        if m is None or any(c.end <= p.start <= m.end() + 2 for p in people):
            continue  # no post, or a post introducing the name that follows it
        out.append((c, m))
    return out


def nominal_states(
    text: str, *, sentences: Sequence[Sentence], people: list[PersonMention], countries: Sequence[CountryMention]
) -> None:
    """A post named by its state without a name refers to the one person of the article holding that
    post whose own phrase gives no state ("Minister X arrived ... The Jordanian minister said"): X
    is Jordan's. The post printed in full picks its holder by the whole title; by its head noun
    alone, two such people, or none, and nothing is given."""
    posts = _nominal_posts(text, people=people, countries=countries)
    for c, m in posts:
        head = m.group(1).lower()
        post = text[m.start(1) : m.end()].lower()
        holders = [
            p
            for p in people
            if p.canonical is None and p.title and re.search(rf"\b{head}", p.title.lower()) and not p.reporter
        ]
        exact = [p for p in holders if p.title and p.title.lower().removeprefix("the ") == post]
        if m.group(2) and exact:
            holders = exact
        unknown = [p for p in holders if p.country is None]
        others = [p for p in holders if p.country == c.code]
        if len(unknown) == 1 and not others:
            unknown[0].country = c.code
    _posts_then_names(text, sentences=sentences, people=people, posts=posts)


def _posts_then_names(
    text: str,
    *,
    sentences: Sequence[Sentence],
    people: list[PersonMention],
    posts: Sequence[tuple[CountryMention, re.Match[str]]],
) -> None:
    """Posts of different states named without names in one sentence, then as many names printed
    together at the start of the next, with no post or state of their own, are those posts' holders
    in the same order ("Turkey's army chief met Qatar's defence minister. General A and B went over
    ..."): each name takes its post and its state."""
    for sent in sentences[:-1]:
        here = [(c, m) for c, m in posts if sent.start <= c.start < sent.end]
        if len(here) < 2 or len({c.code for c, _ in here}) != len(here):
            continue
        after = [p for p in people if p.sentence == sent.index + 1 and not p.reporter]
        names = after[: len(here)]
        if len(names) != len(here) or any(p.country or p.title or p.canonical is not None for p in names):
            continue
        if not all(
            re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:" + HONORIFIC_RUN + r")?", text[a.end : b.start])
            for a, b in zip(names, names[1:], strict=False)
        ):
            continue
        for p, (c, m) in zip(names, here, strict=True):
            p.country = c.code
            p.title = text[m.start(0) : m.end()].strip()
            p.title_span = (m.start(0) + len(text[m.start(0) : m.end()]) - len(p.title), m.end())


def headline_states(headline: str, *, people: list[PersonMention]) -> None:
    """The headline's own phrase for a person ("Lithuanian interior minister Misiunas visits ...")
    gives their state where the body's phrase gives none: the state printed right before their
    family name in the headline, in the same phrase (no "and", "with", comma or verb between)."""
    if not headline:
        return
    marks = [c for c in find_countries(headline) if c.kind not in ("city", "pair")]
    for pm in people:
        if pm.country is not None or pm.reporter or pm.canonical is not None:
            continue
        family = pm.name.split()[-1]
        m = re.search(rf"(?<![\w'’-]){re.escape(family)}(?![\w'’-])", headline)
        if m is None:
            continue
        before = [c for c in marks if c.end <= m.start()]
        if not before:
            continue
        between = headline[before[-1].end : m.start()]
        if re.fullmatch(r"(?:['’]s)?(?:\s+[A-Za-z.-]+){0,5}?\s+(?:[A-Z][\w'’-]+\s+){0,3}", between) and not re.search(
            r"\b(?:and|with|meets?|hosts?|receives?|to|for|by)\b", between
        ):
            pm.country = before[-1].code


def remaining_side(officials: Sequence[PersonMention], *, countries: set[str]) -> None:
    """In an engagement whose officials stand for all its states but one, the first official of no
    known state stands for that one."""
    seated = {p.country for p in officials if p.country in countries}
    missing = sorted(countries - seated)
    unknown = [p for p in officials if p.country is None and not p.organisation]
    if len(missing) == 1 and unknown:
        unknown[0].country = missing[0]


def state_lists(text: str, countries: Sequence[CountryMention]) -> list[list[str]]:
    """The coordinated lists of states the text prints ("South Korea, the United States and Japan")."""
    lists: list[list[str]] = []
    run: list[CountryMention] = []
    for c in countries:
        if c.kind == "city":
            continue
        if run and re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?", text[run[-1].end : c.start]):
            run.append(c)
            continue
        if len(run) >= 2:
            lists.append([m.code for m in run])
        run = [c]
    if len(run) >= 2:
        lists.append([m.code for m in run])
    return lists


def facing_counterparts(people: list[PersonMention], *, lists: Sequence[Sequence[str]]) -> None:
    """One whose counterparts are printed with their states, and who has none, represents the state
    printed in a list with theirs that none of them represents ("the defence chiefs of Korea, the US
    and Japan ... the minister spoke with his US and Japanese counterparts": he is Korea's)."""
    for k, pm in enumerate(people):
        if pm.country is not None or pm.reporter:
            continue
        facing = {p.country for p in people if p.counterpart_of == k and p.country}
        if not facing:
            continue
        left = {code for states in lists if facing <= set(states) for code in set(states) - facing}
        if len(left) == 1:
            (pm.country,) = left


class Named(Protocol):
    """A person as read in any language: the name printed, and the state and title the text gives."""

    name: str
    country: str | None
    title: str | None
    known: KnownOfficial | None


def keep_known(people: Sequence[Named], known: KnownOfficials) -> None:
    """A known official keeps their state and title where the article prints only the name.

    What the article itself says wins: a state it gives that differs from the known one means
    another person (the lookup refuses the match), a title it gives is the title as reported then."""
    if not len(known):
        return
    for pm in people:
        hit = known.find(pm.name, pm.country, pm.title)
        if hit is None:
            continue
        pm.known = hit
        if pm.country is None and hit.state:
            pm.country = hit.state
        if pm.title is None and hit.titles:
            pm.title = hit.titles[0]


# Sport: a national team in a fixture ("Kuwait were facing Bahrain") is no party to talks.
_SPORT = re.compile(
    r"\b(football|soccer|semi-?finals?|quarter-?finals?|final match|tournament|match|fixture|stadium|league|"
    r"championship|World Cup|Asian Cup|Gulf Cup|Olympics?)\b",
    re.I,
)
_MATCH_AFTER = re.compile(
    r"\s+(?:were |was |are |is )?(?:facing|face[sd]?|play(?:ed|ing|s)?|beat|defeated|drew|vs\.?|v\.?)\b"
)
_MATCH_BEFORE = re.compile(r"\b(?:facing|face[sd]?|against|beat|defeated|vs\.?|v\.?|drew with|play(?:ed|ing)?)\s+$")
# A state after a preposition of place or direction is where, not who ("in Jordan", "to Kenya").
_PLACE_LEAD = re.compile(r"\b(in|to|at|from|near|off|across|into|against|over|on|of)\s+(?:the\s+)?(?:[A-Z]\w+\s+)?$")
# Officials named by where they come from ("his counterparts from Japan", "delegations from Chad").
_OFFICIALS_FROM = re.compile(
    r"\b(?:counterparts?|ministers?|officials?|delegations?|delegates?|chiefs?|envoys?|commanders?|"
    r"representatives?|heads?)\s+from\s+(?:the\s+)?$",
    re.I,
)
# Those met, named by the states they come from or serve: parties, not places ("his counterparts from
# Japan", "the ambassadors of Italy and Spain").
_COUNTERPARTS_FROM = re.compile(
    r"\b(?:counterparts?\s+from|(?:ambassadors?|envoys?|counterparts?|ministers?|chiefs?|delegations?)\s+of)"
    r"\s+(?:the\s+)?$",
    re.I,
)
_VENUE_CITY_LEAD = re.compile(r"\b(?:in|at|to|from)\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?,\s*$")
_RELATION_LEAD = re.compile(r"\b(?:agreement|pact|deal|accord|treaty|memorandum|relations|ties)\s+with\s+$")
# A noun for a person or a party of people, after a state's adjective ("the Bahraini dignitary").
_PERSON_NOUN = re.compile(
    r"\s+(?:[a-z-]+\s+){0,2}?(?:dignitar(?:y|ies)|guests?|visitors?|counterparts?|ministers?|officials?|"
    r"delegations?|delegates?|envoys?|ambassadors?|side|team|generals?|officers?|commanders?|chiefs?)\b"
)
# Verbs whose object is the one met: the subject stands for another state than the object's.
_FACING_VERB = re.compile(
    r"\b(?:met|meets|received|receives|hosted|hosts|welcomed|held talks with|sat down with|spoke with|"
    r"had a (?:\w+ )?meeting with)\b"
)
HOST_ACTIVE = re.compile(r"\b(received|receives|hosted|hosts|welcomed)\b")


@dataclass
class Setting:
    """What the article as a whole says about its states, for the decisions made sentence by sentence."""

    text: str
    people: list[PersonMention]
    countries: Sequence[CountryMention]
    title_order: list[str]  # the headline's states, in order
    freq: Counter[str]  # how much the article is about each state
    dateline: Place | None

    @classmethod
    def read(
        cls,
        text: str,
        *,
        title: str,
        people: list[PersonMention],
        countries: Sequence[CountryMention],
        dateline: Place | None,
    ) -> Setting:
        # The headline's states, but not its venue ("... meets Japan's minister in Laos").
        title_order = [
            c.code
            for c in find_countries(title)
            if c.kind != "city" and not re.search(r"\b(?:in|at)\s+(?:the\s+)?$", title[max(0, c.start - 8) : c.start])
        ]
        # The headline counts double, venues and destinations not at all ("in Laos", "a visit to
        # Vientiane, Lao PDR").
        freq = Counter(
            c.code
            for c in countries
            if c.kind != "city"
            and not re.search(r"\b(?:in|at|to)\s+(?:the\s+)?$", text[max(0, c.start - 8) : c.start])
            and not _VENUE_CITY_LEAD.search(text[max(0, c.start - 25) : c.start])
        )
        for code in dict.fromkeys(title_order):  # in order: ties in `freq` break the same way everywhere
            freq[code] += 2
        return cls(text, people, countries, title_order, freq, dateline)

    def root(self, i: int) -> int:
        while self.people[i].canonical is not None:
            i = self.people[i].canonical  # type: ignore[assignment]
        return i

    def faced(self, k: int) -> set[str]:
        """The states of those person `k` is printed as meeting ("K met A and B", "K held talks with A"):
        K represents none of them."""
        root = self.root(k)
        out: set[str] = set()
        for i, pm in enumerate(self.people):
            if self.root(i) != root:
                continue
            verb = _FACING_VERB.search(self.text, pm.end, pm.end + 120)
            if verb is None or any(p.start < verb.start() and p.start > pm.end for p in self.people):
                continue  # no meeting verb after K, or another person between K and it
            stop = re.search(r"[.;]\s|$", self.text[verb.end() :])
            clause_end = verb.end() + (stop.start() if stop else 0)
            for j, other in enumerate(self.people):
                if verb.end() <= other.start < clause_end and self.root(j) != root:
                    code = self.people[self.root(j)].country
                    if code:
                        out.add(code)
        return out

    def fallback(self, known: set[str]) -> str | None:
        """The state the article is about, other than `known`: the headline's first, else the most named."""
        headline = [c for c in self.title_order if c not in known]
        if headline:
            return headline[0]
        return next((code for code, _ in self.freq.most_common() if code not in known), None)

    def host(self, persons: Sequence[int], codes: set[str]) -> str:
        """The side of the first official named among `codes`; else the headline's, else the most named."""
        for i in persons:
            code = self.people[self.root(i)].country
            if code in codes:
                return code
        for code in self.title_order:
            if code in codes:
                return code
        return max(sorted(codes), key=lambda c: self.freq[c])


def sentence_parties(setting: Setting, sent: Sentence) -> tuple[set[str], set[str], list[int]]:
    """The states a sentence makes parties (strong), those it names only as places or partners (weak),
    and the people it names (mention indices)."""
    people, text = setting.people, setting.text
    persons = [i for i, p in enumerate(people) if p.sentence == sent.index and not people[setting.root(i)].reporter]
    strong = {code for i in persons if (code := people[setting.root(i)].country)}
    weak: set[str] = set()
    if len(strong) >= 2:
        return strong, weak, persons  # the officials name the parties; other states are context
    sport = bool(_SPORT.search(sent.text))
    for c in setting.countries:
        if not (sent.start <= c.start < sent.end):
            continue
        if sport and (
            _MATCH_AFTER.match(text, c.end) or _MATCH_BEFORE.search(text[max(sent.start, c.start - 30) : c.start])
        ):
            continue
        lead = text[max(sent.start, c.start - 25) : c.start]
        if (
            c.kind in ("city", "pair")
            or _PLACE_LEAD.search(lead)
            and not _COUNTERPARTS_FROM.search(lead)  # "his counterparts from Japan": whose officials
            or _VENUE_CITY_LEAD.search(lead)  # "in Brussels, Belgium": the venue city's state
            # The other party to a pact or relation, not necessarily at the table ("a deal with Kenya").
            or _RELATION_LEAD.search(lead)
            and text[c.end : c.end + 2] not in ("'s", "’s")
        ):
            weak.add(c.code)
        else:
            strong.add(c.code)
    return strong, weak, persons


def implicit_states(
    setting: Setting, sent: Sentence, *, strong: set[str], persons: Sequence[int], domestic: bool
) -> set[str]:
    """Give a state to the sentence's officials whose own phrase leaves it implicit; returns the
    sentence's parties with the state so given."""
    people, root = setting.people, setting.root
    unknown = [
        root(i)
        for i in persons
        if people[root(i)].country is None and not people[root(i)].absent and not people[root(i)].organisation
    ]
    if not unknown or domestic and len(strong) != 1:
        return strong
    if len(strong) >= 2:
        return _third_side(setting, sent, strong=strong, persons=persons, person=unknown[0])
    if len(strong) != 1:
        return strong
    (named,) = strong
    if domestic:
        people[unknown[0]].country = named  # chairing his own state's cabinet
        return strong
    met_by = _met_by_antecedent(setting, sent, persons=persons, person=unknown[0])
    if met_by is not None and people[met_by].country != named:
        # "He spoke with General A, whom Turkiye named ...": the one "he" stands for is of another
        # state, so the one he met is of the state the sentence names.
        people[unknown[0]].country = named
        return strong | {people[met_by].country or named}
    other = _other_side(setting, sent, strong=strong, person=unknown[0])
    speaks_for_named = any(people[root(i)].country == named for i in persons)
    other_seated = any(p.country == other and p.title and p.start < sent.start for p in people)
    if other and not speaks_for_named and other_seated and _named_as_owner(setting, sent, code=named):
        # The other side's official is already known and nobody here stands for the state this
        # sentence names: the newcomer is that state's ("PDRM said its IGP X attended").
        for u in unknown:
            people[u].country = named
        return strong
    if other:
        people[unknown[0]].country = other
        return strong | {other}
    return strong


def _third_side(setting: Setting, sent: Sentence, *, strong: set[str], persons: Sequence[int], person: int) -> set[str]:
    """One printed as meeting officials of two or more states stands for none of them ("X held talks
    with Japan's minister A and the Philippines' secretary B"): the state the article is about
    besides theirs."""
    people = setting.people
    faced = setting.faced(person)
    if sent.span is not None:
        roles = meeting_roles(sent.span, people=people, persons=persons, root=setting.root)
        if person in roles.convening:
            faced |= {code for m in roles.met if (code := people[m].country)}
    other = setting.fallback(strong | faced) if faced and strong <= faced else None
    if other is None:
        return strong
    people[person].country = other
    return strong | {other}


def _other_side(setting: Setting, sent: Sentence, *, strong: set[str], person: int) -> str | None:
    """The state of an official of a sentence naming one other state: the side the article is filed
    from when they receive a visitor at home, else the other state the article talks about most;
    never a state of those the official is printed as meeting."""
    other = setting.fallback(strong | setting.faced(person))
    hosting = HOST_ACTIVE.search(sent.text)
    dateline = setting.dateline
    if (
        hosting
        and dateline is not None
        and dateline.country
        and dateline.country not in strong
        and setting.people[person].start < sent.start + hosting.start()
    ):
        # The one receiving a visitor is at home, and the dateline names home: evidence of the
        # host's state here, not a default for anyone.
        other = dateline.country
    return other


def _named_as_owner(setting: Setting, sent: Sentence, *, code: str) -> bool:
    """The sentence names the state as a speaker or owner ("the PDRM's page", "Malaysian police"), not
    a destination ("visited Bahrain") nor another person's state ("received the Bahraini dignitary")."""
    return any(
        c.code == code
        and sent.start <= c.start < sent.end
        and (c.kind in ("institution", "adjective") or setting.text[c.end : c.end + 2] in ("'s", "’s"))
        and not (c.kind == "adjective" and _PERSON_NOUN.match(setting.text, c.end))
        for c in setting.countries
    )


def _met_by_antecedent(setting: Setting, sent: Sentence, *, persons: Sequence[int], person: int) -> int | None:
    """The earlier official with a state whom the sentence's meeting verb has as its subject again (a
    pronoun, their surname, "the minister"), when `person` is the one met; else None."""
    if sent.span is None:
        return None
    people = setting.people
    roles = meeting_roles(sent.span, people=people, persons=persons, root=setting.root)
    if person not in roles.met or roles.meeting:
        return None
    earlier = [setting.root(i) for i, p in enumerate(people) if p.start < sent.start and not p.reporter and p.country]
    if not earlier or not subject_refers_to(roles, text=setting.text, people=people, earlier=earlier[-1:]):
        return None
    return earlier[-1]


def completed_pair(setting: Setting, *, codes: set[str], weak: set[str], pool: set[str]) -> tuple[set[str], bool]:
    """The parties of a sentence that names fewer than two, completed from the engagement under way
    (`pool`: its states, else the headline's); True when completed."""
    if codes and codes <= pool and len(pool) > 2:
        # One of several counterparts: paired with the side the article is about.
        ranked = setting.title_order + [c for c, _ in setting.freq.most_common()]
        lead = next((c for c in ranked if c in pool and c not in codes), None)
        if lead:
            return codes | {lead}, True
        return codes, False
    if codes <= pool and len(pool) >= 2:
        return set(pool), True
    if len(codes | weak) >= 2 and len(codes) == 1:
        return codes | weak, True
    return codes, False


def sentence_sides(setting: Setting, sent: Sentence, *, domestic: bool) -> tuple[set[str], set[str], list[int]]:
    """A sentence's parties (strong), the states it names only as places or partners (weak), and the
    people it names; a state named only in the talks' purpose is no party, and an official whose own
    phrase leaves their state implicit is given one (`implicit_states`)."""
    visit_states(setting, sent)
    strong, weak, persons = sentence_parties(setting, sent)
    strong -= purpose_states(setting, sent, codes=strong)
    strong = implicit_states(setting, sent, strong=strong, persons=persons, domestic=domestic)
    met_states(setting, sent, strong=strong, persons=persons)
    return strong, weak, persons


def met_states(setting: Setting, sent: Sentence, *, strong: set[str], persons: Sequence[int]) -> None:
    """In a sentence of two states where officials of one meet others ("X of A met one by one with
    Vice-President P; B's minister Q; ..."), a titled official met whose own phrase gives no state
    represents the other state: one does not meet one's own side's official as a counterpart."""
    if len(strong) != 2 or sent.span is None:
        return
    people = setting.people
    roles = meeting_roles(sent.span, people=people, persons=persons, root=setting.root)
    sides = {people[r].country for r in roles.meeting if r not in roles.met}
    if len(sides) != 1 or not sides <= strong:
        return
    (other,) = strong - sides
    for r in roles.met:
        p = people[r]
        if p.country is None and p.title and not (p.reporter or p.organisation or p.absent):
            p.country = other


# The state a visit is paid to ("on a visit to Saudi Arabia", "during his visit to Riyadh", "visiting Kenya").
_VISIT_TO = re.compile(r"\b(?:visit to|visiting|visit of \w+ to)\s+(?:the\s+)?$", re.I)


def visit_states(setting: Setting, sent: Sentence) -> None:
    """In a sentence telling a visit to a state, the visitor meets that state's officials: those met
    whose own phrase gives no state are the visited state's; the visitor, with none of their own, is of
    the dateline's state when the report is filed from elsewhere (home)."""
    people, root = setting.people, setting.root
    visited = next(
        (
            c
            for c in setting.countries
            if sent.start <= c.start < sent.end
            and _VISIT_TO.search(setting.text[max(sent.start, c.start - 25) : c.start])
        ),
        None,
    )
    persons = [root(i) for i, p in enumerate(people) if p.sentence == sent.index and not p.reporter]
    if visited is None or not persons:
        return
    roles = meeting_roles(sent.span, people=people, persons=persons, root=root) if sent.span is not None else None
    before = [r for r in persons if people[r].start < visited.start]
    visitors = set(roles.convening if roles and roles.convening else before[-1:])
    for r in dict.fromkeys(persons):
        p = people[r]
        if p.country is not None or p.organisation or p.absent or not p.title:
            continue
        if r not in visitors:
            p.country = visited.code
        elif setting.dateline is not None and setting.dateline.country not in (None, visited.code):
            p.country = setting.dateline.country


def purpose_states(setting: Setting, sent: Sentence, *, codes: set[str]) -> set[str]:
    """States of `codes` the sentence names only inside the purpose of its talks ("met ... to support
    Burkina Faso", "to discuss aid to Somalia"): what was talked about, not who talked."""
    purposes = purpose_extents(sent.span) if sent.span is not None else []
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


_HOST_PASSIVE = re.compile(r"\b(?:was|were) (?:received|hosted|welcomed)(?: [\w ]{0,30})? by\b")


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


Frame = tuple[set[str], list[int]]  # one engagement's two states and its people (roots)


def _states_named_in(setting: Setting, regions: list[tuple[int, int]]) -> list[str]:
    """States named as whose officials they are inside `regions` ("Japan's", "Philippine", "ministers of
    Japan"), not as a place ("in Tokyo")."""
    text = setting.text
    found = []
    for c in setting.countries:
        if c.kind not in ("name", "adjective") or not any(s <= c.start < e for s, e in regions):
            continue
        lead = text[max(0, c.start - 40) : c.start]
        if re.search(r"\b(?:in|at|to|from|near|off)\s+(?:the\s+)?$", lead[-10:]) and not _OFFICIALS_FROM.search(lead):
            continue
        found.append(c.code)
    return list(dict.fromkeys(found))


def _meeting_side(setting: Setting, *, hosts: list[int], host_states: set[str], states: list[str]) -> str | None:
    """The state of those who meet the officials of `states`: their own, else (when their phrases name
    none) the state the article names most beyond those met, which they are then given."""
    if host_states:
        (host,) = host_states
        return host
    if not hosts:
        return None
    lead = next((c for c, _ in setting.freq.most_common() if c not in states), None)
    if lead is None and setting.dateline is not None and setting.dateline.country not in states:
        # No other state named: the one holding the meetings is at home where the report is filed.
        lead = setting.dateline.country
    if lead is not None:
        for r in hosts:
            setting.people[r].country = lead
    return lead


def counterpart_pairs(
    setting: Setting, sent: Sentence, *, persons: Sequence[int], told: str, earlier: Sequence[int] = ()
) -> list[Frame]:
    """One pair per state met when the sentence's meeting verb has officials of several states as its
    object ("X met Japan's minister and the Philippines' secretary", "met his Japanese and Philippine
    counterparts", "held talks with A, then B"); the subject meets each in turn unless the text says
    they sat together (`told`: the sentence and the next two). With no one as the subject ("Bilateral
    meetings were held with the army chiefs of A, B and C"), the meetings are those of the official
    who met the last counterpart (`earlier`). Empty when the parse shows no such object."""
    if sent.span is None or sat_together(told):
        return []
    people = setting.people
    roles = meeting_roles(sent.span, people=people, persons=persons, root=setting.root)
    if not roles.objects:
        return []
    met = roles.met
    hosts = [r for r in roles.meeting if r not in met]
    states = list(
        dict.fromkeys([c for r in met if (c := people[r].country)] + _states_named_in(setting, roles.objects))
    )
    host_states = {c for r in hosts if (c := people[r].country)} or set(_states_named_in(setting, roles.subjects))
    if len(states) < 2 or len(host_states) > 1 or host_states & set(states):
        return []
    if not hosts and not host_states:
        hosts = _agent(people, before=sent.start, earlier=earlier, states=states)
        host_states = {c for c in [people[hosts[0]].country] if c} if hosts else set()
    host = _meeting_side(setting, hosts=hosts, host_states=host_states, states=states)
    if host is None:
        return []
    _respectively(people, met=met, states=_states_named_in(setting, roles.objects))
    return [({host, state}, hosts + [r for r in met if people[r].country == state]) for state in states]


def _respectively(people: Sequence[PersonMention], *, met: list[int], states: list[str]) -> None:
    """Those met printed without a state take, in order, the states printed among those met that no
    official met stands for ("met X of Malaysia and Y of Singapore", "his counterparts from Malaysia
    and Singapore, X and Y"): each state listed sent the official listed in its place."""
    seated = {people[r].country for r in met}
    missing = [c for c in states if c not in seated]
    stateless = [r for r in met if people[r].country is None and not (people[r].organisation or people[r].absent)]
    if stateless and len(stateless) == len(missing):
        for r, code in zip(stateless, missing, strict=True):
            people[r].country = code


def _agent(people: Sequence[PersonMention], *, before: int, earlier: Sequence[int], states: Sequence[str]) -> list[int]:
    """Who held agentless "meetings ... with" officials of `states`: the official who met the last
    counterpart, else the one the article introduced first; never one of a state met."""
    agent = list(earlier) or introduced_official(people, before=before)
    if not agent or people[agent[0]].country in (None, *states):
        return []
    return [r for r in agent if people[r].country == people[agent[0]].country]


def introduced_official(people: Sequence[PersonMention], *, before: int, state: str | None = None) -> list[int]:
    """The first titled official (of `state`, when given; else of any state) the article names before
    offset `before`: the antecedent of a later "he" ("He met separately with ...") or the agent of an
    agentless "meetings were held with ..."."""
    for k, p in enumerate(people):
        if p.start >= before:
            break
        if p.canonical is None and p.country and (state is None or p.country == state) and p.title and not p.reporter:
            return [k]
    return []


def separate_pairs(setting: Setting, sent: Sentence, *, codes: set[str], persons: Sequence[int]) -> list[Frame]:
    """One pair per counterpart (its two states, its people) when a sentence naming three or more
    states says the meetings were separate ("He met separately with A, B and C"); else none."""
    cue = separate_cue(sent.text)
    if cue is None or len(codes) < 3:
        return []
    people, root = setting.people, setting.root
    host = setting.host(persons, codes)
    lead = next((c for c, _ in setting.freq.most_common() if c not in codes), None)
    if lead and not any(people[root(i)].start < sent.start + cue and people[root(i)].country for i in persons):
        host = lead  # no one named before the cue: the host is the article's subject
        codes = codes | {host}
    hosts = [root(i) for i in persons if people[root(i)].country == host]
    # "He met separately with ...": the host's official is the one the article introduced.
    hosts = hosts or introduced_official(people, before=sent.start, state=host)
    return [
        ({host, other}, hosts + [root(i) for i in persons if people[root(i)].country == other])
        for other in sorted(codes - {host})
    ]


def meeting_hosts(setting: Setting, sent: Sentence, *, persons: Sequence[int]) -> list[int]:
    """The officials (roots) with a state who are the subject of the sentence's meeting verbs, whether or
    not it names whom they met ("X held a series of bilateral meetings"): the antecedent of a later "he"."""
    if sent.span is None:
        return []
    roles = meeting_roles(sent.span, people=setting.people, persons=persons, root=setting.root)
    return [r for r in roles.convening if setting.people[r].country]


def later_pairs(setting: Setting, sent: Sentence, *, persons: Sequence[int], hosts: Sequence[int]) -> list[Frame]:
    """ "He also held talks with Tanzania's minister", "Umerov also met Polish and Lithuanian ministers":
    a meeting verb whose subject is the official who met the last counterpart (`hosts`; a pronoun, or
    their surname) and whose object names officials of other states, by name or by their state alone,
    is one more meeting per state, of that official's state with each."""
    if sent.span is None or not hosts:
        return []
    people = setting.people
    host = people[hosts[0]].country
    roles = meeting_roles(sent.span, people=people, persons=persons, root=setting.root)
    named = _states_named_in(setting, roles.objects)  # "also met Tanzania's defence minister"
    states = list(dict.fromkeys([c for r in roles.met if (c := people[r].country)] + named))
    if host is None or not states or host in states:
        return []
    if not subject_refers_to(roles, text=setting.text, people=people, earlier=hosts):
        return []
    if len(states) == 1:
        return [({host, *states}, list(hosts) + roles.met)]
    return [({host, state}, list(hosts) + [r for r in roles.met if people[r].country == state]) for state in states]


class CounterpartSplit:
    """A draft told as one group of sentences, split into one engagement per counterpart when the text
    says the meetings were distinct ("met separately", "also met", "one by one"): the host's officials
    with that counterpart, the counterpart's own sentences and the later ones naming them."""

    def __init__(
        self, *, sentences: Sequence[Sentence], people: Sequence[PersonMention], root: Callable[[int], int]
    ) -> None:
        self.sentences, self.people, self.root = sentences, people, root
        self.by_sentence: dict[int, list[int]] = {}
        for k, p in enumerate(people):
            if not p.reporter:
                self.by_sentence.setdefault(p.sentence, []).append(k)
        # How many sentences name each official: the host is the one named throughout.
        self.mentions: Counter[int] = Counter()
        for ks in self.by_sentence.values():
            for r in {root(k) for k in ks}:
                self.mentions[r] += 1

    def __call__(self, draft: Draft) -> list[Draft]:
        host = self.host(draft)
        order = self.counterparts(draft, host=host) if host is not None else []
        if host is None or len(order) < 2:
            return [draft]
        own = self.own_sentences(draft, order=order)
        people, root = self.people, self.root
        hosts = [r for r in dict.fromkeys(root(k) for k in draft.people) if people[r].country == host]
        frames = []
        for r in order:
            counterpart = people[r].country
            assert counterpart is not None  # `order` holds only officials with a state
            frames.append(
                replace(
                    draft,
                    countries={host, counterpart},
                    sentences=sorted(own[r]),
                    people=hosts + [r],
                    excluded=set(order) - {r},
                )
            )
        return frames

    def host(self, draft: Draft) -> str | None:
        """The state of the one meeting the others, when the text says the meetings were distinct: the
        subject of the distributive verb, else the official the article keeps coming back to."""
        if draft.type not in ("meeting", "call"):
            return None
        if not any(DISTINCT_MEETINGS.search(self.sentences[i].text) for i in draft.sentences):
            return None
        return self._subject_state(draft) or self._most_named(draft)

    def _subject_state(self, draft: Draft) -> str | None:
        """The state of the official printed before the cue ("X met separately with ...")."""
        people = self.people
        for i in sorted(draft.sentences):
            cue = DISTINCT_MEETINGS.search(self.sentences[i].text)
            if cue is None:
                continue
            at = self.sentences[i].start + cue.start()
            before = [self.root(k) for k in self.by_sentence.get(i, []) if people[k].end <= at]
            if before and people[before[-1]].country in draft.countries:
                return people[before[-1]].country
        return None

    def _most_named(self, draft: Draft) -> str | None:
        people = self.people
        ranked = [(n, -r) for r, n in self.mentions.items() if people[r].country in draft.countries]
        if not ranked:
            return None
        ranked.sort(reverse=True)
        if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
            return None  # no official stands out: the text does not say who met whom
        return people[-ranked[0][1]].country

    def counterparts(self, draft: Draft, *, host: str) -> list[int]:
        """The officials of the other states met in the group's sentences, in order of first mention."""
        order: list[int] = []
        for i in sorted(draft.sentences):
            for k in self.by_sentence.get(i, []):
                r = self.root(k)
                code = self.people[r].country
                if code and code != host and code in draft.countries and r not in order:
                    order.append(r)
        return order

    def own_sentences(self, draft: Draft, *, order: list[int]) -> dict[int, list[int]]:
        """Each counterpart's sentences: the group's that name them, and every later one that does."""
        root = self.root

        def named(i: int) -> set[int]:
            return {root(k) for k in self.by_sentence.get(i, [])}

        own = {r: sorted({i for i in draft.sentences if r in named(i)}) for r in order}
        for i in range(min(draft.sentences), len(self.sentences)):
            for k in self.by_sentence.get(i, []):
                if root(k) in own and i not in own[root(k)]:
                    own[root(k)].append(i)
        return own


def split_by_counterpart(
    drafts: list[Draft],
    *,
    sentences: Sequence[Sentence],
    people: Sequence[PersonMention],
    root: Callable[[int], int],
) -> list[Draft]:
    """Drafts with one engagement per counterpart when the text says the meetings were distinct."""
    split = CounterpartSplit(sentences=sentences, people=people, root=root)
    return [frame for draft in drafts for frame in split(draft)]
