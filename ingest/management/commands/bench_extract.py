"""Throughput and memory of the extraction engine against spaCy's own nlp.pipe on the same texts."""

from __future__ import annotations

import resource
import time

from django.core.management.base import BaseCommand, CommandParser

from ingest.extraction import extract_batch
from ingest.extraction.corpus import DEV_CORPUS, read_articles
from ingest.extraction.nlp_model import get_nlp
from ingest.extraction.pipeline import MAX_CHARS


class Command(BaseCommand):
    help = "Benchmark the engine on the dev corpus repeated to at least --articles articles."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--input", default=str(DEV_CORPUS))
        parser.add_argument("--articles", type=int, default=2000)
        parser.add_argument("--batch-size", type=int, default=64)

    def handle(self, *args, input: str, articles: int, batch_size: int, **options) -> None:
        base = list(read_articles(input))
        if not base:
            self.stderr.write("no articles to benchmark")
            return
        corpus = (base * (articles // len(base) + 1))[: max(articles, len(base))]
        nlp = get_nlp()
        nlp("warm up")  # load weights before timing

        started = time.perf_counter()
        texts = (a.text[:MAX_CHARS] for a in corpus if a.language == "en")
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
        spacy_seconds = time.perf_counter() - started
        english = sum(a.language == "en" for a in corpus)

        started = time.perf_counter()
        extract_batch(corpus, batch_size=batch_size)
        engine_seconds = time.perf_counter() - started
        rss_peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        engine_rate = len(corpus) / engine_seconds
        spacy_rate = len(corpus) / spacy_seconds
        self.stdout.write(
            f"articles={len(corpus)} (english={english}) engine={engine_rate:.1f} articles/s "
            f"spacy_pipe={spacy_rate:.1f} articles/s ratio={engine_rate / spacy_rate:.2f} "
            f"peak_memory={rss_peak_mib:.0f} MiB (max RSS of this process)"
        )
