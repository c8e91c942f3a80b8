"""Is this mention that official? Transliteration-aware name matching with country and title as evidence.

Used within a batch (to give one `person` id to every spelling of a person) and by the ingest
pipeline against officials already in the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import JaroWinkler

from meetings.names import PARTICLES, fold_words, name_tokens, skeleton, strip_honorifics


@dataclass(frozen=True)
class PersonMention:
    name: str
    country: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class PersonCandidate:
    key: str
    names: tuple[str, ...]
    country: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class PersonMatch:
    candidate: PersonCandidate
    score: float
    name: str  # the candidate's spelling that matched best


def token_similarity(a: str, b: str) -> float:
    """1.0 for the same token in any common transliteration; lower as they drift apart."""
    if a == b:
        return 1.0
    sa, sb = skeleton(a), skeleton(b)
    if sa == sb:
        return 0.95
    # "Obaid" / "Obaidallah": one spelling is a short form of the other.
    if min(len(sa), len(sb)) >= 3 and (sa.startswith(sb) or sb.startswith(sa)) and min(len(a), len(b)) >= 4:
        return 0.85
    return max(JaroWinkler.similarity(a, b), JaroWinkler.similarity(sa, sb)) * 0.9


def _has_particle(name: str) -> bool:
    return any(w in PARTICLES for w in fold_words(name))


def _joined_given_names(name: str) -> str:
    """The name with hyphens closed up and its first two words written as one, when it has three or more."""
    words = strip_honorifics(name).replace("-", "").split()
    if len(words) > 2 and not any(fold_words(w)[0] in PARTICLES for w in words[:2] if fold_words(w)):
        return "".join(words[:2]) + " " + " ".join(words[2:])
    return " ".join(words)


def _family_name_moved(ta: list[str], tb: list[str]) -> bool:
    """The same words with the first moved to the end, or the last to the front."""
    if len(ta) < 2 or token_similarity(ta[0], tb[0]) >= 0.85:
        return False
    return any(
        all(token_similarity(x, y) >= 0.95 for x, y in zip(ta, rotated, strict=True))
        for rotated in (tb[1:] + tb[:1], tb[-1:] + tb[:-1])
    )


def name_similarity(a: str, b: str) -> float:
    """0 when two names cannot be the same person, else up to 1.

    A one-word name must equal one of the other's words.  Longer names must agree on the given
    name and on the family name or on two words: a shared family name alone (two Al Thanis) is
    never enough. A given name may be printed as two words or one ("Mohammad Reza", "Mohammadreza";
    "Amir-Abdollahian", "Amirabdollahian")."""
    score = _similarity(a, b)
    if score == 0.0 and min(len(strip_honorifics(a).split()), len(strip_honorifics(b).split())) > 1:
        ja, jb = _joined_given_names(a), _joined_given_names(b)
        if (ja, jb) != (a, b):
            score = _similarity(ja, jb)
    return score


def _similarity(a: str, b: str) -> float:
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return 0.0
    for one, (short, long_) in ((a, (ta, tb)), (b, (tb, ta))):
        if len(short) > 1 and len(strip_honorifics(one).split()) == 1:
            # A hyphenated family name printed alone ("Grande-Marlaska"): the other name ends in it.
            if len(long_) <= len(short):
                return 0.0
            worst = min(token_similarity(x, y) for x, y in zip(short, long_[-len(short) :], strict=True))
            return 0.75 * worst if worst >= 0.85 else 0.0
    if len(ta) == len(tb) and not (_has_particle(a) or _has_particle(b)) and _family_name_moved(ta, tb):
        # The family name first or last ("Suh Wook", "Wook Suh"; "Shin Won-sik", "Won-sik Shin"):
        # East Asian names are printed in either order in English. Not names with a nasab: "Hamad
        # bin Isa" and "Isa bin Hamad" are father and son.
        return 0.9
    if len(ta) == 1 or len(tb) == 1:
        short, long_ = (ta, tb) if len(ta) == 1 else (tb, ta)
        best = max(token_similarity(short[0], t) for t in long_)
        return 0.75 * best if best >= 0.85 else 0.0
    first = token_similarity(ta[0], tb[0])
    if min(len(ta[0]), len(tb[0])) == 1 and ta[0][0] == tb[0][0]:
        first = 0.85  # an initial for the given name ("S. Jaishankar")
    if first < 0.85:
        return 0.0
    last = token_similarity(ta[-1], tb[-1])
    matched = sum(1 for x in ta if max(token_similarity(x, y) for y in tb) >= 0.85)
    if last < 0.85 and (matched < 2 or matched < min(len(ta), len(tb))):
        # Different family names: only one name being the other's first words ("Fahad Yusuf
        # Saud" / "Fahad Yusuf Saud Al-Sabah") keeps them the same person.
        return 0.0
    coverage = matched / min(len(ta), len(tb))
    return min(1.0, 0.55 + 0.25 * first + 0.2 * coverage * max(last, 0.85))


def _title_words(title: str | None) -> set[str]:
    return {w for w in name_tokens(title or "") if len(w) > 3}


def match_score(mention: PersonMention, candidate: PersonCandidate) -> tuple[float, str]:
    if mention.country and candidate.country and mention.country != candidate.country:
        return 0.0, ""
    best, best_name = 0.0, ""
    for name in candidate.names:
        s = name_similarity(mention.name, name)
        if s > best:
            best, best_name = s, name
    if best == 0.0:
        return 0.0, ""
    if mention.country and mention.country == candidate.country:
        best += 0.05
    tw, cw = _title_words(mention.title), _title_words(candidate.title)
    if tw and cw and tw & cw:
        best += 0.03
    return min(best, 1.0), best_name


def match_official(
    mention: PersonMention,
    candidates: Sequence[PersonCandidate],
    *,
    threshold: float = 0.7,
) -> PersonMatch | None:
    """The candidate official this mention most likely names, or None below `threshold`.

    Scores range 0..1: a transliteration of the full name with the same country scores about
    0.95; a lone family name matching a candidate's scores about 0.8."""
    best: PersonMatch | None = None
    for candidate in candidates:
        score, name = match_score(mention, candidate)
        if score >= threshold and (best is None or score > best.score):
            best = PersonMatch(candidate, score, name)
    return best
