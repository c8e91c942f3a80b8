"""Reading and writing the corpus' JSON-lines format."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from .dates import parse_published
from .models import Article, ArticleExtraction


def read_articles(path: str | Path) -> Iterator[Article]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                yield Article(
                    id=str(row.get("id", "")),
                    title=row.get("title") or "",
                    text=row.get("text") or "",
                    published=parse_published(row.get("published")),
                    language=row.get("language") or "en",
                )


def extraction_line(extraction: ArticleExtraction) -> str:
    return json.dumps(extraction.to_dict(), ensure_ascii=False)
