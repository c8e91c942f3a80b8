"""Typed records the engine takes and returns."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    text: str
    published: date | None = None
    language: str = "en"


@dataclass(frozen=True)
class Evidence:
    """A passage of the article's `text` (offsets are into the original text)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Location:
    city: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class KnownOfficial:
    """An official the caller already knows: every spelling on record, the state, titles newest first.

    `key` is the caller's own id for them (a database key); it comes back on the `Official` read."""

    name: str
    state: str | None
    titles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    key: str | None = None


@dataclass
class Official:
    name: str
    country: str | None
    title: str | None
    person: str | None = None
    evidence: list[Evidence] = field(default_factory=list)  # where the name is printed
    known: str | None = None  # the `KnownOfficial.key` this mention was recognised as
    title_evidence: Evidence | None = None  # the words the title was read from
    country_evidence: Evidence | None = None  # the words naming their state (None: known or inferred)


@dataclass
class Event:
    type: str
    date: str | None
    location: Location
    countries: list[str]
    officials: list[Official] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)  # the sentences that report it
    confidence: float | None = None  # 0-1, from the event's own signals (confidence.py)
    # The words each fact was read from; None (or a topic left out) where no words support it directly.
    date_evidence: Evidence | None = None
    location_evidence: Evidence | None = None
    topic_evidence: dict[str, Evidence] = field(default_factory=dict)


@dataclass
class ArticleExtraction:
    id: str
    relevant: bool
    language: str
    events: list[Event] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The SCHEMA.md shape; evidence rides along as extra keys."""
        return {
            "id": self.id,
            "relevant": self.relevant,
            "language": self.language,
            "events": [asdict(event) for event in self.events],
        }

    as_schema = to_dict
