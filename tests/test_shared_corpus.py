"""Tests that read ../shared skip on a machine without it, and fail in CI, which sets CI."""

from pathlib import Path

import pytest

from tests.corpus import require

ROOT = Path(__file__).resolve().parents[1]


def test_a_missing_corpus_fails_in_ci(tmp_path, monkeypatch):
    monkeypatch.setenv("CI", "1")
    with pytest.raises(pytest.fail.Exception, match="not found"):
        require(tmp_path / "dev.jsonl")


def test_a_missing_corpus_skips_elsewhere(tmp_path, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="not found"):
        require(tmp_path / "dev.jsonl")


def test_ci_sets_ci_before_it_runs_the_suite():
    lines = (ROOT / ".ci" / "run").read_text().splitlines()
    assert lines.index("export CI=1") < lines.index("make test")


def test_every_test_that_reads_the_shared_corpus_goes_through_require():
    readers = {
        str(path.relative_to(ROOT))
        for path in (ROOT / "tests").rglob("*.py")
        if path.name not in {"corpus.py", "test_shared_corpus.py"}
        and ("DEV_CORPUS" in (text := path.read_text(encoding="utf-8")) or '"shared"' in text)
    }
    assert readers == set()
