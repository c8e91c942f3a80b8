from datetime import date

from ingest.extraction import extract
from ingest.extraction.topics import topics_in


def test_reported_topics():
    assert topics_in("The two discussed border security, cybersecurity and the exchange of intelligence.") == {
        "border-security",
        "cybersecurity",
        "intelligence-sharing",
    }
    assert "drug-trafficking" in topics_in("They agreed to fight captagon smuggling.")
    assert "maritime-security" in topics_in("Coast guards of both countries met.")


def test_speculation_is_filtered():
    assert topics_in("Discussions likely included technologies for border surveillance.") == set()
    assert topics_in("Sources said the talks could cover counter-terrorism.") == set()


def test_words_match_whole_and_stems_as_stems():
    # "traffic" (policing) is a word: it is not inside "trafficking".
    assert "policing" not in topics_in("They discussed trafficking in persons.")
    assert "policing" in topics_in("They discussed road traffic and patrols.")
    # "terror" is a stem: counter-terrorism, terrorists, anti-terror all count.
    assert "counter-terrorism" in topics_in("They reviewed anti-terrorism laws.")
    assert "border-security" in topics_in("Both sides patrol their borders.")
    assert "defence" not in topics_in("The armistice held.")  # "arms" only as a word


def test_speculation_is_limited_to_its_clause():
    found = topics_in("The ministers discussed border security, and the talks may also cover cybersecurity.")
    assert found == {"border-security"}


def test_the_field_of_a_post_named_without_a_holder_is_no_topic(article):
    text = (
        "Chile's Marta Rojas held talks in Manila on Monday with Philippine Police Chief Rommel Marbil on "
        "cybercrime. The Chilean defence minister was in Manila for a gathering of the region's defence ministers."
    )
    (event,) = extract(article(text, published=date(2024, 6, 3))).events
    assert event.topics == ["cybersecurity"]


def test_what_is_said_of_all_the_counterparts_met_one_by_one_is_a_topic_of_each(article):
    text = (
        "ABU DHABI - Interior Minister Saif Al Nahyan met separately on Monday with Yusuf Ali, Minister of "
        "Interior of Somalia; Jean Mbeki, Minister of Interior of Kenya; and Peter Odhiambo, Minister of "
        "Interior of Uganda. The UAE Interior Minister went over with them the exchange of expertise in "
        "policing."
    )
    events = extract(article(text, published=date(2024, 6, 3))).events
    assert len(events) == 3
    assert all("training" in e.topics for e in events)
