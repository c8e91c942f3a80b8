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


def alias_romanized(name: str) -> str:
    """A key that is the same for a name in Arabic script and its Latin spellings: the consonant skeleton
    of each romanised word ("عبيد الله المعايطة" and "Obeidallah Al Maaytah" -> "vbdl mt")."""
    from ingest.extraction.names import name_tokens, skeleton  # the engine's fold and romanisation

    return " ".join(skeleton(t) for t in name_tokens(name)).lower()


def has_arabic_script(text: str) -> bool:
    return bool(re.search(r"[\u0600-\u06ff]", text or ""))
