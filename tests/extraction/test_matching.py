from ingest.extraction import PersonCandidate, PersonMention, match_official
from ingest.extraction.matching import name_similarity


def cand(key, *names, country=None, title=None):
    return PersonCandidate(key, tuple(names), country, title)


def test_transliterations_of_one_person_match():
    maaytah = cand("jo-maaytah", "Obaid Abdulrabboh Al Maaytah", country="JO")
    for spelling in ("Obaidallah Abd Rabbo Al Maaytah", "Abeidallah Maaitah", "Maj. Gen. Maaytah"):
        match = match_official(PersonMention(spelling, "JO", None), [maaytah])
        assert match is not None and match.candidate.key == "jo-maaytah", spelling
    assert match_official(
        PersonMention("Naif bin Faleh Al Thani", "QA"), [cand("n", "Nayef bin Faleh Al Thani", country="QA")]
    )
    assert match_official(PersonMention("Yasar Guler", "TR"), [cand("g", "Yaşar Güler", country="TR")])


def test_two_al_thanis_are_not_merged():
    khalifa = cand("khalifa", "Khalifa bin Hamad bin Khalifa Al-Thani", country="QA")
    assert match_official(PersonMention("Abdulaziz bin Faisal bin Mohammed Al Thani", "QA"), [khalifa]) is None
    assert name_similarity("Abdullah bin Rashid Al Khalifa", "Rashid bin Abdullah Al Khalifa") == 0.0


def test_country_disagreement_rejects_and_best_candidate_wins():
    a = cand("a", "Khalid bin Mohamed Al-Attiyah", country="QA")
    b = cand("b", "Khalid bin Mohammed Al-Battal", country="SA")
    match = match_official(PersonMention("Khalid Bin Mohammad Al-Attiyah", "QA"), [b, a])
    assert match is not None and match.candidate.key == "a" and 0.7 <= match.score <= 1.0
    assert match_official(PersonMention("Khalid Bin Mohammad Al-Attiyah", "SA"), [a]) is None


def test_unrelated_names_do_not_match():
    assert match_official(PersonMention("Grant Shapps", "GB"), [cand("w", "Ben Wallace", country="GB")]) is None
