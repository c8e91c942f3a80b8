"""Articles written for these tests, outside the dev corpus, to check the rules generalise."""

from datetime import date

from ingest.extraction import extract


def test_call_between_defence_ministers(article):
    text = (
        "ISLAMABAD: Pakistan's Defence Minister Khawaja Asif spoke by telephone on Monday with his Turkish "
        "counterpart Yasar Guler. The two discussed defence industry cooperation and counter-terrorism."
    )
    result = extract(article(text, published=date(2024, 3, 6)))
    (event,) = result.events
    assert event.type == "call" and event.countries == ["PK", "TR"] and event.date == "2024-03-04"
    assert {"defence", "counter-terrorism"} <= set(event.topics)


def test_meeting_with_signing_gives_two_events(article):
    text = (
        "TASHKENT - Uzbekistan's Interior Minister Pavel Bondar received Kazakhstan's Interior Minister "
        "Yerzhan Sadenov in Tashkent on Thursday. After the talks, the two ministers signed a memorandum of "
        "understanding on cooperation against drug trafficking."
    )
    result = extract(article(text, published=date(2024, 5, 10)))
    types = sorted(e.type for e in result.events)
    assert types == ["agreement", "meeting"]
    for e in result.events:
        assert e.countries == ["KZ", "UZ"] and e.date == "2024-05-09"
        assert (e.location.city, e.location.country) == ("Tashkent", "UZ")


def test_domestic_and_planned_meetings_are_not_relevant(article):
    domestic = "NAIROBI - Kenya's Interior Minister met the Inspector General of Police on Monday to review crime."
    assert not extract(article(domestic)).relevant
    planned = "The French defence minister will visit Morocco next week to discuss military cooperation."
    assert not extract(article(planned)).relevant


def test_joint_exercise_opening(article):
    text = (
        "The joint military exercise of the Indian and Egyptian armies began on Sunday at Mohammed Naguib base "
        "in Egypt, focusing on counter-terrorism operations."
    )
    (event,) = extract(article(text, published=date(2024, 1, 24))).events
    assert event.type == "exercise" and event.countries == ["EG", "IN"] and event.date == "2024-01-21"


def _officials(event):
    return {o.name: (o.country, o.title) for o in event.officials}


def test_list_of_states_and_officials_without_ranks(article):
    text = (
        "ACCRA - The defence ministers of Ghana, Dominic Nitiwul, Togo, Marguerite Gnakade, and Benin, "
        "Fortunet Nouatin, met in Accra on Friday to coordinate operations against armed groups along their "
        "northern borders."
    )
    (event,) = extract(article(text, published=date(2023, 6, 12))).events
    assert event.type == "meeting" and event.countries == ["BJ", "GH", "TG"]
    officials = _officials(event)
    assert officials["Marguerite Gnakade"] == ("TG", "Defence Minister")
    assert officials["Fortunet Nouatin"] == ("BJ", "Defence Minister")
    assert (event.location.city, event.location.country) == ("Accra", "GH")


def test_separate_talks_host_comes_from_headline_subject(article):
    text = (
        "Minsk, 4 Nov - On the margins of the council of CIS defence ministers, held in Belarus, "
        "Ruslan Zhaksylykov, Minister of Defence, took part in a series of talks with fellow ministers.\n"
        "In his talks with Kyrgyzstan's Minister of Defence, Lieutenant General Baktybek Bekbolotov, the two "
        "ministers reviewed military training programmes.\n"
        "In a separate meeting with Sherali Mirzo, Tajikistan's Minister of Defence, the sides discussed "
        "border security."
    )
    title = "Kazakhstan's defence minister holds separate talks with Kyrgyz and Tajik counterparts"
    result = extract(article(text, title=title, published=date(2023, 11, 5)))
    pairs = sorted(tuple(e.countries) for e in result.events)
    assert pairs == [("KG", "KZ"), ("KZ", "TJ")]
    for event in result.events:
        assert _officials(event)["Ruslan Zhaksylykov"] == ("KZ", "Minister of Defence")
        assert event.location.country == "BY"


def test_conjoined_officials_share_their_state(article):
    text = (
        "CAIRO - Egypt's Interior Minister Mahmoud Tawfik and Assistant Minister for Public Security Ahmed "
        "Hamdy received Sudan's Interior Minister Khalil Pasha Sairin on Monday to discuss border crossings "
        "and smuggling."
    )
    (event,) = extract(article(text, published=date(2024, 2, 14))).events
    officials = _officials(event)
    assert officials["Ahmed Hamdy"][0] == "EG"
    assert officials["Khalil Pasha Sairin"][0] == "SD"
    assert (event.location.city, event.location.country) == ("Cairo", "EG")


def test_titles_lose_leading_clauses(article):
    text = (
        "HANOI (VNA) - According to a ministry statement, Deputy Minister of Public Security Le Quoc Hung "
        "received a delegation of the Cambodian National Police led by Deputy Commissioner General Sok "
        "Phal on Wednesday, and the two sides agreed to step up the fight against drug trafficking."
    )
    (event,) = extract(article(text, published=date(2023, 3, 16))).events
    assert event.countries == ["KH", "VN"]
    assert _officials(event)["Le Quoc Hung"] == ("VN", "Deputy Minister of Public Security")
    assert (event.location.city, event.location.country) == ("Hanoi", "VN")


def test_call_has_no_venue_and_title_keeps_its_general(article):
    text = (
        "JAKARTA - Indonesia's national police chief, General Listyo Sigit Prabowo, held a video call on "
        "Tuesday with his Australian counterpart, Commissioner Reece Kershaw, on people smuggling and "
        "terrorism financing.\n"
        "Separately, Malaysia's Inspector General Razarudin Husain received Singapore's police commissioner "
        "Hoong Wee Teck in Kuala Lumpur on Tuesday."
    )
    result = extract(article(text, published=date(2024, 9, 18)))
    call = next(e for e in result.events if e.type == "call")
    assert call.countries == ["AU", "ID"] and call.location.city is None and call.location.country is None
    meeting = next(e for e in result.events if e.type == "meeting")
    assert meeting.countries == ["MY", "SG"]
    assert _officials(meeting)["Razarudin Husain"] == ("MY", "Inspector General")
    assert (meeting.location.city, meeting.location.country) == ("Kuala Lumpur", "MY")


def test_officials_reported_by_their_own_service_take_its_state(article):
    text = (
        "COLOMBO - Sri Lanka hosted India's Navy Chief Admiral Dinesh Tripathi for maritime security talks on "
        "Monday. The Sri Lankan Navy said in a statement that Vice Admiral Priyantha Perera attended the talks "
        "together with Rear Admiral Kanchana Banagoda."
    )
    (event,) = extract(article(text, published=date(2024, 5, 15))).events
    assert event.countries == ["IN", "LK"]
    officials = _officials(event)
    assert officials["Dinesh Tripathi"][0] == "IN"
    assert officials["Priyantha Perera"][0] == "LK" and officials["Kanchana Banagoda"][0] == "LK"
    assert (event.location.city, event.location.country) == ("Colombo", "LK")


def test_cabinet_reviewing_a_draft_pact_and_a_football_fixture_are_not_engagements(article):
    cabinet = (
        "ADDIS ABABA - Ethiopia's council of ministers, at its regular session chaired by Prime Minister Abiy "
        "Ahmed, reviewed a draft military cooperation agreement with Djibouti. The meeting, held on Monday, "
        "referred the draft to parliament for ratification."
    )
    result = extract(article(cabinet, title="Ethiopian cabinet reviews draft defence deal with Djibouti"))
    assert not result.relevant
    match = (
        "DOHA - Qatar's Interior Minister Sheikh Khalifa bin Hamad Al Thani toured the stadium on Sunday, where "
        "Qatar were facing Jordan in the final, to inspect security arrangements for the tournament."
    )
    assert not extract(article(match, title="Interior minister checks security at Asian Cup final")).relevant
