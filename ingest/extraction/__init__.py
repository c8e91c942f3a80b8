"""Extraction engine: news article in, security engagements between states out.

A plain library (no Django): `extract`, `extract_batch` and `match_official` are the entry points.
"""

from .matching import PersonCandidate, PersonMatch, PersonMention, match_official
from .models import Article, ArticleExtraction, Event, Evidence, KnownOfficial, Location, Official
from .people_registry import PersonRegistry
from .pipeline import extract, extract_batch

__all__ = [
    "Article",
    "ArticleExtraction",
    "Event",
    "Evidence",
    "KnownOfficial",
    "Location",
    "Official",
    "PersonCandidate",
    "PersonMatch",
    "PersonMention",
    "PersonRegistry",
    "extract",
    "extract_batch",
    "match_official",
]
