"""Extract engagements from a corpus-format JSON-lines file, without touching the database."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ingest.extraction import extract_batch
from ingest.extraction.corpus import CorpusFormatError, extraction_line, read_articles


class Command(BaseCommand):
    help = "Run the extraction engine over IN.jsonl and write one {id, relevant, events} line per article."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--input", required=True, help="articles, one JSON object a line (gold ignored)")
        parser.add_argument("--output", required=True, help="where to write the extractions")
        parser.add_argument("--batch-size", type=int, default=64)

    def handle(self, *args, input: str, output: str, batch_size: int, **options) -> None:
        try:
            articles = list(read_articles(input))
        except (OSError, UnicodeDecodeError, CorpusFormatError) as exc:
            raise CommandError(f"Cannot read {input}: {exc}") from exc
        started = time.perf_counter()
        results = extract_batch(articles, batch_size=batch_size)
        elapsed = time.perf_counter() - started
        with open(output, "w", encoding="utf-8") as f:
            for result in results:
                f.write(extraction_line(result) + "\n")
        relevant = sum(r.relevant for r in results)
        events = sum(len(r.events) for r in results)
        rate = len(articles) / elapsed if elapsed else 0.0
        self.stdout.write(
            f"{len(articles)} articles, {relevant} relevant, {events} events in {elapsed:.1f}s ({rate:.1f} articles/s)"
        )
