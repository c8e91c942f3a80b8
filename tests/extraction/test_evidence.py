"""Evidence per fact: every value of an event carries the words it was read from."""

from datetime import date

from ingest.extraction import extract

TEXT = (
    "NAIROBI - Kenya's Interior Minister Kithure Kindiki met Uganda's Minister of Internal Affairs "
    "Kahinda Otafiire in Mombasa on 12 March 2024. The ministers discussed cattle rustling across the "
    "border and the fight against terrorism."
)


def _event(article):
    (event,) = extract(article(TEXT, published=date(2024, 3, 13))).events
    return event


def _said(evidence):
    return TEXT[evidence.start : evidence.end]


def test_the_date_and_place_point_at_the_words_that_give_them(article):
    event = _event(article)
    assert event.date == "2024-03-12" and _said(event.date_evidence) == "12 March 2024"
    assert event.location.city == "Mombasa" and _said(event.location_evidence) == "Mombasa"


def test_each_participant_points_at_their_name_title_and_state(article):
    officials = {o.name: o for o in _event(article).officials}
    kindiki = officials["Kithure Kindiki"]
    assert [_said(e) for e in kindiki.evidence] == ["Kithure Kindiki"]
    assert "Interior Minister" in _said(kindiki.title_evidence)
    assert _said(kindiki.country_evidence) == "Kenya"
    assert _said(officials["Kahinda Otafiire"].country_evidence) == "Uganda"


def test_each_topic_points_at_the_whole_word_that_names_it(article):
    evidence = _event(article).topic_evidence
    assert _said(evidence["border-security"]) == "border"
    assert _said(evidence["counter-terrorism"]) == "terrorism"  # the stem's whole word


def test_the_corpus_output_carries_the_spans_as_extra_keys(article):
    row = extract(article(TEXT, published=date(2024, 3, 13))).to_dict()
    (event,) = row["events"]
    assert event["date_evidence"]["text"] == "12 March 2024"
    assert event["officials"][0]["title_evidence"]["start"] < event["officials"][0]["evidence"][0]["start"]
