"""Knowledge in: officials the caller already knows keep their state and title."""

from datetime import date

from ingest.extraction import KnownOfficial, extract
from ingest.extraction.known import KnownOfficials

NITIWUL = KnownOfficial("Dominic Nitiwul", "GH", ("Minister of Defence",), ("Dominic Aduna Bingab Nitiwul",), "7")
AGBEKO = KnownOfficial("Kofi Mensah Agbeko", "TG", ("Minister of the Armed Forces",), (), "9")


def _officials(result):
    return {o.name: o for e in result.events for o in e.officials}


def test_surnames_alone_of_known_officials_give_their_states_and_titles(article):
    # No state is printed anywhere: only what the caller knows can name the parties.
    text = "Nitiwul met Agbeko on Monday to discuss border security and the smuggling of arms."
    published = date(2024, 4, 3)
    assert extract(article(text, published=published)).events == []
    officials = _officials(extract(article(text, published=published), known=[NITIWUL, AGBEKO]))
    assert officials["Nitiwul"].country == "GH" and officials["Nitiwul"].title == "Minister of Defence"
    assert officials["Agbeko"].country == "TG" and officials["Agbeko"].known == "9"


def test_a_title_the_article_prints_is_kept_over_the_known_one(article):
    text = "Ghana's Interior Minister Nitiwul met Agbeko in Accra on Monday to discuss border security."
    officials = _officials(extract(article(text, published=date(2024, 4, 3)), known=[NITIWUL, AGBEKO]))
    assert officials["Nitiwul"].title == "Interior Minister"
    assert officials["Agbeko"].country == "TG"


def test_a_state_the_article_gives_otherwise_means_another_person():
    index = KnownOfficials([NITIWUL])
    assert index.find("Nitiwul", "NG") is None
    assert index.find("Nitiwul", "GH") is NITIWUL


def test_any_spelling_on_record_finds_the_official():
    index = KnownOfficials([NITIWUL])
    assert index.find("Dominic Aduna Bingab Nitiwul") is NITIWUL
    assert index.find("Dominic Nitiwool") is NITIWUL  # a transliteration drift
    assert index.find("Samuel Okudzeto") is None


def test_a_family_name_two_known_officials_share_is_not_knowledge():
    brothers = [
        KnownOfficial("Ahmed Al Kaabi", "QA", ("Undersecretary",)),
        KnownOfficial("Saeed Al Kaabi", "AE", ("Chief of Police",)),
    ]
    index = KnownOfficials(brothers)
    assert index.find("Al Kaabi") is None
    assert index.find("Saeed Al Kaabi") is brothers[1]


def test_a_known_family_name_is_found_inside_a_run_of_title_words():
    index = KnownOfficials([NITIWUL])
    text = "Defence Minister Nitiwul spoke. Jordan Nitiwulson did not."
    assert [text[s:e] for s, e in index.spans(text)] == ["Nitiwul"]


def test_known_officials_are_recognised_in_french_and_spanish(article):
    # The article gives neither official's state; the caller's knowledge does.
    french = (
        "Le ministre Nitiwul a reçu lundi à Accra le ministre Kofi Mensah Agbeko pour des entretiens sur la "
        "sécurité des frontières et la lutte contre le terrorisme."
    )
    officials = _officials(extract(article(french, published=date(2024, 4, 3), language="fr"), known=[NITIWUL, AGBEKO]))
    assert officials["Kofi Mensah Agbeko"].country == "TG" and officials["Kofi Mensah Agbeko"].known == "9"


def test_an_index_brought_up_to_date_answers_as_one_built_afresh():
    """Replaced, added and dropped officials: the index answers as if built from what it now holds, and
    forgets the answers it gave before."""
    index = KnownOfficials([NITIWUL, AGBEKO])
    assert index.find("Nitiwul") is NITIWUL and index.find("Agbeko") is AGBEKO
    renamed = KnownOfficial("Dominic Nitiwul", "GH", ("Minister of the Interior",), ("Dominic Nitiwool",), "7")
    newcomer = KnownOfficial("Albert Kan-Dapaah", "GH", ("Minister for National Security",), (), "11")
    index.update([renamed, newcomer], removed=["9"])
    fresh = KnownOfficials([renamed, newcomer])
    for name in ["Nitiwul", "Dominic Aduna Bingab Nitiwul", "Agbeko", "Kofi Mensah Agbeko", "Kan-Dapaah"]:
        assert index.find(name) == fresh.find(name), name
    assert index.find("Nitiwul") is renamed and index.find("Agbeko") is None
    assert index.by_key("9") is None and index.by_key("11") is newcomer and len(index) == 2
    text = "Defence Minister Agbeko spoke with Minister Kan-Dapaah."
    assert index.spans(text) == fresh.spans(text)


def test_an_index_updated_many_times_stays_the_size_of_what_it_holds():
    index = KnownOfficials([NITIWUL, AGBEKO])
    for round_ in range(3000):
        index.update([KnownOfficial("Kofi Mensah Agbeko", "TG", (f"Minister {round_}",), (), "9")])
    assert len(index) == 2 and index.find("Agbeko").titles == ("Minister 2999",)
    assert len(index._officials) < 1100  # slots of the replaced ones let go, not 3,002
