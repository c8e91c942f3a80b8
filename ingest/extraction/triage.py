"""Triage: which articles can hold an engagement, and which sentences of them the parser must read.

Most news is about something else, and the parse is most of the engine's cost. Before spaCy, an
article is read with the engine's own lexicons (nothing here is a second copy of them):

- an article passes when its text has an engagement trigger, a state (a name, an adjective or a city)
  or an official's title, and a security word. An event needs all three in the stages after this
  one (a trigger in a sentence, states for its sides, `is_security` on its sentences, titles and
  headline), so an article without one of them cannot give an event and is not parsed at all;
- within an article that passes, `focus` keeps for the parser the sentences that mention a state, a
  person (a title word, or a capitalised name) or a trigger, and their neighbours; the others are
  blanked to spaces (their full stop kept, so sentence breaks stay where they were). Offsets do not
  move, and the stages that read the text itself (states, dates, places) still read all of it.

`disabled()` turns both off for a block, to compare the engine's output with and without triage.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

from .countries import find_countries
from .events import _AGREEMENT, _CALL, _EXERCISE, _MEETING, _SECURITY
from .language import _ENGLISH, _ROMANCE
from .languages import SUPPORTED, lexicon_for
from .languages.states import find_states, find_venues
from .people import _TITLE_WORDS
from .text import split_sentences

_enabled: ContextVar[bool] = ContextVar("triage_enabled", default=True)

# A capitalised word: perhaps part of a name, unless it is a common word opening the sentence.
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*")
NEIGHBOURS = 1
# A margin beyond the engine's triggers: words of talking with someone that they do not (yet) act on,
# so that triage never turns away a report the engine might learn to read ("conversó con", "s'est
# entretenu"). Lower case, matched at a word start.
_CONTACT = {
    "en": re.compile(r"\b(?:spoke|speaks|conversation|conferred|exchanged views|held a call)", re.I),
    "es": re.compile(r"\b(?:convers[óa]|habl(?:ó|aron|a) con|llamada|dialog[óa])", re.I),
    "fr": re.compile(r"\b(?:(?:s'|s’)entret|entretien|échang|convers|appel|a parlé|ont parlé)", re.I),
    "ar": re.compile(r"(?:اتصال|مباحث|محادث|تباحث|بحث)"),
}


@contextmanager
def disabled() -> Iterator[None]:
    """Read every article and every sentence in full inside this block."""
    token = _enabled.set(False)
    try:
        yield
    finally:
        _enabled.reset(token)


def enabled() -> bool:
    return _enabled.get()


@cache
def _triggers(lang: str) -> tuple[re.Pattern[str], ...]:
    if lang == "en":
        return (_CALL, _MEETING, _AGREEMENT, _EXERCISE, _CONTACT["en"])
    lex = lexicon_for(lang)
    return (lex.call, lex.meeting, lex.agreement, lex.exercise, _CONTACT[lang])


def _has_state(text: str, lang: str) -> bool:
    if lang == "en":
        return bool(find_countries(text))
    return bool(find_states(text, lang) or find_venues(text, lang))


def _title_words(lang: str) -> re.Pattern[str]:
    return _TITLE_WORDS if lang == "en" else lexicon_for(lang).title_heads


def _security(lang: str) -> re.Pattern[str]:
    return _SECURITY if lang == "en" else lexicon_for(lang).security


def article_may_report(*, body: str, title: str, lang: str, names_known: bool | Callable[[], object] = False) -> bool:
    """False only when the article cannot give an engagement: no trigger, no state or post, or nothing
    about security. `body` is the text the engine reads (cleaned and cut), `title` the headline;
    `names_known`: the text prints an official the caller knows, whose state stands in for a printed one
    (or a function whose answer says so, called last and only when the outcome depends on it)."""
    if not enabled() or (lang != "en" and lang not in SUPPORTED):
        return True  # other languages are recorded without a parse anyway
    if not any(pattern.search(body) for pattern in _triggers(lang)):
        return False
    headed = f"{title}\n{body}"
    if not _security(lang).search(headed):
        return False
    if _has_state(headed, lang) or _title_words(lang).search(body):
        return True
    return bool(names_known() if callable(names_known) else names_known)


def _relevant(sentence: str, lang: str) -> bool:
    if any(pattern.search(sentence) for pattern in _triggers(lang)):
        return True
    if _title_words(lang).search(sentence) or _has_state(sentence, lang):
        return True
    if lang == "ar":
        return False  # no capitals: Arabic names come after a post, which the title words found
    common = _ENGLISH if lang == "en" else _ROMANCE[lang]
    for m in _CAPITALISED.finditer(sentence):
        if sentence[: m.start()].strip(" \t\"'“‘(") or m.group(0).lower() not in common:
            return True
    return False


def focus(body: str, *, lang: str = "en") -> str:
    """`body` with the sentences the parser need not read blanked to spaces (same length, same breaks):
    kept are those naming a state, a person or a trigger, and their neighbours."""
    if not enabled():
        return body
    spans = [(sent.start, sent.end) for sent in split_sentences(body)]
    keep = [_relevant(body[s:e], lang) for s, e in spans]
    wanted = [any(keep[max(0, i - NEIGHBOURS) : i + NEIGHBOURS + 1]) for i in range(len(spans))]
    if all(wanted):
        return body
    chars = list(body)
    for (s, e), kept in zip(spans, wanted, strict=True):
        if not kept:
            for k in range(s, e):
                if chars[k] not in "\n.!?؟":
                    chars[k] = " "
    return "".join(chars)
