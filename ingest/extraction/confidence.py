"""How sure the engine is of one event, 0-1, from the event's own signals.

Editors review the least certain events first. Each signal adds its weight; the weights sum to 1:
- trigger: the event was read from a sentence of the article (0.30), backed by a second one (0.05);
- parties: the share of its states that a named official represents (0.30), and the share of those
  officials whose title was found beside their name (0.05);
- date: known to the day (0.20) or to the month only (0.10);
- place: a city (0.10) or only the host state (0.05).
"""

from __future__ import annotations

from .models import Event

TRIGGER, SECOND_SENTENCE = 0.30, 0.05
PARTIES, TITLES = 0.30, 0.05
DAY, MONTH = 0.20, 0.10
CITY, HOST = 0.10, 0.05


def event_confidence(event: Event) -> float:
    sentences = [e for e in event.evidence if e.end > e.start]
    score = (TRIGGER if sentences else 0.0) + (SECOND_SENTENCE if len(sentences) > 1 else 0.0)
    states = set(event.countries)
    if states:
        represented = {o.country for o in event.officials if o.country in states}
        score += PARTIES * len(represented) / len(states)
    if event.officials:
        score += TITLES * sum(1 for o in event.officials if o.title) / len(event.officials)
    if event.date:
        score += DAY if len(event.date) >= 10 else MONTH
    if event.location.city:
        score += CITY
    elif event.location.country:
        score += HOST
    return round(min(1.0, max(0.0, score)), 3)
