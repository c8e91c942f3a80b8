"""The annotated dev corpus beside the checkout (../shared/corpus): found, or the test fails in CI."""

import os
from pathlib import Path

import pytest

from ingest.extraction.corpus import DEV_CORPUS as DEV
from ingest.extraction.corpus import DEV_CORPUS_DIR, corpus_records

SCORER = DEV_CORPUS_DIR / "score.py"


def require(path: Path = DEV) -> Path:
    """The path, or skip the test on a machine without the shared files; in CI (CI set) that is a failure."""
    if not path.exists():
        message = f"{path} not found"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def dev_rows() -> list[dict]:
    """The dev corpus' records with their gold annotations."""
    return [row for _, row in corpus_records(require())]
