"""How a change reads in the history: one message per change, "Field: before → after; ...".

The history itself is Django's admin LogEntry (who, when, which record); the admin's change messages,
the app's corrections and the machine's updates all write it with these words.
"""

from __future__ import annotations

from collections.abc import Iterable

# The account the machine's changes are recorded under (extraction, re-extraction, new reports).
ENGINE_USERNAME = "dyad-engine"


def value_display(value) -> str:
    if isinstance(value, list | tuple | set | frozenset) or hasattr(value, "model"):
        return ", ".join(sorted(str(v) for v in value)) or "—"
    if value in (None, ""):
        return "—"
    return str(value)


def changes_message(changes: Iterable[tuple[str, object, object]]) -> str:
    """(label, before, after) triples as one message; unchanged values are left out."""
    return "; ".join(
        f"{label}: {value_display(before)} → {value_display(after)}"
        for label, before, after in changes
        if value_display(before) != value_display(after)
    )
