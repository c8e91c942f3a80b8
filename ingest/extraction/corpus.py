"""Reading and writing the corpus' JSON-lines format (../shared/corpus/SCHEMA.md): the one reader.

`corpus_rows` gives each line's JSON object, `corpus_article` the engine's Article from one; the
`extract` command and the benches read whole files with `read_articles`, the `ingest` command reads
line by line and refuses a bad line without stopping.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from .models import Article, ArticleExtraction

# The annotated dev corpus beside the checkout, when there is one (benches, tests).
DEV_CORPUS_DIR = Path(__file__).resolve().parents[3] / "shared" / "corpus"
DEV_CORPUS = DEV_CORPUS_DIR / "dev.jsonl"


class CorpusFormatError(ValueError):
    """A line of a corpus file is not a corpus record; the message names the file and line."""


def corpus_rows(path: str | Path) -> Iterator[tuple[int, dict | CorpusFormatError]]:
    """(line number, its JSON object or the error that line has) for every non-blank line."""
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, CorpusFormatError(f"{path}, line {number}: not valid JSON ({exc.msg})")
                continue
            yield (
                number,
                row if isinstance(row, dict) else CorpusFormatError(f"{path}, line {number}: expected a JSON object"),
            )


def corpus_article(row: dict, *, where: str = "") -> Article:
    """The engine's Article from one corpus record; a text or date of the wrong kind is a CorpusFormatError."""
    text, published = row.get("text") or "", row.get("published")
    if not isinstance(text, str):
        raise CorpusFormatError(f"{where}: text is not a string")
    if published is not None and not isinstance(published, str):
        raise CorpusFormatError(f"{where}: published is not a date")
    try:
        day = date.fromisoformat(published[:10]) if published else None
    except ValueError:
        raise CorpusFormatError(f"{where}: published {published!r} is not a YYYY-MM-DD date") from None
    return Article(
        id=str(row.get("id", "")),
        title=row.get("title") or "",
        text=text,
        published=day,
        language=row.get("language") or "en",
    )


def corpus_records(path: str | Path) -> Iterator[tuple[int, dict]]:
    """(line number, JSON object) for every record; the first bad line raises CorpusFormatError."""
    for number, row in corpus_rows(path):
        if isinstance(row, CorpusFormatError):
            raise row
        yield number, row


def read_articles(path: str | Path) -> Iterator[Article]:
    """Every article of a corpus file; the first bad line raises CorpusFormatError."""
    for number, row in corpus_records(path):
        yield corpus_article(row, where=f"{path}, line {number}")


def extraction_line(extraction: ArticleExtraction) -> str:
    return json.dumps(extraction.to_dict(), ensure_ascii=False)
