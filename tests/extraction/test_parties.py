"""Parties: the state each official represents, from the structure of the sentence."""

from datetime import date

from ingest.extraction import extract


def _states(result):
    return {o.name: o.country for e in result.events for o in e.officials}


def test_a_group_noun_gives_its_state_to_the_people_listed(article):
    text = (
        "LIMA - Peru's Interior Minister Rosa Vargas held talks on Monday with Chile's Interior Minister "
        "Tomas Rojas on border crime. Among the senior Chilean officials present were Deputy Minister "
        "Pablo Soto and Director of Police Marta Diaz."
    )
    states = _states(extract(article(text, published=date(2024, 4, 3))))
    assert states["Pablo Soto"] == "CL" and states["Marta Diaz"] == "CL"


def test_a_listing_clause_shares_the_state_of_the_first_named(article):
    text = (
        "NAIROBI - Kenya's Defence Minister Aden Duale met Uganda's Defence Minister Vincent Ssempijja on "
        "Tuesday to discuss military cooperation. Also present were Ugandan Ambassador Joy Akello, Colonel "
        "Peter Elwelu and Brigadier Moses Rwakitarate."
    )
    states = _states(extract(article(text, published=date(2024, 4, 3))))
    assert states["Peter Elwelu"] == "UG" and states["Moses Rwakitarate"] == "UG"


def test_the_one_meeting_a_counterpart_represents_the_other_state(article):
    text = (
        "Ghana and Togo agreed on Monday to share intelligence, with Defence Minister Dominic Nitiwul holding "
        "talks with his Togolese counterpart, Kofi Mensah Agbeko, in Accra."
    )
    states = _states(extract(article(text, published=date(2024, 4, 3))))
    assert states["Dominic Nitiwul"] == "GH" and states["Kofi Mensah Agbeko"] == "TG"


def test_a_signing_with_no_signer_named_lists_the_officials_of_the_talks_it_was_signed_at(article):
    # SCHEMA: when the signer is not named, the officials of the meeting at which it was signed.
    text = (
        "ABUJA - Nigeria's Minister of Defence Mohammed Badaru met Ghana's Minister of Defence James "
        "Agalga in Abuja on Monday to discuss border security. A memorandum of understanding on "
        "intelligence sharing was signed at the end of the talks."
    )
    result = extract(article(text, published=date(2024, 4, 3)))
    (signing,) = [e for e in result.events if e.type == "agreement"]
    assert {o.name for o in signing.officials} == {"Mohammed Badaru", "James Agalga"}


def test_those_present_at_a_signing_take_part_in_it_and_in_the_talks_it_closed(article):
    text = (
        "LONDON - Britain's Home Secretary James Cleverly met Kenya's Interior Minister Kithure Kindiki in London "
        "on Monday to discuss counter-terrorism. The two ministers then signed a memorandum of understanding on "
        "police training. Also present were Kenyan High Commissioner Manoah Esipisu and Inspector General "
        "Japhet Koome."
    )
    events = {e.type: e for e in extract(article(text, published=date(2024, 4, 3))).events}
    for kind in ("meeting", "agreement"):
        names = {o.name for o in events[kind].officials}
        assert {"Manoah Esipisu", "Japhet Koome"} <= names, kind


def test_a_states_adjective_on_a_person_noun_names_that_persons_state(article):
    # "received the Bahraini dignitary": the host is not Bahraini because the guest is.
    text = (
        "ISLAMABAD: Bahrain's interior minister, Isa bin Khalid Al Nuaimi, arrived here on Tuesday for a "
        "visit on security cooperation. Minister of State for Interior Imran Shahid received the Bahraini "
        "dignitary at the airport, and the two discussed counter-narcotics cooperation."
    )
    states = _states(extract(article(text, published=date(2024, 4, 3))))
    assert states["Imran Shahid"] == "PK"


def test_talks_and_a_signing_told_in_one_sentence_share_the_officials_named_after_it(article):
    text = (
        "At a meeting in Manila on Monday, the Philippine Coast Guard and the Indonesian Maritime Security Agency "
        "signed a memorandum of understanding on maritime security. Admiral Ronnie Gavan, Commandant of the "
        "Philippine Coast Guard, said the signing crowned months of negotiation."
    )
    events = {e.type: e for e in extract(article(text, published=date(2024, 4, 3))).events}
    for kind in ("meeting", "agreement"):
        assert "Ronnie Gavan" in {o.name for o in events[kind].officials}, kind


def test_a_post_named_by_its_state_without_a_name_gives_that_state_to_its_one_holder(article):
    # "The Jordanian minister" can only be the one minister whose own phrase gave no state.
    text = (
        "BAGHDAD - Interior Minister Mazen Haddad arrived in Baghdad on Sunday for talks with Iraq's Interior "
        "Minister Karim Jaafar on border security and on refugees from Syria. The Jordanian minister said "
        "smuggling from Syria across the desert had fallen since Syria closed its side of the border."
    )
    states = _states(extract(article(text, published=date(2024, 4, 3))))
    assert states["Mazen Haddad"] == "JO" and states["Karim Jaafar"] == "IQ"


def test_the_headlines_phrase_for_a_person_gives_their_state():
    from ingest.extraction.parties import headline_states
    from ingest.extraction.people import PersonMention

    minister = PersonMention("Mindaugas Zvirblis", 0, 18, 0, title="Minister of the Interior")
    headline_states("Lithuanian interior minister Zvirblis visits Warsaw", people=[minister])
    assert minister.country == "LT"
    guest = PersonMention("Mindaugas Zvirblis", 0, 18, 0, title="Minister of the Interior")
    headline_states("Poland's Nowak meets Zvirblis in Warsaw", people=[guest])
    assert guest.country is None  # another person's phrase, across the verb


def test_an_official_of_an_international_body_is_given_no_state(article):
    text = (
        "THE HAGUE - Lithuania's Interior Minister Dainius Gudelis met Marta Lind, Executive Director of the "
        "European Union Agency for Asylum, in The Hague on Monday to discuss migration and border security."
    )
    states = _states(extract(article(text, published=date(2024, 4, 3))))
    assert "Marta Lind" not in states


def test_one_printed_as_meeting_officials_of_two_states_represents_neither():
    from ingest.extraction.countries import find_countries
    from ingest.extraction.parties import Setting
    from ingest.extraction.people import PersonMention

    text = "Aden Mwangi met Paul Okello and Grace Mushi in Addis Ababa. Kenya and Ethiopia were praised."

    def person(name, country):
        return PersonMention(name, text.index(name), text.index(name) + len(name), 0, country=country)

    people = [person("Aden Mwangi", None), person("Paul Okello", "UG"), person("Grace Mushi", "TZ")]
    title = "Mwangi meets Ugandan and Tanzanian ministers in Ethiopia"
    setting = Setting.read(text, title=title, people=people, countries=find_countries(text), dateline=None)
    assert setting.faced(0) == {"UG", "TZ"}
    assert setting.fallback({"UG"} | setting.faced(0)) == "KE"  # the headline's venue is no party


KE_UG_TZ = [("Aden Duale", "KE"), ("Vincent Ssempijja", "UG"), ("Stergomena Tax", "TZ")]


def _pairs(frames, report):
    return [(sorted(pair), report.names(who)) for pair, who in frames]


def test_each_state_met_is_a_pair_with_the_subject_s_state(report):
    from ingest.extraction.parties import counterpart_pairs

    text = "Kenya's Aden Duale met Uganda's Vincent Ssempijja and Tanzania's Stergomena Tax on Monday."
    r = report(text, people=KE_UG_TZ)
    frames = counterpart_pairs(r.setting, r.sentence(0), persons=r.persons(0), told=text)
    assert _pairs(frames, r) == [
        (["KE", "UG"], ["Aden Duale", "Vincent Ssempijja"]),
        (["KE", "TZ"], ["Aden Duale", "Stergomena Tax"]),
    ]
    told = text + " The three ministers agreed to meet again."  # one table: no pair per state
    assert counterpart_pairs(r.setting, r.sentence(0), persons=r.persons(0), told=told) == []


def test_a_subject_with_no_state_stands_for_the_state_the_article_names_beyond_those_met(report):
    from ingest.extraction.parties import counterpart_pairs

    text = (
        "Kenya is hosting the talks. Aden Duale met Uganda's Vincent Ssempijja and Tanzania's Stergomena Tax. "
        "Kenya wants a joint force."
    )
    r = report(text, people=[("Aden Duale", None), *KE_UG_TZ[1:]])
    frames = counterpart_pairs(r.setting, r.sentence(1), persons=r.persons(1), told=text)
    assert [sorted(pair) for pair, _ in frames] == [["KE", "UG"], ["KE", "TZ"]]
    assert r.people[0].country == "KE"


def test_he_also_met_pairs_the_earlier_host_with_the_new_state(report):
    from ingest.extraction.parties import later_pairs, meeting_hosts

    text = "Aden Duale met Vincent Ssempijja on Monday. He also held talks with Tanzania's Stergomena Tax."
    r = report(text, people=KE_UG_TZ)
    hosts = meeting_hosts(r.setting, r.sentence(0), persons=r.persons(0))
    assert r.names(hosts) == ["Aden Duale"]
    ((pair, who),) = later_pairs(r.setting, r.sentence(1), persons=r.persons(1), hosts=hosts)
    assert sorted(pair) == ["KE", "TZ"] and r.names(who) == ["Aden Duale", "Stergomena Tax"]


def test_separately_gives_the_host_one_pair_per_other_state(report):
    from ingest.extraction.parties import separate_pairs

    text = "Aden Duale met separately with Vincent Ssempijja, Stergomena Tax and Abdulkadir Nur."
    r = report(text, people=[*KE_UG_TZ, ("Abdulkadir Nur", "SO")])
    frames = separate_pairs(r.setting, r.sentence(0), codes={"KE", "UG", "TZ", "SO"}, persons=r.persons(0))
    assert _pairs(frames, r) == [
        (["KE", "SO"], ["Aden Duale", "Abdulkadir Nur"]),
        (["KE", "TZ"], ["Aden Duale", "Stergomena Tax"]),
        (["KE", "UG"], ["Aden Duale", "Vincent Ssempijja"]),
    ]


def _meetings(result):
    return [(e.countries, sorted(o.name for o in e.officials)) for e in result.events if e.type == "meeting"]


def test_counterparts_from_a_list_of_states_are_one_meeting_each(article):
    text = (
        "SINGAPORE - US Defense Secretary Pete Hegseth held bilateral meetings with his counterparts from Japan, "
        "South Korea and Australia on the sidelines of the Shangri-La Dialogue on Saturday."
    )
    result = extract(article(text, published=date(2025, 6, 2)))
    assert [e.countries for e in result.events] == [["JP", "US"], ["KR", "US"], ["AU", "US"]]


def test_a_paragraph_per_counterpart_opened_by_with_gives_each_its_meeting(article):
    # "held a series of meetings in Kuala Lumpur" introduces them: the venue's state is no party.
    text = (
        "KUALA LUMPUR - Australia's Defence Minister Richard Marles held a series of bilateral meetings on the "
        "margins of the regional forum in Kuala Lumpur on Sunday.\n\nWith Japan's Defence Minister Minoru Kihara, "
        "he discussed interoperability.\n\nWith the Philippines' Secretary of National Defense Gilberto Teodoro, "
        "he reviewed the joint patrols in the South China Sea."
    )
    assert _meetings(extract(article(text, published=date(2025, 6, 2)))) == [
        (["AU", "JP"], ["Minoru Kihara", "Richard Marles"]),
        (["AU", "PH"], ["Gilberto Teodoro", "Richard Marles"]),
    ]


def test_later_she_met_and_in_her_meeting_with_are_one_more_counterpart_each(article):
    text = (
        "ADDIS ABABA - Kenya's Defence Cabinet Secretary Soipan Tuya met Ethiopia's Defence Minister Aisha "
        "Mohammed on Monday to discuss border security. Later, she met Somalia's Defence Minister Abdulkadir "
        "Mohamed Nur. In her meeting with Uganda's Defence Minister Jacob Oboth-Oboth, Tuya discussed peacekeeping."
    )
    assert _meetings(extract(article(text, published=date(2025, 6, 3)))) == [
        (["ET", "KE"], ["Aisha Mohammed", "Soipan Tuya"]),
        (["KE", "SO"], ["Abdulkadir Mohamed Nur", "Soipan Tuya"]),
        (["KE", "UG"], ["Jacob Oboth-Oboth", "Soipan Tuya"]),
    ]


def test_the_earlier_host_meeting_officials_of_two_more_states_meets_each(article):
    # "Umerov also met A and B": the subject is the earlier host, so the pair is never A's and B's states.
    text = (
        "KYIV - Ukraine's Defence Minister Rustem Umerov met his British counterpart John Healey on Monday. "
        "Umerov also met with Polish Defence Minister Wladyslaw Kosiniak-Kamysz and Lithuanian Defence Minister "
        "Laurynas Kasciunas."
    )
    assert _meetings(extract(article(text, published=date(2025, 6, 3)))) == [
        (["GB", "UA"], ["John Healey", "Rustem Umerov"]),
        (["PL", "UA"], ["Rustem Umerov", "Wladyslaw Kosiniak-Kamysz"]),
        (["LT", "UA"], ["Laurynas Kasciunas", "Rustem Umerov"]),
    ]


def test_one_met_by_the_other_side_with_no_state_of_their_own_is_of_the_side_met(article):
    text = (
        "MADRID - US Homeland Security Secretary Alejandro Mayorkas met one by one with Vice-President Nadia "
        "Calvino; Spain's Interior Minister Fernando Grande-Marlaska; and Spain's Defence Minister Margarita Robles."
    )
    result = extract(article(text, published=date(2025, 6, 3)))
    assert {o.name: o.country for e in result.events for o in e.officials}["Nadia Calvino"] == "ES"
    assert len(result.events) == 3


def test_a_host_whose_phrase_names_no_state_is_at_home_where_the_report_is_filed(article):
    text = (
        "JAKARTA - Defence Minister Sjafrie Sjamsoeddin held bilateral meetings with his counterparts from "
        "Malaysia and Singapore on Monday."
    )
    result = extract(article(text, published=date(2025, 6, 3)))
    assert [e.countries for e in result.events] == [["ID", "MY"], ["ID", "SG"]]


def test_those_a_visitor_meets_in_the_visited_state_are_its_officials(article):
    # The report is filed from the visitor's capital: evidence of the visitor's own state.
    text = (
        "ISLAMABAD - Army chief General Asim Munir, on a visit to Saudi Arabia, met Defence Minister Prince "
        "Khalid bin Salman and Chief of General Staff Fayyadh Al-Ruwaili on Monday to discuss defence ties, "
        "while a delegation from Qatar was also in Riyadh."
    )
    (event,) = extract(article(text, published=date(2025, 6, 3))).events
    assert event.countries == ["PK", "SA"]
    assert {o.name: o.country for o in event.officials} == {
        "Asim Munir": "PK",
        "Khalid bin Salman": "SA",
        "Fayyadh Al-Ruwaili": "SA",
    }


def test_the_minister_also_met_is_the_earlier_host_meeting_one_more(article):
    text = (
        "NEW DELHI - India's Defence Minister Rajnath Singh met Japan's Defence Minister Minoru Kihara in Tokyo "
        "on Monday to discuss defence industry cooperation. The minister also met Australia's Deputy Prime "
        "Minister Richard Marles."
    )
    assert _meetings(extract(article(text, published=date(2025, 6, 3)))) == [
        (["IN", "JP"], ["Minoru Kihara", "Rajnath Singh"]),
        (["AU", "IN"], ["Rajnath Singh", "Richard Marles"]),
    ]


def test_those_met_without_a_state_take_the_states_listed_without_an_official_in_order(report):
    from ingest.extraction.parties import counterpart_pairs

    text = "Aden Duale met his counterparts Vincent Ssempijja of Uganda and Stergomena Tax of Tanzania on Monday."
    r = report(text, people=[("Aden Duale", "KE"), ("Vincent Ssempijja", "UG"), ("Stergomena Tax", None)])
    frames = counterpart_pairs(r.setting, r.sentence(0), persons=r.persons(0), told=text)
    assert _pairs(frames, r) == [
        (["KE", "UG"], ["Aden Duale", "Vincent Ssempijja"]),
        (["KE", "TZ"], ["Aden Duale", "Stergomena Tax"]),
    ]


def test_officials_met_later_named_by_their_state_alone_are_one_meeting_each_with_the_host(article):
    # Never a pair of the two states met: the subject, "He", is the earlier host.
    text = (
        "NAIROBI - Kenya's Defence Minister Aden Duale met Uganda's Defence Minister Jacob Oboth-Oboth in "
        "Nairobi on Monday to discuss border security. He also met Tanzania's defence minister and the chief "
        "of the Rwandan army."
    )
    result = extract(article(text, published=date(2025, 6, 3)))
    assert [e.countries for e in result.events] == [["KE", "UG"], ["KE", "TZ"], ["KE", "RW"]]


def test_an_opening_phrase_on_talks_with_a_counterpart_is_one_more_meeting_of_the_host(article):
    # "During talks with X, he ...", "At his meeting with X, the secretary ...": the talks are the
    # subject's, whatever the main verb says of them.
    text = (
        "SINGAPORE - US Defense Secretary Pete Hegseth met Philippine Defense Secretary Gilberto Teodoro on "
        "Saturday to discuss maritime security. During talks with Thailand's Defence Minister Phumtham "
        "Wechayachai, he raised joint exercises. At his meeting with Vietnam's Defence Minister Phan Van "
        "Giang, the secretary discussed training."
    )
    result = extract(article(text, published=date(2025, 6, 2)))
    assert [e.countries for e in result.events] == [["PH", "US"], ["TH", "US"], ["US", "VN"]]


def test_agentless_meetings_held_with_officials_of_several_states_are_the_protagonist_s(article):
    # "Bilateral meetings were held with ...": no one is the subject; the meetings are those of the
    # official the report follows, never a pair of two of the states met.
    text = (
        "NEW DELHI - Indian Army Chief General Upendra Dwivedi arrived in Singapore on Monday for the regional "
        "land forces conference. Bilateral meetings were held with the army chiefs of Malaysia, Thailand and "
        "Vietnam on counter-terrorism and training."
    )
    result = extract(article(text, published=date(2025, 6, 3)))
    assert [e.countries for e in result.events] == [["IN", "MY"], ["IN", "TH"], ["IN", "VN"]]
    assert all([o.name for o in e.officials] == ["Upendra Dwivedi"] for e in result.events)


def test_talks_held_by_the_earlier_host_with_officials_of_two_states_are_one_meeting_each(article):
    # "His talks with A and B focused on ...": the noun's possessor held them, so never a pair of A's and B's states.
    text = (
        "NEW DELHI - India's Defence Minister Rajnath Singh met Indonesia's Defence Minister Sjafrie Sjamsoeddin in "
        "Jakarta on Monday to discuss defence cooperation. His talks with Australia's Richard Marles and Japan's "
        "Minoru Kihara on Tuesday focused on maritime security."
    )
    result = extract(article(text, published=date(2025, 6, 3)))
    assert [e.countries for e in result.events] == [["ID", "IN"], ["AU", "IN"], ["IN", "JP"]]


def test_a_post_printed_in_full_by_its_state_picks_its_holder_by_the_whole_title(article):
    text = (
        "Minister of State for Security Affairs Omar Farid held talks on Tuesday with Mario Costa, Minister of "
        "Defence of Portugal, and Lena Hoff, Minister of Defence of Norway, at the fair. The Kuwaiti Minister "
        "of State for Security Affairs said the talks covered military training."
    )
    states = _states(extract(article(text, published=date(2024, 4, 3))))
    assert states["Omar Farid"] == "KW"
    assert states["Mario Costa"] == "PT" and states["Lena Hoff"] == "NO"


def test_a_state_named_in_an_outlets_name_is_not_a_party(article):
    from ingest.extraction.countries import find_countries

    text = "DOHA (Kenya Daily News / AFP) - The ministers of Qatar and Oman met on Monday, the Oman Observer said."
    assert {c.code for c in find_countries(text)} == {"QA", "OM"}
    assert [text[c.start : c.end] for c in find_countries(text)].count("Oman") == 1


def test_posts_named_by_their_states_then_the_names_in_the_same_order(article):
    text = (
        "Military cooperation was discussed on Monday when Egypt's chief of staff met Kuwait's minister of "
        "defence in Cairo. Gen. Hassan Fathy and Salem Al-Mutairi reviewed joint training plans."
    )
    result = extract(article(text, published=date(2024, 4, 3)))
    officials = {o.name: (o.country, o.title) for e in result.events for o in e.officials}
    assert officials["Hassan Fathy"] == ("EG", "chief of staff")
    assert officials["Salem Al-Mutairi"] == ("KW", "minister of defence")


def test_the_one_met_by_he_of_another_state_is_of_the_state_the_sentence_names(article):
    text = (
        "Ankara, Wire - Chief of Staff of the Kenyan Defence Forces General Charles Kahariri has said the two "
        "armies will keep training together. He said so on Monday when he spoke by telephone with General "
        "Metin Gurak, whom Turkiye appointed as its new chief of staff in June."
    )
    states = _states(extract(article(text, published=date(2024, 4, 3))))
    assert states["Charles Kahariri"] == "KE" and states["Metin Gurak"] == "TR"


def test_the_one_official_of_no_known_state_stands_for_the_one_state_left():
    from ingest.extraction.parties import remaining_side
    from ingest.extraction.people import PersonMention

    host = PersonMention("Ana Silva", 0, 9, 0, country="PT")
    guest = PersonMention("Omar Haddad", 20, 31, 0)
    remaining_side([host, guest], countries={"PT", "JO"})
    assert guest.country == "JO"
    other = PersonMention("Lena Hoff", 40, 49, 0)
    remaining_side([host, other], countries={"PT", "JO", "NO"})
    assert other.country is None  # two states left: nothing to read


def test_ambassadors_of_the_states_listed_are_their_parties(article):
    text = (
        "Qatar's Minister of State for Defence Affairs Omar Al Mannai met separately on Tuesday with the "
        "ambassadors of Italy, Spain and Greece to the State of Qatar."
    )
    result = extract(article(text, published=date(2024, 4, 3)))
    assert sorted(tuple(e.countries) for e in result.events) == [("ES", "QA"), ("GR", "QA"), ("IT", "QA")]


def test_a_delegation_of_a_states_force_is_that_states_party(article):
    text = (
        "A delegation of the Indian Border Security Force led by its Director General Rakesh Verma called on "
        "the Home Adviser of Bangladesh, Karim Uddin, in Dhaka on Monday to discuss cattle smuggling."
    )
    states = _states(extract(article(text, published=date(2024, 4, 3))))
    assert states == {"Rakesh Verma": "IN", "Karim Uddin": "BD"}
