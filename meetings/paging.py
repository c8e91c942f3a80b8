"""Paging through long lists by cursor (new rows never shift a page): one page, and the next page's URL."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
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


def newest_first_page(queryset: QuerySet, *, cursor: str | None, size: int) -> Page:
    """A page of rows ordered by descending id; the cursor is the last id seen."""
    after = Q(pk__lt=int(cursor)) if cursor and cursor.isascii() and cursor.isdigit() else None
    return page_after(queryset.order_by("-pk"), after=after, size=size, cursor_of=lambda row: str(row.pk))


def query_with(params: QueryDict, **changes: str | None) -> str:
    """The query string with some parameters replaced (None removes one)."""
    copy = params.copy()
    for key, value in changes.items():
        copy.pop(key, None)
        if value is not None:
            copy[key] = value
    return copy.urlencode()
