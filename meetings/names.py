"""Folding of personal names into keys for alias uniqueness and trigram search."""

import functools
import re
import unicodedata

from django.conf import settings
from django.utils.module_loading import import_string

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


@functools.cache
def _romanized_key():
    # The romanisation is the extraction engine's knowledge (ingest.extraction.names); the domain is
    # given it by name in settings, so it imports nothing from ingest.
    return import_string(settings.NAME_ROMANIZED_KEY)


def alias_romanized(name: str) -> str:
    """A key that is the same for a name in Arabic script and its Latin spellings: the consonant skeleton
    of each romanised word ("عبيد الله المعايطة" and "Obeidallah Al Maaytah" -> "vbdl mt")."""
    return _romanized_key()(name)


def has_arabic_script(text: str) -> bool:
    return bool(re.search(r"[\u0600-\u06ff]", text or ""))
