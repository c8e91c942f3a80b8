"""Fingerprints of article texts: the exact-duplicate hash, word 5-grams and their MinHash sketch.

Plain Python, so the records code and the models share one definition of "the same words".
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

SKETCH_SIZE = 16
SHINGLE_WORDS = 5


def normalized_text_hash(text: str) -> str:
    """SHA-256 of the text with Unicode, case and white space normalized: the same story pasted twice matches."""
    # split() breaks on exactly the characters \s matches, and drops them at both ends: re.sub + strip, faster.
    folded = " ".join(unicodedata.normalize("NFKC", text or "").split()).lower()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def word_shingles(text: str) -> set[str]:
    """The text's runs of five words (case and Unicode forms folded)."""
    words = re.findall(r"\w+", unicodedata.normalize("NFKC", text or "").lower())
    n = SHINGLE_WORDS
    return {" ".join(words[i : i + n]) for i in range(max(0, len(words) - n + 1))}


def text_sketch(text: str) -> list[int]:
    """The smallest hashes of the text's word 5-grams (a bottom-k MinHash sketch): texts that share most
    of their sentences share most of these, so syndicated copies are found by array overlap."""
    hashes = {
        int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big", signed=True)
        for g in word_shingles(text)
    }
    return sorted(hashes)[:SKETCH_SIZE]


def containment(a: set[str], b: set[str]) -> float:
    """Share of the smaller set's shingles found in the other (0 when either is empty)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0
