"""What each language module supplies to the shared stages: its words, as one typed record."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Lexicon:
    code: str
    # Event frames: a trigger per type, searched in this order; a sentence may carry several.
    call: re.Pattern[str]
    agreement: re.Pattern[str]
    # What is signed (an agreement needs its object: "signed a memorandum", not "signed off").
    signed_object: re.Pattern[str]
    exercise: re.Pattern[str]
    meeting: re.Pattern[str]
    # A sentence about something planned or announced, not done.
    future: re.Pattern[str]
    # A definite noun pointing back at an engagement already told ("the meeting"): dates, not people.
    back_reference: re.Pattern[str]
    # Talks held one after the other or apart ("successivement", "por separado") and the word between them.
    separately: re.Pattern[str]
    then: re.Pattern[str]
    # Past-tense forms of the triggers: a sentence that has one reports a done thing despite a future cue.
    past: re.Pattern[str]
    # Officials present beside the principals ("attended", "en presencia de").
    attending: re.Pattern[str]
    # Head words of a post ("ministre", "ministro", "وزير").
    title_heads: re.Pattern[str]
    # Words printed before a name that are not part of it (ranks, courtesy titles), lower case.
    honorifics: frozenset[str]
    # A post in an international body: its holder represents no state.
    organisation: re.Pattern[str]
    # "as an observer": the state does not take part.
    observer: re.Pattern[str]
    # "in the capital <adjective>": a venue, not a party.
    capital: re.Pattern[str]
    # Words that make a text about security or defence.
    security: re.Pattern[str]
    # Topic slug -> phrases (lower case, matched at a word start).
    topics: dict[str, tuple[str, ...]]
    # Relative day phrases (lower case) -> days before publication.
    relative_days: dict[str, int]
    # Phrases dating an engagement to the month of publication or the one before.
    this_month: tuple[str, ...] = ()
    last_week: tuple[str, ...] = ()
    # Words after a weekday that point forward ("prochain") or back ("pasado").
    next_words: tuple[str, ...] = ()
    # Cities as the text spells them -> (English name, country code), beyond the English gazetteer.
    cities: dict[str, tuple[str, str]] = field(default_factory=dict)
    # State adjectives, base form -> code (inflected by the state module's rule for the language).
    adjectives: dict[str, str] = field(default_factory=dict)
    # Extra names of states the CLDR list lacks (short or press forms).
    names: dict[str, str] = field(default_factory=dict)


def words(*items: str) -> str:
    """An alternation of phrases, longest first, for use inside a pattern."""
    return "|".join(sorted(items, key=len, reverse=True))
