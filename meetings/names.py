"""Personal names as keys: one home for how a name is folded, stripped of honorifics and romanised.

Plain Python (no Django), so the domain (alias keys, search) and the extraction engine (its name matcher
and registry) read names by the same rules: `fold` for letters, `alias_key` for an alias's stored key,
`romanized_key` for the key that is the same in Arabic script and its Latin spellings.

Across scripts, `romanize` runs before the fold and hands it Latin letters, so "عبيد الله المعايطة" and
"Obeidallah Al Maaytah" end in the same tokens and skeletons. Short vowels are not written in Arabic and
vary in Latin spellings; the skeleton drops vowels, so only consonants and the word boundaries have to
agree. The boundaries are what the romanisation settles: "Abd al-", "Abdel", "Abdul" become one prefix of
the next word; "X Allah" / "Xullah" and "X ad-Din" / "Xeddine" become one word; "al-"/"el-" and
"bin"/"ibn"/"ben" stay separate particles.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Romanisation of Arabic script and of the Latin variants of Arabic names.

_ARABIC = re.compile(r"[\u0600-\u06ff]")
# Vowel marks, shadda, sukun, superscript alef and tatweel: not letters of the name.
_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640]")

# One Latin spelling for each letter; vowels and the weak letters are settled by position below.
_LETTERS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r",
    "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "gh", "ف": "f",
    "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ء": "", "ئ": "", "ؤ": "",
    "پ": "p", "چ": "ch", "ڤ": "v", "گ": "g", "ک": "k", "ی": "i",
}  # fmt: skip
_ALEFS = "اأإآٱ"
# Particles of the nasab and kunya, spelled as Latin texts spell them.
_ARABIC_PARTICLES = {"بن": "bin", "ابن": "ibn", "إبن": "ibn", "بنت": "bint", "أبو": "abu", "ابو": "abu", "آل": "al"}
_PUNCT = {"،": ",", "؛": ";", "؟": "?", "«": '"', "»": '"'}


def _word(word: str) -> str:
    """One Arabic word in Latin letters."""
    if word == "الله":
        return "allah"
    if word in _ARABIC_PARTICLES:
        return _ARABIC_PARTICLES[word]
    out: list[str] = []
    article = ""
    if len(word) > 3 and word.startswith("ال"):
        article, word = "al-", word[2:]
    for i, ch in enumerate(word):
        first, last = i == 0, i == len(word) - 1
        if ch in _ALEFS:
            out.append("i" if ch == "إ" else "a")
        elif ch == "ع":
            # Initial ain is heard as a vowel (Obeid, Ali, Omar); inside a word most spellings drop it.
            out.append("a" if first else "'")
        elif ch == "و":
            out.append("w" if first else "u")
        elif ch == "ي":
            out.append("y" if first else "i")
        elif ch == "ى":
            out.append("a")
        elif ch == "ة":
            out.append("a" if last else "t")
        else:
            out.append(_LETTERS.get(ch, ch))
    return article + "".join(out)


def _transliterate(text: str) -> str:
    text = _MARKS.sub("", unicodedata.normalize("NFC", text))
    text = "".join(_PUNCT.get(c, c) for c in text)
    return re.sub(r"[\u0600-\u06ff]+", lambda m: _word(m.group(0)), text)


# Latin variants, on lower-case text. "Abd al-Aziz", "Abdel Aziz", "Abdulaziz" -> "abdulaziz".
_ABD = re.compile(r"\babd(?:[\s-]*[aeu]l[\s-]*|[\s-]+)(?=[a-z'])")
# "Obeid Allah", "Obaidullah" -> one word; "Muhyi ad-Din", "Mohieddine", "Mohi El Din" -> one word.
_ALLAH = re.compile(r"\b([a-z']{2,})[\s-]+(allah|ullah|ollah|illah)\b")
_DIN = re.compile(r"\b([a-z']{2,}?)(?:[\s-]+(?:[aeu][ld][\s-]*)?|[aeiu][ld]-?|[aeiu])(din|dine|deen)\b")
_SPACES = re.compile(r"\s+")


def romanize(text: str) -> str:
    """The text with Arabic script in Latin letters and Arabic-name variants in one spelling.

    Lower case; Latin accents stay for the fold to remove."""
    if _ARABIC.search(text or ""):
        text = _transliterate(text)
    text = (text or "").lower()
    text = _ABD.sub("abdul", text)
    text = _ALLAH.sub(r"\1\2", text)
    text = _DIN.sub(r"\1ud\2", text)
    return _SPACES.sub(" ", text).strip()


# Name keys.

# Words that precede a name without being part of it (ranks, honorifics, courtesy titles).
HONORIFICS = frozenset(
    [
        "he",
        "h.e",
        "h.e.",
        "hh",
        "his",
        "her",
        "excellency",
        "highness",
        "majesty",
        "dr",
        "dr.",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "sheikh",
        "shaikh",
        "sheikha",
        "shaikha",
        "prince",
        "princess",
        "sayyid",
        "sayed",
        "gen",
        "gen.",
        "general",
        "maj",
        "maj.",
        "major",
        "lt",
        "lt.",
        "lieutenant",
        "col",
        "col.",
        "colonel",
        "brig",
        "brig.",
        "brigadier",
        "brig-gen",
        "brig.-gen",
        "lt-gen",
        "lt.-gen",
        "lt-col",
        "maj-gen",
        "major-general",
        "lieutenant-general",
        "brigadier-general",
        "adm",
        "adm.",
        "admiral",
        "vice",
        "rear",
        "air",
        "marshal",
        "field",
        "hon",
        "hon.",
        "eng",
        "eng.",
        "engineer",
        "prof",
        "prof.",
        "professor",
        "senior",
        "police",
        "commander",
        "captain",
        "capt",
        "capt.",
        "tan",
        "sri",
        "datuk",
        "dato",
        "dato'",
        "seri",
        "ag.",
        "ag",
        "igp",
        "ig",
        "cdr",
        "cdr.",
        "sergeant",
        "sgt",
        "staff",
        "first",
        "mp",
        "rtd",
        "retd.",
        "retd",
        "lord",
        "dame",
        "sir",
        "judge",
        "justice",
        "ambassador",
        "minister",
        "president",
        "king",
        "emir",
        "amir",
        "crown",
        "counterpart",
        "chief",
    ]
)
PARTICLES = frozenset(
    [
        "al",
        "el",
        "bin",
        "ben",
        "ibn",
        "bint",
        "abu",
        "ould",
        "van",
        "von",
        "de",
        "da",
        "del",
        "der",
        "la",
        "le",
        "du",
        "y",
        "e",
    ]
)
# A lineage title printed as the first word of a name or left out ("Syed Asim Munir", "Asim Munir";
# "Seyed Abbas Araghchi"): part of the name as printed, not of the name as matched.
_LINEAGE = frozenset(["syed", "syeda", "seyed", "seyyed", "sayyed", "seyyid"])
_JOINERS = frozenset(["abd", "abdul", "abdel", "abdol", "abu", "abou"])
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


# Letters of Turkish, Azerbaijani, Nordic, Polish and Slavic names that have no decomposition to a
# base letter: "Həsənov" and "Hasanov", "Wałęsa" and "Walesa" are one spelling once folded.
_UNDECOMPOSED = str.maketrans(
    {"ı": "i", "ə": "a", "ø": "o", "ß": "ss", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th", "ħ": "h"}
)


def fold(text: str) -> str:
    """Lower case, accents removed, a few letters without a decomposition spelled in ASCII; punctuation kept."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.lower().translate(_UNDECOMPOSED)


def fold_words(text: str) -> list[str]:
    """The folded words, apostrophes, hyphens and other punctuation as spaces."""
    return re.sub(r"[\W_]+", " ", fold(text)).split()


def alias_key(name: str) -> str:
    """An alias's stored key: its folded words without leading honorifics, at least one word kept
    ("HE Maj. Gen. Obaid Al-Maaytah" -> "obaid al maaytah")."""
    words = fold_words(name)
    if words[:2] == ["h", "e"] and len(words) > 2:  # "H.E."
        words = words[2:]
    while len(words) > 1 and words[0] in HONORIFICS:
        words.pop(0)
    return " ".join(words)


def telling_words(key: str) -> list[str]:
    """The words of a folded name that tell who it is: its particles ("al", "bin") left out, unless that
    leaves none ("al maaytah" -> ["maaytah"])."""
    words = key.split()
    return [word for word in words if word not in PARTICLES] or words


def strip_honorifics(name: str) -> str:
    """The name as printed without leading ranks and honorifics ("Maj. Gen. Dr. X" -> "X")."""
    words = name.strip(" ,;:").split()
    while len(words) > 1 and (
        words[0].lower().strip(",") in HONORIFICS
        # The Thai police's ranks: "Pol Gen", "Pol Lt Col" ("Pol" alone may be a name).
        or words[0].lower().strip(".") == "pol"
        and words[1].lower().strip(",") in HONORIFICS
    ):
        words.pop(0)
    while words and words[-1].lower().strip(",.") in ("jr", "jr.", "sr", "sr.") and len(words) > 2:
        break
    name = " ".join(words)
    return re.sub(r"['’]s$", "", name).strip(" ,;:")


def name_tokens(name: str) -> list[str]:
    """Folded core tokens: no honorifics or particles; "Abd Rabbo" joins into one token."""
    return list(_name_tokens(name))


# The matcher compares every mention with every candidate's spellings, so one name is tokenised many
# times over; bounded like `skeleton`, the cache of a worker that reads for days stays the same size.
@lru_cache(maxsize=65536)
def _name_tokens(name: str) -> tuple[str, ...]:
    raw = [t for t in _TOKEN.findall(fold(romanize(name)))]
    raw = [t for t in raw if (t not in HONORIFICS and t not in _LINEAGE) or len(raw) == 1]
    out: list[str] = []
    i = 0
    while i < len(raw):
        tok = raw[i]
        if tok in _JOINERS and i + 1 < len(raw) and raw[i + 1] not in PARTICLES:
            out.append(tok + raw[i + 1])
            i += 2
            continue
        if tok not in PARTICLES and tok not in ("jr", "sr", "ii", "iii"):
            out.append(tok)
        i += 1
    return tuple(out or [t for t in raw if t])


@lru_cache(maxsize=65536)
def skeleton(token: str) -> str:
    """Transliteration key: consonants in order, q=k, ph=f, ou/u/w and y/i/ee vowels dropped, no doubles."""
    t = token.replace("ph", "f").replace("q", "k").replace("c", "k").replace("j", "g").replace("z", "s")
    t = t.replace("dh", "d").replace("th", "t").replace("kh", "k").replace("gh", "g").replace("sh", "s")
    head = "V" if t[:1] in "aeiouy" else t[:1]
    rest = re.sub(r"[aeiouyhw'’]", "", t[1:])
    return re.sub(r"(.)\1+", r"\1", head + rest)


def romanized_key(name: str) -> str:
    """One key for a name in any script and spelling: the skeletons of its romanised core words, in order
    ("عبيد الله المعايطة" and "Obeidallah Al Maaytah" -> "vbdl mt"); stored on aliases for trigram search."""
    return " ".join(skeleton(t) for t in name_tokens(name)).lower()


def has_arabic_script(text: str) -> bool:
    return bool(_ARABIC.search(text or ""))
