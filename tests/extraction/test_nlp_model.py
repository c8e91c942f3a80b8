"""The English model as the engine loads it: the attribute ruler's index sets what spaCy's Matcher sets, and the
products through numpy give the analyses the bundled BLIS gives."""

from __future__ import annotations

from typing import Any

import spacy

from ingest.extraction.corpus import read_articles
from ingest.extraction.nlp_model import MODEL_NAME, _PatternIndex, blas_single_threaded, get_nlp
from ingest.offtopic_news import offtopic_articles
from tests.corpus import require

# Written for the ruler's rules: contractions, "gonna", a tag-map word, spaces and a line break.
SENTENCES = [
    "The ministers ain't gonna sign today, but let's see: they met in Amman.\n\nTalks resume  on Monday.",
    "I'm sure he's got to go; we haven't yet, and you'd better not.",
]


def _ruler(nlp) -> Any:
    return nlp.get_pipe("attribute_ruler")


def _analyses(nlp, texts):
    return [
        [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]
        for doc in nlp.pipe(texts, batch_size=16)
    ]


def test_the_indexed_attribute_ruler_matches_the_matcher_on_every_token():
    texts = [a.text for a in read_articles(require()) if a.language == "en"][:60]
    texts += [s["text"] for s in offtopic_articles(20, seed=5)] + SENTENCES
    plain = spacy.load(MODEL_NAME)
    engine = get_nlp()
    assert isinstance(_ruler(engine).match, _PatternIndex)
    assert _analyses(engine, texts) == _analyses(plain, texts)


def test_the_index_finds_the_rulers_matches_in_its_order():
    plain = spacy.load(MODEL_NAME)
    engine = get_nlp()
    for text in SENTENCES:
        doc = plain.make_doc(text)
        for name, proc in plain.pipeline:
            if name == "attribute_ruler":
                break
            doc = proc(doc)
        assert _ruler(engine).match(doc) == sorted(set(_ruler(plain).match(doc)))


def test_every_layer_multiplies_through_numpy_in_one_blas_thread():
    """Parsing in as many processes as cores: numpy's BLAS for the products, one thread each."""
    engine = get_nlp()
    models = [pipe.model for _, pipe in engine.pipeline if hasattr(getattr(pipe, "model", None), "walk")]
    layers = [node for model in models for node in model.walk()]
    assert layers and all(node.ops.use_blis is False for node in layers)
    assert blas_single_threaded()
