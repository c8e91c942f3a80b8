"""Dates in French, Spanish and Arabic text, resolved as the English stage resolves them.

Month and weekday names come from CLDR (Babel): Arabic has both Gregorian series, the
Egyptian/Gulf (يناير) and the Levantine (كانون الثاني), often printed together ("آب/أغسطس").
Eastern Arabic digits are read as digits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache

from ..dates import DateMention, _infer_year
from .states import strip_marks

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def ascii_digits(text: str) -> str:
    """Arabic-Indic and Eastern Arabic digits as ASCII digits (same length, so offsets hold)."""
    return text.translate(_DIGITS)


@cache
def _calendar(lang: str) -> tuple[dict[str, int], dict[str, int]]:
    import babel

    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for locale in {"ar": ("ar", "ar_SY"), "fr": ("fr",), "es": ("es",)}[lang]:
        loc = babel.Locale.parse(locale)
        for n, name in loc.months["format"]["wide"].items():
            months[strip_marks(name).lower()] = n
        for n, name in loc.days["format"]["wide"].items():
            weekdays[strip_marks(name).lower()] = n
    if lang == "ar":
        weekdays["الإثنين"] = 0
        months["أغسطس"] = 8
        months["إبريل"] = 4
    if lang == "fr":
        months["aout"] = 8
        months["fevrier"] = 2
        months["decembre"] = 12
    return months, weekdays


def _alt(names: Iterable[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


@cache
def _patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    months, weekdays = _calendar(lang)
    mon, wd = _alt(months), _alt(weekdays)
    year = r"((?:19|20)\d{2})"
    flags = re.I
    if lang == "ar":
        day_month = (
            rf"(?<!\d)(\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?({mon})(?:\s*/\s*(?:{mon}))?"
            rf"(?:\s+(?:عام|سنة|من عام)?\s*{year})?"
        )
        month_year = rf"(?<![\w])(?:شهر\s+)?({mon})(?:\s*/\s*(?:{mon}))?\s+(?:عام|سنة|من عام)?\s*{year}"
        weekday = (
            rf"(?<![\w])(?:[وف]?(?:يوم|ب?يوم)\s+)?(?:ال)?({wd.replace('ال', '')})(?:\s+(الماضي|المقبل|القادم))?(?![\w])"
        )
    elif lang == "fr":
        day_month = rf"(?<![\w])(\d{{1,2}})(?:er)?\s+({mon})(?:\s+{year})?(?![\w])"
        month_year = rf"(?<![\w])({mon})\s+{year}"
        weekday = rf"(?<![\w])(?:(ce|le|du|dernier)\s+)?({wd})(?:\s+(dernier|prochain|passé))?(?![\w])"
    else:
        day_month = rf"(?<![\w])(\d{{1,2}})\s+de\s+({mon})(?:\s+(?:de|del)\s+{year})?(?![\w])"
        month_year = rf"(?<![\w])({mon})\s+(?:de|del)\s+{year}"
        weekday = (
            rf"(?<![\w])(?:(este|el|pasado|próximo|el pasado|el próximo)\s+)?({wd})"
            rf"(?:\s+(pasado|próximo|que viene))?(?![\w])"
        )
    return [
        ("iso", re.compile(rf"\b{year}-(\d{{1,2}})-(\d{{1,2}})\b")),
        ("numeric", re.compile(rf"(?<!\d)(\d{{1,2}})\s*[/.-]\s*(\d{{1,2}})\s*[/.-]\s*{year}(?!\d)")),
        ("day_month", re.compile(day_month, flags)),
        ("bracketed", re.compile(r"\((\d{1,2})\s*/\s*(\d{1,2})\)")),
        ("month_year", re.compile(month_year, flags)),
        # "le mardi 9 janvier": the weekday of a printed date adds nothing.
        ("weekday", re.compile(weekday + r"(?!\s+\d)", flags)),
    ]


@cache
def _relative(lang: str) -> re.Pattern[str]:
    from . import lexicon_for

    lex = lexicon_for(lang)
    phrases = list(lex.relative_days) + list(lex.this_month) + list(lex.last_week)
    return re.compile(rf"(?<![\w])({_alt(phrases)})(?![\w])", re.I)


def _day(y: int | None, m: int, d: int) -> str | None:
    if y is None:
        return None
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def find_dates(text: str, published: date | None, lang: str) -> list[DateMention]:
    from . import lexicon_for

    lex = lexicon_for(lang)
    months, weekdays = _calendar(lang)
    text = ascii_digits(text)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(s: int, e: int, value: str | None, *, precision: str, future: bool = False, relative: bool = False) -> None:
        if any(s < te and ts < e for ts, te in taken):
            return
        found.append(DateMention(s, e, value, precision, future, relative))
        taken.append((s, e))

    for kind, pattern in _patterns(lang):
        for m in pattern.finditer(text):
            s, e = m.start(), m.end()
            if kind == "iso":
                add(s, e, _day(int(m.group(1)), int(m.group(2)), int(m.group(3))), precision="day")
            elif kind == "numeric":
                a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
                add(s, e, _day(y, b, a) if b <= 12 else _day(y, a, b), precision="day")
            elif kind in ("day_month", "bracketed"):
                d = int(m.group(1))
                month = months[m.group(2).lower()] if kind == "day_month" else int(m.group(2))
                if not 1 <= month <= 12:
                    continue
                year = int(m.group(3)) if kind == "day_month" and m.group(3) else _infer_year(month, d, published)
                add(s, e, _day(year, month, d), precision="day")
            elif kind == "month_year":
                add(s, e, f"{int(m.group(2)):04d}-{months[m.group(1).lower()]:02d}", precision="month")
            elif kind == "weekday":
                groups = [g for g in m.groups() if g]
                name = next(g for g in groups if g.lower().replace("ال", "") in _weekday_keys(lang))
                target = _weekday_keys(lang)[name.lower().replace("ال", "")]
                qualifiers = {w for g in groups if g is not name for w in g.lower().split()}
                future = bool(qualifiers & {w.lower() for w in lex.next_words}) or "prochain" in qualifiers
                if published is None:
                    add(s, e, None, precision="day", future=future, relative=True)
                    continue
                if future:
                    forward = (target - published.weekday()) % 7 or 7
                    add(
                        s,
                        e,
                        (published + timedelta(days=forward)).isoformat(),
                        precision="day",
                        future=True,
                        relative=True,
                    )
                    continue
                back = (published.weekday() - target) % 7
                if back == 0 and qualifiers & {"dernier", "passé", "pasado", "الماضي"}:
                    back = 7
                add(s, e, (published - timedelta(days=back)).isoformat(), precision="day", relative=True)
    for m in _relative(lang).finditer(text):
        phrase = m.group(1).lower()
        s, e = m.start(), m.end()
        if published is None:
            add(s, e, None, precision="day", relative=True)
        elif phrase in lex.relative_days:
            add(
                s,
                e,
                (published - timedelta(days=lex.relative_days[phrase])).isoformat(),
                precision="day",
                relative=True,
            )
        elif phrase in lex.this_month:
            add(s, e, f"{published.year:04d}-{published.month:02d}", precision="month", relative=True)
        else:
            week_before = published - timedelta(days=7)
            add(s, e, f"{week_before.year:04d}-{week_before.month:02d}", precision="month", relative=True)
    found.sort(key=lambda d: d.start)
    return found


@cache
def _weekday_keys(lang: str) -> dict[str, int]:
    _, weekdays = _calendar(lang)
    return {k.replace("ال", "") if lang == "ar" else k: v for k, v in weekdays.items()}
