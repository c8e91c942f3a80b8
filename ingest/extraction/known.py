"""Officials the caller already knows, looked up by any spelling of their names.

A surname alone ("Maaytah") or a full name the article prints without a state is recognised as
a known official only when one known official, and only one, fits it: a shared family name is
not knowledge."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from meetings.names import name_tokens, skeleton

from .matching import PersonCandidate, PersonMention, match_score
from .models import KnownOfficial

# A lone family name scores about 0.75; a full name about 0.95 (see matching.match_official).
THRESHOLD = 0.7
# The best fit must beat the runner-up by this much, or the name is ambiguous.
MARGIN = 0.1
FOUND_KEPT = 50_000  # answers kept per index (a caller may keep one index across many batches)


# A run of capitalised words, with the particles of Arabic and European names between them.
_CAPITALISED_RUN = re.compile(
    r"\b[A-Z][\w'’-]+(?:\s+(?:(?:al|el|bin|bint|ibn|de|da|van|von)[-\s]+)?[A-Z][\w'’-]+){0,6}"
)


def _keys(name: str) -> set[str]:
    return {skeleton(t)[:3] for t in name_tokens(name)}


def _names(official: KnownOfficial) -> tuple[str, ...]:
    return tuple(dict.fromkeys((official.name, *official.aliases)))


def _family_name(name: str) -> list[str]:
    """The skeleton of the name's last word, if it has one: the family name a lone word must be."""
    tokens = name_tokens(name)
    return [skeleton(tokens[-1])] if tokens else []


class KnownOfficials:
    """An index of known officials by the skeletons of their name words, built once and brought up to date
    in place as officials change (`update`)."""

    def __init__(self, officials: Iterable[KnownOfficial] = ()) -> None:
        self._build(officials)

    def _build(self, officials: Iterable[KnownOfficial]) -> None:
        self._officials: list[KnownOfficial | None] = []  # None: a slot whose official was replaced or dropped
        self._candidates: list[PersonCandidate] = []
        self._index: dict[str, set[int]] = defaultdict(set)
        self._family: Counter[str] = Counter()  # skeletons of family names: a lone word must be one
        self._by_key: dict[str, int] = {}  # the caller's key: the official's slot
        self._live = 0
        # Answers of `find` since the last update: a batch's copies of one story ask the same.
        self._found: dict[tuple[str, str | None, str | None], KnownOfficial | None] = {}
        for official in officials:
            self._add(official)

    def _add(self, official: KnownOfficial) -> None:
        at = len(self._officials)
        if official.key is not None:
            self._by_key[official.key] = at
        self._officials.append(official)
        names = _names(official)
        title = official.titles[0] if official.titles else None
        self._candidates.append(PersonCandidate(str(at), names, official.state, title))
        for name in names:
            for key in _keys(name):
                self._index[key].add(at)
            for family in _family_name(name):
                self._family[family] += 1
        self._live += 1

    def _drop(self, key: str) -> None:
        at = self._by_key.pop(key, None)
        official = self._officials[at] if at is not None else None
        if at is None or official is None:
            return
        for name in _names(official):
            for index_key in _keys(name):
                self._index[index_key].discard(at)
                if not self._index[index_key]:
                    del self._index[index_key]
            for family in _family_name(name):
                self._family[family] -= 1
                if self._family[family] <= 0:
                    del self._family[family]
        self._officials[at] = None
        self._live -= 1

    def update(self, changed: Iterable[KnownOfficial], removed: Iterable[str] = ()) -> None:
        """The officials of the `changed` ones' keys replaced by them (or added), those of the `removed` keys
        dropped; answers given before are forgotten. Once most slots are of officials replaced, the index is
        built again from the others, so that one kept for weeks stays the size of what it holds."""
        changed = list(changed)
        for key in {*removed, *(official.key for official in changed if official.key is not None)}:
            self._drop(key)
        for official in changed:
            self._add(official)
        self._found.clear()
        if len(self._officials) > 2 * self._live + 1000:
            self._build([official for official in self._officials if official is not None])

    def __len__(self) -> int:
        return self._live

    def by_key(self, key: str | None) -> KnownOfficial | None:
        """The known official the caller gave this key."""
        at = self._by_key.get(key) if key is not None else None
        return self._officials[at] if at is not None else None

    def find(self, name: str, state: str | None = None, title: str | None = None) -> KnownOfficial | None:
        """The one known official this printed name (with the state and title the article gives) names."""
        asked = (name, state, title)
        if asked not in self._found:
            if len(self._found) >= FOUND_KEPT:
                self._found.clear()
            self._found[asked] = self._find(name, state, title)
        return self._found[asked]

    def _find(self, name: str, state: str | None, title: str | None) -> KnownOfficial | None:
        pool = sorted({at for key in _keys(name) for at in self._index.get(key, ())})
        mention = PersonMention(name, state, title)
        scored = sorted(((match_score(mention, self._candidates[at])[0], at) for at in pool), reverse=True)
        if not scored or scored[0][0] < THRESHOLD:
            return None
        if len(scored) > 1 and scored[1][0] > scored[0][0] - MARGIN:
            # Two known officials fit about as well: the name alone does not tell which.
            return None
        return self._officials[scored[0][1]]  # a slot of the index: never a dropped one

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the text prints a known official's name, for names the language model did not read
        as a person. A single word counts only as a family name ("Jordan" is no Jordan Smith)."""
        if not self._live:
            return []
        found = []
        for m in _CAPITALISED_RUN.finditer(text):
            tokens = name_tokens(m.group(0))
            if not tokens or not any(skeleton(t)[:3] in self._index for t in tokens):
                continue
            if len(tokens) > 1 and self.find(m.group(0)) is not None:
                found.append((m.start(), m.end()))
                continue
            # "Defence Minister Nitiwul": a family name alone inside a run of title words.
            for word in re.finditer(r"[\w'’-]+", m.group(0)):
                core = name_tokens(word.group(0))
                if len(core) == 1 and skeleton(core[0]) in self._family and self.find(word.group(0)) is not None:
                    found.append((m.start() + word.start(), m.start() + word.end()))
        return found
