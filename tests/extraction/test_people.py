from ingest.extraction import extract, extract_batch
from ingest.extraction.countries import find_countries
from ingest.extraction.people import (
    appositive_names,
    assign_titles,
    complement_names,
    find_people,
)


def _officials(result):
    return {o.name: o for e in result.events for o in e.officials}


def test_officials_titles_and_states(article):
    result = extract(
        article(
            "RIYADH - Saudi Interior Minister Prince Abdulaziz bin Saud bin Naif held talks on Monday with "
            "Qatar's Minister of State for Defense Affairs Khalid bin Mohamed Al-Attiyah on security cooperation."
        )
    )
    (event,) = result.events
    found = {(o.name, o.country) for o in event.officials}
    assert found == {("Abdulaziz bin Saud bin Naif", "SA"), ("Khalid bin Mohamed Al-Attiyah", "QA")}
    assert all(o.evidence for o in event.officials)


def test_two_al_thanis_in_one_article_keep_two_ids(article):
    result = extract(
        article(
            "DOHA - Qatar's Interior Minister Sheikh Khalifa bin Hamad bin Khalifa Al-Thani and Minister of State "
            "for Interior Affairs Sheikh Abdulaziz bin Faisal bin Mohammed Al Thani met Iraqi Interior Minister "
            "Abdul Amir Al-Shammari in Doha on Tuesday to discuss border security."
        )
    )
    people = {o.name: o.person for e in result.events for o in e.officials}
    assert len({people[n] for n in people if "Thani" in n}) == 2


def test_same_person_linked_across_a_batch(article):
    first = article(
        "AMMAN - Maj. Gen. Abeidallah Maaitah, who heads the Public Security Directorate, held talks on Tuesday "
        "with Naif bin Faleh Al Thani, assistant undersecretary at Qatar's Interior Ministry.",
        id="a",
    )
    second = article(
        "Doha, Qatar - Qatar's Undersecretary Nayef bin Faleh Al Thani met Jordan's Director of Public Security, "
        "Major General Dr. Obaidallah Abd Rabbo Al Maaytah, in Doha on Sunday to discuss policing.",
        id="b",
    )
    a, b = extract_batch([first, second])
    ids_a = {o.country: o.person for e in a.events for o in e.officials}
    ids_b = {o.country: o.person for e in b.events for o in e.officials}
    assert ids_a["JO"] == ids_b["JO"]
    assert ids_a["QA"] == ids_b["QA"]
    assert ids_a["JO"] != ids_a["QA"]


def test_a_lone_word_after_a_rank_is_not_a_person(article):
    text = (
        "KAMPALA - Uganda's State Minister for Defence in charge of General Duties Jacob Oboth met Kenya's "
        "Defence Minister Aden Duale on Friday to discuss border security."
    )
    result = extract(article(text))
    names = {o.name for e in result.events for o in e.officials}
    assert "Duties" not in names


def test_title_before_a_comma_and_honorifics_belongs_to_the_name(article):
    text = (
        "The talks on Monday were between Kenya's Defence Minister Aden Duale, and Tanzania's Minister of "
        "Defence and National Service, Hon. Dr. Stergomena Tax, on military training."
    )
    result = extract(article(text))
    officials = {o.name: (o.country, o.title) for e in result.events for o in e.officials}
    assert officials["Stergomena Tax"] == ("TZ", "Minister of Defence and National Service")


def test_a_name_does_not_run_across_a_line(article):
    text = "By Sara Khan\nISLAMABAD: Pakistan's Interior Minister Mohsin Naqvi met Oman's ambassador on Monday."
    result = extract(article(text))
    names = {o.name for e in result.events for o in e.officials}
    assert not any("ISLAMABAD" in n for n in names)


def test_lower_case_particles_and_long_names_are_names(article):
    text = (
        "BAGHDAD - Iraqi Prime Minister Mohammed Shia al-Sudani received Jordan's Interior Minister Mazen "
        "al-Faraya on Sunday to discuss border security. Saudi Arabia's Minister of Interior Abdulaziz bin "
        "Saud bin Naif bin Abdulaziz bin Abdulrahman Al Saud also attended."
    )
    result = extract(article(text))
    names = {o.name for e in result.events for o in e.officials}
    assert {"Mohammed Shia al-Sudani", "Mazen al-Faraya"} <= names


def test_a_post_printed_against_the_next_name_after_a_comma_is_that_persons(article):
    # No comma closes "Chief of Staff" as the ambassador's appositive: it pre-modifies the next name.
    text = (
        "NAIROBI - Kenya's Defence Cabinet Secretary Aden Duale met Uganda's Defence Minister Jacob Oboth on "
        "Tuesday to discuss border security. Also present were Kenyan Ambassador Peter Mwangi, Chief of Staff "
        "Major General John Otieno and Defence Attache Brigadier Paul Kamau."
    )
    officials = _officials(extract(article(text)))
    assert officials["John Otieno"].title == "Chief of Staff" and officials["John Otieno"].country == "KE"
    assert officials["Paul Kamau"].country == "KE"


def test_an_appositive_after_a_comma_stays_with_the_person_before_it(article):
    text = (
        "Kenya's Interior Minister Kithure Kindiki met Peter Mwangi, Uganda's Ambassador, and "
        "Uganda's Police Chief Abas Byakagaba on Monday to discuss cattle rustling across the border."
    )
    officials = _officials(extract(article(text)))
    assert officials["Peter Mwangi"].title == "Ambassador"
    assert officials["Abas Byakagaba"].title == "Police Chief"


def test_a_title_after_the_clause_that_follows_a_persons_appositive_is_the_next_persons(article):
    # The comma after A opens A's appositive; the clause after it ends at "by", and the post after
    # that preposition is B's.
    text = (
        "Oman's Interior Minister Saif bin Hamed Al Harthy, Oman's senior security official, flew into Kuwait "
        "on Sunday and was welcomed by Kuwaiti Interior Minister Talal Khaled Al-Sabah for talks on border security."
    )
    officials = _officials(extract(article(text)))
    assert officials["Talal Khaled Al-Sabah"].title == "Kuwaiti Interior Minister"
    assert officials["Talal Khaled Al-Sabah"].country == "KW"


def test_posts_printed_before_each_name_in_a_row_go_to_the_name_after_them(article):
    text = (
        "KAMPALA - Uganda's Defence Minister Vincent Ssempijja met Kenya's Defence Minister Aden Duale on Monday. "
        "Representing the Chief of Defence Forces, Gen Peter Elwelu, the Deputy Chief of Staff, Maj Gen Sam "
        "Okiding, welcomed the Kenyan team to the talks on border security."
    )
    officials = _officials(extract(article(text)))
    assert officials["Sam Okiding"].title == "Deputy Chief of Staff"
    assert officials["Sam Okiding"].country == "UG"  # the host welcoming the Kenyan team
    assert "Peter Elwelu" not in officials  # represented, so not there


def test_a_counterpart_without_a_post_of_their_own_is_titled_as_the_text_gives_it(article):
    text = (
        "ACCRA - Ghana's Interior Minister Ambrose Dery held talks on Monday with his Togolese counterpart "
        "Yark Damehame on cross-border crime."
    )
    officials = _officials(extract(article(text)))
    assert officials["Yark Damehame"].title == "Togolese counterpart"
    assert officials["Yark Damehame"].country == "TG"


def test_a_plural_post_is_shared_out_in_order_among_the_names_after_it(article):
    # "his Qatari and Omani counterparts, A and B": A is Qatar's, B Oman's; the one they face is
    # the state listed with theirs that neither represents.
    text = (
        "The interior ministers of Kuwait, Qatar and Oman held a video call on Monday. Interior Minister Talal "
        "Khaled Al-Sabah spoke with his Qatari and Omani counterparts, Faisal bin Nasser Al-Thani and Saif "
        "bin Hamed Al Harthy, about border security and drug smuggling."
    )
    officials = _officials(extract(article(text)))
    assert officials["Faisal bin Nasser Al-Thani"].country == "QA"
    assert officials["Saif bin Hamed Al Harthy"].country == "OM"
    assert officials["Talal Khaled Al-Sabah"].country == "KW"
    assert officials["Saif bin Hamed Al Harthy"].title == "Omani counterpart"


def test_a_rank_word_after_a_modifier_heads_the_post_and_the_ranks_after_it_are_honorifics(article):
    text = (
        "MANILA - Indonesia's Maritime Security Agency chief Aan Kurnia held talks on Monday with the Philippine "
        "Coast Guard. Coast Guard Commander Admiral Ronnie Gavan said the talks covered maritime security."
    )
    officials = _officials(extract(article(text)))
    assert officials["Ronnie Gavan"].title == "Coast Guard Commander"


def test_an_appositive_joins_a_second_post_with_and(article):
    text = (
        "JAKARTA - Indonesia's Defence Minister Prabowo Subianto met Admiral Karl Sorensen, Chief of the Royal "
        "Danish Navy and Deputy Head of the Danish Defence Command, on Monday to discuss maritime security."
    )
    officials = _officials(extract(article(text)))
    assert officials["Karl Sorensen"].title == (
        "Chief of the Royal Danish Navy and Deputy Head of the Danish Defence Command"
    )


def test_a_states_adjective_on_the_body_a_post_belongs_to_is_the_holders_state(article):
    # "in the Canadian Ministry" names whose ministry, not where the post is.
    text = (
        "KINGSTON, Jamaica - Canada's deputy foreign minister visited Kingston on Monday. Robert Fraser, minister "
        "of state in the Canadian Ministry of Public Safety, held talks with Minister of National Security "
        "Paul Walker on police training."
    )
    officials = _officials(extract(article(text)))
    assert officials["Robert Fraser"].country == "CA"


def _names(text, *printed):
    spans = [(text.index(p), text.index(p) + len(p)) for p in printed]
    found = find_people(text, sentences=[(0, len(text))], person_spans=spans, countries=find_countries(text))
    return [m.name for m in found]


def test_a_leading_all_capitals_word_is_a_posts_acronym_not_a_given_name():
    text = "Defence Minister Kenji Sato spoke on Monday with DPM Brian Walsh about the review."
    assert _names(text, "DPM Brian Walsh") == ["Brian Walsh"]


def test_a_common_noun_before_a_name_is_not_taken_in_as_a_given_name():
    text = "Spain's Minister of Economy and Digital Transformation Calvo met the delegation on Monday."
    assert _names(text, "Calvo") == ["Calvo"]


def test_a_preposition_before_a_post_governs_the_person_not_the_state_after_it(article):
    # "according to Kenyan Minister X": the state adjective opens the post and names X's state.
    text = (
        "Kenya and Uganda signed a pact on border policing in Nairobi on Monday, according to Kenyan Interior "
        "Minister Peter Otieno, who held talks with Uganda's Internal Affairs Minister Grace Akello."
    )
    officials = _officials(extract(article(text)))
    assert officials["Peter Otieno"].country == "KE"


def test_a_word_ending_in_capitals_after_small_letters_is_an_acronym_not_a_name():
    text = "Officials said the MoU would be renewed, and Minister Grace Akello agreed."
    assert _names(text, "MoU", "Grace Akello") == ["Grace Akello"]


def test_a_lone_word_never_given_a_post_is_not_an_official(article):
    text = (
        "NAIROBI - Kenya's Interior Minister Peter Otieno and his Ugandan counterpart, Grace Akello, held talks on "
        "Monday. Kenya's Ambassador in Kampala, Paul Mwangi, wrote on Twitter that Otieno and Akello had agreed "
        "to share intelligence on border security."
    )
    officials = _officials(extract(article(text)))
    assert "Twitter" not in officials and {"Peter Otieno", "Grace Akello"} <= set(officials)


def test_a_posts_acronym_in_brackets_ends_the_post(article):
    text = (
        "ABUJA - A pact on border patrols was signed on Monday by Ghana's Chief of Defence Staff (CDS), General "
        "Thomas Oppong-Peprah, and Togo's Chief of Army Staff (COAS) Major General Kodjo Amana in Abuja."
    )
    officials = _officials(extract(article(text)))
    assert officials["Thomas Oppong-Peprah"].title == "Chief of Defence Staff"
    assert officials["Kodjo Amana"].title == "Chief of Army Staff"


def test_a_name_the_parse_sets_in_apposition_to_a_post_is_a_person(article):
    # The article "the" inside the post must not hide the name the parse attaches to "Minister".
    text = (
        "MADRID - Spain's Minister of the Interior Pedro Gil-Robles met his Moroccan counterpart Karim Bennani in "
        "Rabat on Monday to discuss migration."
    )
    officials = _officials(extract(article(text)))
    assert officials["Pedro Gil-Robles"].country == "ES"
    assert officials["Pedro Gil-Robles"].title == "Minister of the Interior"


def test_a_capitalised_plural_post_after_listed_states_is_shared_out_in_order(article):
    text = (
        "BAKU - The Turkish and Azerbaijani Defence Ministers, Hulusi Demir and Ramil Aliyev, held talks in Baku "
        "on Tuesday on joint exercises."
    )
    officials = _officials(extract(article(text)))
    assert (officials["Hulusi Demir"].country, officials["Hulusi Demir"].title) == ("TR", "Turkish Defence Minister")
    assert officials["Ramil Aliyev"].country == "AZ"


def test_a_name_the_parse_heads_with_a_post_before_it_is_a_person(article):
    text = (
        "On 12–13 May, Minister of the Interior Mindaugas Žvirblis paid his first visit to Warsaw, where he met "
        "Polish Interior Minister Tomasz Nowak to discuss border security."
    )
    officials = _officials(extract(article(text, title="Lithuanian interior minister Žvirblis visits Warsaw")))
    assert officials["Mindaugas Žvirblis"].title == "Minister of the Interior"
    assert officials["Mindaugas Žvirblis"].country == "LT"


def test_those_whose_directives_are_followed_and_their_conjuncts_take_no_part(article):
    text = (
        "AMMAN - Jordan's Interior Minister Mazen Haddad met Iraq's Interior Minister Karim Jaafar in Amman on "
        "Monday, in keeping with the directives of the Jordanian Prime Minister Faisal Talal and Deputy Prime "
        "Minister Hussein Zaid, to discuss border security."
    )
    officials = _officials(extract(article(text)))
    assert {"Mazen Haddad", "Karim Jaafar"} <= set(officials)
    assert not {"Faisal Talal", "Hussein Zaid"} & set(officials)


def test_one_who_tells_that_two_others_met_is_their_reporter(article):
    text = (
        "NAIROBI - Kenya's Interior Minister Peter Otieno and his Ugandan counterpart, Grace Akello, held talks "
        "by phone on Monday. Kenya's Ambassador in Kampala, Paul Mwangi, wrote on Twitter that Otieno and Akello "
        "had agreed to share intelligence on border security."
    )
    officials = _officials(extract(article(text)))
    assert {"Peter Otieno", "Grace Akello"} <= set(officials) and "Paul Mwangi" not in officials


def test_an_opening_with_is_no_part_of_the_title_it_precedes(article):
    # "With" opens the clause ("With X, he discussed ..."), like "In" or "On": the post begins after it.
    text = (
        "Australia's Defence Minister Richard Marles held a series of meetings on Sunday. With Indonesia's "
        "Defence Minister Sjafrie Sjamsoeddin, Mr Marles discussed maritime security."
    )
    officials = _officials(extract(article(text)))
    assert officials["Sjafrie Sjamsoeddin"].title == "Defence Minister"
    assert officials["Sjafrie Sjamsoeddin"].country == "ID"


def test_names_after_a_plural_post_from_a_list_of_states_take_those_states_in_order(article):
    for text in (
        "Kenya's Defence Minister Aden Duale held talks with his counterparts from Uganda and Tanzania, "
        "Jacob Oboth-Oboth and Stergomena Tax, on Monday.",
        "Kenya's Defence Minister Aden Duale held talks on Monday with the defence ministers of Uganda and "
        "Tanzania, Jacob Oboth-Oboth and Stergomena Tax.",
    ):
        officials = _officials(extract(article(text)))
        assert (officials["Jacob Oboth-Oboth"].country, officials["Stergomena Tax"].country) == ("UG", "TZ")


def test_a_given_name_beginning_with_a_capital_outside_ascii_is_taken_in():
    # Polish, Turkish and Czech given names: when the model reads only the family name, the given
    # name before it is taken in whatever alphabet its capital comes from.
    text = "Czech Defence Minister Jana Novotna met her Polish counterpart Łucja Kowalczyk on Monday."
    assert _names(text, "Kowalczyk") == ["Łucja Kowalczyk"]
    text = "Greek Defence Minister Nikos Papadakis met his Turkish counterpart Şükrü Aydın on Monday."
    assert _names(text, "Aydın") == ["Şükrü Aydın"]
    # A rank after an honorific keeps the name whatever its first letter.
    assert _names("They met Maj. Gen. Ömer Kaya on Monday.", "Kaya") == ["Ömer Kaya"]


def test_a_rank_after_a_complete_post_is_the_holders_not_the_posts(article):
    # "Interior Minister" ends in its head noun; "General" after it is the rank of the man named.
    officials = _officials(
        extract(
            article(
                "Oman's Interior Minister General Sayyid Khalid Al Busaidi met Jordan's Minister of Interior "
                "Mazen Al Faraya in Muscat on Monday to discuss border security."
            )
        )
    )
    assert officials["Khalid Al Busaidi"].title == "Interior Minister"


def test_words_of_a_service_the_model_read_as_a_name_are_no_name():
    # "Defence" and "Interior" name a ministry's field, never a person: a span made of a state
    # adjective and such a word is no one, and one that starts with them starts after them.
    text = "Kenyan Defence Cabinet Secretary Peter Mwangi held talks on Monday."
    assert _names(text, "Kenyan Defence", "Peter Mwangi") == ["Peter Mwangi"]
    text = "The Interior Amina Warsame met them on Monday."
    assert _names(text, "Interior Amina Warsame") == ["Amina Warsame"]


def test_a_name_read_into_the_field_of_the_ministry_or_post_before_it_is_the_posts_holder():
    # "Secretary of the Ministry of Interior Amir Khan": a post of a ministry, then its holder.
    text = "Secretary of the Ministry of Interior Farhan Qureshi received the ambassador."
    assert [text[s:e] for s, e in complement_names(text)] == ["Farhan Qureshi"]
    text = "They met the Minister of National Defence Ana Sousa Lopes in Maputo."
    assert [text[s:e] for s, e in complement_names(text)] == ["Ana Sousa Lopes"]
    text = "Present was the Director of Police Marta Diaz."
    assert [text[s:e] for s, e in complement_names(text)] == ["Marta Diaz"]
    # A ministry whose name goes on is the ministry's ("of Defence Production"), not a person's.
    assert complement_names("Secretary of the Ministry of Defence Production Board said.") == []
    assert complement_names("Secretary of the Ministry of Interior and Narcotics Control said.") == []
    assert complement_names("The Minister of Defence Kenya Forces said.") == []


def test_a_rank_after_a_post_with_its_complement_is_the_holders(article):
    # "Minister of Interior" is complete with its complement: "General" after it is a rank.
    officials = _officials(
        extract(
            article(
                "Qatari Minister of Interior General Sheikh Hamad bin Nasser Al Thani met Omani Chief of Police "
                "Lt. Gen. Hassan Al Sharqi in Doha on Monday to discuss border security."
            )
        )
    )
    assert officials["Hamad bin Nasser Al Thani"].title == "Qatari Minister of Interior"


def test_a_given_name_printed_as_initials_after_a_rank(article):
    # Air ranks are three words; initials with full stops are a given name.
    text = (
        "Air Chief Marshal R.K. Mehra, the Chief of the Air Staff of India, met the Commander of the French Air "
        "and Space Force, General Paul Girard, in Paris on Monday to discuss defence cooperation."
    )
    officials = _officials(extract(article(text)))
    assert officials["R.K. Mehra"].country == "IN"
    assert officials["R.K. Mehra"].title == "Chief of the Air Staff of India"


def test_his_majesty_is_an_honorific_and_the_post_is_king(article):
    text = (
        "His Majesty King Hamid received Iraqi Prime Minister Saleh Mahdi al-Amiri in Amman on Sunday to discuss "
        "counter-terrorism cooperation with Jordan."
    )
    officials = _officials(extract(article(text)))
    assert (officials["Hamid"].title, officials["Hamid"].country) == ("King", "JO")


def test_the_state_of_a_delegation_led_by_a_post_is_its_leaders():
    # "a delegation from Tanzania led by Defence Minister X": no rank needed between post and name.
    text = "Peter Mwangi received a delegation from Tanzania led by Defence Minister Amina Juma on Monday."
    countries = find_countries(text)
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Peter Mwangi", "Amina Juma")]
    people = find_people(text, sentences=[(0, len(text))], person_spans=spans, countries=countries)
    assign_titles(text, sentences=[(0, len(text))], mentions=people, countries=countries)
    assert [(p.name, p.country) for p in people] == [("Peter Mwangi", None), ("Amina Juma", "TZ")]


def test_posts_listed_each_before_its_holder_share_the_state_before_them(article):
    # Only the first of the list prints the state; the others serve it too. A counterpart does not.
    text = (
        "Kenya's Defence Secretary Peter Mwangi, Chief of Defence Forces General John Otieno, and Commander of "
        "the Navy Major General Paul Kamau received Tanzania's Defence Minister Amina Juma in Nairobi on Monday "
        "to discuss maritime security."
    )
    officials = _officials(extract(article(text)))
    assert {officials[n].country for n in ("Peter Mwangi", "John Otieno", "Paul Kamau")} == {"KE"}
    assert officials["Amina Juma"].country == "TZ"


def test_a_short_word_between_two_name_words_is_a_name_word_not_a_rank():
    # Chinese and Singaporean names have syllables spelled like abbreviated ranks ("Eng", "Gen").
    import spacy
    from spacy.tokens import Doc

    words = ["Defence", "Minister", "Lim", "Eng", "Kiat", "met", "Gen", "Tan"]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        pos=["PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PROPN"],
        deps=["compound", "compound", "compound", "compound", "nsubj", "ROOT", "compound", "dobj"],
        heads=[1, 4, 4, 4, 5, 5, 7, 5],
    )
    assert [doc.text[s:e] for s, e in appositive_names(doc)] == ["Lim Eng Kiat"]


def test_a_rank_word_that_begins_a_post_does_not_take_the_post_into_the_name():
    # "Police" and "Staff" are ranks' words too; after them a post ("Commissioner", "Committee") comes
    # before the name, and the model's reading of the name stays whole.
    text = "They met Federal Police Commissioner Dana Kerr on Monday."
    assert _names(text, "Dana Kerr") == ["Dana Kerr"]
    text = "They met the Chairman Joint Chiefs of Staff Committee General Sajid Khan Mirza on Monday."
    assert _names(text, "Sajid Khan Mirza") == ["Sajid Khan Mirza"]


def test_retired_after_a_rank_is_part_of_the_rank(article):
    text = (
        "Sri Lankan Defence Secretary Air Vice Marshal (retd) Nimal Perera was received by Maldivian Defence "
        "Minister Ahmed Shareef in Male on Monday to discuss maritime security."
    )
    assert _officials(extract(article(text)))["Nimal Perera"].title == "Sri Lankan Defence Secretary"


def test_staff_ends_a_chiefs_post_and_a_councillor_is_a_post(article):
    # "Chief of Army Staff General X": the rank after "Staff" is the holder's; "State Councilor and
    # Defense Minister" is one title, whose state comes before it.
    text = (
        "Chinese State Councilor and Defense Minister Li Wenbo held talks with Pakistani Chief of Army Staff "
        "General Tariq Hameed in Beijing on Monday to discuss defence cooperation."
    )
    officials = _officials(extract(article(text)))
    assert officials["Tariq Hameed"].title == "Pakistani Chief of Army Staff"
    assert officials["Li Wenbo"].country == "CN"
    assert "Councilor" not in officials


def test_one_accompanying_an_official_stands_with_their_state(article):
    text = (
        "Omani Defence Minister Salim Al Harthy, accompanied by Chief of Staff Lt Gen Nasser Al Raisi, met Indian "
        "Defence Minister Arjun Mehta in New Delhi on Monday to discuss maritime security."
    )
    assert _officials(extract(article(text)))["Nasser Al Raisi"].country == "OM"


def test_a_hyphenated_given_name_is_taken_in_and_a_hyphenated_rank_is_not():
    text = "Japan's minister met his South Korean counterpart Min-jun Park on Monday."
    assert _names(text, "Park") == ["Min-jun Park"]
    assert _names("and Jean-Luc Moreau said", "Moreau") == ["Jean-Luc Moreau"]
    # "Vice-Admiral" and "Director-General" before a name are a rank and a post.
    assert _names("They met Vice-Admiral Seth Mensah on Monday.", "Seth Mensah") == ["Seth Mensah"]
    assert _names("the Director-General Amina Yusuf said", "Amina Yusuf") == ["Amina Yusuf"]


def test_homeland_security_is_a_field_of_a_post(article):
    # "Secretary of Homeland Security X": the name after the post's field is its holder.
    text = "US Secretary of Homeland Security Daniel R. Moore met them on Monday."
    assert [text[s:e] for s, e in complement_names(text)] == ["Daniel R. Moore"]


def test_a_name_cut_short_before_a_particle_goes_on_through_it():
    text = "The minister received Defence Minister Ana Lucia dos Reis of Mozambique on Friday."
    assert _names(text, "Ana Lucia") == ["Ana Lucia dos Reis"]


def test_a_particle_that_is_an_english_word_does_not_join_a_name_to_what_follows():
    text = "The minister received Colonel Omar Haddad at Riyadh airport on Friday."
    assert _names(text, "Omar Haddad") == ["Omar Haddad"]


def test_a_span_over_a_line_break_is_the_names_on_each_line():
    text = "He wrote on X.\nPetrov called the talks useful and thanked Minister Lena Novak."
    assert _names(text, "X.\nPetrov", "Lena Novak") == ["Petrov", "Lena Novak"]


def test_a_name_described_by_a_post_after_a_comma_is_read_from_the_parse():
    from ingest.extraction.nlp_model import get_nlp

    text = (
        "The minister met separately with Aibek Dzhumabaev, Minister of Defence of Kyrgyzstan; and "
        "Rustam Nazarov, Chief of Staff of Tajikistan."
    )
    spans = {text[s:e] for s, e in appositive_names(get_nlp()(text))}
    assert {"Aibek Dzhumabaev", "Rustam Nazarov"} <= spans


def test_a_title_begins_after_a_bracketed_credit_that_opens_the_sentence(article):
    result = extract(
        article(
            "(NEWSWIRE- BalticPost) Canadian Minister of National Defence Anna Price met Estonia's Defence "
            "Minister Jaak Tamm in Tallinn on Monday to discuss air defence."
        )
    )
    assert _officials(result)["Anna Price"].title == "Canadian Minister of National Defence"


def test_a_post_does_not_end_in_of_so_the_word_after_it_is_its_field():
    text = "The minister hosted his counterpart, Minister of Peace Mohamed Edris, for talks."
    assert _names(text, "Peace Mohamed Edris") == ["Mohamed Edris"]


def test_a_chief_of_general_staff_keeps_staff_in_the_post_and_general_as_the_rank(article):
    result = extract(
        article(
            "Pakistan's Chief of Army Staff General Asim Munir met Turkish Chief of General Staff General "
            "Metin Gurak in Ankara on Monday to discuss defence training."
        )
    )
    assert _officials(result)["Metin Gurak"].title == "Turkish Chief of General Staff"


def test_the_thai_polices_ranks_are_honorifics_not_the_name():
    text = "Royal Thai Police chief Pol Gen Somchai Rattana met Malaysia's police chief on Monday."
    assert _names(text, "Pol Gen Somchai Rattana") == ["Somchai Rattana"]
