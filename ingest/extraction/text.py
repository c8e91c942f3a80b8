"""Text stage: the article's body, cleaned, and cut into sentences once for every later stage.

One splitter serves every language and every caller (the English parse, the French, Spanish and
Arabic rules, triage, the evidence of a fact). Breaks are proposed by the parser when there is
one, else after . ! ? or ؟ followed by a space and the start of a word or quotation; then this
module has the last word:

- a newline always ends a sentence (headlines, datelines and paragraphs);
- a break after a rank, honorific or other abbreviation ("Maj.", "Brig.", "Gen.", "Lt.", "Dr.",
  "Mme.", "Gral.", "EE.UU."), a retired rank's "(retd)" or an initial ("H.E.", "John F.") is not a
  sentence end: a name or a noun follows it;
- a break inside a line where the text before it has no closing punctuation is not a sentence end
  either ("Kyrgyz | Interior Minister X ..."): a sentence ends with . ! ? ؟ or a closing quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .cleaning import CleanText, clean_text

__all__ = ["CleanText", "Sentence", "clean_text", "covering", "split_sentences"]


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    span: Any = field(default=None, repr=False, compare=False)  # the parser's view (a spaCy Span), if any


# Abbreviations after which a name or a noun follows, never a new sentence (compared in lower case):
# English ranks and honorifics, then French and Spanish ones ("Mlle" "Gral." "EE.UU." "núm."); a single
# letter ("M." "John F.") is an initial in any language.
ABBREVIATIONS = frozenset(
    str.split(
        "maj brig gen lt col adm capt cdr cmdr sgt cpl pvt gov sen rep dr mr mrs ms mme prof eng hon rev st no "
        "jr sr ret retd vol art sec dept gov't insp supt cmdt lieut comdr amb "
        "mlle dra sra ste gral cap s.e ee.uu núm"
    )
)
# The word before a full stop: letters of any script, apostrophes, inner dots ("EE.UU", "s.e").
_LAST_WORD = re.compile(r"(?:^|[\s(])([^\W\d_](?:[\w'’]|\.(?=\w))*)\.$")
_INITIAL = re.compile(r"(?:^|[\s(.])(?:[A-Z]\.)+$")  # "H.E." "U.S." "Alejandro N."
_RETIRED = re.compile(r"\((?:retd|rtd|ret|retired)\.?\)$", re.I)  # "Lt Gen (retd) X": a rank's suffix
_CLOSED = re.compile(r"[.!?؟…][\"'”’»)\]]*$|[\"”’»]$")
# Where a sentence may end when no parser proposes breaks: closing punctuation, space, a word or quote.
_RULE_BREAK = re.compile(r"[.!?؟][\"'”’»)\]]*(\s+)(?=[\"«“‘(\w])")


def _continues(prev: str) -> bool:
    """True when the text `prev` cannot end a sentence, so the next part belongs to it."""
    prev = prev.rstrip()
    if not prev:
        return False
    m = _LAST_WORD.search(prev)
    if m and (m.group(1).lower() in ABBREVIATIONS or len(m.group(1)) == 1):
        return True
    if _INITIAL.search(prev) or _RETIRED.search(prev):
        return True
    # Only a clause cut off mid-phrase (ending on a word) runs on; a bracket or dash closes a dateline.
    return prev[-1].isalnum() and not _CLOSED.search(prev)


def _line_parts(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pieces of body[start:end] between newlines, trimmed of surrounding space."""
    out: list[tuple[int, int]] = []
    pos = start
    for part in re.split(r"(\n+)", body[start:end]):
        if part and not part.startswith("\n") and part.strip():
            s = pos + len(part) - len(part.lstrip())
            e = pos + len(part.rstrip())
            out.append((s, e))
        pos += len(part)
    return out


def rule_breaks(body: str) -> list[tuple[int, int]]:
    """Sentence spans proposed by punctuation alone, for texts no parser reads."""
    out, start = [], 0
    for m in _RULE_BREAK.finditer(body):
        out.append((start, m.start(1)))
        start = m.end(1)
    out.append((start, len(body)))
    return out


def split_sentences(body: str, breaks: list[tuple[int, int]] | None = None) -> list[Sentence]:
    """Sentences of `body`; `breaks` are the parser's (start, end) sentence spans, else punctuation's."""
    if breaks is None:
        breaks = rule_breaks(body)
    pieces: list[tuple[int, int, bool]] = []  # (start, end, starts a new line)
    for s, e in breaks:
        for ps, pe in _line_parts(body, s, e):
            k = ps
            while k > 0 and body[k - 1] in " \t":
                k -= 1
            new_line = k == 0 or body[k - 1] == "\n"
            pieces.append((ps, pe, new_line))
    merged: list[list[int]] = []
    for s, e, new_line in pieces:
        if merged and not new_line and _continues(body[merged[-1][0] : merged[-1][1]]):
            merged[-1][1] = e
        else:
            merged.append([s, e])
    return [Sentence(i, s, e, body[s:e]) for i, (s, e) in enumerate(merged)]


def covering(sentences: Sequence[Sentence], start: int, end: int) -> tuple[int, int]:
    """The (start, end) of the run of sentences that holds body[start:end] (the words themselves when
    they lie outside every sentence)."""
    if not sentences:
        return start, end
    first = next((s for s in reversed(sentences) if s.start <= start), sentences[0])
    last = next((s for s in sentences if s.end >= end), sentences[-1])
    return min(first.start, start), max(last.end, end)


def literal_alternation(forms: Iterable[str]) -> str:
    """A regex alternation of literal forms, matching as the forms joined by "|" longest first would
    (the longest form at a position that lets the rest of the pattern match), written as a tree of their
    common prefixes: Python's regex engine tries every alternative of a flat alternation at every
    position of the text (1,200 state names: 17 times slower). For a case-sensitive pattern only: under
    re.IGNORECASE two branches ("A", "a") could both match and the shorter be tried first."""
    tree: dict[str, dict] = {}
    for form in forms:
        node = tree
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}  # a form ends here

    def written(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + written(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body  # greedy: the longer forms first

    return written(tree)
