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

from .people import PersonMention
from .text import Sentence

# Words that make each conjunct of the object its own meeting (distributive) or add a new one.
DISTINCT_MEETINGS = re.compile(
    r"\b(?:separate(?:ly)?|one by one|individually|"
    r"also (?:met|meets|held talks|holds talks|sat down|received|receives)|went on to (?:meet|hold|receive)|"
    r"(?:an?|in (?:an?|another)) (?:separate|another|earlier) (?:meeting|talks)|series of (?:talks|meetings))\b",
    re.I,
)


def _host(draft, mentions: Counter, people: Sequence[PersonMention]) -> str | None:
    """The state of the official the article keeps coming back to: the one meeting the others."""
    ranked = [(n, -r) for r, n in mentions.items() if people[r].country in draft.countries]
    if not ranked:
        return None
    ranked.sort(reverse=True)
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return None  # no official stands out: the text does not say who met whom
    return people[-ranked[0][1]].country


def _subject_state(draft, sentences, by_sentence, people, root) -> str | None:
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
    drafts: list,
    sentences: Sequence[Sentence],
    people: Sequence[PersonMention],
    root: Callable[[int], int],
) -> list:
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
    out = []
    for draft in drafts:
        cued = draft.type in ("meeting", "call") and any(
            DISTINCT_MEETINGS.search(sentences[i].text) for i in draft.sentences
        )
        host = None
        if cued:
            # The subject of the distributive verb: the official printed before "met separately".
            host = _subject_state(draft, sentences, by_sentence, people, root) or _host(draft, mentions, people)
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
            out.append(
                replace(
                    draft,
                    countries={host, people[r].country},
                    sentences=sorted(own[r]),
                    people=hosts + [r],
                    excluded=set(order) - {r},
                )
            )
    return out
