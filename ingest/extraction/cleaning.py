"""Repair of scraped text (HTML remnants, entities, mojibake) with a map back to the original.

Evidence offsets must point into the article's own `text`, so every repair records where each
output character came from.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

# Tags that break a line when stripped; other tags vanish.
_BLOCK_TAGS = r"(?:p|div|br|li|ul|ol|h[1-6]|tr|td|table|section|article|header|footer|blockquote)"
_SCRIPT = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]{0,500}>|<!--.*?-->", re.S)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,10});")
# UTF-8 read as cp1252/latin-1: a lead byte (Â-ô) followed by continuation-looking characters.
_MOJIBAKE = re.compile(
    r"[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,3}"
)
_SPACES = re.compile(r"[ \t\u00a0]{2,}")


@dataclass(frozen=True)
class CleanText:
    text: str
    # origin[i] is the offset in the original text of character i of `text`; None: identical.
    origin: list[int] | None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if self.origin is None:
            return start, end
        if not self.origin:
            return 0, 0
        last = len(self.origin) - 1
        s = self.origin[min(start, last)]
        e = self.origin[min(max(end - 1, 0), last)] + 1
        return s, max(e, s)


def _fix_mojibake(chunk: str) -> str | None:
    for codec in ("cp1252", "latin-1"):
        try:
            fixed = chunk.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if fixed != chunk:
            return fixed
    return None


def _replacements(text: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    if "<" in text:
        for m in _SCRIPT.finditer(text):
            out.append((m.start(), m.end(), " "))
        for m in _TAG.finditer(text):
            name = (m.group(1) or "").lower()
            out.append((m.start(), m.end(), "\n" if re.fullmatch(_BLOCK_TAGS, name) else " "))
    if "&" in text:
        for m in _ENTITY.finditer(text):
            decoded = html.unescape(m.group(0))
            if decoded != m.group(0):
                out.append((m.start(), m.end(), decoded.replace("\u00a0", " ")))
    for m in _MOJIBAKE.finditer(text):
        fixed = _fix_mojibake(m.group(0))
        if fixed is not None:
            out.append((m.start(), m.end(), fixed))
    out.sort()
    kept: list[tuple[int, int, str]] = []
    last_end = -1
    for start, end, new in out:
        if start >= last_end:  # overlapping repairs: the first wins (a tag hides its entities)
            kept.append((start, end, new))
            last_end = end
    return kept


def clean_text(text: str) -> CleanText:
    """Text with tags, entities and mojibake repaired; offsets recoverable via `to_original`."""
    text = text or ""
    repairs = _replacements(text)
    if not repairs and not _SPACES.search(text):
        return CleanText(text, None)
    pieces: list[str] = []
    origin: list[int] = []
    pos = 0
    for start, end, new in repairs:
        pieces.append(text[pos:start])
        origin.extend(range(pos, start))
        pieces.append(new)
        origin.extend([start] * len(new))
        pos = end
    pieces.append(text[pos:])
    origin.extend(range(pos, len(text)))
    joined = "".join(pieces)
    # Collapse runs of spaces left by stripped tags, keeping the map aligned.
    out_chars: list[str] = []
    out_origin: list[int] = []
    prev_space = False
    for ch, o in zip(joined, origin, strict=True):
        is_space = ch in " \t\u00a0"
        if is_space and prev_space:
            continue
        out_chars.append(" " if is_space else ch)
        out_origin.append(o)
        prev_space = is_space
    return CleanText("".join(out_chars), out_origin)
