"""Paging through long lists by cursor (new rows never shift a page): one page, and the next page's URL."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, IntegerField, Q, QuerySet, When
from django.http import QueryDict


@dataclass
class Page:
    rows: list
    next_cursor: str | None


def page_after(queryset: QuerySet, *, after: Q | None, size: int, cursor_of: Callable[[Any], str]) -> Page:
    """The first ``size`` rows of the ordered queryset past ``after``, and the cursor of the next page
    (None at the end); one query, reading one row more than it shows."""
    if after is not None:
        queryset = queryset.filter(after)
    rows = list(queryset[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    return Page(rows=rows, next_cursor=cursor_of(rows[-1]) if more else None)


def _last_seen(cursor: str | None) -> int | None:
    """The id a cursor names: ASCII digits within bigint ("²" passes str.isdigit() and is none)."""
    return int(cursor) if cursor and re.fullmatch(r"[0-9]{1,18}", cursor) else None


def newest_first_page(queryset: QuerySet, *, cursor: str | None, size: int) -> Page:
    """A page of rows ordered by descending id; the cursor is the last id seen."""
    last = _last_seen(cursor)
    after = Q(pk__lt=last) if last is not None else None
    return page_after(queryset.order_by("-pk"), after=after, size=size, cursor_of=lambda row: str(row.pk))


def ranked_page(queryset: QuerySet, *, ranked: list[int], cursor: str | None, size: int) -> Page:
    """A page of the rows whose ids are ``ranked`` (best first), in that order; the cursor is the last id seen,
    and one the ranking does not hold gives the first page."""
    last = _last_seen(cursor)
    rest = ranked[ranked.index(last) + 1 :] if last in ranked else ranked
    order = Case(*(When(pk=pk, then=place) for place, pk in enumerate(rest)), output_field=IntegerField())
    ordered = queryset.filter(pk__in=rest).order_by(order) if rest else queryset.none()
    return page_after(ordered, after=None, size=size, cursor_of=lambda row: str(row.pk))


def query_with(params: QueryDict, **changes: str | None) -> str:
    """The query string with some parameters replaced (None removes one)."""
    copy = params.copy()
    for key, value in changes.items():
        copy.pop(key, None)
        if value is not None:
            copy[key] = value
    return copy.urlencode()


def query_in_use(params: QueryDict) -> str | None:
    """The query string without its empty parameters, or None when it has none to drop."""
    if all(value != "" for _, values in params.lists() for value in values):
        return None
    kept = QueryDict(mutable=True)
    for key, values in params.lists():
        if used := [value for value in values if value != ""]:
            kept.setlist(key, used)
    return kept.urlencode()
