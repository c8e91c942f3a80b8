"""Triage turns away what cannot report an engagement and loses nothing that can."""

from __future__ import annotations

import json

from ingest.extraction import extract_batch, triage
from ingest.extraction.corpus import read_articles
from ingest.extraction.languages import SUPPORTED
from ingest.extraction.languages.frames import prepare
from ingest.extraction.pipeline import _prepare
from ingest.offtopic_news import offtopic_articles
from tests.corpus import dev_rows, require


def passes(article) -> bool:
    """Triage on the text the engine reads (cleaned, cut, in the article's language)."""
    prep = _prepare(article)
    if prep.language == "en":
        return triage.article_may_report(body=prep.body, title=article.title, lang="en")
    body = prepare(article, prep.language).body if prep.language in SUPPORTED else article.text
    return triage.article_may_report(body=body, title=article.title, lang=prep.language)


def test_every_dev_article_with_an_engagement_passes_triage():
    gold = {row["id"]: row["gold"] for row in dev_rows()}
    articles = list(read_articles(require()))
    relevant = [a for a in articles if gold[a.id]["events"]]
    assert len(relevant) > 90
    assert [a.id for a in relevant if not passes(a)] == []


def test_off_topic_news_is_turned_away_even_when_it_names_states_and_meetings(article):
    stories = offtopic_articles(70, seed=3)
    turned_away = [s for s in stories if not passes(article(s["text"], title=s["title"]))]
    assert len(turned_away) == len(stories)
    assert any("France" in s["text"] or "Japan" in s["text"] for s in turned_away)


def test_an_article_needs_a_trigger_a_state_or_post_and_security(article):
    def ok(text: str) -> bool:
        return passes(article(text))

    assert ok("The defence ministers of Jordan and Qatar met in Amman on Monday.")
    assert ok("The Minister of Interior received the visiting delegation to discuss border security.")
    assert not ok("The defence ministers of Jordan and Qatar will be busy this year.")  # no trigger
    assert not ok("The team met in the evening to discuss security at the stadium.")  # no state, no post
    assert not ok("Jordan and Qatar met in the final; the match ended in a draw.")  # nothing on security


def test_an_official_the_caller_knows_stands_in_for_a_printed_state_or_post():
    text = "Okafor met Lindqvist on Tuesday to discuss border security."
    assert not triage.article_may_report(body=text, title="", lang="en")
    assert triage.article_may_report(body=text, title="", lang="en", names_known=True)


def test_triage_reads_french_spanish_and_arabic_with_their_own_words(article):
    fr = "Le ministre de la Défense a reçu son homologue marocain à Paris pour parler de sécurité."
    es = "El ministro de Defensa conversó con su homólogo de Chile sobre la seguridad fronteriza."
    ar = "استقبل وزير الداخلية الأردني نظيره القطري في عمان لبحث التعاون الأمني."
    assert passes(article(fr, language="fr")) and passes(article(es, language="es"))
    assert passes(article(ar, language="ar"))
    assert not passes(article("Le match de football entre Lyon et Porto a fini sur un nul.", language="fr"))


def test_focus_blanks_only_sentences_without_state_person_or_trigger_and_keeps_offsets():
    body = (
        "Jordan's Minister of Defence met his Qatari counterpart in Doha on Monday. "
        "Both sides stressed cooperation. "
        "the weather was fine. "
        "it rained later. "
        "it was sunny on the coast. "
        "Officials said Al Kaabi would visit again."
    )
    focused = triage.focus(body)
    assert len(focused) == len(body)
    assert focused.count(".") == body.count(".")
    assert "met his Qatari counterpart" in focused and "Both sides stressed cooperation." in focused
    assert "it rained later" not in focused  # no neighbour to keep it
    assert "the weather was fine." in focused and "it was sunny on the coast." in focused  # neighbours
    assert "Al Kaabi would visit again." in focused
    with triage.disabled():
        assert triage.focus(body) == body


def test_extraction_is_the_same_with_triage_on_and_off():
    # A fifth of the dev corpus, every language; make bench-ingest compares the scores on all of it.
    articles = list(read_articles(require()))[::5]
    on = [json.dumps(r.to_dict()) for r in extract_batch(articles, batch_size=16)]
    with triage.disabled():
        off = [json.dumps(r.to_dict()) for r in extract_batch(articles, batch_size=16)]
    assert on == off
    assert sum('"events": [{' in line for line in on) > 10
