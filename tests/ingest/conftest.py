from pathlib import Path

import pytest

from tests.corpus import dev_rows

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (ROOT / "seeds" / "seed_article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def corpus() -> dict[str, dict]:
    """The annotated dev articles by id (two outlets' reports of one meeting: d003 and d018)."""
    return {row["id"]: row for row in dev_rows()}


def syndicated_copy(text: str) -> str:
    """Another outlet's copy: its own dateline and credit line, the body unchanged."""
    body = text.split("–", 1)[1] if "–" in text[:40] else text
    return "AMMAN (Petra) --" + body + "\nThis report was distributed by the Petra news agency."
