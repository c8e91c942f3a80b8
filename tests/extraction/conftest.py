from __future__ import annotations

from dataclasses import dataclass
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


@dataclass
class Report:
    """A short report parsed as the engine parses one, with its people placed by hand: the stage under
    test sees exactly the people, states and roots the test states."""

    text: str
    sentences: list
    people: list
    setting: object

    def sentence(self, index: int):
        return self.sentences[index]

    def persons(self, index: int) -> list[int]:
        return [k for k, p in enumerate(self.people) if p.sentence == index]

    def names(self, roots) -> list[str]:
        return [self.people[r].name for r in roots]


@pytest.fixture
def report():
    """`report(text, people=[(name, state), ...], title=...)`: each name is placed at its first
    occurrence not yet taken; a name printed earlier in the list refers back to that person."""
    from ingest.extraction.countries import find_countries
    from ingest.extraction.nlp_model import get_nlp
    from ingest.extraction.parties import Setting
    from ingest.extraction.people import PersonMention
    from ingest.extraction.text import split_sentences

    def make(text: str, *, people: list[tuple[str, str | None]], title: str = "") -> Report:
        doc = get_nlp()(text)
        sentences = split_sentences(text, [(s.start_char, s.end_char) for s in doc.sents])
        for sent in sentences:
            sent.span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
        spots: list[tuple[int, str, str | None]] = []
        for name, state in people:
            start = text.index(name)
            while any(s <= start < s + len(n) for s, n, _ in spots):
                start = text.index(name, start + 1)
            spots.append((start, name, state))
        placed: list[PersonMention] = []
        for start, name, state in sorted(spots):
            index = next(s.index for s in sentences if s.start <= start < s.end)
            first = next((k for k, p in enumerate(placed) if p.name == name and p.canonical is None), None)
            placed.append(PersonMention(name, start, start + len(name), index, country=state, canonical=first))
        setting = Setting.read(text, title=title, people=placed, countries=find_countries(text), dateline=None)
        return Report(text, sentences, placed, setting)

    return make
