"""A cheap check that a text is English before the English model reads it."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "with",
        "was",
        "as",
        "by",
        "at",
        "from",
        "his",
        "her",
        "their",
        "has",
        "have",
        "said",
        "were",
        "be",
        "are",
        "an",
        "it",
        "this",
        "which",
        "its",
        "two",
        "minister",
        "security",
    ]
)
_SCRIPTS = (
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
)
_ROMANCE = {
    "es": frozenset(
        ["el", "la", "los", "las", "del", "que", "y", "en", "por", "con", "para", "una", "se", "su", "al", "ministro"]
    ),
    "fr": frozenset(
        ["le", "la", "les", "des", "du", "et", "en", "pour", "avec", "une", "est", "sur", "au", "aux", "ministre"]
    ),
}


def detect_language(text: str, declared: str | None) -> str:
    """The article's language: the declared one unless an English claim is clearly wrong."""
    declared = (declared or "").lower() or "und"
    if declared != "en":
        return declared
    sample = text[:4000]
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return "en"
    for code, script in _SCRIPTS:
        if len(script.findall(sample)) > len(sample) * 0.3:
            return code
    english = sum(w in _ENGLISH for w in words) / len(words)
    if english >= 0.08 or len(words) < 8:
        return "en"
    best = max(_ROMANCE, key=lambda c: sum(w in _ROMANCE[c] for w in words))
    if sum(w in _ROMANCE[best] for w in words) / len(words) >= 0.08:
        return best
    return "und"
