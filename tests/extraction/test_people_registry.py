"""One `person` id per real person across a batch; never one id for two people."""

from datetime import date

from ingest.extraction import Article, KnownOfficial, PersonRegistry, extract_batch


def test_spellings_of_one_person_share_an_id():
    registry = PersonRegistry()
    first = registry.resolve("Alejandro N. Mayorkas", "US", "Secretary of Homeland Security")
    assert registry.resolve("Alejandro Mayorkas", "US", None) == first
    assert registry.resolve("Mayorkas", "US", "Secretary") == first
    teodoro = registry.resolve("Gilberto C. Teodoro Jr.", "PH", "Secretary of National Defense")
    assert registry.resolve("Gilberto Teodoro", "PH", None) == teodoro != first
    sabah = registry.resolve("Talal Khaled Al-Ahmad Al-Sabah", "KW", None)
    assert registry.resolve("Talal Khaled El Ahmad al Sabah", "KW", None) == sabah
    assert registry.resolve("Mansour bin Zayed", "AE", None) == registry.resolve("Mansour ibn Zayed", "AE", None)
    assert registry.resolve("Yaşar Güler", "TR", None) == registry.resolve("Yasar Guler", "TR", None)


def test_a_cluster_begun_with_a_family_name_alone_takes_one_full_name_only():
    # "Okafor" then "Emeka Okafor" is one person; "Ngozi Okafor" of the same state is another.
    registry = PersonRegistry()
    lone = registry.resolve("Okafor", "NG", "Minister of Defence")
    assert registry.resolve("Emeka Okafor", "NG", None) == lone
    assert registry.resolve("Ngozi Okafor", "NG", None) != lone


def test_a_family_name_two_people_of_one_state_share_links_to_neither():
    registry = PersonRegistry()
    rajan = registry.resolve("Rajan Mehta", "IN", None)
    vikram = registry.resolve("Vikram Mehta", "IN", None)
    alone = registry.resolve("Mehta", "IN", None)
    assert alone not in (rajan, vikram)
    # The same name in another state is another person.
    assert registry.resolve("Rajan Mehta", "KE", None) != rajan


def test_a_known_official_keeps_one_id_whatever_the_article_prints():
    known = KnownOfficial("Kwame Asante", "GH", ("Minister of Defence",), ("Kwame Owusu Asante",), "41")
    registry = PersonRegistry()
    by_surname = registry.resolve("Asante", "GH", "Defence Minister", known=known)
    assert registry.resolve("Kwame Owusu Asante", "GH", None, known=known) == by_surname
    # A spelling the record holds, met without the recognition, finds the same person.
    assert registry.resolve("Kwame Owusu Asante", "GH", None) == by_surname


def test_extract_batch_gives_a_known_official_one_id_across_articles():
    known = KnownOfficial("Kwame Asante", "GH", ("Minister of Defence",), ("Kwame Owusu Asante",), "41")
    day = date(2024, 5, 2)
    articles = [
        Article("a", "", "Asante met Togo's Minister of the Armed Forces Kofi Mensah in Accra on Monday.", day),
        Article(
            "b",
            "",
            "Ghana's Minister of Defence Kwame Owusu Asante held talks with Togo's Minister of the Armed Forces "
            "Kofi Mensah in Lome on Tuesday on border security.",
            day,
        ),
    ]
    results = extract_batch(articles, known=[known])
    ids = {o.name: o.person for r in results for e in r.events for o in e.officials if o.country == "GH"}
    assert set(ids) == {"Asante", "Kwame Owusu Asante"}
    assert len(set(ids.values())) == 1


def test_an_initial_links_only_when_one_person_fits_it():
    registry = PersonRegistry()
    ramesh = registry.resolve("Ramesh Krishnan", "IN", None)
    assert registry.resolve("R. Krishnan", "IN", None) == ramesh
    other = PersonRegistry()
    ids = {other.resolve("Ramesh Krishnan", "IN", None), other.resolve("Rajesh Krishnan", "IN", None)}
    assert other.resolve("R. Krishnan", "IN", None) not in ids
