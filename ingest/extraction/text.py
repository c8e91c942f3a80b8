"""Text stage: the article's body, cleaned, and cut into sentences once for every later stage.

The parser proposes sentence breaks; this module has the last word, so that every stage reads
the same sentences:

- a newline always ends a sentence (headlines, datelines and paragraphs);
- a break after a rank or honorific abbreviation ("Maj.", "Brig.", "Gen.", "Lt.", "Dr.") is not a
  sentence end: the name follows it;
- a break inside a line where the text before it has no closing punctuation is not a sentence end
  either ("Kyrgyz | Interior Minister X ..."): an English sentence ends with . ! ? or a closing quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .cleaning import CleanText, clean_text

__all__ = ["CleanText", "Sentence", "clean_text", "split_sentences"]


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    span: Any = field(default=None, repr=False, compare=False)  # the parser's view (a spaCy Span), if any


# Abbreviations after which a name or a noun follows, never a new sentence.
ABBREVIATIONS = frozenset(
    str.split(
        "Maj Brig Gen Lt Col Adm Capt Cdr Cmdr Sgt Cpl Pvt Gov Sen Rep Dr Mr Mrs Ms Mme Prof Eng Hon Rev St No "
        "Jr Sr Ret Retd Vol Art Sec Dept Gov't Insp Supt Cmdt Lieut Comdr Amb"
    )
)
_LAST_WORD = re.compile(r"(?:^|[\s(])([A-Za-z][A-Za-z']*)\.$")
_INITIAL = re.compile(r"(?:^|[\s(.])(?:[A-Z]\.)+$")  # "H.E." "U.S." "Alejandro N."
_CLOSED = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")


def _continues(prev: str) -> bool:
    """True when the text `prev` cannot end a sentence, so the next part belongs to it."""
    prev = prev.rstrip()
    if not prev:
        return False
    m = _LAST_WORD.search(prev)
    if m and m.group(1) in ABBREVIATIONS:
        return True
    if _INITIAL.search(prev):
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


def split_sentences(body: str, breaks: list[tuple[int, int]] | None = None) -> list[Sentence]:
    """Sentences of `body`; `breaks` are the parser's (start, end) sentence spans, if any."""
    if breaks is None:
        breaks = [(0, len(body))]
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
