"""Dates in text, explicit or relative, resolved against the publication date.

A mention resolves to ``YYYY-MM-DD`` (day), ``YYYY-MM`` (month: the text gives only the month, or
only the week) or ``YYYY`` (year: too vague to date an engagement).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}

_MONTH = (
    r"(January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_ORD = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"((?:19|20)\d{2})"
_UNTIL = r"(?:-|–|—|to|and|until|till)"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b{_YEAR}-(\d{{1,2}})-(\d{{1,2}})\b")),
    ("numeric", re.compile(rf"\b(\d{{1,2}})\s*[/.]\s*(\d{{1,2}})\s*[/.]\s*{_YEAR}\b")),
    # A span of days ("from 3 to 5 May", "3-5 May 2024", "May 3-5"): dated by its first day.
    (
        "day_range",
        re.compile(rf"\b{_ORD}\s*{_UNTIL}\s*\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?(?![\w])"),
    ),
    (
        "month_range",
        re.compile(rf"\b{_MONTH}\s+{_ORD}\s*{_UNTIL}\s*\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?(?![\w/])"),
    ),
    ("day_month", re.compile(rf"\b{_ORD}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?(?![\w])")),
    ("month_day", re.compile(rf"\b{_MONTH}\s+{_ORD}(?:,?\s+{_YEAR})?(?![\w/])")),
    ("month_year", re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b")),
    ("month_this_year", re.compile(rf"\b{_MONTH}\s+(?:this|last)\s+year\b")),
    # A year alone where a time is given ("in 2019", "during 2021"); not a name ("Vision 2030") or
    # a span's start ("since 2019").
    (
        "year",
        re.compile(
            rf"\b(?:[Ii]n|[Dd]uring|[Tt]hroughout|[Ee]arly|[Ll]ate|[Mm]id-?)\s+(?:the\s+year\s+)?{_YEAR}\b(?![-–/]\d)"
        ),
    ),
    (
        "month_only",
        re.compile(
            rf"\b(?:[Ii]n|[Ss]ince|[Ee]arly|[Ll]ate|[Mm]id-?|[Ee]nd of|[Ll]ast|[Tt]his|[Ee]arlier in|"
            rf"[Ll]ater in|[Dd]uring)\s+{_MONTH}(?![\w\s]*\d)"
        ),
    ),
    (
        "weekday",
        re.compile(
            r"\b(?:(last|this past|past|next|coming|this)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|"
            r"Saturday|Sunday)\b"
        ),
    ),
    (
        "relative",
        re.compile(
            r"\b(the day before yesterday|yesterday|today|tonight|this (?:morning|afternoon|evening)|"
            r"(?:earlier |later )?this week|last week|the past week|earlier this month|this month|last month|"
            r"earlier this year|this year|last year|the previous day)\b",
            re.I,
        ),
    ),
]


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str | None  # None: the text names a date that cannot be resolved (no year known)
    precision: str  # day | month | year
    future: bool = False
    relative: bool = False  # weekday or "yesterday": weaker than a date printed in full
    span: bool = False  # a span of days ("June 22-23"), dated by its first day


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _infer_year(month: int, day: int | None, published: date | None) -> int | None:
    """The year of a date given without one: the latest not after publication (plus a grace week)."""
    if published is None:
        return None
    year = published.year
    candidate = _safe_date(year, month, day or 1)
    if candidate and candidate > published + timedelta(days=7):
        year -= 1
    return year


def _month_value(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _resolve(kind: str, m: re.Match[str], published: date | None) -> DateMention | None:
    s, e = m.start(), m.end()
    if kind == "iso":
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return DateMention(s, e, d.isoformat(), "day") if d else None
    if kind == "numeric":
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        day, month = (a, b) if b <= 12 else (b, a)
        d = _safe_date(y, month, day)
        return DateMention(s, e, d.isoformat(), "day") if d else None
    if kind == "year":
        year = int(m.group(1))
        return DateMention(s, e, f"{year:04d}", "year", bool(published and year > published.year))
    if kind in ("day_month", "month_day", "day_range", "month_range"):
        if kind in ("day_month", "day_range"):
            day_text, month_name, year_text = m.group(1), m.group(2), m.group(3)
        else:
            month_name, day_text, year_text = m.group(1), m.group(2), m.group(3)
        month, day = MONTHS[month_name.lower()], int(day_text)
        if month_name == "May" and not year_text and kind in ("month_day", "month_range") and day > 31:
            return None
        inferred = int(year_text) if year_text else _infer_year(month, day, published)
        if inferred is None:
            return DateMention(s, e, None, "day")
        d = _safe_date(inferred, month, day)
        return DateMention(s, e, d.isoformat(), "day", span=kind.endswith("range")) if d else None
    if kind == "month_year":
        return DateMention(s, e, _month_value(int(m.group(2)), MONTHS[m.group(1).lower()]), "month")
    if kind == "month_this_year":
        if published is None:
            return DateMention(s, e, None, "month")
        y = published.year - (1 if "last" in m.group(0) else 0)
        return DateMention(s, e, _month_value(y, MONTHS[m.group(1).lower()]), "month")
    if kind == "month_only":
        month_name = m.group(1)
        if month_name == "May" and not m.group(0)[0].isalpha():
            return None
        month = MONTHS[month_name.lower()]
        year_of = _infer_year(month, None, published)
        start = m.start(1)
        return DateMention(start, e, _month_value(year_of, month) if year_of else None, "month")
    if kind == "weekday":
        qualifier = (m.group(1) or "").lower()
        future = qualifier in ("next", "coming")
        if published is None:
            return DateMention(s, e, None, "day", future)
        target = WEEKDAYS[m.group(2).lower()]
        back = (published.weekday() - target) % 7
        if qualifier in ("last", "past", "this past") and back == 0:
            back = 7
        if future:
            forward = (target - published.weekday()) % 7 or 7
            return DateMention(s, e, (published + timedelta(days=forward)).isoformat(), "day", True)
        return DateMention(s, e, (published - timedelta(days=back)).isoformat(), "day")
    if kind == "relative":
        phrase = m.group(1).lower()
        if published is None:
            return DateMention(s, e, None, "day")
        if phrase == "the day before yesterday":
            return DateMention(s, e, (published - timedelta(days=2)).isoformat(), "day")
        if phrase in ("yesterday", "the previous day"):
            return DateMention(s, e, (published - timedelta(days=1)).isoformat(), "day")
        if (
            phrase in ("today", "tonight")
            or phrase.startswith("this ")
            and phrase.split()[1] in ("morning", "afternoon", "evening")
        ):
            return DateMention(s, e, published.isoformat(), "day")
        if phrase.endswith("this week") or phrase == "this month" or phrase == "earlier this month":
            return DateMention(s, e, _month_value(published.year, published.month), "month")
        if phrase in ("last week", "the past week"):
            d = published - timedelta(days=7)
            return DateMention(s, e, _month_value(d.year, d.month), "month")
        if phrase == "last month":
            d = published.replace(day=1) - timedelta(days=1)
            return DateMention(s, e, _month_value(d.year, d.month), "month")
        if phrase in ("earlier this year", "this year"):
            return DateMention(s, e, f"{published.year:04d}", "year")
        if phrase == "last year":
            return DateMention(s, e, f"{published.year - 1:04d}", "year")
    return None


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Date mentions in `text`, leftmost-longest, each resolved where possible."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            mention = _resolve(kind, m, published)
            if mention is not None and kind in ("weekday", "relative"):
                mention = DateMention(
                    mention.start, mention.end, mention.value, mention.precision, mention.future, True
                )
            if mention is not None:
                found.append(mention)
                taken.append((m.start(), m.end()))
    found.sort(key=lambda d: d.start)
    return found


def dates_agree(a: DateMention | None, b: DateMention | None) -> bool:
    """Two dates can be of one engagement: either is missing, or one is the other or lies within it
    ("2024-03-12" and "2024-03"). A date printed but not resolved (no year known) agrees only with
    another such."""
    if a is None or b is None:
        return True
    if a.value is None or b.value is None:
        return a.value == b.value
    return a.value.startswith(b.value) or b.value.startswith(a.value)
