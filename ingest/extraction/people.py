"""People named in an article: name as printed, title as reported, the state they represent."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from meetings.names import HONORIFICS, strip_honorifics

from .countries import CountryMention
from .matching import name_similarity
from .models import KnownOfficial

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_TITLE_WORDS = re.compile(
    r"\b(minister|ministers|director|chief|commander|ambassador|secretary|president|undersecretary|"
    r"under-secretary|head|chairman|chair|inspector|adviser|advisor|attache|attaché|officer|"
    r"prime|deputy|envoy|governor|king|emir|amir|crown|counterpart|general|admiral|colonel|"
    r"comptroller|commissioner|commandant|chancellor|premier|speaker|marshal|leader|coordinator|"
    r"cabinet|mp|spokesperson|spokesman|spokeswoman|ceo|executive|councillor|councilor)\b",
    re.I,
)
# International bodies: their officials represent no state ("Executive Director of Europol").
_ORGANISATION = re.compile(
    r"\b(?:United Nations|UN|NATO|Interpol|INTERPOL|Europol|Eurojust|Frontex|European Union|EU|European Commission|"
    r"African Union|Arab League|League of Arab States|ASEAN|GCC|Gulf Cooperation Council|ECOWAS|OSCE|IGAD|SADC|"
    r"Shanghai Cooperation Organi[sz]ation|SCO|Commonwealth Secretariat|European (?:[A-Z]\w+ ){1,3}Agency)\b"
)
# One spoken for by another is not there ("Speaking on behalf of the Minister, X", "representing").
_REPRESENTED = re.compile(
    r"\b(?:on behalf of|[Rr]epresenting|in place of|deputi[sz]ing for|(?:directives?|instructions?|guidance|orders|"
    r"patronage|greetings|wishes|message|letter) (?:of|from))\s+(?:the\s+|his\s+|her\s+)?$"
)
# People reporting an engagement rather than taking part in it.
_REPORTER = re.compile(
    r"\b(spokes(?:person|man|woman)|public relations|press|information officer|director of defence information|"
    r"journalist|reporter|correspondent|editor|analyst|expert|professor|ceo|chief executive|"
    r"told (?:the |reporters)|anchor)\b",
    re.I,
)
_NOT_A_NAME = re.compile(
    r"\b(Ministry|Council|Agency|Department|Directorate|Force|Forces|Army|Navy|Police|Command|"
    r"University|Committee|Commission|Office|Embassy|Centre|Center|Cup|Summit|Plan|Strategy|"
    r"Dialogue|News|Times|Radio|TV|Press|Post|Guard|Metro|Airport|Palace|Stadium|Bank|Group|"
    r"Organization|Organisation|Union|Assembly|Bureau|Service|Services|Corps|Day|Division|"
    r"Operations|Security|Affairs|Republic|Kingdom|State|Islamic|Allah)\b"
)
# A capital of any Latin alphabet ("Ł", "Ş", "Ö", "É"): names in the English press are not all ASCII.
CAPITAL = "[A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper()) + "]"
_HONORIFIC_RUN = (
    r"(?:(?:H\.?E\.?|HH|(?:His|Her) (?:Excellency|Highness|Majesty)|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|[Ss]heikh|[Ss]haikh|"
    r"[Ss]heikha|Prince|Sayyid|Pol\.?(?=\s+(?:Gen|Lt|Maj|Col|Capt|Sen)\b)|"
    r"Gen\.?|General|Maj\.?|Major|Lt\.?|Lieutenant|Col\.?|Colonel|Brig\.?|Brigadier|Brig-Gen|Lt-Gen|Maj-Gen|"
    r"Major-General|Lieutenant-General|Adm\.?|Admiral|Vice|Rear|Air Chief Marshal|Air|Field|Marshal|"
    r"Hon\.?|Eng\.?|Prof\.?|Senior|"
    r"Police|Tan Sri|Datuk|Dato'?|Seri|Ag\.|IGP|Sergeant|Staff|First|Captain|Capt\.?|Commander|"
    r"\((?:[Rr]etd|[Rr]td|[Rr]et|[Rr]etired)\.?\))\s+)+"
)
_AFTER_HONORIFIC = re.compile(
    _HONORIFIC_RUN
    # A given name may be printed as initials ("Air Marshal A.P. Singh").
    + rf"((?:(?:[A-Z]\.\s?){{1,3}})?{CAPITAL}[\w'’\-]+"
    + rf"(?:\s+(?:bin|bint|ibn|Bin|Al|al|Abu|Abd|{CAPITAL}[\w'’\-]+|Al-[\w'’\-]+)){{0,6}})"
)
# Where a preceding title stops: a verb, a preposition linking two people, punctuation.
_TITLE_STOP = re.compile(
    r".*(?:[;:!?\"“”(]|\s[-–—]{1,2}\s|\b(?:with|by|under|met|meets|received|receives|welcomed|hosted|between|that|when|said|"
    r"says|told|while|as|after|before|from|where|which|who|"
    r"also|including|among|were|was|is|are|had|has|have|on|for talks|reported|quoted|thanked|"
    r"praised|congratulated|called|visited|attended)\b)",
    re.S,
)


@dataclass
class PersonMention:
    name: str
    start: int
    end: int
    sentence: int
    title: str | None = None
    country: str | None = None
    reporter: bool = False
    canonical: int | None = None  # index of the fuller mention of the same person in the article
    title_span: tuple[int, int] | None = None  # where the title was read (offsets into the body)
    countries_in_title: list[str] = field(default_factory=list)
    known: KnownOfficial | None = None  # the caller's official this mention was recognised as
    organisation: bool = False  # holds a post in an international body: represents no state
    absent: bool = False  # printed as represented by someone else ("on behalf of X"): not taking part
    counterpart_of: int | None = None  # index of the person this one is printed as the counterpart of


_ABD = re.compile(r"(?i)abd(?:ul|el|al|ol|-?al|-?el)?")


# Lower-case particles of Arabic, Dutch, German, Portuguese, Spanish names, alone or joined by a
# hyphen ("al-Sudani", "bin Salman", "van der Berg", "dos Santos").
_PARTICLES = (
    "bin|bint|ibn|al|el|ad|ar|as|ash|at|az|ul|ud|de|da|dos|das|do|di|du|van|von|der|den|ter|ben|abu|abd|la|le|y"
)
_PARTICLE_WORD = re.compile(rf"(?:{_PARTICLES})(?:[-'’][\w'’-]+)?")
# Those that are never English words, which may stand alone inside a name the model cut short.
_BARE_PARTICLES = "|".join(
    w for w in _PARTICLES.split("|") if w not in ("as", "at", "do", "la", "le", "y", "ad", "ash")
)
# What continues a name the model cut short: capitalised words, hyphen-joined particles, and bare
# particles that lead on to a capitalised word ("João Ernesto [dos Santos]"), unless they are English
# words too ("Ahmed at Riyadh").
_NAME_CONT = re.compile(
    rf"^(?:[ \t]+(?:{CAPITAL}[\w'’\-]+|(?:{_PARTICLES})[-'’][\w'’\-]+"
    rf"|(?:{_BARE_PARTICLES})(?=(?:[ \t]+(?:{_BARE_PARTICLES}))?[ \t]+{CAPITAL}))(?![\w'’\-]))+"
)


def _looks_like_name(name: str) -> bool:
    words = name.split()
    if not words or len(words) > 12:
        return False
    if len(words) == 1 and len(name.rstrip(".")) < 2:
        return False  # an initial alone ("X", the platform), not a name
    if _NOT_A_NAME.search(name):
        return False
    # An all-capitals single word is a dateline or an acronym ("AMMAN", "UPDF"), not a person; nor is
    # a word ending in capitals after small letters ("MoU", "MoFA"): names end in small letters.
    if len(words) == 1 and name.isupper() and len(name) > 2:
        return False
    if any(re.fullmatch(r"[\w'’-]*[a-z][A-Z]+", w) for w in words):
        return False
    # A title word ends a name, except inside a theophoric compound ("Abdul Amir", "Abd al-Malik").
    if any(_TITLE_WORDS.fullmatch(w) and not (k and _ABD.fullmatch(words[k - 1])) for k, w in enumerate(words)):
        return False
    if any(not (w[0].isupper() or _PARTICLE_WORD.fullmatch(w)) for w in words):
        return False
    return words[0].lower() not in HONORIFICS


def _extend(text: str, start: int, end: int) -> int:
    m = _NAME_CONT.match(text[end : end + 80])
    if not m:
        return end
    ext = m.group(0)
    # Stop before a capitalised word that starts a new clause or title ("Al Maaytah Director").
    words = re.findall(r"\s+\S+", ext)
    keep = 0
    for w in words:
        bare = w.strip()
        if (
            _TITLE_WORDS.fullmatch(bare)
            or _NOT_A_NAME.fullmatch(bare)
            or bare in ("The", "He", "She", "His", "On", "In", "At")
        ):
            break
        keep += len(w)
    return end + keep


_NOT_GIVEN_NAMES = frozenset(
    [
        "The",
        "His",
        "Her",
        "And",
        "With",
        "By",
        "On",
        "In",
        "At",
        "Talks",
        "Interior",
        "Defence",
        "Defense",
        "Foreign",
        "National",
        "Public",
        "Home",
        "Justice",
        "Internal",
        "State",
        "Security",
        "Affairs",
        "Armed",
        "Police",
        "Staff",
        "Army",
        "Navy",
        "Naval",
        "Military",
        "Royal",
        "Federal",
        "Deputy",
    ]
)


_SHORT_WORDS = frozenset(
    [
        "An",
        "As",
        "At",
        "By",
        "He",
        "If",
        "In",
        "Is",
        "It",
        "Me",
        "Mr",
        "Ms",
        "Dr",
        "No",
        "Of",
        "On",
        "Or",
        "So",
        "To",
        "Up",
        "Us",
        "We",
        "Gen",
        "Lt",
        "Col",
        "Jr",
        "Sr",
        "St",
    ]
)


def _extend_left(text: str, start: int) -> int:
    """Take in a given name the model left out ("DND Secretary [Gilberto] Teodoro")."""
    # A hyphenated given name is one ("Won-sik", "Jean-Luc").
    m = re.search(
        r"(?<![.!?]\s)(?<=\s)(" + CAPITAL + r"[^\W\d_]+(?:-[^\W\d_]+)?)\s+$", text[max(0, start - 30) : start]
    )
    if not m:
        return start
    word = m.group(1)
    parts = word.split("-")
    if not all(p[1:].islower() for p in parts if p) or (
        len(parts) > 1 and not all(_name_word(p) and not _TITLE_WORDS.fullmatch(p) for p in parts)
    ):
        return start  # "Vice-Admiral", "Director-General": a rank or post, not a given name
    if len(word) == 2 and word in _SHORT_WORDS:
        return start  # short family names (Le, Vo, Ho) yes; "In", "He", "Mr" no
    if (
        _TITLE_WORDS.fullmatch(word)
        or _NOT_A_NAME.fullmatch(word)
        or word.lower() in HONORIFICS
        or _COMMON_NOUN_END.fullmatch(word)
    ):
        return start
    from .countries import country_code

    if country_code(word) or word in _NOT_GIVEN_NAMES:
        return start
    return start - len(m.group(0))


# Common nouns by their derivational endings ("Transformation", "Security", "Development"): not
# given names, where a post printed against a name ends.
_COMMON_NOUN_END = re.compile(r"\w+(?:tion|sion|ity|ment|ence|ance|ism|ics|ure|ness|ship|ive|ies|ary)")
_ACRONYM_LEAD = re.compile(r"[A-Z]{3,}\s+(?=[A-Z][a-z])")


_NAME_PART_DEPS = frozenset({"compound", "punct", "flat", "nmod"})
_NOT_PERSON_ENTS = frozenset({"GPE", "ORG", "NORP", "LOC", "FAC", "DATE", "EVENT", "PRODUCT", "LAW"})


def _name_word(word: str) -> bool:
    """Whether a capitalised word can be part of a person's name: not a post, rank, state or institution."""
    from .countries import country_code

    return not (
        word.lower().strip(".") in HONORIFICS
        or word in _NOT_GIVEN_NAMES
        or _NOT_A_NAME.fullmatch(word)
        or _COMMON_NOUN_END.fullmatch(word)
        or country_code(word)
    )


def appositive_names(doc: Doc) -> list[tuple[int, int]]:
    """Names the parse sets in apposition to a post ("Spain's Minister of the Interior Fernando
    Grande-Marlaska": "Marlaska" is the appositive of "Minister", with "Fernando Grande-" its
    compounds) or describes by a post after a comma ("A B, Minister of Defence"), where the model's
    entities missed them: (start, end) character spans."""
    out: list[tuple[int, int]] = []

    def post(word: Token) -> bool:
        return bool(_TITLE_WORDS.fullmatch(word.lower_) or _TITLE_WORDS.fullmatch(word.lower_[:-1]))

    for tok in doc:
        if tok.pos_ != "PROPN":
            continue
        head = tok.head
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head  # "the Ministers, A and B": B is a conjunct of A, A the appositive
        # "Minister of the Interior Eimutis X": the post modifies the name the parse heads it with.
        modified = any(c.dep_ in ("nmod", "compound") and c.i < tok.i and post(c) for c in tok.lefts)
        # "Baktybek Bekbolotov, Minister of Defence of Kyrgyzstan": the post set after the name, after
        # a comma, describes it.
        described = (
            tok.i + 2 < len(doc)
            and doc[tok.i + 1].text == ","
            and any(c.dep_ in ("appos", "conj") and post(c) and c.left_edge.i == tok.i + 2 for c in tok.rights)
        )
        if not ((tok.dep_ in ("appos", "conj") and post(head)) or modified or described):
            continue
        first = tok
        lefts = [c for c in tok.lefts if c.i < tok.i]
        for k in range(len(lefts) - 1, -1, -1):
            left = lefts[k]
            if left.i != first.i - 1 or left.dep_ not in _NAME_PART_DEPS:
                break
            if not (left.pos_ == "PROPN" or left.text in "-'’") or post(left):
                break
            # A short word spelled like a rank's abbreviation between two name words is a name word
            # ("Ng Eng Hen", "Tan Kok Gen"): an honorific comes before the name, not inside it.
            inside = k > 0 and lefts[k - 1].i == left.i - 1 and _name_word(lefts[k - 1].text) and len(left.text) <= 3
            if not (_name_word(left.text) or (inside and left.text.isalpha())):
                break
            first = left
        span = doc[first.i : tok.i + 1]
        # Another entity type over the words is the model's guess; one reaching past them is a name
        # of something else ("the Ministry of Defence").
        other = {t.ent_type_ for t in span} & _NOT_PERSON_ENTS
        whole = any(e.start == span.start and e.end == span.end for e in doc.ents)
        if first.i < tok.i and (not other or whole):  # a given name and a family name, not a lone word
            out.append((span.start_char, span.end_char))
    return out


# A ministry or a post named with its field ("the Ministry of Interior", "Minister of National Defence"),
# then the capitalised words after it.
_FIELD_THEN_WORDS = re.compile(
    r"\b(?:Ministry|Department|Directorate|Office|Secretariat|Division|Minister|(?:Under-?)?[Ss]ecretary|Director|Commander|"
    r"Chief|Head|Inspector|Commissioner)\s+(?:of|for)\s+(?:the\s+)?"
    rf"((?:{CAPITAL}[\w'’.-]*)(?:\s+(?:and\s+)?{CAPITAL}[\w'’.-]*)*)"
)


def complement_names(text: str) -> list[tuple[int, int]]:
    """Names the model read into the field of the ministry or post printed before them ("Secretary of
    the Ministry of Interior Amir Khan", "Minister of National Defence Ana Silva": the holder, not the
    post's complement): (start, end) character spans."""
    out: list[tuple[int, int]] = []
    pos = 0
    while m := _FIELD_THEN_WORDS.search(text, pos):
        pos = m.start(1)  # "Secretary of the Ministry of Interior X": the ministry may follow the post
        words = list(re.finditer(r"\S+", m.group(1)))
        field = 0
        while field < len(words) and words[field].group(0).lower() in _TITLE_LOWER:
            field += 1
        names = words[field:]
        # The name ends where another conjunct begins ("... Interior A B and Peruvian Deputy Minister C D").
        conj = next((k for k, w in enumerate(names) if w.group(0) == "and"), None)
        if conj is not None:
            names = names[:conj]
        # A field of one word or more, then two to five name words, none a post, rank, state or institution.
        if field and 2 <= len(names) <= 5 and all(_name_word(w.group(0).rstrip(".")) for w in names):
            last = names[-1].group(0)
            end = m.start(1) + names[-1].end() - (len(last) - len(last.rstrip(".")))  # the sentence's full stop
            out.append((m.start(1) + names[0].start(), end))
    return out


_POST_OF = re.compile(
    r"\b(?:Minister|Ministry|Secretary|Director|Commander|Chief|Head|Commissioner|Inspector)\s+(?:of|for)\s+$"
)


def _within_lines(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A name never runs over a line break ("... he wrote on X.\nSingh called"): a span that does is
    the names on each of its lines."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        for line in re.finditer(r"[^\n]+", text[s:e]):
            part = line.group(0).strip().rstrip(".")
            if part:
                at = s + line.start() + line.group(0).find(part)
                out.append((at, at + len(part)))
    return out


def find_people(
    text: str, *, sentences: list[tuple[int, int]], person_spans: list[tuple[int, int]], countries: list[CountryMention]
) -> list[PersonMention]:
    """Person mentions from the model's PERSON spans plus names after a rank ("Maj. Gen. X")."""
    spans: list[tuple[int, int]] = []
    for s, e in _within_lines(text, person_spans):
        e = _extend(text, s, e)
        spans.append((s, e))
    for m in _AFTER_HONORIFIC.finditer(text):
        s, e = m.start(1), _extend(text, m.start(1), m.end(1))
        # A rank's word may begin a post ("Police Commissioner X", "Chiefs of Staff Committee
        # General Y"): the name begins after the post's words.
        for word in re.finditer(r"\S+", text[s:e]):
            if _name_word(word.group(0)) and not _TITLE_WORDS.fullmatch(word.group(0)):
                break
            s = m.start(1) + word.end()
        s += len(text[s:e]) - len(text[s:e].lstrip())
        if s >= e:
            continue
        # A lone capitalised word after a rank is a name only when the model also read a person
        # there: "General Duties" and "Major Projects" are not people.
        if " " not in text[s:e].strip() and not any(ps < e and s < pe for ps, pe in person_spans):
            continue
        spans.append((s, e))
    spans.extend(_listed_names(text))
    spans.sort(key=lambda se: (se[0], -se[1]))
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s < merged[-1][1]:
            if e > merged[-1][1]:
                merged[-1] = (merged[-1][0], e)
            continue
        merged.append((s, e))
    country_forms = {text[c.start : c.end] for c in countries}
    mentions: list[PersonMention] = []
    sent_idx = 0
    for s, e in merged:
        s = _extend_left(text, s)
        raw = text[s:e]
        name = strip_honorifics(raw)
        if len(name.split()) > 1 and name.split()[0].endswith("ing"):
            name = name.split(" ", 1)[1]
        name = re.sub(r"\s+(?:said|says|told|and|of|the)$", "", name)
        # A leading all-capitals word is a post's acronym ("DPM Marles", "EAM Jaishankar"), not a
        # given name: names are capitalised, not capitals; two letters may be initials ("AK").
        acronym = _ACRONYM_LEAD.match(name)
        if acronym:
            s += raw.find(name) + acronym.end()
            raw = text[s:e]
            name = name[acronym.end() :]
        # Words of a post or service the model took into the name ("Kenyan Defence", "Interior X")
        # end what went before them: the name is what follows, if anything.
        words = name.split()
        cut = max((i + 1 for i, w in enumerate(words) if w in _NOT_GIVEN_NAMES), default=0)
        # A post does not end in "of" ("Minister of Peace Mohamed Edris"): the first word is its field.
        if cut == 0 and len(words) >= 3 and _POST_OF.search(text[max(0, s - 40) : s + raw.find(words[0])]):
            cut = 1
        name = " ".join(words[cut:])
        if not name or name in country_forms or not _looks_like_name(name):
            continue
        name_start = s + raw.find(name.split()[0])
        while sent_idx + 1 < len(sentences) and sentences[sent_idx][1] <= s:
            sent_idx += 1
        mentions.append(PersonMention(name, name_start, name_start + len(name), sent_idx))
    return mentions


_BRACKETED_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z0-9&.-]{1,9})\)\s*,?$")


# A post complete in its head noun and its complement: a rank after it is the holder's ("Interior
# Minister General X", "Chief of Army Staff General Y").
_COMPLETE_POST = re.compile(
    r"\b(?:Minister|Secretary|Undersecretary|Ambassador|Envoy|Chief|President|Advis[eo]r)"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*){0,3})?$"
)


def _title_before(
    text: str, floor: int, name_start: int, *, previous_titled_before: bool = False
) -> tuple[str, int, int]:
    """The title printed before a name, cut at the previous person or clause.

    `previous_titled_before`: the previous person in the sentence had their post printed before
    their name ("Chief of Staff, Gen A, ..."), so a post after A's comma introduces the next name.
    Returns the title, its offset, and the offset of the wider clause it was cut from (which may
    still name the official's state: "Kuwait's visiting Minister of Interior")."""
    lo = max(floor, name_start - 200)
    window = text[lo:name_start]
    # Ranks right before the name are honorifics, not the title ("..., HE Major General Dr."),
    # except the "General" of a post ("Inspector General", "Director General").
    stripped = re.sub(_HONORIFIC_RUN + r"$", "", window + " ").rstrip()
    ranks = window[len(stripped) :].split()
    if (
        len(ranks) > 1
        and _TITLE_WORDS.fullmatch(ranks[0])
        and re.search(r"\b[A-Z][\w-]*$", stripped)
        and not _COMPLETE_POST.search(stripped)
    ):
        # "Coast Guard Commander Major General X": the first rank word heads the post its modifiers
        # name; the ranks after it are the honorifics.
        stripped = window[: len(stripped) + window[len(stripped) :].index(ranks[0]) + len(ranks[0])]
    post = re.match(r"[-\s]General\b", window[len(stripped) :])
    if post and re.search(
        r"\b(?:Inspector|Director|Secretary|Attorney|Auditor|Consul|Surgeon|Commissioner)$", stripped
    ):
        stripped += post.group(0)
    elif re.search(r"\b(?:of|for)$", stripped):
        # "Inspector-General of Police X": the rank word completes the post.
        word = re.match(r"\s+\S+", window[len(stripped) :])
        if word:
            stripped += word.group(0)
    if (staff := re.match(r"\s+Staff\b", window[len(stripped) :])) and re.search(
        r"\bChiefs?\s+of\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,3}$", stripped + " "
    ):
        # "Chief of Army Staff General X": "Staff" ends the post, the rank after it is the holder's.
        stripped += staff.group(0)
    window = stripped
    acronym = _BRACKETED_ACRONYM.search(window)
    if acronym:
        from .countries import country_code

        if not country_code(acronym.group(1)):
            # A post's acronym in brackets ends it ("Chief of Defence Staff (CDS), General X").
            window = window[: acronym.start()]
    conj = re.match(r"\s*,\s*(?:and|as well as|along with)\s+", window)
    if conj:
        # ", and Tanzania's Minister of Defence, Dr. X": a new conjunct, not the previous appositive.
        lo += conj.end()
        window = window[conj.end() :]
    elif window.lstrip().startswith(","):
        rest = window.lstrip()[1:]
        joins = list(re.finditer(r",\s*(?:and|as well as|along with)\s+", rest))
        if joins:
            rest = rest[joins[-1].end() :]  # "A, X's Ambassador, and Y's Police Chief B": after the last join
        elif not rest.strip():
            return "", name_start, name_start
        elif previous_titled_before and rest.count(",") == 1 and rest.rstrip().endswith(","):
            # "the Chief of Defence Forces, Gen A, the Joint Chief of Staff, Maj Gen B": each post is
            # printed before its holder, so the one after A's comma is B's.
            pass
        elif "," in rest and not _TITLE_STOP.match(rest):
            return "", name_start, name_start  # the previous person's appositive, not this one's title
        # Otherwise a clause follows the previous person ("A, Qatar's Minister, was welcomed by
        # Saudi Minister B"): the title is read after the clause's last verb or preposition.
        # "A, Chief of Staff Major General B": a post printed against the next name, with no comma
        # to close it as A's appositive, is B's.
        lo += len(window) - len(rest)
        window = rest
    m = _TITLE_STOP.match(window)
    cut = m.end() if m else 0
    body = window[cut:]
    lead = re.match(r"^[\s,]*(?:(?:the|his|her|their|its|and|,)\s+)*", body, flags=re.I)
    skip = lead.end() if lead else 0
    title = body[skip:].rstrip(" ,-–")
    keep = _title_suffix(title)
    return title[len(title) - keep :], lo + cut + skip + len(title) - keep, lo + cut + skip


# Lower-case words a post's name is made of ("national police chief", "minister of state for
# interior affairs"); any other lower-case word ends the title going leftwards.
_TITLE_LOWER = frozenset(
    str.split(
        "of for and the to in & interior defence defense foreign home national public security police army navy "
        "naval military armed forces force state affairs internal general staff intelligence border coast guard "
        "guards joint assistant acting senior first second vice land air special criminal investigation department "
        "ministry directorate counter-terrorism counterterrorism counter-narcotics narcotics immigration customs "
        "civil emergency emergencies justice federal regional provincial district city operations logistics homeland "
        "gendarmerie marine marines maritime cyber anti-narcotics drug control affairs"
    )
)
# Capitalised words that open a clause rather than a post ("Earlier", "On Monday", "Meanwhile").
_CLAUSE_OPENERS = frozenset(
    str.split(
        "Meanwhile Earlier Later Also Separately Yesterday Today Tonight However Then Previously Additionally "
        "Furthermore Moreover Afterwards Subsequently Thereafter Likewise Similarly Finally Following During After "
        "Before When While On In At As With Both The This That These Those It He She They His Her Their Its And But "
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
        "August September October November December According Speaking Accompanied Led Headed"
    )
)
_CONNECTORS = frozenset(["of", "for", "and", "the", "to", "in", "&"])


def _title_suffix(title: str) -> int:
    """Length of the title-like tail of a window: capitalised words, post words, short connectors."""
    tokens = list(re.finditer(r"\S+", title))
    start = len(title)
    for tok in reversed(tokens):
        word = tok.group(0)
        if word.endswith(",") and tok.end() != len(title) and not _TITLE_WORDS.fullmatch(word[:-1]):
            break  # a comma closes the clause before the title, unless it lists posts ("Minister, Minister of")
        bare = word.strip(",")
        if not bare:
            break
        capital = bare[0].isupper() or bare[0].isdigit() or (bare.startswith("(") and bare.endswith(")"))
        if not (capital or bare.lower() in _TITLE_LOWER or _TITLE_WORDS.fullmatch(bare)):
            break
        start = tok.start()
    tail = tokens and [t for t in tokens if t.start() >= start]
    # Drop leading connectors and clause openers ("of Iraq's Ambassador", "Earlier Saudi ...").
    while tail and (
        tail[0].group(0).lower() in _CONNECTORS
        or tail[0].group(0).strip(",") in _CLAUSE_OPENERS
        # A participle opens a clause ("Representing the Chief of Staff"); "Acting" is a post's word.
        or (tail[0].group(0).endswith("ing") and tail[0].group(0).lower() not in _TITLE_LOWER)
    ):
        tail = tail[1:]
    if not tail:
        return 0
    return len(title) - tail[0].start()


_DELEGATION_HEAD = re.compile(
    r"(?:\b([A-Z][a-z]+)\s+(?:[a-z]+\s+){0,3}delegation|\bdelegation\s+(?:of|from)\s+(?:the\s+)?([A-Z][a-z]+)"
    r"(?:\s+[A-Z][\w'’-]*){0,4})"
    r",?\s+(?:headed|led)\s+by\s+(?:(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,5})?(?:" + _HONORIFIC_RUN + r")?$"
)
_APPOSITIVE_START = re.compile(
    r"^(?:[A-Z]|the\b|a\b|an\b|his\b|her\b|assistant|deputy|acting|minister|director|head|chief|commander|"
    r"undersecretary|under-secretary|ambassador|secretary|military|senior|first|state|general|inspector|chairman|"
    r"president|prime|vice|advis|adviser|envoy|spokes)",
)


_SERVICE_BODY = re.compile(
    r"\s+(?:[A-Z][\w-]*\s+){0,2}(?:Ministry|Department|Government|Armed Forces|Army|Navy|Air Force|Police|"
    r"Cabinet|Foreign Office|Defence Forces|Defense Forces|Coast Guard)\b"
)
_CONJOINED_POST = r"(?:Deputy|Director|Commander|Chief|Minister|Head|Secretary|Acting|Vice|Assistant|Chair)"


def _title_after(text: str, name_end: int, sent_end: int) -> tuple[str, int]:
    m = re.match(
        r"\s*,\s*(?:the\s+|who is\s+(?:the\s+)?|who heads\s+(?:the\s+)?)?([^,;.()]{3,160}?)(?=,|;|\.\s|"
        # " and B" ends the appositive; " and Deputy Director of ..." joins a second post to it.
        r"\.$|\(| who | and (?:his|her|the|(?!" + _CONJOINED_POST + r")[A-Z])| held | met | said | was | has | had |$)",
        text[name_end:sent_end],
    )
    if not m or not _APPOSITIVE_START.match(m.group(1)):
        return "", name_end
    return m.group(1).strip(), name_end + m.start(1)


def _after_closed_bracket(text: str, start: int, end: int) -> int:
    """Where a title before `end` may begin: after a bracket closed that opened before `start`, or one
    that opens the clause ("(Agency credit) US Secretary of Defense X"); a bracket opened and closed
    after the post's first words belongs to the post ("Chief of Army Staff (COAS) General X")."""
    lead = re.match(r"\s*[(\[][^()\[\]]*[)\]]", text[start:end])
    if lead:
        start += lead.end()
    depth = 0
    for i in range(start, end):
        if text[i] in "([":
            depth += 1
        elif text[i] in ")]":
            if depth == 0:
                start = i + 1
            depth = max(0, depth - 1)
    return start


def assign_titles(
    text: str, *, sentences: list[tuple[int, int]], mentions: list[PersonMention], countries: list[CountryMention]
) -> None:
    """Fill in each mention's title and country from the words around it."""
    for k, pm in enumerate(mentions):
        s_start, s_end = sentences[pm.sentence]
        floor = s_start
        if k > 0 and mentions[k - 1].sentence == pm.sentence:
            floor = max(floor, mentions[k - 1].end)
        floor = _after_closed_bracket(text, floor, pm.start)
        previous = mentions[k - 1] if k > 0 and mentions[k - 1].sentence == pm.sentence else None
        titled_before = bool(previous and previous.title_span and previous.title_span[1] <= previous.start)
        before, b_off, b_wide = _title_before(text, floor, pm.start, previous_titled_before=titled_before)
        after, a_off = _title_after(text, pm.end, s_end)
        title_parts = []
        spans = []
        if before and _TITLE_WORDS.search(before):
            title_parts.append(before)
            spans.append((b_wide, b_off + len(before)))
        if after and _TITLE_WORDS.search(after) and not re.match(r"(?:who|which|said|told)\b", after):
            title_parts.append(after)
            spans.append((a_off, a_off + len(after)))
        if title_parts:
            pick = 0 if len(title_parts) == 1 or len(title_parts[0]) >= 6 else len(title_parts) - 1
            pm.title = _clean_title(title_parts[pick])
            pm.title_span = spans[pick]
        context = " ".join(title_parts)
        pm.reporter = bool(context and _REPORTER.search(context)) or bool(
            re.search(r"\b(spokes\w+|told|according to)\s*,?\s*$", text[max(s_start, pm.start - 40) : pm.start], re.I)
        )
        codes: list[str] = []
        for cs, ce in spans:
            found: list[str] = []
            own = b_off if (cs, ce) == (b_wide, b_off + len(before)) else cs  # where the post itself begins
            for c in countries:
                if cs <= c.start and c.end <= ce and c.kind not in ("city", "pair"):
                    # "Ambassador to Kuwait", "Embassy in Egypt": where the post is, not whose; a
                    # preposition before the post governs the person ("according to Turkish Minister X").
                    lead = text[max(cs, c.start - 12) : c.start]
                    prep = re.search(r"\b(to|in)\s+(the\s+)?$", lead)
                    governs_person = prep is not None and c.start - len(lead) + prep.start() < own <= c.start
                    possessive = text[c.end : c.end + 2] in ("'s", "’s")
                    # "minister of state in the Canadian Ministry": a state's adjective on the body the
                    # post belongs to is whose, whatever the preposition.
                    serving = c.kind == "adjective" and _SERVICE_BODY.match(text, c.end)
                    if prep and not governs_person and not possessive and not serving:
                        continue
                    found.append(c.code)
            # Before the name, the state nearest to it; in an appositive, the first named.
            if found:
                codes.append(found[-1] if (b_wide, b_off + len(before)) == (cs, ce) else found[0])
        led = _DELEGATION_HEAD.search(text[max(s_start, pm.start - 80) : pm.start])
        if not codes and led:
            from .countries import country_code

            code = country_code(led.group(1) or led.group(2))
            if code:
                codes.append(code)
        if not codes:
            # "the interior ministers of Iraq, X, Syria, Y": the state printed right before the name.
            near = [
                c
                for c in countries
                if floor <= c.start
                and c.end <= pm.start
                and c.kind not in ("city", "pair")
                and not re.search(r"\b(?:in|to|at)\s+(?:the\s+)?$", text[max(0, c.start - 8) : c.start])
            ]
            if near and re.fullmatch(r"(?:['’]s)?\s*,?\s*(?:" + _HONORIFIC_RUN + r")?", text[near[-1].end : pm.start]):
                codes.append(near[-1].code)
        pm.organisation = bool(pm.title and _ORGANISATION.search(pm.title))
        opens = b_off if before else pm.start
        pm.absent = bool(_REPRESENTED.search(text[max(s_start, opens - 40) : opens])) or bool(
            # "the directives of King A and Crown Prince B": a conjunct of one not there is not there.
            previous and previous.absent and re.fullmatch(r"\s*,?\s*and\s+(?:the\s+)?", text[previous.end : opens])
        )
        previous_state = mentions[k - 1].country if k > 0 and mentions[k - 1].sentence == pm.sentence else None
        if not codes and previous_state:
            # "Qatar's Interior Minister X and Minister of State Y", "X, accompanied by Y": a conjunct
            # or companion with no state of its own stands with the one before it.
            between = text[mentions[k - 1].end : b_off if before else pm.start]
            if re.fullmatch(
                r"(?:,[^,;.]{0,80},)?\s*,?\s*(?:and|together with|along with|as well as|accompanied by|flanked by|"
                r"joined by)\s+(?:(?:the|his|her)\s+)?",
                between,
            ):
                codes.append(previous_state)
            elif (
                titled_before
                and before
                and not COUNTERPART.search(before)
                and re.fullmatch(r"\s*,\s*(?:and\s+)?(?:the\s+)?", between)
            ):
                # "Kenya's Defence Secretary A, Chief of Defence Forces B, and ...": in a list of
                # posts each printed before its holder, one with no state serves the state before it.
                codes.append(previous_state)
        pm.countries_in_title = codes
        if codes:
            pm.country = codes[0]
        listed = _listed_post(text, s_start, pm.start)
        if listed and (pm.title is None or pm.title == before or pm.title.lower().startswith(listed.lower())):
            pm.title = listed
    _distributed_posts(text, mentions=mentions, countries=countries)
    _states_then_names(text, mentions=mentions, countries=countries)
    _counterpart_titles(mentions)
    _reporters_of_others(text, mentions=mentions, sentences=sentences)


# "X wrote on Twitter that A and B had spoken": X tells of an engagement between others.
_TELLS_THAT = re.compile(
    r"[^.;]{0,80}?\b(?:wrote|said|says|tweeted|posted|reported|announced|stated|noted)\b(?:\s+on\s+\w+)?,?\s+that\b"
)


def _reporters_of_others(text: str, *, mentions: list[PersonMention], sentences: list[tuple[int, int]]) -> None:
    """One who tells that two others met is their reporter, not a third party to their talks."""
    for k, pm in enumerate(mentions):
        tells = _TELLS_THAT.match(text, pm.end, sentences[pm.sentence][1])
        # Another person between the teller and the verb is the teller's subject; "on Twitter" is not one.
        if tells is None or any(
            pm.end < m.start < tells.end() and not text[: m.start].endswith("on ") for m in mentions
        ):
            continue
        told = [m for m in mentions[k + 1 :] if m.sentence == pm.sentence and m.start >= tells.end()]
        # The reported clause's subject is a pair of others ("that A and B had agreed").
        pair = re.match(r"\s+(?:[A-Z][\w'’-]+\s+){1,4}and\s+(?:his\s+|her\s+|the\s+)?[A-Z]", text[tells.end() :])
        if told and told[0].start == tells.end() + 1 and pair:
            pm.reporter = True


# The plural posts a list of officials shares (with "counterparts" where a list of names follows).
_PLURAL_POSTS = "ministers|chiefs|commanders|heads|directors|ambassadors|secretaries|envoys|generals"

# "his US and Japanese counterparts, A and B", "the Saudi and Qatari interior ministers A and B":
# a plural post shared out, in order, among the states before it and the names after it.
_SHARED_POST = re.compile(
    r"\b((?:[A-Z][\w'’.-]*\s+){1,3}?(?:(?:,\s*|and\s+)(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}?)+)"
    r"((?:[A-Za-z-]+\s+){0,2}?(?i:counterparts|" + _PLURAL_POSTS + r"))\s*,?\s*$"
)
_NAME_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:" + _HONORIFIC_RUN + ")?")


def _listed_from(text: str, *, mentions: list[PersonMention], at: int) -> list[PersonMention]:
    """The mention at `at` and those printed right after it in the same sentence, as a list ("A, B and C")."""
    group = [mentions[at]]
    while at + len(group) < len(mentions):
        nxt = mentions[at + len(group)]
        if nxt.sentence != group[0].sentence or not _NAME_LIST_GAP.fullmatch(text[group[-1].end : nxt.start]):
            break
        group.append(nxt)
    return group


def _distributed_posts(text: str, *, mentions: list[PersonMention], countries: list[CountryMention]) -> None:
    """Share a plural post among the names listed after it, one state each, in the order printed."""
    k = 0
    while k < len(mentions):
        pm = mentions[k]
        lo = max(0, pm.start - 120)
        head = _SHARED_POST.search(re.sub(_HONORIFIC_RUN + "$", "", text[lo : pm.start] + " ").rstrip() + " ")
        if head is None:
            k += 1
            continue
        states = [
            c.code
            for c in countries
            if lo + head.start(1) <= c.start and c.end <= lo + head.end(1) and c.kind not in ("city", "pair")
        ]
        group = _listed_from(text, mentions=mentions, at=k)
        if len(states) >= 2 and len(states) == len(group):
            words = head.group(2).split()
            plural = words[-1]
            one = _SINGULAR.get(plural.lower(), plural[:-1])
            post = " ".join([*words[:-1], one.capitalize() if plural[0].isupper() else one.lower()])
            adjectives = [text[c.start : c.end] for c in countries if lo + head.start(1) <= c.start < lo + head.end(1)]
            # The shared reading replaces the first name's, which took in the whole plural post.
            for member, code, adjective in zip(group, states, adjectives, strict=False):
                member.country = code
                member.countries_in_title = [code]
                member.title = f"{adjective} {post}"
        k += len(group)


# "his counterparts from Malaysia and Singapore, A and B", "the defence ministers of Ghana and Togo, A and
# B": a plural post, the list of states it is from, then the list of names, in the same order.
_POST_THEN_STATES = re.compile(
    r"\b(?i:counterparts|" + _PLURAL_POSTS + r")"
    r"\s+(?:from|of)\s+((?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}"
    r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})+)\s*,\s*$"
)


def _states_then_names(text: str, *, mentions: list[PersonMention], countries: list[CountryMention]) -> None:
    """Give each name listed after "<plural post> from/of <states>," the state listed in its place."""
    k = 0
    while k < len(mentions):
        pm = mentions[k]
        lo = max(0, pm.start - 160)
        head = _POST_THEN_STATES.search(re.sub(_HONORIFIC_RUN + "$", "", text[lo : pm.start] + " ").rstrip() + " ")
        if head is None:
            k += 1
            continue
        span = (lo + head.start(1), lo + head.end(1))
        states = [
            c.code for c in countries if span[0] <= c.start and c.end <= span[1] and c.kind not in ("city", "pair")
        ]
        group = _listed_from(text, mentions=mentions, at=k)
        if len(states) >= 2 and len(states) == len(group):
            for member, code in zip(group, states, strict=True):
                member.country = code
                member.countries_in_title = [code]
        k += len(group)


# "the interior ministers of Iraq, X, Syria, Y and Lebanon, Z": one post shared by a list of states.
_PLURAL_POST = re.compile(r"\b((?:[A-Za-z-]+\s+){0,3}?)(" + _PLURAL_POSTS + r")\s+of\s+(?=[A-Z])")
_SINGULAR = {"secretaries": "Secretary", "envoys": "Envoy", "generals": "General"}


_LIST_ITEM = re.compile(
    r"(?:,?\s*(?:and\s+)?)(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}),\s+"
    r"([A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|bin|bint|ibn|al|el|de|da|van)){1,5})(?=\s*,|\s+and\b|\s*\.|\s*;)"
)


def _listed_names(text: str) -> list[tuple[int, int]]:
    """Names in "the defence ministers of Ghana, X, Togo, Y and Benin, Z" (each after its state)."""
    from .countries import country_code

    out: list[tuple[int, int]] = []
    for head in _PLURAL_POST.finditer(text):
        pos = head.end()
        while True:
            m = _LIST_ITEM.match(text, pos)
            if not m or not country_code(m.group(1)):
                break
            out.append((m.start(2), m.end(2)))
            pos = m.end()
    return out


def _listed_post(text: str, s_start: int, name_start: int) -> str | None:
    lo = max(s_start, name_start - 240)
    window = text[lo:name_start]
    heads = list(_PLURAL_POST.finditer(window))
    if not heads:
        return None
    head = heads[-1]
    rest = window[head.end() :]
    # Only states, names, commas and "and" between the post and this name; the state just before it.
    if not re.fullmatch(r"(?:[A-Z][\w'’.-]*\s*|,\s*|and\s+|the\s+)*,\s*", rest):
        return None
    words = [w for w in head.group(1).split() if w.lower() in _TITLE_LOWER and w.lower() not in _CONNECTORS]
    plural = head.group(2)
    post = _SINGULAR.get(plural, plural[:-1].capitalize())
    return " ".join([w.capitalize() for w in words] + [post])


# The head nouns of posts, for a post named without its holder ("the Jordanian minister").
POST_HEADS = r"minister|director|chief|commander|ambassador|secretary|undersecretary|general|admiral|envoy|head"
COUNTERPART = re.compile(r"\bcounterparts?\b", re.I)


def _counterpart_titles(mentions: list[PersonMention]) -> None:
    """ "His Malaysian counterpart, Inspector General X": the post, not the relation; with no post
    printed, the relation is the title as the text gives it ("his Turkish counterpart"). Each
    counterpart points at the one they are the counterpart of (the nearest titled person before)."""
    relations = [bool(pm.title and COUNTERPART.search(pm.title)) for pm in mentions]
    for k, pm in enumerate(mentions):
        if not (pm.title and relations[k]):
            continue
        holder = next(
            (
                j
                for j in range(k - 1, -1, -1)
                if mentions[j].sentence == pm.sentence and mentions[j].title and not relations[j]
            ),
            None,
        )
        pm.counterpart_of = holder
        after_comma = re.match(r"^(?:[\w'’-]+\s+)*counterparts?,\s*(.+)$", pm.title, re.I)
        if after_comma and _TITLE_WORDS.search(after_comma.group(1)):
            pm.title = after_comma.group(1)


def _clean_title(title: str) -> str:
    title = re.sub(
        r"^(?:[A-Z][\w.]*(?:['’]s|s['’])\s+)?(?:visiting\s+)?", "", title
    )  # "Qatar's Undersecretary" -> "Undersecretary"
    # "[His] Majesty King" -> "King"
    title = re.sub(r"^(?:(?:His|Her)\s+)?(?:Majesty|Highness|Excellency)\s+", "", title)
    return title.strip(" ,.-–")


HONORIFIC_RUN = _HONORIFIC_RUN


def link_mentions(mentions: list[PersonMention]) -> None:
    """Point short mentions ("Maaitah", "Sheikh Naif") at the fullest earlier-or-later mention."""
    order = sorted(range(len(mentions)), key=lambda i: -len(mentions[i].name.split()))
    for i in order:
        pm = mentions[i]
        best, best_score = None, 0.0
        for j in order:
            other = mentions[j]
            if j == i or len(other.name.split()) < len(pm.name.split()) or other.canonical is not None:
                continue
            if len(other.name.split()) == len(pm.name.split()) and j > i:
                continue
            if pm.country and other.country and pm.country != other.country:
                continue
            score = name_similarity(pm.name, other.name)
            if score >= 0.7 and score > best_score:
                best, best_score = j, score
        if best is not None:
            pm.canonical = best
            root = mentions[best]
            if root.country is None and pm.country:
                root.country = pm.country
            if root.title is None and pm.title:
                root.title = pm.title
            if root.known is None and pm.known:
                root.known = pm.known
    for pm in mentions:
        if pm.canonical is not None:
            root = mentions[pm.canonical]
            if pm.country is None:
                pm.country = root.country
            if root.reporter or pm.reporter:
                pm.reporter = root.reporter = root.reporter and pm.reporter or root.reporter
