"""The engine's certainty of an event, from its own signals (ingest/extraction/confidence.py)."""

from __future__ import annotations

from ingest.extraction import extract
from ingest.extraction.confidence import event_confidence
from ingest.extraction.models import Event, Evidence, Location, Official

SENTENCE = Evidence("The ministers met in Amman on Monday.", 0, 37)
SECOND = Evidence("They discussed border security.", 38, 69)


def event(**changes) -> Event:
    fields = {
        "type": "meeting",
        "date": "2024-03-04",
        "location": Location("Amman", "JO"),
        "countries": ["JO", "QA"],
        "officials": [Official("Samir Haddad", "JO", "Minister"), Official("Fahad Mansour", "QA", "Minister")],
        "evidence": [SENTENCE, SECOND],
    }
    return Event(**(fields | changes))


def test_every_signal_found_is_full_certainty():
    assert event_confidence(event()) == 1.0


def test_each_missing_signal_lowers_it_by_its_weight():
    assert event_confidence(event(evidence=[SENTENCE])) == 0.95
    assert event_confidence(event(date="2024-03")) == 0.9  # the month only
    assert event_confidence(event(date=None)) == 0.8
    assert event_confidence(event(location=Location(None, "JO"))) == 0.95  # the host state only
    assert event_confidence(event(location=Location())) == 0.9
    one_side = [Official("Samir Haddad", "JO", "Minister")]
    assert event_confidence(event(officials=one_side)) == 0.85  # half the states named by an official
    untitled = [Official("Samir Haddad", "JO", None), Official("Fahad Mansour", "QA", None)]
    assert event_confidence(event(officials=untitled)) == 0.95


def test_nothing_found_but_the_states_is_near_zero_and_never_below():
    bare = event(date=None, location=Location(), officials=[], evidence=[])
    assert event_confidence(bare) == 0.0
    assert 0.0 <= event_confidence(event(officials=[Official("X", "FR", None)])) <= 1.0  # a side not in the event


def test_the_pipeline_scores_each_event_and_a_vague_report_is_less_certain(article):
    precise = extract(
        article(
            "DOHA, March 4, 2024 – Qatar's Minister of State for Defence Affairs Fahad Al Mansouri met Jordanian "
            "Interior Minister Samir Haddad in Doha on Monday to discuss border security.\n"
            "The two ministers reviewed joint training for border guards.",
            title="Qatar and Jordan discuss border security",
        )
    )
    vague = extract(
        article(
            "Jordan and Qatar held security talks, officials said, discussing border security.",
            title="Security talks",
        )
    )
    assert precise.events and vague.events
    assert all(0.0 <= e.confidence <= 1.0 for e in precise.events + vague.events)
    assert precise.events[0].confidence == event_confidence(precise.events[0])
    assert precise.events[0].confidence > vague.events[0].confidence
    assert "confidence" in precise.to_dict()["events"][0]
