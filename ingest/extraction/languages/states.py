"""States named in French, Spanish or Arabic text: CLDR names (Babel), adjectives, capitals.

Adjectives are inflected by each language's rule: French and Spanish gender and number from a
base form; Arabic nisba adjectives derived from the CLDR name (قطر -> قطري، كينيا -> كيني،
السعودية -> سعودي) with the clitics and case endings Arabic writes on them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..countries import CountryMention, city_country
from ..text import literal_alternation
from .ar import CLITIC
from .lexicon import Lexicon

# CLDR names that are also ordinary words (مالي "financial") or, without vowel marks, a capital (عمان: Amman or Oman).
_AMBIGUOUS = {"ar": {"مالي", "تشاد", "عمان"}, "fr": set(), "es": {"Chad", "Georgia"}}
_AR_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640]")


def strip_marks(text: str) -> str:
    return _AR_MARKS.sub("", text)


def _inflect_fr(base: str) -> list[str]:
    if base.endswith("e"):
        return [base, base + "s"]
    if base.endswith("ien") or base.endswith("éen") or base.endswith("en"):
        fem = base + "ne"
    elif base.endswith("s"):
        return [base, base + "e", base + "es"]
    else:
        fem = base + "e"
    return [base, fem, base + "s", fem + "s"]


def _inflect_es(base: str) -> list[str]:
    if base.endswith("o"):
        stem = base[:-1]
        return [base, stem + "a", stem + "os", stem + "as"]
    if base.endswith("í"):
        return [base, base + "es", base + "s"]
    if base.endswith("e") or base.endswith("a"):
        return [base, base + "s"]
    accents = str.maketrans("áéíóú", "aeiou")
    if base[-2:] in ("és", "án", "ón"):
        stem = base[:-2] + base[-2].translate(accents) + base[-1]
        return [base, stem + "a", stem + "es", stem + "as"]
    return [base, base + "a", base + "es", base + "as"]


def _nisba(name: str) -> str | None:
    """The Arabic relative adjective of a one-word state name, or None."""
    if " " in name:
        return None
    stem = name[2:] if name.startswith("ال") else name
    if stem.endswith("يا") and len(stem) > 3 or stem.endswith("ية"):
        stem = stem[:-2]
    elif stem.endswith("ا") or stem.endswith("ة"):
        stem = stem[:-1]
    return stem + "ي" if len(stem) >= 2 else None


@cache
def state_forms(lang: str) -> dict[str, str]:
    """Every spelling of a state in the language -> ISO code: names first, adjectives after."""
    import babel

    from . import lexicon_for

    lex: Lexicon = lexicon_for(lang)
    forms: dict[str, str] = {}
    territories = babel.Locale(lang).territories
    for code, name in territories.items():
        if not (len(code) == 2 and code.isalpha()) or code in ("EU", "EZ", "UN", "QO", "ZZ"):
            continue
        name = strip_marks(name.replace("’", "'"))
        if lang == "ar":
            adj = _nisba(name)
            if adj and adj not in _AMBIGUOUS["ar"]:
                forms.setdefault(adj, code)
        if name not in _AMBIGUOUS.get(lang, ()):
            forms.setdefault(name, code)
    for name, code in lex.names.items():
        forms.setdefault(strip_marks(name), code)
    for base, code in lex.adjectives.items():
        if lang == "fr":
            for form in _inflect_fr(base):
                forms.setdefault(form, code)
        elif lang == "es":
            for form in _inflect_es(base):
                forms.setdefault(form, code)
        else:
            forms[base] = code
    # Unaccented capitals as the press also prints them ("Etats-Unis", "Egypte").
    for form, code in list(forms.items()):
        if form[:1] in "ÉÈ":
            forms.setdefault("E" + form[1:], code)
    return forms


@cache
def _pattern(lang: str) -> re.Pattern[str]:
    alternation = literal_alternation(state_forms(lang))
    if lang == "ar":
        # Clitics before; feminine, dual/plural and accusative endings after an adjective.
        return re.compile(rf"{CLITIC}({alternation})(?:ة|ين|ون|ان|ا|تين|تان)?(?![\w])")
    return re.compile(rf"(?<![\w-])({alternation})(?![\w-])")


@dataclass(frozen=True)
class Venue:
    start: int
    end: int
    city: str
    country: str


def find_states(text: str, lang: str) -> list[CountryMention]:
    forms = state_forms(lang)
    lex_adjectives = _adjective_forms(lang)
    out = []
    for m in _pattern(lang).finditer(text):
        form = m.group(1)
        kind = "adjective" if form in lex_adjectives else "name"
        out.append(CountryMention(m.start(1), m.end(1), forms[form], kind))
    return out


@cache
def _adjective_forms(lang: str) -> frozenset[str]:
    from . import lexicon_for

    lex = lexicon_for(lang)
    names = {strip_marks(n.replace("’", "'")) for n in __import__("babel").Locale(lang).territories.values()}
    names |= set(lex.names)
    return frozenset(f for f in state_forms(lang) if f not in names)


@cache
def _city_pattern(lang: str) -> re.Pattern[str] | None:
    from . import lexicon_for

    cities = lexicon_for(lang).cities
    if not cities:
        return None
    alternation = literal_alternation(strip_marks(c) for c in cities)
    prefix = CLITIC if lang == "ar" else r"(?<![\w-])"
    return re.compile(rf"{prefix}({alternation})(?![\w-])")


_LATIN_CITY = re.compile(r"(?<![\w-])([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)")


def find_venues(text: str, lang: str) -> list[Venue]:
    """Cities the text names, in English spelling with their state."""
    from . import lexicon_for

    cities = {strip_marks(k): v for k, v in lexicon_for(lang).cities.items()}
    out: list[Venue] = []
    taken: list[tuple[int, int]] = []
    pattern = _city_pattern(lang)
    if pattern is not None:
        for m in pattern.finditer(text):
            city, code = cities[m.group(1)]
            out.append(Venue(m.start(1), m.end(1), city, code))
            taken.append((m.start(1), m.end(1)))
    if lang != "ar":
        for m in _LATIN_CITY.finditer(text):
            if any(s <= m.start(1) < e for s, e in taken):
                continue
            for printed in (m.group(1), m.group(1).split(" ")[0]):
                # A dateline in capitals: "RABAT, 12 mars (MAP) -"
                name = printed.title() if printed.isupper() else printed
                found = city_country(name)
                if found:
                    out.append(Venue(m.start(1), m.start(1) + len(name), name, found))
                    break
    out.sort(key=lambda v: v.start)
    return out
