"""Names across scripts: Arabic script written in Latin letters, and the common Latin variants folded.

`romanize` runs before the name fold (`names.fold`) and hands it Latin letters, so "عبيد الله
المعايطة" and "Obeidallah Al Maaytah" end in the same tokens and skeletons. Short vowels are not
written in Arabic and vary in Latin spellings; the skeleton drops vowels, so only consonants and
the word boundaries have to agree. The boundaries are what this module settles: "Abd al-",
"Abdel", "Abdul" become one prefix of the next word; "X Allah" / "Xullah" and "X ad-Din" /
"Xeddine" become one word; "al-"/"el-" and "bin"/"ibn"/"ben" stay separate particles.
"""

from __future__ import annotations

import re
import unicodedata

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
_PARTICLES = {"بن": "bin", "ابن": "ibn", "إبن": "ibn", "بنت": "bint", "أبو": "abu", "ابو": "abu", "آل": "al"}
_PUNCT = {"،": ",", "؛": ";", "؟": "?", "«": '"', "»": '"'}


def _word(word: str) -> str:
    """One Arabic word in Latin letters."""
    if word == "الله":
        return "allah"
    if word in _PARTICLES:
        return _PARTICLES[word]
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


def has_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text or ""))
