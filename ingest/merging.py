"""Is this report an engagement already on record? An explicit score over the candidates.

Several outlets report one meeting, each in its own words, spellings and precision; an article may
also recall an earlier engagement. A report joins a recorded engagement when enough independent
signals agree, and never when one of them rules it out. Each signal is a small function below with
the weight it adds; a report joins the best candidate scoring at least JOIN_THRESHOLD.

Ruled out (no score at all):
- different states, or a type that cannot be the same contact (an agreement is never a meeting);
- dates that cannot be the same day: more than DAY_WINDOW days apart when both are known to the day,
  another month when either is known to the month only, or the engagement dated after the article
  that reports it was published;
- an undated report (or engagement) with no official in common and no shared sentences: nothing
  else ties it to one date.

Scored (weights in points):
- date: the same day 2, a day apart 1.5, two days -0.5 (a visit dated by its first and last day
  joins only on people and place); the same month at month
  precision 0.5; one side undated -0.5;
- type: the same 0; a meeting reported as a call (a video meeting) or the reverse -2.5, so it joins
  only with officials in common;
- place: the same city 1, different cities -2.5 (the same two states meeting twice in a month at
  two places are two engagements); the same host state when a city is missing 0.25, different host
  states -1.5;
- officials: 1.5 for each official in common (resolved through aliases, so spellings do not
  matter); for a side named in both whose officials all differ, -2.5 when each names one person
  (two different counterparts), -0.5 when a delegation is listed (outlets name different members),
  nothing when the names are written in different scripts (they cannot be compared);
- topics: up to 1 for the share of topics in common (Jaccard); -0.25 when both list topics and none
  is shared;
- sentences: 3 when most of the report's evidence sentences (word 5-grams) recur in the
  engagement's evidence: a copy of another outlet's article.

With the threshold at 2, a report one day apart with one official in common joins (1.5 + 1.5); a
report on the same day in the same city joins on those two alone (2 + 1), since different outlets
may spell nobody the same way; a month-precision report needs an official or the place as well.
"""

from __future__ import annotations

import datetime
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ingest.texts import word_shingles
from meetings.names import fold_words

JOIN_THRESHOLD = 2.0
DAY_WINDOW = 2
SENTENCE_CONTAINMENT = 0.5

DAY, MONTH, UNKNOWN = "day", "month", "unknown"
COMPATIBLE_KINDS = {frozenset({"meeting", "call"})}


@dataclass(frozen=True)
class Person:
    """An official taking part, for a side, and the script their name was written in."""

    pk: int
    side: str
    script: str = "LATIN"


def script_of(name: str) -> str:
    """The writing system of a name's first letter ("LATIN", "ARABIC", "CYRILLIC", ...)."""
    letter = next((c for c in name if c.isalpha()), "")
    return unicodedata.name(letter, "UNKNOWN").split()[0] if letter else "UNKNOWN"


@dataclass(frozen=True)
class Report:
    """One event of an article, as the records layer sees it after resolving its officials."""

    kind: str
    countries: frozenset[str]
    date: datetime.date | None
    precision: str
    city: str = ""
    host: str = ""  # the country where it took place
    officials: frozenset[Person] = frozenset()
    topics: frozenset[str] = frozenset()
    sentences: tuple[str, ...] = ()
    published: datetime.date | None = None  # the article's publication date


@dataclass(frozen=True)
class Candidate:
    """An engagement on record, with what the score compares."""

    pk: int
    kind: str
    countries: frozenset[str]
    date: datetime.date | None
    precision: str
    city: str = ""
    host: str = ""
    officials: frozenset[Person] = frozenset()
    topics: frozenset[str] = frozenset()
    sentences: tuple[str, ...] = ()


@dataclass
class Score:
    total: float = 0.0
    signals: dict[str, float] = field(default_factory=dict)

    def add(self, name: str, points: float) -> None:
        if points:
            self.signals[name] = points
            self.total += points


def kinds_compatible(a: str, b: str) -> bool:
    return a == b or frozenset({a, b}) in COMPATIBLE_KINDS


def date_points(report: Report, candidate: Candidate) -> float | None:
    """Points for the dates, or None when they cannot be the same engagement's."""
    a, b = report.date, candidate.date
    if a is None or b is None:
        return 0.0 if a is None and b is None else -0.5
    if report.published is not None and b > report.published + datetime.timedelta(days=1):
        return None  # an article cannot report what had not happened yet
    if report.precision == DAY and candidate.precision == DAY:
        return {0: 2.0, 1: 1.5, 2: -0.5}.get(abs((a - b).days))
    return 0.5 if (a.year, a.month) == (b.year, b.month) else None


def _city(name: str) -> frozenset[str]:
    return frozenset(fold_words(name)) - {"city", "the"}


def place_points(report: Report, candidate: Candidate) -> float:
    a, b = _city(report.city), _city(candidate.city)
    if a and b:
        return 1.0 if a <= b or b <= a else -2.5  # "Kuwait City" is Kuwait
    if report.host and candidate.host:
        return 0.25 if report.host == candidate.host else -1.5
    return 0.0


def official_points(report: Report, candidate: Candidate) -> tuple[float, int]:
    """(points, officials in common). A side on which both name officials and none is shared counts
    against: strongly when each names one (two different counterparts), weakly when a delegation is
    listed (outlets name different members), not at all when the names are in different scripts."""
    shared = len({p.pk for p in report.officials} & {p.pk for p in candidate.officials})
    points = 1.5 * shared
    for side in report.countries:
        mine = {p for p in report.officials if p.side == side}
        theirs = {p for p in candidate.officials if p.side == side}
        if not mine or not theirs or {p.pk for p in mine} & {p.pk for p in theirs}:
            continue
        if {p.script for p in mine}.isdisjoint({p.script for p in theirs}):
            continue
        points -= 2.5 if len(mine) == len(theirs) == 1 else 0.5
    return points, shared


def topic_points(report: Report, candidate: Candidate) -> float:
    if not report.topics or not candidate.topics:
        return 0.0
    common = report.topics & candidate.topics
    return len(common) / len(report.topics | candidate.topics) if common else -0.25


def sentences_shared(report: Report, candidate: Candidate) -> bool:
    """Most of the report's evidence (word 5-grams) recurs in the engagement's evidence."""
    mine = word_shingles(" ".join(report.sentences))
    if not mine or not candidate.sentences:
        return False
    return len(mine & word_shingles(" ".join(candidate.sentences))) / len(mine) >= SENTENCE_CONTAINMENT


def engagement_score(report: Report, candidate: Candidate) -> Score | None:
    """How strongly the report is the candidate engagement; None when something rules it out."""
    if report.countries != candidate.countries or not kinds_compatible(report.kind, candidate.kind):
        return None
    score = Score()
    copied = sentences_shared(report, candidate)
    if copied:
        score.add("sentences", 3.0)
    dated = date_points(report, candidate)
    if dated is None and not copied:  # a copy may date the event from its own publication day
        return None
    score.add("date", dated or 0.0)
    score.add("type", 0.0 if report.kind == candidate.kind else -2.5)
    score.add("place", place_points(report, candidate))
    officials, shared = official_points(report, candidate)
    score.add("officials", officials)
    if (report.date is None or candidate.date is None) and not shared and not copied:
        return None  # undated: only a person or the text itself ties the two
    score.add("topics", topic_points(report, candidate))
    return score


def reports_assign(reports: Sequence[Report], candidates: Sequence[Iterable[Candidate]]) -> list[int | None]:
    """For each report, the engagement it joins (or None for a new one). One article's reports are
    different engagements, so each candidate goes to at most one of them: the strongest pairs first."""
    pairs = []
    for index, (report, options) in enumerate(zip(reports, candidates, strict=True)):
        for candidate in options:
            score = engagement_score(report, candidate)
            if score is not None and score.total >= JOIN_THRESHOLD:
                pairs.append((-score.total, index, candidate.pk))
    chosen: list[int | None] = [None] * len(reports)
    taken: set[int] = set()
    for _, index, pk in sorted(pairs):
        if chosen[index] is None and pk not in taken:
            chosen[index] = pk
            taken.add(pk)
    return chosen
