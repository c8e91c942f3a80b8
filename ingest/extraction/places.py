"""Where an engagement took place: datelines, "in <city>" phrases, named venues.

Cities come from the GeoNames gazetteer (gazetteer.py). A capitalised word after "in" is taken for
a city when it is a state's capital or a metropolis, when the language model also reads a place
there, or when the text names the city's state beside it ("in Mombasa, Kenya")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .countries import country_code, state_code
from .country_lexicon import LANDMARKS, parse_table
from .gazetteer import city_named
from .text import literal_alternation


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    city: str | None
    country: str | None


# "AMMAN -", "Doha, Qatar –", "KUWAIT, Nov 5 (KUNA) --", "Hanoi (VNA) –", "NEW DELHI:", "ABU DHABI (WAM)"
_DATELINE = re.compile(
    r"^(?:\((?:[^()]|\([^()]*\)){0,80}\)\s*)?"  # (MENAFN- Jordan Times)
    r"([A-Z][A-Za-z'’.\- ]{1,30}?)"  # the place
    r"(?:,\s*([A-Z][A-Za-z ]{2,30}?))?"  # its country
    r"(?:,?\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2})(?:,?\s+\d{4})?)?"  # date
    r"\s*(?:\([A-Za-z .]{2,30}\))?"  # (KUNA)
    r"\s*(?:--|[-–—:]|\(\w+\)$)",
    re.M,
)
_SOURCE_LINE = re.compile(
    r"^\s*(?:\(.*\)|By [^\n]{0,60}|Source:[^\n]*|\d{4}-\d{2}-\d{2}|\d{1,2} \w+ \d{4}|"
    r"[A-Z][\w ,./-]{0,60}News[^\n]{0,40})\s*$"
)
# The preposition opens a sentence too ("In Riyadh, the two ministers ...").
_IN_PLACE = re.compile(
    r"\b(?:[Ii]n|[Aa]t|to|from)\s+(?:the\s+)?(?:\w+\s+capital,?\s+)?"
    r"([A-Z][\w'’\-]+(?:\s+(?:[A-Z][\w'’\-]+|de|al|el|es)){0,3})"
    r"(?:,\s+(?:the\s+)?((?:Republic of\s+(?:the\s+)?)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)|\s+\(([A-Z][a-z]+)\))?"
)


@cache
def _landmarks() -> dict[str, str]:
    return {name: code for code, cols in parse_table(LANDMARKS) for name in cols[0]}


@cache
def _landmark_pattern() -> re.Pattern[str]:
    return re.compile(r"\b(" + literal_alternation(_landmarks()) + r")\b")


def _as_place(name: str, qualifier: str | None, vouched: bool = False) -> tuple[str | None, str | None] | None:
    """(city, state) for a printed place name; `vouched`: something beside the gazetteer reads a
    place here (the model's entity, a dateline's position)."""
    name = name.strip(" .,'’")
    name = re.sub(r"['’]s$", "", name)
    if state_code(name):
        return None, state_code(name)
    state = country_code(qualifier) if qualifier else None
    if state:
        return name, state  # "in Santiago, Chile": the text names the city's state
    city = city_named(name)
    if city is not None and (vouched or city.well_known):
        return name, city.country
    return None


def dateline(text: str, limit: int = 400) -> Place | None:
    """The place an article was filed from, read off its first lines."""
    offset = 0
    head = text[:limit]
    for _ in range(4):  # skip "(MENAFN- ...)", bylines, a date on its own line
        line_end = head.find("\n", offset)
        line = head[offset : line_end if line_end >= 0 else len(head)]
        m = _DATELINE.match(line)
        if m:
            name = m.group(1).strip()
            words = name.split()
            if len(words) <= 4 and not any(w.lower() in ("the", "by", "source", "according") for w in words):
                place = _as_place(name.title() if name.isupper() else name, m.group(2), vouched=True)
                if place is None and name.isupper():
                    place = (name.title(), None)
                if place:
                    return Place(offset + m.start(1), offset + m.end(1), place[0], place[1])
        if line_end < 0 or not _SOURCE_LINE.match(line):
            break
        offset = line_end + 1
    return None


def places_in(text: str, place_spans: Sequence[tuple[int, int]] = ()) -> list[Place]:
    """Places named with a preposition ("in Doha", "at Bayan Palace") or venues with a known country.

    `place_spans`: where the language model reads a place (GPE, LOC, FAC entities)."""
    out: list[Place] = []
    spans = set(place_spans)
    for m in _IN_PLACE.finditer(text):
        name = m.group(1)
        words = name.split()
        # "in Doha this week": take the longest known prefix of the capitalised run.
        for n in range(len(words), 0, -1):
            cand = " ".join(words[:n])
            qualifier = m.group(2) or m.group(3) if n == len(words) else None
            # The model's place is this name itself, not a venue it begins ("Bayan Palace").
            vouched = (m.start(1), m.start(1) + len(cand)) in spans
            place = _as_place(cand, qualifier, vouched)
            if place:
                out.append(Place(m.start(1), m.start(1) + len(cand), place[0], place[1]))
                break
    for m in _landmark_pattern().finditer(text):
        out.append(Place(m.start(), m.end(), None, _landmarks()[m.group(1)]))
    out.sort(key=lambda p: p.start)
    return out
