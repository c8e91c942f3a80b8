"""Template context every page shares."""

from meetings import selectors


def review_waiting(request) -> dict:
    """The navigation's count of engagements waiting for review; a callable, so the query runs only where an
    editor's navigation shows it."""
    return {"review_waiting": selectors.review_waiting}
