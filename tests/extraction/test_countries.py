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


def test_states_joined_by_a_hyphen_are_both_read():
    found = [(c.code, c.kind) for c in find_countries("the Kenya-Somalia commission and Pakistan-China talks")]
    assert found == [("KE", "pair"), ("SO", "pair"), ("PK", "pair"), ("CN", "pair")]
    # A lower-case prefix or suffix makes a word of the state's name, not a mention of it.
    assert find_countries("anti-American and pro-Russian crowds in a Saudi-led march") == []


def test_a_state_named_inside_a_sea_or_strait_is_a_place_of_water():
    from ingest.extraction.countries import find_countries

    assert find_countries("They patrolled the South China Sea and the Sea of Japan.") == []
    assert find_countries("Tankers crossed the Korea Strait and the Gulf of Oman.") == []
    assert [c.code for c in find_countries("China and Japan held talks on sea lanes.")] == ["CN", "JP"]
