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
