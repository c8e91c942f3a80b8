"""One `person` id per real person across a batch, whatever the spelling."""

from __future__ import annotations

import re
from collections import defaultdict

from meetings.names import fold, name_tokens, skeleton

from .matching import PersonCandidate, PersonMention, match_score, name_similarity
from .models import KnownOfficial

# A lone family name fits two people of one state about equally when their scores are this close:
# the name alone does not say which of them it is.
_AMBIGUOUS = 0.05


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", fold(text))


def _blocks(name: str) -> set[str]:
    return {skeleton(t)[:3] for t in name_tokens(name)}


class PersonRegistry:
    """Clusters of official mentions; blocked by token skeletons so a batch stays near-linear.

    A cluster holds every spelling it was given. A full name joins it only when it agrees with each
    full name already there, so a cluster started from a family name alone ("Marles") never gathers
    two people who share it ("Richard Marles", "Jane Marles"). An official the caller already knows
    is one cluster from the start, with every spelling on record: each mention recognised as them
    keeps one id whatever the article prints."""

    def __init__(self, threshold: float = 0.8) -> None:
        self.threshold = threshold
        self._candidates: dict[str, PersonCandidate] = {}
        self._index: dict[str, set[str]] = defaultdict(set)
        self._known: dict[str, str] = {}  # KnownOfficial.key -> cluster key

    def resolve(self, name: str, country: str | None, title: str | None, *, known: KnownOfficial | None = None) -> str:
        if known is not None and known.key is not None:
            key = self._known.get(known.key) or self._new(
                known.name, country=known.state or country, title=title, aliases=known.aliases
            )
            self._known[known.key] = key
        else:
            key = self._match(PersonMention(name, country, title)) or self._new(name, country=country, title=title)
        self._add(key, name, country=country, title=title)
        return key

    def _match(self, mention: PersonMention) -> str | None:
        pool = sorted({k for b in _blocks(mention.name) for k in self._index.get(b, ())})
        full = len(name_tokens(mention.name)) > 1
        scored = []
        for key in pool:
            cand = self._candidates[key]
            if full and any(len(name_tokens(n)) > 1 and name_similarity(mention.name, n) == 0.0 for n in cand.names):
                continue  # a full name at odds with one of the cluster's: another person of that family name
            score = match_score(mention, cand)[0]
            if score >= self.threshold:
                scored.append((score, key))
        scored.sort(reverse=True)
        if not scored:
            return None
        # A family name alone, or after an initial ("R. Krishnan"), may fit two people equally.
        weak = not full or len(name_tokens(mention.name)[0]) == 1
        if weak and len(scored) > 1 and scored[1][0] > scored[0][0] - _AMBIGUOUS:
            return None
        return scored[0][1]

    def _new(self, name: str, *, country: str | None, title: str | None, aliases: tuple[str, ...] = ()) -> str:
        parts = [_slug(t) for t in name_tokens(name)] or ["unknown"]
        state = (country or "xx").lower()
        base = f"{state}-{parts[-1]}-{parts[0]}" if len(parts) > 1 else f"{state}-{parts[0]}"
        key, n = base, 1
        while key in self._candidates:
            n += 1
            key = f"{base}-{n}"
        self._candidates[key] = PersonCandidate(key, (), country, title)
        for alias in (name, *aliases):
            self._add(key, alias, country=country, title=title)
        return key

    def _add(self, key: str, name: str, *, country: str | None, title: str | None) -> None:
        cand = self._candidates[key]
        if name not in cand.names:
            self._candidates[key] = PersonCandidate(
                key, cand.names + (name,), cand.country or country, cand.title or title
            )
        for b in _blocks(name):
            self._index[b].add(key)
