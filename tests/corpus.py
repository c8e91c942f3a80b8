"""The annotated dev corpus beside the checkout (../shared/corpus): found, or the test fails in CI."""

import json
import os
from pathlib import Path

import pytest

CORPUS_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
DEV = CORPUS_DIR / "dev.jsonl"


def require(path: Path = DEV) -> Path:
    """The path, or skip the test on a machine without the shared files; in CI (CI set) that is a failure."""
    if not path.exists():
        message = f"{path} not found"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def dev_rows() -> list[dict]:
    return [json.loads(line) for line in require().read_text(encoding="utf-8").splitlines() if line.strip()]
