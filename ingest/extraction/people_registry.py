"""One `person` id per real person across a batch, whatever the spelling."""

from __future__ import annotations

import re
from collections import defaultdict

from meetings.names import fold, name_tokens, skeleton

from .matching import PersonCandidate, PersonMention, match_official


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", fold(text))


class PersonRegistry:
    """Clusters of official mentions; blocked by token skeletons so a batch stays near-linear."""

    def __init__(self, threshold: float = 0.8) -> None:
        self.threshold = threshold
        self._candidates: dict[str, PersonCandidate] = {}
        self._index: dict[str, set[str]] = defaultdict(set)

    def resolve(self, name: str, country: str | None, title: str | None) -> str:
        tokens = name_tokens(name)
        keys = {skeleton(t)[:3] for t in tokens}
        pool = {k for b in keys for k in self._index.get(b, ())}
        candidates = [self._candidates[k] for k in sorted(pool)]
        match = match_official(PersonMention(name, country, title), candidates, threshold=self.threshold)
        if match is not None:
            key = match.candidate.key
            cand = match.candidate
            if name not in cand.names:
                self._candidates[key] = PersonCandidate(
                    key, cand.names + (name,), cand.country or country, cand.title or title
                )
        else:
            parts = [_slug(t) for t in tokens] or ["unknown"]
            base = (
                f"{(country or 'xx').lower()}-{parts[-1]}-{parts[0]}"
                if len(parts) > 1
                else f"{(country or 'xx').lower()}-{parts[0]}"
            )
            key, n = base, 1
            while key in self._candidates:
                n += 1
                key = f"{base}-{n}"
            self._candidates[key] = PersonCandidate(key, (name,), country, title)
        for b in keys:
            self._index[b].add(key)
        return key
