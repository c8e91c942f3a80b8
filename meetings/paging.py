"""Paging through long lists: the query string of the next page."""

from django.http import QueryDict


def query_with(params: QueryDict, **changes: str | None) -> str:
    """The query string with some parameters replaced (None removes one)."""
    copy = params.copy()
    for key, value in changes.items():
        copy.pop(key, None)
        if value is not None:
            copy[key] = value
    return copy.urlencode()
