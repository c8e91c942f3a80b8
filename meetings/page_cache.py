"""What pages keep between requests, in the serving process's memory: rendered timeline rows, and what the
charts read from the tallies. Neither is ever shown older than the records or the tallies it came from.

Rows. Reading a timeline row in full (its states, officials and topics) and rendering it costs about a
millisecond, most of a timeline page's time (and of the API's list). A page's rows are first read as RowRefs:
id, date and a digest of everything a row shows (selectors.ROW_DIGEST), in the query that picks them. Rows
made before (a row's HTML, an API list's entry) come from the cache under (id, digest); only the others are
read in full, made and kept. Any change to what a row shows is a new digest.

Tallies. The charts' tallies change only when a fold or a rebuild commits, which also counts it
(aggregates.TalliesState.folds). What a page builds from them (counts, or a rendered fragment) is kept under
that count; the state is read before the tallies, so a value kept under a fold is never older than it.
Officials' names beside the counts are read with them: a rename shows there within TALLY_NAMES_LAG (or at the
next fold).

The caches are each process's own (settings.CACHES): no network trip, and a process serving new code starts
empty, with its own templates.
"""

import datetime
import hashlib
from collections.abc import Callable, Hashable
from typing import TypeVar

from django.core.cache import caches
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from meetings import selectors
from meetings.aggregates import TalliesState
from meetings.exports import engagement_as_dict
from meetings.models import Engagement
from meetings.selectors import RowRef

ROW_TEMPLATE = "meetings/_engagement_row.html"
TALLY_NAMES_LAG = datetime.timedelta(minutes=5)
T = TypeVar("T")
_MISSING = object()


def _kept_rows(form: str, refs: list[RowRef], make: Callable[[Engagement], T]) -> dict[int, T]:
    """{id: make(engagement)} for the rows named, each kept under (form, id, digest); a row deleted since it
    was picked is left out."""
    cache = caches["rows"]
    keys = {f"{form}:{ref.pk}:{ref.digest}": ref.pk for ref in refs}
    found = cache.get_many(list(keys))
    missing = [keys[key] for key in keys if key not in found]
    if missing:
        engagements = selectors.engagements_by_id(missing)
        fresh = {key: make(engagements[pk]) for key, pk in keys.items() if pk in engagements and key not in found}
        cache.set_many(fresh)
        found |= fresh
    return {keys[key]: value for key, value in found.items()}


def rendered_rows(refs: list[RowRef]) -> dict[int, SafeString]:
    """{id: the timeline row's HTML} for the rows named."""
    html = _kept_rows("row", refs, lambda engagement: render_to_string(ROW_TEMPLATE, {"engagement": engagement}))
    return {pk: mark_safe(text) for pk, text in html.items()}  # noqa: S308 (ROW_TEMPLATE's output)


def api_rows(refs: list[RowRef], *, base_url: str) -> dict[int, dict]:
    """{id: the engagement as the API gives it} for the rows named."""
    kept = _kept_rows("api", refs, lambda engagement: engagement_as_dict(engagement, base_url=""))
    return {pk: {**data, "url": base_url + data["url"]} for pk, data in kept.items()}


def as_of_tallies(key: tuple[Hashable, ...], state: TalliesState, make: Callable[[], T]) -> T:
    """`make()` (which reads the tallies), built once per fold of the tallies `state` was read before."""
    cache = caches["default"]
    name = f"tallies:{state.folds}:{hashlib.md5(repr(key).encode()).hexdigest()}"
    value = cache.get(name, _MISSING)
    if value is _MISSING:
        value = make()
        cache.set(name, value, timeout=int(TALLY_NAMES_LAG.total_seconds()))
    return value  # type: ignore[return-value]
