from datetime import date

from ingest.extraction import extract
from ingest.extraction.places import dateline, places_in


def test_datelines():
    assert (dateline("AMMAN - The director").city, dateline("AMMAN - The director").country) == ("Amman", "JO")
    place = dateline("Doha, Qatar – High-ranking officials")
    assert (place.city, place.country) == ("Doha", "QA")
    place = dateline("(MENAFN- Jordan Times) AMMAN - The")
    assert (place.city, place.country) == ("Amman", "JO")
    place = dateline("KUWAIT, Nov 5 (KUNA) -- Iraqi")
    assert (place.city, place.country) == (None, "KW")
    assert dateline("The ministry said on Monday") is None


def test_places_named_in_phrases():
    (place,) = places_in("talks at the ministry's headquarters in Riyadh on Monday")
    assert (place.city, place.country) == ("Riyadh", "SA")
    (place,) = places_in("held talks in the Saudi capital, Riyadh, with")
    assert place.city == "Riyadh"
    (place,) = places_in("signed the deal in Niamey, Republic of Niger.")
    assert (place.city, place.country) == ("Niamey", "NE")
    (place,) = places_in("received at the Pentagon yesterday")
    assert (place.city, place.country) == (None, "US")


def test_cities_come_from_the_gazetteer_with_their_state():
    # Mombasa is no capital: the model's reading of a place there vouches for it.
    text = "The ministers met in Mombasa on Monday."
    at = text.index("Mombasa")
    (place,) = places_in(text, [(at, at + len("Mombasa"))])
    assert (place.city, place.country) == ("Mombasa", "KE")
    (place,) = places_in("The talks were held in Tripoli.")  # a capital: Libya's, not Lebanon's
    assert (place.city, place.country) == ("Tripoli", "LY")


def test_a_city_name_that_is_also_a_word_needs_more_than_the_gazetteer():
    # "Police" and "March" are towns of Poland and England, and words of every report.
    assert places_in("He handed the file to Police in March.") == []
    (place,) = places_in("They met in Santiago, Chile.")  # the text names the state
    assert (place.city, place.country) == ("Santiago", "CL")


def test_a_venue_is_not_the_city_its_name_begins_with():
    text = "The envoy was received at Bayan Palace."
    at = text.index("Bayan")
    assert [(p.city, p.country) for p in places_in(text, [(at, at + len("Bayan Palace"))])] == [(None, "KW")]


def test_a_place_phrase_opening_the_sentence_is_read():
    (place,) = places_in("In Nairobi, the two ministers held talks on border security.")
    assert (place.city, place.country) == ("Nairobi", "KE")
    (place,) = places_in("At Rabat, the delegation was received by the minister.")
    assert (place.city, place.country) == ("Rabat", "MA")


def test_the_engagement_is_where_its_trigger_says_not_where_someone_came_from(article):
    text = (
        "Indian Navy chief Admiral Dinesh Tripathi arrived from Colombo and held talks in Male with Maldives "
        "Defence Minister Ghassan Maumoon on Wednesday."
    )
    (event,) = extract(article(text, published=date(2024, 5, 8))).events
    assert (event.location.city, event.location.country) == ("Male", "MV")


def test_any_state_s_capital_and_many_word_city_names_are_read():
    (place,) = places_in("talks held in the Tanzanian capital, Dar es Salaam, on Monday")
    assert (place.city, place.country) == ("Dar es Salaam", "TZ")
    (place,) = places_in("The minister arrived in Bandar Seri Begawan on Monday.")
    assert (place.city, place.country) == ("Bandar Seri Begawan", "BN")
