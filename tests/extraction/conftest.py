from __future__ import annotations

from datetime import date

import pytest

from ingest.extraction import Article


@pytest.fixture
def article():
    def make(
        text: str, *, title: str = "", published: date | None = date(2024, 7, 31), language: str = "en", id: str = "t1"
    ):
        return Article(id=id, title=title, text=text, published=published, language=language)

    return make
