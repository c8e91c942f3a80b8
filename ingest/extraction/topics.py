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
# Sentences that guess rather than report.
SPECULATION = re.compile(
    r"\b(likely|may|might|could|possibly|perhaps|expected to|sources familiar|speculat|would|observers|"
    r"looking ahead|in the coming|preparing to host|next step)\b",
    re.I,
)


_CRIME_IN_GENERAL = re.compile(
    r"\b(organi[sz]ed crime|transnational crime|cross-border crime|fight(?:ing)? crime|combating crime|criminal)", re.I
)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    return {
        slug: re.compile(r"(?<![\w])(?:" + "|".join(re.escape(t) for t in terms) + r")", re.I)
        for slug, terms in TOPIC_TERMS.items()
    }


def topics_in(sentence: str) -> set[str]:
    """Slugs a sentence reports on; none from a speculative sentence."""
    if SPECULATION.search(sentence):
        return set()
    found = {slug for slug, pattern in _patterns().items() if pattern.search(sentence)}
    # "crime" inside "financial crime" or trafficking alone is not crime in general.
    if found & {"human-trafficking", "drug-trafficking", "money-laundering"} and not _CRIME_IN_GENERAL.search(sentence):
        found.discard("organized-crime")
    return found
