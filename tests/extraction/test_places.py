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
