"""Articles written for these tests, outside the dev corpus, to check the rules generalise."""

from datetime import date

from ingest.extraction import extract


def test_call_between_defence_ministers(article):
    text = (
        "ISLAMABAD: Pakistan's Defence Minister Khawaja Asif spoke by telephone on Monday with his Turkish "
        "counterpart Yasar Guler. The two discussed defence industry cooperation and counter-terrorism."
    )
    result = extract(article(text, published=date(2024, 3, 6)))
    (event,) = result.events
    assert event.type == "call" and event.countries == ["PK", "TR"] and event.date == "2024-03-04"
    assert {"defence", "counter-terrorism"} <= set(event.topics)


def test_meeting_with_signing_gives_two_events(article):
    text = (
        "TASHKENT - Uzbekistan's Interior Minister Pavel Bondar received Kazakhstan's Interior Minister "
        "Yerzhan Sadenov in Tashkent on Thursday. After the talks, the two ministers signed a memorandum of "
        "understanding on cooperation against drug trafficking."
    )
    result = extract(article(text, published=date(2024, 5, 10)))
    types = sorted(e.type for e in result.events)
    assert types == ["agreement", "meeting"]
    for e in result.events:
        assert e.countries == ["KZ", "UZ"] and e.date == "2024-05-09"
        assert (e.location.city, e.location.country) == ("Tashkent", "UZ")


def test_domestic_and_planned_meetings_are_not_relevant(article):
    domestic = "NAIROBI - Kenya's Interior Minister met the Inspector General of Police on Monday to review crime."
    assert not extract(article(domestic)).relevant
    planned = "The French defence minister will visit Morocco next week to discuss military cooperation."
    assert not extract(article(planned)).relevant


def test_joint_exercise_opening(article):
    text = (
        "The joint military exercise of the Indian and Egyptian armies began on Sunday at Mohammed Naguib base "
        "in Egypt, focusing on counter-terrorism operations."
    )
    (event,) = extract(article(text, published=date(2024, 1, 24))).events
    assert event.type == "exercise" and event.countries == ["EG", "IN"] and event.date == "2024-01-21"
