"""Parties: which state each official represents, beyond what their own phrase says.

The people stage reads a state from a person's own words ("Jordan's", "Qatari", "of the Kingdom
of Bahrain"). This module adds what the sentence's structure implies, and nothing from article-wide
guesses:

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
from collections.abc import Sequence

from .countries import CountryMention
from .known import KnownOfficials
from .people import HONORIFIC_RUN, PersonMention
from .text import Sentence

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
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|as well as\s+)(?:the\s+)?" + HONORIFIC_RUN + "?")


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
    text: str, sentences: Sequence[Sentence], people: list[PersonMention], countries: Sequence[CountryMention]
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


_COUNTERPART = re.compile(r"\bcounterparts?\b", re.I)


def complement_counterparts(
    sentence: str, countries: set[str], persons: Sequence[int], people: list[PersonMention], root
) -> None:
    """In a two-state engagement whose sentence names a counterpart, a titled participant without a
    state facing only one state's officials represents the other state."""
    if len(countries) != 2 or not _COUNTERPART.search(sentence):
        return
    roots = [root(i) for i in persons]
    known = {people[r].country for r in roots if people[r].country}
    if len(known) != 1 or not known <= countries:
        return
    (other,) = countries - known
    for r in roots:
        if people[r].country is None and not people[r].reporter and people[r].title:
            people[r].country = other


def keep_known(people: list[PersonMention], known: KnownOfficials) -> None:
    """A known official keeps their state and title where the article prints only the name.

    What the article itself says wins: a state it gives that differs from the known one means
    another person (the lookup refuses the match), a title it gives is the title as reported then."""
    if not len(known):
        return
    for pm in people:
        if pm.reporter:
            continue
        hit = known.find(pm.name, pm.country, pm.title)
        if hit is None:
            continue
        pm.known = hit
        if pm.country is None and hit.state:
            pm.country = hit.state
        if pm.title is None and hit.titles:
            pm.title = hit.titles[0]
