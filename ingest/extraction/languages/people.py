"""People in French, Spanish and Arabic text: name, title and state from their own phrase.

French and Spanish names come from the model's PER entities; the title is the noun phrase
before the name (from its head word, after the last verb) or the apposition after it. Arabic
names follow their title: the head word (وزير، قائد ...) and its genitive chain, then honorifics
to drop (معالي، اللواء ...), then the name up to a verb, preposition or punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..countries import CountryMention
from ..models import KnownOfficial
from ..people import CAPITAL
from ..text import Sentence
from . import ar
from .lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class Person:
    start: int  # of the name
    end: int
    name: str
    title: str | None
    country: str | None
    sentence: int
    organisation: bool = False  # holds a post in an international body
    known: KnownOfficial | None = None  # the caller's official this person was recognised as


_STRIP = " ,;:.-–—\"'«»()"


def _state_of(title: str, *, offset: int, states: list[CountryMention]) -> str | None:
    """The state a title names first (its adjective or "of <state>"), not a later "in <state>"."""
    end = offset + len(title)
    inside = [c for c in states if offset <= c.start < end]
    return inside[0].code if inside else None


def _strip_honorifics(name: str, honorifics: frozenset[str]) -> str:
    words = name.split()
    while words and (words[0].lower() in honorifics or " ".join(words[:2]).lower() in honorifics):
        words = words[2:] if " ".join(words[:2]).lower() in honorifics else words[1:]
    return " ".join(words)


# "..., et par", "y de": the next person's phrase begins.
_CONJUNCTION = re.compile(
    r",?\s+(?:et|y|e|ainsi que|así como)\s+(?:par|por|à|a|le|la|les|el|su|son|sa|ses|sus)\b", re.I
)
# The model often stops a long Arabic name early ("Mohammed bin Mubarak bin Fadel | Al Mazrouei").
_NAME_TAIL = re.compile(r"(?:\s+(?:(?:[Aa]l|[Ee]l|bin|ben|ibn|ould|bint|[Bb]in)\b|[A-Z][\w'’-]+))+")


# Name words that are not capitalised: the particles of Arabic, French, Spanish, Portuguese names.
_LOWER_PARTICLES = frozenset(["ben", "bin", "ould", "al", "el", "de", "del", "la", "da", "dos", "y"])


def titled_names(doc: Doc, *, lex: Lexicon) -> list[tuple[int, int]]:
    """Names the parse ties to a post where the model tagged no person: the apposition of a title's
    head ("le ministre algérien de l'Intérieur, Brahim Merad") or the words right after a title head
    and its state adjective ("son homologue italien Matteo Rossi"). Two words at least, each a
    capitalised proper noun or a particle between them: (start, end) character spans."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        i += 1
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.ent_type_ == "PER":
            continue
        before = doc[tok.i - 1] if tok.i else None
        adjective_after_head = (
            before is not None
            and before.pos_ == "ADJ"
            and before.i
            and lex.title_heads.fullmatch(doc[before.i - 1].text.lower())
        )
        appositive = tok.dep_ == "appos" and lex.title_heads.fullmatch(tok.head.text.lower())
        right_after_head = before is not None and lex.title_heads.fullmatch(before.text.lower())
        # In apposition to a post a name is a person's, whatever the model guessed; beside one, a
        # word it read as a place may be the venue.
        if not (appositive or ((adjective_after_head or right_after_head) and tok.ent_type_ != "LOC")):
            continue
        end = tok.i + 1
        while end < len(doc) and (
            (doc[end].pos_ in ("PROPN", "X") and doc[end].text[:1].isupper())
            or doc[end].text.lower() in _LOWER_PARTICLES
        ):
            end += 1
        while end > tok.i + 1 and doc[end - 1].text.lower() in _LOWER_PARTICLES:
            end -= 1
        if end - tok.i >= 2:
            out.append((tok.idx, doc[end - 1].idx + len(doc[end - 1])))
        i = end
    return out


# A courtesy title or a rank before a name ("M. Abdelkader BENALI", "Sr. Juan García", "le Général de
# Corps d'Armée Yao KOFFI", "el general Luis Díaz"): what follows is a name.
_COURTESY = re.compile(
    r"(?<![\w.])(?:M\.|Mme\.?|Mlle\.?|MM\.|Sr\.|Sra\.|Dr\.|Dra\.|Don|Doña|"
    r"(?:[Gg]énéral|[Gg]eneral|[Cc]olonel|[Cc]oronel|[Aa]miral|[Aa]lmirante)"
    r"(?:\s+de\s+(?:[Cc]orps\s+d['’][Aa]rmée|[Dd]ivision|[Bb]rigade)(?:\s+[Aa]érienne)?)?)\s+"
    rf"({CAPITAL}[\w'’-]+(?:\s+(?:{CAPITAL}[\w'’-]+|ben|ould|el|al|de|del|da)(?![\w'’-]))*)"
)
# An apposition's last piece that is a clause's first word ("..., ministre de l'Intérieur, pour").
_CLAUSE_TAIL = re.compile(r",\s*[a-zàâçéèêëîïôûùñáíóú]+['’]?\s*$")


def courtesy_names(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _COURTESY.finditer(text):
        words = m.group(1).split()
        while len(words) > 1 and words[-1] in _LOWER_PARTICLES:
            words.pop()
        if len(words) >= 2:  # "M. Ouattara" alone names again someone named in full before
            out.append((m.start(1), m.start(1) + len(" ".join(words))))
    return out


def _given_name_before(doc: Doc, start: int, *, lex: Lexicon) -> int:
    """Take in a capitalised proper noun the model left before the name ("Mohamed | Ould Ahmed")."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return start
    prev = doc[span.start - 1]
    if (
        prev.pos_ == "PROPN"
        and prev.text[:1].isupper()
        and prev.ent_type_ not in ("LOC", "ORG")
        and prev.text.lower() not in lex.honorifics
        and not lex.title_heads.fullmatch(prev.text.lower())
    ):
        return prev.idx
    return start


def latin_people(
    text: str, *, sentences: list[Sentence], doc: Doc, states: list[CountryMention], lex: Lexicon
) -> list[Person]:
    """French and Spanish: PER entities, and names the parse ties to a post, with their titles."""
    out: list[Person] = []
    state_spans = [(c.start, c.end) for c in states]
    spans: list[tuple[int, int]] = []
    ranks = "|".join(re.escape(h) for h in lex.honorifics if h[:1].isalpha() and len(h) > 3)
    rank_after = re.compile(rf",\s*(?:(?:le|la|el|l')\s*)?(?:{ranks})\b.*$", re.I | re.S)
    courtesy = courtesy_names(text)
    found = []
    for per in doc.ents:
        if per.label_ != "PER":
            continue
        # A courtesy title inside the model's span begins the name ("à Rabat M. Juan GARCIA").
        inner = [cs for cs, _ in courtesy if per.start_char < cs < per.end_char]
        found.append((inner[0] if inner else _given_name_before(doc, per.start_char, lex=lex), per.end_char))
    for extra in (titled_names(doc, lex=lex), courtesy):
        found += [(s, e) for s, e in extra if not any(fs < e and s < fe for fs, fe in found)]
    for s, e in sorted(found):
        ent = doc.char_span(s, e, alignment_mode="expand")
        if ent is None:
            continue
        if any(cs <= s and e <= ce for cs, ce in state_spans) or (spans and s < spans[-1][1]):
            continue
        if not ent.text[:1].isupper() or lex.title_heads.match(ent.text.lower()):
            continue  # "président de la République" tagged as a person is the post, not a name
        tail = _NAME_TAIL.match(text, e)
        if tail and not any(e <= cs < tail.end() for cs, _ in state_spans):
            e = tail.end()
        spans.append((s, e))
    for k, (s, e) in enumerate(spans):
        raw = text[s:e]
        name = _strip_honorifics(raw.strip(_STRIP), lex.honorifics)
        if len(name) < 3 or not name[0].isupper() or name.lower() in lex.honorifics:
            continue
        if lex.title_heads.fullmatch(name.split()[0].lower()):
            continue
        sent = next((i for i, x in enumerate(sentences) if x.start <= s < x.end), None)
        if sent is None:
            continue
        sent_start = sentences[sent].start
        prev_end = max([sent_start] + [pe for _, pe in spans[:k] if pe <= s])
        # Left: from the first title word after the last verb before the name.
        left_from = prev_end
        for tok in doc.char_span(prev_end, s, alignment_mode="expand") or []:
            # A finite verb ends the phrase before the name; a participle ("chargé de") belongs to the post.
            finite = tok.pos_ == "AUX" or "Fin" in tok.morph.get("VerbForm", [])
            if tok.pos_ in ("VERB", "AUX") and finite and tok.idx + len(tok) <= s:
                left_from = tok.idx + len(tok)
        for m in _CONJUNCTION.finditer(text, left_from, s):
            left_from = m.end()
        left = text[left_from:s]
        title, t_off = None, None
        head = lex.title_heads.search(left)
        if head:
            title = left[head.start() :].rstrip()
            t_off = left_from + head.start()
            # Trailing honorifics and articles between the post and the name ("..., le Dr.").
            title = re.sub(
                r"(?:[\s,]+(?:" + "|".join(re.escape(h) for h in lex.honorifics) + r"))+\s*$", "", title, flags=re.I
            )
            # A rank in apposition after the post ("Chef d'État-major, le Général de Corps d'Armée"):
            # the holder's, not the post's.
            title = rank_after.sub("", title)
            title = title.strip(_STRIP)
        if not title:
            # Right: "NAME, ministre de ..., a été reçu" (an apposition up to the next verb or clause).
            rest = text[e : sentences[sent].end]
            comma = re.match(r"\s*,\s*", rest)
            if comma and lex.title_heads.match(rest[comma.end() :].lower()):
                stop = len(rest)
                for tok in doc.char_span(e, sentences[sent].end, alignment_mode="expand") or []:
                    if tok.idx > e + comma.end() and (
                        tok.pos_ in ("VERB", "AUX") or tok.lower_ in ("qui", "que", "quien")
                    ):
                        stop = tok.idx - e
                        break
                following = [ps - e for ps, _ in spans[k + 1 :] if ps < sentences[sent].end]
                stop = min([stop] + following)
                cut = _CONJUNCTION.search(rest, comma.end(), stop)
                title = _CLAUSE_TAIL.sub("", rest[comma.end() : cut.start() if cut else stop]).strip(_STRIP)
                t_off = e + comma.end()
        country = _state_of(title, offset=t_off, states=states) if title and t_off is not None else None
        org = bool(title and lex.organisation.search(title))
        out.append(Person(s + raw.find(name), s + raw.find(name) + len(name), name, title or None, country, sent, org))
    return out


_TITLE_HEAD_AR = re.compile(ar.CLITIC + "(" + "|".join(sorted(ar.TITLE_HEADS, key=len, reverse=True)) + r")(?![\w])")
_WORD = re.compile(r"[^\s،,.:;؛!؟?\"«»()\[\]]+|[،,.:;؛!؟?\"«»()\[\]]")
_PUNCT = frozenset('،,.:;؛!؟?"«»()[]')
_Token = tuple[int, int, str]  # (start, end, word) in the article


def _ar_title_word(word: str) -> bool:
    bare = re.sub(r"^[وفبلك]?", "", word)
    return (
        word.startswith("ال")
        or word.startswith("لل")
        or re.match(r"^[وفبل]ال", word) is not None
        or word in ar.TITLE_WORDS
        or bare in ar.TITLE_WORDS
        or _TITLE_HEAD_AR.fullmatch(word) is not None
    )


def _title_chain(tokens: list[_Token], *, start: int, state_at: dict[int, CountryMention], lex: Lexicon) -> int:
    """Past the post's genitive chain: article-prefixed words, title words, "لدى/في <state>"."""
    j = start
    while j < len(tokens):
        w = tokens[j][2]
        if w in _PUNCT or w in lex.honorifics:
            break
        if w in ("في", "لدى") and j + 1 < len(tokens) and tokens[j + 1][0] in state_at:
            j += 2
            continue
        if _ar_title_word(w) and w not in ar.NAME_STOPS:
            j += 1
            continue
        break
    return j


def _skip_honorifics(tokens: list[_Token], *, start: int, lex: Lexicon) -> int:
    """Past the honorifics before a name, each one to three words ("صاحب السمو الملكي")."""
    j = start
    while j < len(tokens):
        for size in (3, 2, 1):
            if " ".join(t[2] for t in tokens[j : j + size]) in lex.honorifics:
                j += size
                break
        else:
            break
    return j


def _conjoined(word: str) -> bool:
    """A conjunction on a word that is no name ("وتباحث", "فالوزير"), unlike "فيصل" or "وليد"."""
    rest = word[1:]
    return word[0] in "وف" and (
        rest.startswith("ال") or rest in ar.NAME_STOPS or _TITLE_HEAD_AR.fullmatch(rest) is not None
    )


def _name(tokens: list[_Token], *, start: int, state_at: dict[int, CountryMention]) -> tuple[list[_Token], int]:
    """The name from token j: up to five words, ending at a verb, preposition, punctuation or title,
    or after its family name (an article-prefixed word, "آل X" taken whole)."""
    j = start
    name: list[_Token] = []
    while j < len(tokens) and len(name) < 5:
        ns, _, w = tokens[j]
        if (
            w in _PUNCT
            or w in ar.NAME_STOPS
            or _TITLE_HEAD_AR.fullmatch(w)
            or w.endswith("اً")
            or (ns in state_at and not name)  # "فيصل بن تركي": a state's adjective inside a name is a name
            or (w[0] == "و" and name and w not in ("ولد",))  # "و" joins the next person or clause
            or w.startswith(("بال", "لل"))
            or (not name and (w.startswith("ال") or _conjoined(w)))
        ):
            break
        name.append(tokens[j])
        j += 1
        after_abd = len(name) >= 2 and name[-2][2] == "عبد"
        if (w.startswith("ال") and not after_abd) or w.startswith("آل"):
            if w.startswith("آل") and j < len(tokens) and tokens[j][2] not in _PUNCT:
                continue
            break
    while name and name[-1][2] in ("بن", "بنت", "أبو", "عبد", "آل"):
        name.pop()
        j -= 1
    return name, j


def _clean_title(title: str) -> str:
    # The head may carry a conjunction or preposition ("ووزير", "بوزير"): not part of the post.
    title = re.sub(r"^[وفبل](?=(?:ال)?(?:" + "|".join(ar.TITLE_HEADS) + "))", "", title)
    return re.sub(r"^لل", "ال", title)


def arabic_people(text: str, *, sentences: list[Sentence], states: list[CountryMention], lex: Lexicon) -> list[Person]:
    """Two orders: the post first ("وزير الداخلية الأردني اللواء X") or honorifics, the name, then the post
    in apposition ("الأمير X بن Y وزير الداخلية")."""
    out: list[Person] = []
    state_at = {c.start: c for c in states}
    for si, sent in enumerate(sentences):
        tokens = [(m.start() + sent.start, m.end() + sent.start, m.group(0)) for m in _WORD.finditer(sent.text)]
        i = 0
        while i < len(tokens):
            word = tokens[i][2]
            title_span = None
            if _TITLE_HEAD_AR.fullmatch(word):
                j = _title_chain(tokens, start=i + 1, state_at=state_at, lex=lex)
                title_span = (tokens[i][0], tokens[j - 1][1])
                name, j = _name(tokens, start=_skip_honorifics(tokens, start=j, lex=lex), state_at=state_at)
            elif (after := _skip_honorifics(tokens, start=i, lex=lex)) > i:
                name, j = _name(tokens, start=after, state_at=state_at)
                k = j + 1 if j < len(tokens) and tokens[j][2] in "،," else j
                if name and k < len(tokens) and _TITLE_HEAD_AR.fullmatch(tokens[k][2]):
                    j = _title_chain(tokens, start=k + 1, state_at=state_at, lex=lex)
                    title_span = (tokens[k][0], tokens[j - 1][1])
            else:
                i += 1
                continue
            if not name:
                i = max(j, i + 1)
                continue
            title = _clean_title(text[title_span[0] : title_span[1]]) if title_span else None
            country = None
            if title_span:
                country = _state_of(text[title_span[0] : title_span[1]], offset=title_span[0], states=states)
            org = bool(title and lex.organisation.search(title))
            ns, ne = name[0][0], name[-1][1]
            out.append(Person(ns, ne, text[ns:ne], title, country, si, org))
            i = max(j, i + 1)
    return out
