"""The engine against the annotated dev corpus: a drop below the floors is a regression."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from ingest.extraction import extract_batch
from ingest.extraction.corpus import read_articles

CORPUS_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
FLOORS = {
    "event_f1": 0.85,
    "dyad_f1": 0.92,
    "official_f1": 0.85,
    "date_acc": 0.90,
    "topic_f1": 0.70,
    "person_link_f1": 0.85,
}
MARGIN = 0.05


def _scorer():
    spec = importlib.util.spec_from_file_location("corpus_score", CORPUS_DIR / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def english_metrics():
    if not (CORPUS_DIR / "dev.jsonl").exists():
        pytest.skip(f"dev corpus not found at {CORPUS_DIR}")
    scorer = _scorer()
    gold = [r for r in scorer.load(CORPUS_DIR / "dev.jsonl") if r.get("language") == "en"]
    ids = {r["id"] for r in gold}
    articles = [a for a in read_articles(CORPUS_DIR / "dev.jsonl") if a.id in ids]
    predictions = [json.loads(json.dumps(r.to_dict())) for r in extract_batch(articles)]
    return scorer.score(gold, predictions)


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_dev_corpus_floor(english_metrics, metric):
    floor = FLOORS[metric] - MARGIN
    assert english_metrics[metric] >= floor, f"{metric}={english_metrics[metric]:.3f} < {floor:.2f}"
