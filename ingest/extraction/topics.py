"""The fixed topic slugs an engagement covered, read from what the text says was discussed."""

from __future__ import annotations

import re
from functools import cache

TOPIC_TERMS: dict[str, tuple[str, ...]] = {
    "counter-terrorism": (
        "terror",
        "extremis",
        "radicali",
        "counterinsurgen",
        "counter-insurgen",
        "insurgen",
        "jihadi",
        "al-shabaab",
        "daesh",
        "isis",
    ),
    "cybersecurity": ("cyber", "hacking", "protection of networks", "national networks", "data protection"),
    "border-security": ("border", "frontier", "ports of entry", "cross-border", "illegal entry"),
    "intelligence-sharing": (
        "intelligence",
        "exchange of information",
        "exchanging information",
        "information sharing",
        "share data",
        "sharing information",
        "share information",
        "exchange information",
        "information exchange",
        "exchange of intelligence",
        "communication cell",
        "liaison",
        "exchanging timely information",
        "data on",
    ),
    "drug-trafficking": ("drug", "narcotic", "captagon", "cocaine", "heroin", "hashish", "psychotropic"),
    "human-trafficking": (
        "human trafficking",
        "trafficking in persons",
        "people smuggling",
        "people-smuggling",
        "migrant smuggling",
        "smuggle people",
        "trafficking of persons",
        "anti-human-trafficking",
    ),
    "money-laundering": (
        "money laundering",
        "terror financing",
        "financing of terrorism",
        "terrorist financing",
        "financial crime",
        "economic crime",
        "asset recovery",
    ),
    "organized-crime": (
        "organized crime",
        "organised crime",
        "transnational crime",
        "crime",
        "criminal",
        "fugitive",
        "extradition",
        "smuggling of arms",
        "arms smuggling",
        "firearms smuggling",
        "stolen vehicles",
    ),
    "training": (
        "training",
        "expertise",
        "best practice",
        "capacity building",
        "capacity-building",
        "exchange of experience",
        "sharing of experience",
        "swapping experience",
        "share their expertise",
        "know-how",
        "courses",
        "knowledge",
    ),
    "policing": ("police", "policing", "law enforcement", "public security", "traffic"),
    "event-security": (
        "world cup",
        "asian cup",
        "olympic",
        "pilgrim",
        "hajj",
        "major events",
        "tournament security",
        "securing events",
    ),
    "defence": (
        "defence",
        "defense",
        "military",
        "armed forces",
        "army",
        "weapons",
        "arms",
        "air defence",
        "artillery",
        "navies",
    ),
    "maritime-security": (
        "maritime",
        "navy",
        "navies",
        "naval",
        "coast guard",
        "sea lane",
        "piracy",
        "suspicious ships",
        "vessels",
    ),
    "civil-defence": (
        "civil defence",
        "civil defense",
        "civil protection",
        "disaster",
        "emergenc",
        "firefight",
        "humanitarian assistance",
    ),
    "migration": (
        "migration",
        "migrant",
        "residency",
        "visa",
        "illegal entry",
        "illegal immigration",
        "nationals' affairs",
        "repatriation",
        "illegal exit",
        "returns agreement",
    ),
    "critical-infrastructure": (
        "critical infrastructure",
        "energy infrastructure",
        "oil and gas installations",
        "protection of facilities",
        "vital facilities",
    ),
}
# Words that open a guess rather than a report; the guess runs to the end of its clause.
SPECULATION = re.compile(
    r"\b(likely|may|might|could|possibly|perhaps|expected to|sources familiar|speculat\w*|observers|"
    r"looking ahead|in the coming|preparing to host|next step)\b",
    re.I,
)
_CLAUSE_END = re.compile(r"[,;:.!?]\s|\s[-–—]\s|$")
# Terms written with a trailing "*" are stems ("terror*": terrorism, terrorist); the others are
# words, matched whole with an optional plural ("border", "borders"; never "traffic" in "trafficking").
_STEMS = frozenset(
    str.split(
        "terror extremis radicali counterinsurgen counter-insurgen insurgen jihadi cyber drug narcotic "
        "emergenc firefight migra migrant psychotropic disaster pilgrim olympic criminal fugitive extradit"
    )
)


_CRIME_IN_GENERAL = re.compile(
    r"\b(organi[sz]ed crime|transnational crime|cross-border crime|fight(?:ing)? crime|combating crime|criminal)", re.I
)


def _term(term: str) -> str:
    body = re.escape(term)
    if term in _STEMS:
        return body
    return body + r"(?:s|es)?(?![\w-])"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    return {
        slug: re.compile(r"(?<![\w])(?:" + "|".join(_term(t) for t in terms) + r")", re.I)
        for slug, terms in TOPIC_TERMS.items()
    }


def reported_part(sentence: str) -> str:
    """The sentence with each speculative clause blanked out, from its cue to the clause's end."""
    out = sentence
    for m in SPECULATION.finditer(sentence):
        end = _CLAUSE_END.search(sentence, m.end())
        stop = end.start() if end else len(sentence)
        out = out[: m.start()] + " " * (stop - m.start()) + out[stop:]
    return out


def topic_spans(sentence: str) -> dict[str, tuple[int, int]]:
    """Slugs a sentence reports on, each with the offsets (in the sentence) of the first words that
    name it; none from its speculative clauses."""
    sentence = reported_part(sentence)
    found = {slug: _whole_word(sentence, m) for slug, pattern in _patterns().items() if (m := pattern.search(sentence))}
    # "crime" inside "financial crime" or trafficking alone is not crime in general.
    if found.keys() & {"human-trafficking", "drug-trafficking", "money-laundering"} and not _CRIME_IN_GENERAL.search(
        sentence
    ):
        found.pop("organized-crime", None)
    return found


def _whole_word(sentence: str, m: re.Match[str]) -> tuple[int, int]:
    """A stem's match taken to the end of its word ("terror" in "terrorism")."""
    end = m.end()
    while end < len(sentence) and sentence[end].isalnum():
        end += 1
    return m.start(), end


def topics_in(sentence: str) -> set[str]:
    """Slugs a sentence reports on; none from its speculative clauses."""
    return set(topic_spans(sentence))
