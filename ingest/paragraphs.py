"""Paragraphs rebuilt from text whose lines were broken at a fixed width (PDF text layers, wire copy, e-mail).

A sentence split over two lines reads to the engine as two fragments ("...met Zakir Hasanov in" / "Ankara on
Monday..."), so it finds neither the date nor the people. The rules:

- A blank line ends a paragraph, and so does a line followed by a list item.
- A line well short of the text's wrap width ends one too (a heading, a dateline, the last line of a
  paragraph), unless the text plainly goes on: the line ends in a hyphen or a comma, or the next line starts
  in lower case.
- Any other line was broken by the layout and is joined to the next with a space.
- A word hyphenated at the break ("secu-" / "rity") is joined without its hyphen when the second part starts
  in lower case, unless the text spells that word with a hyphen elsewhere ("counter-terrorism"). A second part
  in capitals keeps the hyphen: it is a compound or a name ("Al-" / "Maaytah", "Franco-" / "German").
- Text whose lines are long (one paragraph a line) is not wrapped at all and is left as it is.
"""

from __future__ import annotations

import re

# Lines wider than this are whole paragraphs, not lines broken at a page's width.
MAX_WRAP_WIDTH = 160
# A line at least this share of the wrap width reached the margin, so the layout broke it.
FULL_LINE = 0.7
_LIST_ITEM = re.compile(r"(?:[-*•▪–]\s|\d{1,3}[.)]\s|\(?[a-z]\)\s)")
_HYPHENATED = re.compile(r"(\w+)-$")


def paragraphs_rebuild(text: str) -> str:
    """The text with lines broken by a fixed width joined back into paragraphs, one paragraph a line."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    width = wrap_width(lines)
    if width is None:
        return text
    lowered = text.lower()
    paragraphs: list[str] = []
    current = ""
    for index, line in enumerate(lines):
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        current = _join(current, line, lowered) if current else line
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if (
            not following
            or _LIST_ITEM.match(following)
            or (len(line) < FULL_LINE * width and not _goes_on(line, following))
        ):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


def wrap_width(lines: list[str]) -> int | None:
    """The width the text was wrapped at (the 90th percentile of its line lengths), None if it is not wrapped."""
    lengths = sorted(len(line) for line in lines if line)
    if len(lengths) < 3:
        return None
    width = lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]
    return width if width <= MAX_WRAP_WIDTH else None


def _goes_on(line: str, following: str) -> bool:
    return line.endswith(("-", ",", "\u00ad")) or following[:1].islower()


def _join(left: str, right: str, lowered: str) -> str:
    if left.endswith("\u00ad"):  # a soft hyphen marks a break inside a word by definition
        return left[:-1] + right
    hyphenated = _HYPHENATED.search(left)
    if hyphenated and right[:1].isalpha():
        if right[:1].isupper():
            return left + right
        first = hyphenated.group(1)
        second = re.match(r"\w+", right).group(0)
        # The break itself has a line end after its hyphen, so a match is the word written elsewhere.
        if re.search(rf"\b{re.escape(f'{first}-{second}'.lower())}\b", lowered):
            return left + right
        return left[:-1] + right
    return f"{left} {right}"
