"""Event frames: one engagement per counterpart met."""

from datetime import date

from ingest.extraction import extract


def _pairs(result):
    return sorted(tuple(e.countries) for e in result.events)


def _by_counterpart(result):
    return sorted(tuple(sorted(o.name for o in e.officials)) for e in result.events)


def test_one_by_one_gives_one_meeting_per_counterpart_of_the_same_state(article):
    text = (
        "In Rome, Secretary of State Laura Brandt of Germany met one by one with Italian Interior Minister "
        "Matteo Conti; Italian Defence Minister Giulia Ferri; and Marco Gallo, Italy's Director of "
        "Intelligence. Brandt and Conti discussed migration. Brandt and Ferri reviewed arms exports."
    )
    result = extract(article(text, published=date(2024, 6, 3)))
    assert [e.countries for e in result.events] == [["DE", "IT"]] * 3
    assert _by_counterpart(result) == [
        ("Giulia Ferri", "Laura Brandt"),
        ("Laura Brandt", "Marco Gallo"),
        ("Laura Brandt", "Matteo Conti"),
    ]
    topics = {tuple(sorted(o.name for o in e.officials)): e.topics for e in result.events}
    assert "migration" in topics[("Laura Brandt", "Matteo Conti")]
    assert "migration" not in topics[("Giulia Ferri", "Laura Brandt")]


def test_he_met_separately_keeps_the_host_in_every_meeting(article):
    text = (
        "Cairo: Morocco's Interior Minister Abdelouafi Laftit held meetings in Cairo on Monday.\n"
        "He met separately with Egypt's Minister of Interior, Mahmoud Tawfik; Sudan's Minister of "
        "Interior, Khalil Pasha Sairin; and Libya's Minister of Interior, Imad Trabelsi."
    )
    result = extract(article(text, published=date(2024, 6, 4)))
    assert sorted(tuple(e.countries) for e in result.events) == [("EG", "MA"), ("LY", "MA"), ("MA", "SD")]
    for event in result.events:
        assert "Abdelouafi Laftit" in {o.name for o in event.officials}


def test_a_venue_city_and_its_state_are_not_a_party(article):
    text = (
        "Dutch Defence Minister Kajsa Ollongren held talks with Polish Defence Minister Mariusz Blaszczak "
        "on Wednesday in Brussels, Belgium, on air defence."
    )
    (event,) = extract(article(text, published=date(2024, 6, 6))).events
    assert event.countries == ["NL", "PL"]


def test_mood_comes_from_the_trigger_not_the_sentence(article):
    planned = (
        "Talks between Kenya's Defence Minister Aden Duale and Uganda's Defence Minister Vincent Ssempijja, "
        "to be held in Kampala, were announced by the ministry on Monday."
    )
    assert not extract(article(planned, published=date(2024, 6, 4))).relevant
    held = (
        "Kenya's Defence Minister Aden Duale met Uganda's Defence Minister Vincent Ssempijja on Monday in "
        "Nairobi, and the two will meet again in Kampala next year."
    )
    (event,) = extract(article(held, published=date(2024, 6, 4))).events
    assert event.type == "meeting" and event.date == "2024-06-03"


def test_an_implicative_verb_reports_its_infinitive(article):
    text = (
        "Portugal's Defence Minister Nuno Melo visited Madrid on Tuesday. He went on to hold talks with "
        "Spain's Defence Minister Margarita Robles on naval cooperation."
    )
    result = extract(article(text, published=date(2024, 6, 5)))
    assert [e.countries for e in result.events if e.type == "meeting"] == [["ES", "PT"]]


def test_phone_talks_are_a_call(article):
    # "phone" modifying "talks" or "conversation" names the medium: the talks were a call.
    text = (
        "Kenya's Defence Cabinet Secretary Aden Duale and Uganda's Defence Minister Jacob Oboth held phone "
        "talks on Tuesday on border security."
    )
    (event,) = extract(article(text)).events
    assert event.type == "call"


def test_the_headline_speaks_for_the_pact_signed_in_the_lead_sentence(article):
    text = (
        "The two ministries signed a joint order in Dushanbe after a meeting of Tajikistan's Minister of "
        "Internal Affairs Ramazon Rahimzoda and Kyrgyzstan's Minister of Internal Affairs Ulan Niyazbekov."
    )
    headline = "Tajik and Kyrgyz ministries join forces against drug smuggling"
    result = extract(article(text, title=headline, published=date(2024, 3, 5)))
    assert sorted(e.type for e in result.events) == ["agreement", "meeting"]


def test_officials_of_several_states_met_are_one_meeting_each(article):
    text = (
        "Kenya's Defence Minister Aden Duale held talks on Monday with Uganda's Defence Minister Vincent "
        "Ssempijja and Tanzania's Defence Minister Stergomena Tax on border security."
    )
    result = extract(article(text, published=date(2024, 6, 4)))
    assert _pairs(result) == [("KE", "TZ"), ("KE", "UG")]
    for event in result.events:
        assert "Aden Duale" in {o.name for o in event.officials}


def test_a_subject_with_no_state_of_their_own_meets_each_counterpart_for_the_article_s_state(article):
    text = (
        "Defence Minister Ravi Menon met Japan's Defence Minister Taro Sato and the Philippines' Defence "
        "Secretary Jose Cruz in Vientiane on Friday. India and Japan share a vision of the region, and "
        "India values its defence ties with the Philippines."
    )
    result = extract(article(text, published=date(2024, 11, 23)))
    assert _pairs(result) == [("IN", "JP"), ("IN", "PH")]
    assert all(("Ravi Menon", "IN") in {(o.name, o.country) for o in e.officials} for e in result.events)


def test_a_trilateral_meeting_is_one_engagement(article):
    text = (
        "South Korea's Defence Minister Shin Won-sik held trilateral talks on Friday with Japan's Defence "
        "Minister Minoru Kihara and US Defense Secretary Lloyd Austin on missile defence."
    )
    (event,) = extract(article(text, published=date(2024, 7, 28))).events
    assert event.countries == ["JP", "KR", "US"]


def _kinds(sentence):
    from ingest.extraction.events import sentence_types
    from ingest.extraction.nlp_model import get_nlp

    return sentence_types(sentence, span=get_nlp()(sentence)[:])


def test_a_perfect_signing_is_held_but_a_record_of_signings_is_not_one():
    assert _kinds("Kenya and Uganda have signed a defence cooperation agreement.") == ["agreement"]
    assert _kinds("Chad has signed the memorandum on border security with Niger.") == ["agreement"]
    assert _kinds("The two states have signed several agreements on trade and security.") == []


def test_arranged_talks_are_not_held_and_a_clause_under_way_is():
    assert _kinds("Talks between the two ministers are to be held in Kampala.") == []
    assert _kinds("The minister is to visit Kampala next week.") == []
    assert _kinds("The joint exercise, which began on Monday, will run until Friday.") == ["exercise"]
    assert _kinds("The ministers, who met in Nairobi on Monday, are scheduled to meet again in June.") == ["meeting"]


def test_a_trigger_governed_by_a_verb_that_undoes_it_is_not_held():
    assert _kinds("The visit was deferred until the spring.") == []
    assert _kinds("The talks were suspended after the border clash.") == []
    assert _kinds("The talks, originally planned for May, were held on Monday in Nairobi.") == ["meeting"]


def test_an_audience_granted_is_a_meeting_but_a_forum_s_audience_is_not():
    assert _kinds("King Abdullah granted an audience to Iraq's Interior Minister on Monday.") == ["meeting"]
    assert _kinds("Iraq's Interior Minister was received in audience by the King.") == ["meeting"]
    assert _kinds("Kenya's minister told the audience at the security forum that Uganda was a partner.") == []


def test_he_also_held_talks_with_another_state_s_official_is_one_more_meeting(article):
    text = (
        "Kenya's Defence Minister Aden Duale met Uganda's Defence Minister Vincent Ssempijja in Nairobi on "
        "Monday. He also held talks with Tanzania's Defence Minister Stergomena Tax on border security."
    )
    tz = next(e for e in extract(article(text)).events if "TZ" in e.countries)
    assert _pairs(extract(article(text))) == [("KE", "TZ"), ("KE", "UG")]
    assert {o.name for o in tz.officials} == {"Aden Duale", "Stergomena Tax"}


def test_a_session_of_two_states_joint_commission_is_a_meeting(article):
    text = "Addressing the second session of the Ghana-Togo joint commission, the minister praised border policing."
    assert _kinds(text) == ["meeting"]
    assert _kinds("The Ghana-Togo joint commission session opened in Accra on Monday.") == ["meeting"]
    text = (
        "At the second session of the Ghana-Togo joint commission in Accra on Monday, Ghana's Interior "
        "Minister Kwame Boateng and Togo's Security Minister Yark Damehame took up border policing."
    )
    assert _pairs(extract(article(text))) == [("GH", "TG")]


def test_a_state_named_only_in_the_purpose_of_the_talks_is_no_party(article):
    text = (
        "The visiting Ghanaian Defence Minister Dominic Nitiwul held talks with Togo's Minister of Security "
        "in Lome on Monday to support Burkina Faso in its fight against terrorism."
    )
    assert _pairs(extract(article(text))) == [("GH", "TG")]


def test_counterparts_named_by_their_states_alone_are_one_meeting_each(article):
    text = "India's Defence Minister Rajnath Singh met his Japanese and Philippine counterparts in Vientiane on Friday."
    assert _pairs(extract(article(text))) == [("IN", "JP"), ("IN", "PH")]
    text = (
        "India's Defence Minister Rajnath Singh held talks with the defence ministers of Japan and the "
        "Philippines in Vientiane on Friday."
    )
    assert _pairs(extract(article(text))) == [("IN", "JP"), ("IN", "PH")]


def test_a_back_reference_with_a_date_of_its_own_is_another_engagement(article):
    text = (
        "Kenya's Defence Minister Aden Duale received Uganda's Defence Minister Vincent Ssempijja in Nairobi "
        "on Monday. The two ministers last met in Kampala in March to discuss border security."
    )
    result = extract(article(text))
    assert sorted(e.date for e in result.events) == ["2024-03", "2024-07-29"]


def test_a_joint_cue_speaks_only_for_the_talks_it_follows(article):
    talks = (
        "Kenya's Defence Minister Aden Duale held talks on Monday with Uganda's Defence Minister Vincent "
        "Ssempijja and Tanzania's Defence Minister Stergomena Tax on border security. "
    )
    background = (
        "The region's armies have trained side by side for years. Officers say the exchanges built trust. "
        "Trade across the lake has grown as well. "
    )
    text = talks + background + "A trilateral summit of the heads of state is planned for next year."
    assert _pairs(extract(article(text))) == [("KE", "TZ"), ("KE", "UG")]


def test_a_council_in_an_official_s_title_is_their_post_not_the_forum(article):
    text = (
        "The Secretary of the Security Council of Belarus, Alexander Volfovich, met China's Minister of "
        "Public Security Wang Xiaohong in Beijing on Monday."
    )
    assert _pairs(extract(article(text))) == [("BY", "CN")]
    session = (
        "The Council of Arab Interior Ministers met in Tunis on Monday, with Jordan's Interior Minister "
        "Mazen Al-Faraya and Iraq's Interior Minister Abdul Amir al-Shammari attending."
    )
    assert extract(article(session)).events == []


def _roles(report, index):
    from ingest.extraction.frames import meeting_roles

    sent = report.sentence(index)
    people, setting = report.people, report.setting
    return meeting_roles(sent.span, people=people, persons=report.persons(index), root=setting.root)


KE_UG_TZ = [("Aden Duale", "KE"), ("Vincent Ssempijja", "UG"), ("Stergomena Tax", "TZ")]


def test_the_subject_of_talks_meets_each_conjunct_of_its_with_phrase(report):
    text = (
        "Kenya's Defence Minister Aden Duale held talks with Uganda's Vincent Ssempijja and Tanzania's "
        "Stergomena Tax in Nairobi on Monday."
    )
    r = report(text, people=KE_UG_TZ)
    roles = _roles(r, 0)
    assert r.names(roles.meeting) == ["Aden Duale"]
    assert r.names(roles.met) == ["Vincent Ssempijja", "Stergomena Tax"]


def test_the_object_of_receive_is_the_one_met(report):
    r = report("Vincent Ssempijja received Aden Duale at his office in Kampala.", people=KE_UG_TZ[:2])
    roles = _roles(r, 0)
    assert r.names(roles.meeting) == ["Vincent Ssempijja"] and r.names(roles.met) == ["Aden Duale"]


def test_a_pronoun_or_a_family_name_as_subject_refers_to_the_earlier_host(report):
    from ingest.extraction.frames import subject_refers_to

    text = (
        "Aden Duale met Vincent Ssempijja on Monday. He also met Stergomena Tax. Duale later met Paul Okello. "
        "Grace Mushi met Paul Okello."
    )
    people = [*KE_UG_TZ, ("Paul Okello", "RW"), ("Grace Mushi", "BI"), ("Paul Okello", None)]
    r = report(text, people=people)
    host = [0]
    said = [subject_refers_to(_roles(r, i), text=text, people=r.people, earlier=host) for i in (1, 2, 3)]
    assert said == [True, True, False]


def test_a_purpose_clause_is_what_was_talked_about(report):
    from ingest.extraction.frames import purpose_extents

    text = "Aden Duale met Vincent Ssempijja in Nairobi to discuss aid to Somalia."
    r = report(text, people=KE_UG_TZ[:2])
    (extent,) = purpose_extents(r.sentence(0).span)
    assert "Somalia" in text[extent[0] : extent[1]] and "Nairobi" not in text[extent[0] : extent[1]]


def test_cues_for_separate_meetings_and_for_one_table():
    from ingest.extraction.frames import sat_together, separate_cue

    assert separate_cue("He met separately with the three envoys.") == 7
    assert separate_cue("He met the three envoys.") is None
    assert sat_together("The trilateral meeting ended on Monday.")
    assert sat_together("The three ministers agreed to meet again.")
    assert not sat_together("He met the ministers of Kenya and Uganda.")


def test_held_meetings_in_the_plural_is_a_trigger_and_introduces_several():
    from ingest.extraction.frames import several_meetings
    from ingest.extraction.nlp_model import get_nlp

    text = "Kenya's Defence Minister Aden Duale held bilateral meetings in Kampala on Monday."
    assert _kinds(text) == ["meeting"]
    assert several_meetings(get_nlp()(text)[:])
    assert not several_meetings(get_nlp()("Aden Duale held a meeting with Uganda's minister.")[:])


def test_a_name_the_parser_reads_as_an_adverbial_after_met_is_the_one_met(report):
    # The small parser reads "met ... Minister Aisha Mohammed on Monday" as a noun-phrase adverbial.
    text = (
        "ADDIS ABABA - Kenya's Defence Cabinet Secretary Soipan Tuya met Ethiopia's Defence Minister Aisha "
        "Mohammed on Monday to discuss border security."
    )
    r = report(text, people=[("Soipan Tuya", "KE"), ("Aisha Mohammed", "ET")])
    roles = _roles(r, 0)
    assert r.names(roles.meeting) == ["Soipan Tuya"] and r.names(roles.met) == ["Aisha Mohammed"]


def test_a_fronted_with_phrase_names_the_one_the_subject_dealt_with(report):
    text = "With Indonesia's Defence Minister Sjafrie Sjamsoeddin, he reviewed the joint patrols."
    r = report(text, people=[("Sjafrie Sjamsoeddin", "ID")])
    roles = _roles(r, 0)
    assert r.names(roles.met) == ["Sjafrie Sjamsoeddin"] and r.text[slice(*roles.subjects[0])] == "he"
    # A "with"-phrase inside the clause is the verb's instrument or company, not a fronted frame.
    r = report("He inspected the patrols with Sjafrie Sjamsoeddin.", people=[("Sjafrie Sjamsoeddin", "ID")])
    assert _roles(r, 0).met == []


def test_names_printed_after_plural_counterparts_are_all_met(report):
    text = (
        "MOSCOW - Russian Security Council Secretary Sergei Shoigu held talks with his counterparts from Iran, "
        "Ali Akbar Ahmadian, and from China, Wang Yi, on the sidelines of the forum on Wednesday."
    )
    r = report(text, people=[("Sergei Shoigu", "RU"), ("Ali Akbar Ahmadian", "IR"), ("Wang Yi", "CN")])
    roles = _roles(r, 0)
    assert r.names(roles.meeting) == ["Sergei Shoigu"]
    assert r.names(roles.met) == ["Ali Akbar Ahmadian", "Wang Yi"]


def test_a_subject_ends_at_its_verb_and_an_unparsed_list_after_met_is_those_met(report):
    # The parser hangs the list of those met on the subject as appositions and finds no object.
    text = (
        "MADRID - US Homeland Security Secretary Alejandro Mayorkas met one by one with Vice-President Nadia "
        "Calvino; Spain's Interior Minister Fernando Grande-Marlaska; and Spain's Defence Minister Margarita Robles."
    )
    people = [("Alejandro Mayorkas", "US"), ("Nadia Calvino", None), ("Fernando Grande-Marlaska", "ES")]
    r = report(text, people=[*people, ("Margarita Robles", "ES")])
    roles = _roles(r, 0)
    assert r.names(roles.meeting) == ["Alejandro Mayorkas"]
    assert r.names(roles.met) == ["Nadia Calvino", "Fernando Grande-Marlaska", "Margarita Robles"]


def test_a_definite_description_of_the_earlier_host_s_post_refers_to_them(report):
    from ingest.extraction.frames import subject_refers_to

    text = "Aden Duale met Vincent Ssempijja. The minister also met Paul Okello. The general also met Paul Okello."
    people = [*KE_UG_TZ[:2], ("Paul Okello", "RW"), ("Paul Okello", None)]
    r = report(text, people=people)
    r.people[0].title = "Defence Minister"
    said = [subject_refers_to(_roles(r, i), text=text, people=r.people, earlier=[0]) for i in (1, 2)]
    assert said == [True, False]  # a minister is not "the general"


def test_talks_named_in_a_phrase_of_any_verb_are_held_by_its_subject(article):
    text = (
        "Interior Minister Arno Keller ended his two-day visit to Warsaw on Friday with talks with Poland's "
        "Interior Minister Tomasz Nowak and Lithuania's Interior Minister Rasa Petraitiene on border security. "
        "Keller said Austria's police would train with theirs."
    )
    result = extract(article(text, published=date(2024, 6, 3)))
    assert _pairs(result) == [("AT", "LT"), ("AT", "PL")]
    assert {o.name: o.country for e in result.events for o in e.officials}["Arno Keller"] == "AT"


def test_a_verb_joined_to_another_shares_its_subject_and_a_list_of_states_ends_at_the_next_clause(article):
    text = (
        "Chile's Defence Minister Marta Rojas met Peru's Defence Minister Luis Soto in Lima on Monday. "
        "While in Lima, the defence minister took part in a regional forum and held bilateral talks with her "
        "counterparts from Ecuador, Bolivia and Colombia, talks through which she stressed Chile's commitment "
        "to regional security."
    )
    result = extract(article(text, published=date(2024, 6, 3)))
    assert _pairs(result) == [("BO", "CL"), ("CL", "CO"), ("CL", "EC"), ("CL", "PE")]
