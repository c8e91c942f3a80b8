"""Folding of personal names into keys for alias uniqueness and trigram search."""

import re
import unicodedata

# Honorifics and ranks printed before names; they are not part of the person's name.
HONORIFICS = {
    "he", "his", "excellency", "dr", "mr", "mrs", "ms", "prof", "eng", "gen", "general",
    "maj", "major", "lt", "lieutenant", "col", "colonel", "brig", "brigadier", "adm", "admiral",
    "capt", "captain", "cdr", "commander", "staff", "field", "marshal", "rear", "vice",
}  # fmt: skip


def fold(text: str) -> str:
    """Lower case, accents removed, apostrophes and hyphens as spaces."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def alias_key(name: str) -> str:
    """The folded name without leading honorifics: "HE Maj. Gen. Obaid Al-Maaytah" -> "obaid al maaytah"."""
    tokens = fold(name).split()
    if tokens[:2] == ["h", "e"]:  # "H.E."
        tokens = tokens[2:]
    while tokens and tokens[0] in HONORIFICS:
        tokens.pop(0)
    return " ".join(tokens)
