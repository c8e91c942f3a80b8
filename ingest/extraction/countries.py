"""Find states in text: names, long forms, adjectives, demonyms and security institutions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .country_lexicon import CITIES, INSTITUTIONS, STATES, parse_table
from .text import literal_alternation

# Forms that are also first or family names; skipped when they read as part of a person's name.
_AMBIGUOUS = frozenset({"Jordan", "Chad", "Georgia", "Guinea", "Niger", "Mali", "Washington", "Turk"})
_LEAD_WORDS = frozenset(
    {"The", "In", "And", "Of", "From", "With", "To", "For", "By", "Both", "Visiting", "Neighbouring"}
)


@dataclass(frozen=True)
class CountryMention:
    start: int
    end: int
    code: str
    kind: str  # name | adjective | institution | city | pair (hyphen-joined to another state)


@cache
def _forms() -> dict[str, tuple[str, str]]:
    forms: dict[str, tuple[str, str]] = {}

    def add(form: str, code: str, kind: str) -> None:
        if "(" in form or len(form) < 2:
            return
        forms.setdefault(form, (code, kind))

    for code, cols in parse_table(STATES):
        for name in cols[0]:
            add(name, code, "name")
            if name.startswith("the "):
                add(name[4:], code, "name")
        for adj in cols[1] if len(cols) > 1 else []:
            add(adj, code, "adjective")
    try:
        import pycountry

        for c in pycountry.countries:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(c, attr, None)
                if value and "," not in value:
                    add(value, c.alpha_2, "name")
    except ImportError:  # pragma: no cover - pycountry is a requirement; the table still works
        pass
    for code, cols in parse_table(INSTITUTIONS):
        for name in cols[0]:
            add(name, code, "institution")
    for code, cols in parse_table(CITIES):
        for name in cols[0]:
            add(name, code, "city")
    return forms


@cache
def _pattern() -> re.Pattern[str]:
    alternation = literal_alternation(_forms())
    # Case-sensitive: "US" the state, not "us" the pronoun.
    # A hyphen joins two states ("Pakistan-China talks", "US-Spain"), so a form may touch one when
    # a capital follows or precedes it; "anti-American" and "Saudi-led" stay out (see find_countries).
    return re.compile(rf"(?<!\w)(?:the\s+)?({alternation})(?!\w)(?!-[a-z0-9])")


def find_countries(text: str, *, include_cities: bool = True) -> list[CountryMention]:
    out: list[CountryMention] = []
    forms = _forms()
    for m in _pattern().finditer(text):
        form = m.group(1)
        code, kind = forms[form]
        if kind == "city" and not include_cities:
            continue
        before = text[max(0, m.start(1) - 20) : m.start(1)]
        if re.search(r"(?<![\w-])[a-z0-9][\w]*-$", before):
            continue  # after a lower-case prefix ("anti-American", "pro-Russian"), not a state named
        if form in _AMBIGUOUS and kind == "name":
            # "Michael Jordan", "Jordan Smith said": a person, not the state.
            prev = re.search(r"([A-Z][a-z]+)\s+$", before)
            if prev and prev.group(1) not in _LEAD_WORDS and prev.group(1) not in forms:
                continue
            if re.match(r"\s+[A-Z][a-z]+\s+(said|told|says|added)\b", text[m.end(1) : m.end(1) + 30]):
                continue
        if kind in ("name", "adjective") and (
            _in_water_name(text, start=m.start(1), end=m.end(1)) or _OUTLET_AFTER.match(text, m.end(1))
        ):
            continue
        out.append(CountryMention(m.start(1), m.end(1), code, kind))
    return _mark_pairs(text, out)


_WATER_AFTER = re.compile(r"\s+(?:Sea|Seas|Strait|Straits|Ocean)\b")
_WATER_BEFORE = re.compile(r"\b(?:Sea|Strait|Straits|Gulf|Bay) of\s+(?:the\s+)?$")


# The state's name in an outlet's ("Pakistan Point News", "Saudi Press Agency", "The Jordan Times"):
# who published the report, not a state taking part or a place.
_OUTLET_AFTER = re.compile(
    r"\s+(?:[A-Z][\w'’-]+\s+){0,2}?(?:News|Times|Post|Press|Gazette|Tribune|Herald|Observer|Chronicle|Telegraph|"
    r"Daily|Radio|Television|TV|Broadcasting)\b"
)


def _in_water_name(text: str, *, start: int, end: int) -> bool:
    """The state's name is part of a sea's or a strait's ("South China Sea", "Sea of Japan", "Gulf of
    Oman"): a place of water, not the state."""
    return bool(_WATER_AFTER.match(text, end) or _WATER_BEFORE.search(text[max(0, start - 20) : start]))


def _mark_pairs(text: str, found: list[CountryMention]) -> list[CountryMention]:
    """States joined by a hyphen ("the Kenya-Somalia commission") name a relation: kind "pair"."""
    joined: set[int] = set()
    for k in range(len(found) - 1):
        a, b = found[k], found[k + 1]
        if b.start == a.end + 1 and text[a.end] in "-–" and a.kind != "city" and b.kind != "city":
            joined.update((k, k + 1))
    return [CountryMention(c.start, c.end, c.code, "pair") if k in joined else c for k, c in enumerate(found)]


def country_code(name: str) -> str | None:
    """The ISO code for a single name/adjective, or None."""
    name = name.strip()
    if name.startswith("the "):
        name = name[4:]
    hit = _forms().get(name)
    return hit[0] if hit else None


def state_code(name: str) -> str | None:
    """The ISO code when the name is a state's own (a name, an adjective, an institution), not a city's."""
    hit = _forms().get(name.strip().removeprefix("the "))
    return hit[0] if hit and hit[1] != "city" else None


def city_country(name: str) -> str | None:
    hit = _forms().get(name.strip())
    return hit[0] if hit and hit[1] == "city" else None


def country_name(code: str) -> str:
    for c, cols in parse_table(STATES):
        if c == code:
            return cols[0][0]
    return code
