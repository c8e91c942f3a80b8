"""The events stage: a report read sentence by sentence into engagement drafts."""

from datetime import date

from ingest.extraction import extract
from ingest.extraction.dates import find_dates
from ingest.extraction.events import ReportReading, build_events

KE_UG_TZ = [("Aden Duale", "KE"), ("Vincent Ssempijja", "UG"), ("Stergomena Tax", "TZ")]


def _reading(r, *, published=date(2024, 6, 5)):
    told = [s.text for s in r.sentences]
    return ReportReading(r.setting, title_text="", dates=find_dates(r.text, published), places=[], told=told)


def test_a_forum_of_a_standing_body_is_no_bilateral_engagement(report):
    text = "Aden Duale attended the NATO summit with Vincent Ssempijja. Aden Duale met Vincent Ssempijja."
    r = report(text, people=KE_UG_TZ[:2] * 2)
    reading = _reading(r)
    assert reading.kinds(r.sentence(0)) == []
    assert reading.kinds(r.sentence(1)) == ["meeting"]


def test_a_clause_gives_the_sentence_s_parties_and_its_own_date(report):
    text = "Kenya's Aden Duale met Uganda's Vincent Ssempijja on Monday, the ministry said on Tuesday."
    r = report(text, people=KE_UG_TZ[:2])
    clause = _reading(r).clause(r.sentence(0))
    assert clause.strong == {"KE", "UG"} and clause.date.value == "2024-06-03"
    assert r.names(clause.named) == ["Aden Duale", "Vincent Ssempijja"]


def test_the_meeting_named_again_is_evidence_for_the_one_told(report):
    text = "Aden Duale met Vincent Ssempijja on Monday. The meeting lasted two hours."
    r = report(text, people=KE_UG_TZ[:2])
    reading = _reading(r)
    for sent in r.sentences:
        reading.read(sent)
    (draft,) = reading.drafts
    assert draft.sentences == [0, 1] and draft.countries == {"KE", "UG"}


def test_an_earlier_engagement_is_a_new_draft_known_by_the_main_one_s_month(report):
    text = "Aden Duale met Vincent Ssempijja on Monday. Earlier, Aden Duale held talks with Stergomena Tax."
    r = report(text, people=[*KE_UG_TZ[:2], ("Aden Duale", None), KE_UG_TZ[2]])
    reading = _reading(r)
    for sent in r.sentences:
        reading.read(sent)
    main, earlier = reading.drafts
    assert earlier.countries == {"KE", "TZ"}
    assert (main.date.value, earlier.date.value, earlier.date.precision) == ("2024-06-03", "2024-06", "month")


def test_a_sentence_naming_one_side_adds_evidence_for_the_engagement_under_way(report):
    text = "Aden Duale met Vincent Ssempijja on Monday. Aden Duale said the talks in Kenya were frank."
    r = report(text, people=KE_UG_TZ[:2] + [("Aden Duale", None)])
    reading = _reading(r)
    for sent in r.sentences:
        reading.read(sent)
    (draft,) = reading.drafts
    assert draft.sentences == [0, 1]


def test_he_also_met_is_one_more_engagement_with_the_host(report):
    text = "Aden Duale met Vincent Ssempijja on Monday. He also held talks with Tanzania's Stergomena Tax."
    r = report(text, people=KE_UG_TZ)
    drafts = build_events(
        text=text,
        title_text="",
        sentences=r.sentences,
        people=r.people,
        countries=list(r.setting.countries),
        dates=find_dates(text, date(2024, 6, 5)),
        places=[],
        dateline=None,
    )
    assert [sorted(d.countries) for d in drafts] == [["KE", "UG"], ["KE", "TZ"]]
    assert [r.names(d.people) for d in drafts] == [
        ["Aden Duale", "Vincent Ssempijja"],
        ["Aden Duale", "Stergomena Tax"],
    ]


def test_meetings_told_as_distinct_split_by_counterpart_with_their_own_sentences(report):
    from ingest.extraction.events import Draft
    from ingest.extraction.parties import CounterpartSplit

    text = (
        "Aden Duale met separately with Vincent Ssempijja and Stergomena Tax in Arusha. Vincent Ssempijja raised "
        "border patrols. Stergomena Tax raised piracy."
    )
    r = report(text, people=[*KE_UG_TZ, ("Vincent Ssempijja", None), ("Stergomena Tax", None)])
    draft = Draft("meeting", {"KE", "UG", "TZ"}, [0], people=[0, 1, 2])
    split = CounterpartSplit(sentences=r.sentences, people=r.people, root=r.setting.root)
    assert split.host(draft) == "KE"
    frames = split(draft)
    assert [(sorted(f.countries), f.sentences, r.names(f.people)) for f in frames] == [
        (["KE", "UG"], [0, 1], ["Aden Duale", "Vincent Ssempijja"]),
        (["KE", "TZ"], [0, 2], ["Aden Duale", "Stergomena Tax"]),
    ]


def test_a_sentence_on_one_counterparts_talks_is_evidence_for_the_talks_with_that_state(article):
    text = (
        "Austria's Interior Minister Arno Keller held talks in Vienna on Monday with Poland's Interior Minister "
        "Tomasz Nowak and Hungary's Interior Minister Peter Balogh. In his talks with the Polish minister, "
        "both men stressed cooperation on border security. With Peter Balogh of Hungary, Keller talked about "
        "police training."
    )
    result = extract(article(text, published=date(2024, 6, 3)))
    assert sorted(tuple(e.countries) for e in result.events) == [("AT", "HU"), ("AT", "PL")]
    topics = {tuple(e.countries): e.topics for e in result.events}
    assert "border-security" in topics[("AT", "PL")] and "border-security" not in topics[("AT", "HU")]
    assert "training" in topics[("AT", "HU")]


def test_talks_told_as_a_call_elsewhere_are_one_call_and_a_subject_talked_about_is_no_party(article):
    text = (
        "Canada's Defence Minister Anna Price spoke today with Estonia's Defence Minister Jaak Tamm about the "
        "damage done by Russia's drone strikes on Ukrainian ports. The ministry's readout followed Price's call "
        "with Tamm."
    )
    (event,) = extract(article(text, published=date(2024, 6, 3))).events
    assert (event.type, event.countries) == ("call", ["CA", "EE"])


def test_the_signers_of_a_document_told_in_the_next_sentence_are_the_agreements_officials(article):
    text = (
        "Chile and Peru signed a memorandum of understanding on border management on Friday. The document was "
        "signed by Chilean Undersecretary of the Interior Manuel Monsalve and Peruvian Deputy Minister of the "
        "Interior Rosa Quispe in Lima."
    )
    (event,) = extract(article(text, published=date(2024, 6, 3))).events
    assert event.type == "agreement"
    assert {(o.name, o.country) for o in event.officials} == {("Manuel Monsalve", "CL"), ("Rosa Quispe", "PE")}


def test_talks_told_only_as_speaking_with_those_of_a_call_that_day_are_the_call(article):
    text = (
        "Norway's defence ministry said the defence ministers of Norway and Sweden held phone talks on Thursday. "
        "Defence Minister Bjorn Arild Gram spoke with his Swedish counterpart Pal Jonson about air defence, "
        "after Russia had carried out a missile test on May 30. According to the ministry, Gram offered the "
        "Swedish side training at the Norwegian base in Bardufoss."
    )
    (event,) = extract(article(text, published=date(2024, 6, 7))).events
    assert (event.type, event.countries, event.date) == ("call", ["NO", "SE"], "2024-06-06")
    assert {o.name for o in event.officials} == {"Bjorn Arild Gram", "Pal Jonson"}


def test_a_later_meeting_with_someone_new_is_one_more_engagement_and_without_is_none(article):
    text = (
        "Oman's police chief Lt Gen Salim Al Harthy received Tanzania's Inspector General of Police Juma Bakari "
        "in Muscat on Sunday. Later, Juma Bakari met Oman's Minister of Interior Sayyid Faisal Al Said."
    )
    events = extract(article(text, published=date(2024, 6, 3))).events
    assert [sorted(o.name for o in e.officials) for e in events] == [
        ["Juma Bakari", "Salim Al Harthy"],
        ["Faisal Al Said", "Juma Bakari"],
    ]
    said = (
        "Kenya's Defence Minister Aden Duale said on Monday that Nairobi would train Somali troops, without "
        "announcing any meeting."
    )
    assert extract(article(said, published=date(2024, 6, 3))).events == []
