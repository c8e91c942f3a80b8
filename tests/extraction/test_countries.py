from ingest.extraction.countries import find_countries


def codes(text):
    return [m.code for m in find_countries(text)]


def test_names_adjectives_demonyms_and_long_forms():
    assert codes("Qatari and Jordanian officials") == ["QA", "JO"]
    assert codes("an Emirati delegation met Omani officers") == ["AE", "OM"]
    assert codes("the Hashemite Kingdom of Jordan and the Sultanate of Oman") == ["JO", "OM"]
    assert codes("Türkiye, Kyrgyz and Nigerien forces") == ["TR", "KG", "NE"]


def test_institutions_identify_their_state():
    assert codes("Jordan's Public Security Directorate (PSD)") == ["JO", "JO", "JO"]
    assert codes("the Royal Oman Police said") == ["OM"]


def test_pronoun_us_and_person_named_jordan_are_not_states():
    assert codes("He told us that Michael Jordan said so") == []
    assert codes("the U.S. and Jordan") == ["US", "JO"]


def test_forty_countries_in_a_list():
    names = ["Albania", "Algeria", "Angola", "Argentina", "Armenia", "Australia", "Austria", "Azerbaijan",
             "Bahrain", "Bangladesh", "Belarus", "Belgium", "Benin", "Bhutan", "Bolivia", "Botswana", "Brazil",
             "Bulgaria", "Burundi", "Cambodia", "Cameroon", "Canada", "Chile", "China", "Colombia", "Croatia",
             "Cuba", "Cyprus", "Denmark", "Djibouti", "Ecuador", "Egypt", "Eritrea", "Estonia", "Ethiopia",
             "Fiji", "Finland", "France", "Gabon", "Ghana"]  # fmt: skip
    assert len(set(codes(", ".join(names)))) == 40
