"""Reading and writing the corpus' JSON-lines format."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from .dates import parse_published
from .models import Article, ArticleExtraction


class CorpusFormatError(ValueError):
    """A line of a corpus file is not a JSON object; the message names the file and line."""


def read_articles(path: str | Path) -> Iterator[Article]:
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if line.strip():
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise CorpusFormatError(f"{path}, line {number}: not valid JSON ({exc.msg})") from None
                if not isinstance(row, dict):
                    raise CorpusFormatError(f"{path}, line {number}: expected a JSON object")
                yield Article(
                    id=str(row.get("id", "")),
                    title=row.get("title") or "",
                    text=row.get("text") or "",
                    published=parse_published(row.get("published")),
                    language=row.get("language") or "en",
                )


def extraction_line(extraction: ArticleExtraction) -> str:
    return json.dumps(extraction.to_dict(), ensure_ascii=False)
