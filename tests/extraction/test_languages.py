"""French, Spanish and Arabic articles, and names across scripts, on sentences written for these tests."""

from datetime import date

import pytest

from ingest.extraction import Article, PersonRegistry, extract, extract_batch
from ingest.extraction.languages import lexicon_for
from ingest.extraction.languages.dating import find_dates
from ingest.extraction.languages.people import arabic_people
from ingest.extraction.languages.states import find_states
from ingest.extraction.matching import name_similarity
from ingest.extraction.text import split_sentences
from meetings.names import romanize


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("عبد الرحمن بن سعد الكواري", "Abdulrahman bin Saad Al Kuwari"),
        ("عبد الرحمن بن سعد الكواري", "Abd al-Rahman Saad Al-Kuwari"),
        ("خالد ناصر الحمود", "Khaled Nasser Al Hmoud"),
        ("عبيد الله الزعبي", "Obeidallah Al Zoubi"),
        ("عبيد الله الزعبي", "Obaid Allah El Zoubi"),
        ("نور الدين القاسمي", "Noureddine El Kasimi"),
        ("سالم بن راشد الحارثي", "Salem ibn Rashid Al-Harthy"),
    ],
)
def test_an_arabic_name_matches_its_latin_spellings(arabic, latin):
    assert name_similarity(arabic, latin) >= 0.8


@pytest.mark.parametrize(
    ("a", "b"),
    [("خالد ناصر الحمود", "Khaled Nasser Al Omari"), ("عبد الرحمن الكواري", "Abdulaziz Al Kuwari")],
)
def test_different_people_do_not_match_across_scripts(a, b):
    assert name_similarity(a, b) == 0.0


def test_romanize_folds_the_latin_variants_of_arabic_names():
    assert romanize("Abd el-Karim") == romanize("Abdelkarim") == "abdulkarim"
    assert name_similarity("Mohi El Din Salem", "Mohieddine Salem") >= 0.8
    assert romanize("بن") == "bin" and romanize("أبو") == "abu"
    assert romanize("Abdallah") == romanize("Abdullah") == romanize("Abd Allah")


def test_the_batch_gives_one_person_id_to_both_scripts():
    registry = PersonRegistry()
    latin = registry.resolve("Khaled Nasser Al Hmoud", "JO", "Director of Public Security")
    assert registry.resolve("خالد ناصر الحمود", "JO", "مدير الأمن العام") == latin
    assert registry.resolve("خالد ناصر الحمود", "QA", "مدير الأمن العام") != latin


def test_arabic_states_from_cldr_names_and_nisba_adjectives_with_clitics():
    text = "التقى الوفد الكويتي بنظيره في بأستراليا ومع الجانب السعودية والقوات الإماراتية"
    assert [c.code for c in find_states(text, "ar")] == ["KW", "AU", "SA", "AE"]


def test_bare_amman_is_not_oman():
    assert find_states("وصل الوزير إلى عمان", "ar") == []
    assert [c.code for c in find_states("وزير الخارجية العماني", "ar")] == ["OM"]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("في ٥ كانون الثاني ٢٠٢٤ اجتمع", "ar", "2024-01-05"),
        ("يوم 12 يناير اجتمع", "ar", "2024-01-12"),
        ("في 3 آب/أغسطس 2023", "ar", "2023-08-03"),
        ("اجتمع الوزيران أمس", "ar", "2024-01-31"),
        ("يوم الأربعاء", "ar", "2024-01-31"),
        ("يوم الخميس", "ar", "2024-02-01"),
        ("le mardi 9 janvier 2024", "fr", "2024-01-09"),
        ("hier, à Tunis", "fr", "2024-01-31"),
        ("el 3 de mayo de 2023", "es", "2023-05-03"),
        ("el pasado lunes", "es", "2024-01-29"),
    ],
)
def test_dates_in_each_language(text, lang, value):
    found = find_dates(text, date(2024, 2, 1), lang)
    assert [d.value for d in found if d.value][:1] == [value]


def test_a_weekday_called_next_is_future():
    (mention,) = find_dates("se reunirán el próximo martes", date(2024, 2, 1), "es")
    assert mention.future and mention.value == "2024-02-06"


def test_arabic_name_after_title_and_honorific_ends_at_a_verb_or_preposition():
    text = "استقبل وزير الداخلية العماني اللواء سالم بن راشد الحارثي في مسقط نظيره الأردني مازن الفراية."
    sentences = split_sentences(text)
    people = arabic_people(text, sentences=sentences, states=find_states(text, "ar"), lex=lexicon_for("ar"))
    assert [(p.name, p.title, p.country) for p in people] == [
        ("سالم بن راشد الحارثي", "وزير الداخلية العماني", "OM"),
        ("مازن الفراية", "نظيره الأردني", "JO"),
    ]


ARABIC = (
    "استقبل مدير الأمن العام الأردني اللواء خالد ناصر الحمود، يوم الثلاثاء، في عمّان مساعد وزير الداخلية "
    "القطري العميد عبد الرحمن بن سعد الكواري والوفد المرافق له.\n"
    "وبحث الجانبان سبل تعزيز التعاون الأمني في مكافحة المخدرات وتبادل الخبرات في مجال التدريب."
)


def test_an_arabic_meeting_keeps_names_and_titles_in_arabic_script():
    result = extract(Article("t-ar", "", ARABIC, date(2024, 3, 14), "ar"))
    (event,) = result.events
    assert (result.relevant, result.language, event.type, event.countries) == (True, "ar", "meeting", ["JO", "QA"])
    assert event.date == "2024-03-12" and event.location.city == "Amman" and event.location.country == "JO"
    assert [(o.name, o.country) for o in event.officials] == [
        ("خالد ناصر الحمود", "JO"),
        ("عبد الرحمن بن سعد الكواري", "QA"),
    ]
    assert event.officials[1].title == "مساعد وزير الداخلية القطري"
    assert {"drug-trafficking", "training"} <= set(event.topics)
    assert all(ARABIC[e.start : e.end] == e.text for e in event.evidence)


def test_an_arabic_article_declared_english_is_read_as_arabic():
    assert extract(Article("t-ar", "", ARABIC, date(2024, 3, 14), "en")).language == "ar"


def test_a_french_phone_call():
    text = (
        "Le ministre sénégalais de l'Intérieur, Ousmane Diallo, s'est entretenu mardi par téléphone avec son "
        "homologue mauritanien, Mohamed Ould Ahmed, de la sécurité des frontières et de la lutte contre le terrorisme."
    )
    (event,) = extract(Article("t-fr", "", text, date(2024, 5, 16), "fr")).events
    assert (event.type, event.countries, event.date) == ("call", ["MR", "SN"], "2024-05-14")
    assert [(o.name, o.country, o.title) for o in event.officials] == [
        ("Ousmane Diallo", "SN", "ministre sénégalais de l'Intérieur"),
        ("Mohamed Ould Ahmed", "MR", "homologue mauritanien"),
    ]
    assert {"border-security", "counter-terrorism"} <= set(event.topics)


def test_a_spanish_signing_during_a_visit_is_a_meeting_and_an_agreement():
    text = (
        "El ministro de Defensa de Chile, Andrés Rojas, firmó este jueves en Lima un memorando de entendimiento "
        "con su homólogo peruano, Luis Quispe, durante una visita oficial.\n"
        "El acuerdo prevé la formación conjunta de oficiales y el intercambio de información sobre el narcotráfico."
    )
    events = extract(Article("t-es", "", text, date(2024, 6, 14), "es")).events
    assert sorted(e.type for e in events) == ["agreement", "meeting"]
    for event in events:
        assert event.countries == ["CL", "PE"] and event.date == "2024-06-13"
        assert (event.location.city, event.location.country) == ("Lima", "PE")
        assert [o.name for o in event.officials] == ["Andrés Rojas", "Luis Quispe"]


def test_a_planned_visit_is_not_an_engagement():
    text = (
        "La ministra del Interior de Colombia, Ana Torres, viajará la próxima semana a Quito, donde se reunirá con "
        "su homólogo ecuatoriano para tratar la seguridad fronteriza."
    )
    assert extract(Article("t-es2", "", text, date(2024, 6, 14), "es")).relevant is False


def test_a_meeting_with_an_international_body_is_not_between_states():
    text = (
        "Le ministre tchadien de la Défense, Idriss Mahamat, a reçu lundi le représentant spécial des Nations unies, "
        "Jean Martin, pour évoquer la sécurité au Sahel."
    )
    assert extract(Article("t-fr2", "", text, date(2024, 6, 14), "fr")).relevant is False


def test_russian_stays_unsupported_and_english_keeps_its_engine():
    russian = "Министр обороны России встретился с министром обороны Китая в Москве."
    assert extract(Article("t-ru", "", russian, None, "ru")).relevant is False
    english, arabic = extract_batch(
        [
            Article("t-en", "", "The Jordanian and Qatari interior ministers met in Doha on security.", None, "en"),
            Article("t-ar", "", ARABIC, date(2024, 3, 14), "ar"),
        ]
    )
    assert (english.language, arabic.language) == ("en", "ar")


def _arabic_people(text):
    return [
        (p.name, p.title, p.country)
        for p in arabic_people(
            text, sentences=split_sentences(text), states=find_states(text, "ar"), lex=lexicon_for("ar")
        )
    ]


def test_arabic_honorifics_then_name_then_post_in_apposition():
    text = "استقبل صاحب السمو الملكي الأمير فيصل بن تركي بن ناصر وزير الحرس الوطني في مكتبه اليوم الوفد."
    assert _arabic_people(text) == [("فيصل بن تركي بن ناصر", "وزير الحرس الوطني", None)]


def test_arabic_names_may_begin_with_fa_and_end_before_a_conjoined_verb():
    text = "التقى وزير الداخلية البحريني فهد بن سالم الشمري وتباحث معه في سبل التعاون."
    assert _arabic_people(text) == [("فهد بن سالم الشمري", "وزير الداخلية البحريني", "BH")]


def test_a_state_adjective_inside_a_name_is_not_a_party():
    text = "استقبل وزير الداخلية الأردني خالد بن تركي العلي أمس نظيره العراقي سعد الجبوري في بغداد."
    (event,) = extract(Article("t-ar3", "", text, date(2024, 3, 14), "ar")).events
    assert event.countries == ["IQ", "JO"]


def test_french_host_without_a_state_is_the_venues():
    text = (
        "Le ministre de l'Intérieur, Karim Benali, a reçu jeudi à Rabat son homologue nigérien, Moussa Issoufou, "
        "pour examiner la coopération sécuritaire."
    )
    (event,) = extract(Article("t-fr3", "", text, date(2024, 3, 15), "fr")).events
    assert event.countries == ["MA", "NE"] and event.date == "2024-03-14"
    assert [(o.name, o.country) for o in event.officials] == [("Karim Benali", "MA"), ("Moussa Issoufou", "NE")]


def test_french_post_with_a_participle_and_a_dateline_in_capitals():
    text = (
        "RABAT, 12 mars - Le ministre délégué chargé de l'Administration de la Défense nationale, Youssef Alami, "
        "s'est entretenu mardi avec le chef d'état-major des armées mauritaniennes, le général Sidi Ould Ahmed."
    )
    (event,) = extract(Article("t-fr4", "", text, date(2024, 3, 14), "fr")).events
    assert event.countries == ["MA", "MR"]
    assert event.officials[0].title == "ministre délégué chargé de l'Administration de la Défense nationale"


def test_a_post_tagged_as_a_person_is_the_title_of_the_name_after_it():
    text = (
        "Le président de la République, Ahmed Saidi, a reçu lundi à Alger le ministre italien de la Défense, "
        "Marco Rossi, en visite de travail en Algérie."
    )
    (event,) = extract(Article("t-fr5", "", text, date(2024, 3, 14), "fr")).events
    assert [(o.name, o.title) for o in event.officials][0] == ("Ahmed Saidi", "président de la République")


def test_talks_held_one_after_the_other_are_separate_engagements():
    text = (
        "Vendredi à Dakar, le ministre malien de la Défense, Issa Traoré, a été reçu successivement par le ministre "
        "sénégalais des Forces armées, puis par le chef d'état-major général des armées sénégalaises."
    )
    events = extract(Article("t-fr6", "", text, date(2024, 3, 16), "fr")).events
    assert [(e.type, e.countries) for e in events] == [("meeting", ["ML", "SN"])] * 2


def test_separate_meetings_with_several_envoys_are_one_per_state():
    text = (
        "El ministro del Interior de España, Luis Gómez, recibió por separado a los embajadores de Marruecos, "
        "Argelia y Túnez para hablar de la cooperación en la lucha contra el terrorismo."
    )
    events = extract(Article("t-es3", "", text, date(2024, 3, 16), "es")).events
    assert sorted(e.countries for e in events) == [["DZ", "ES"], ["ES", "MA"], ["ES", "TN"]]


def test_a_background_signing_dated_only_by_an_earlier_year_is_not_listed():
    text = (
        "El ministro de Defensa de Perú, Luis Quispe, se reunió este lunes en Lima con su homóloga chilena, "
        "Ana Soto, para hablar de seguridad fronteriza.\n"
        "Ambos países firmaron en 2015 un acuerdo de cooperación militar."
    )
    events = extract(Article("t-es4", "", text, date(2024, 6, 14), "es")).events
    assert [e.type for e in events] == ["meeting"]


def test_the_meeting_named_again_brings_no_new_participants():
    text = (
        "اجتمع وزير الداخلية التونسي كمال العياري اليوم بنظيره الجزائري سليم بوزيد في تونس العاصمة.\n"
        "وأكد الوزير أن اللقاء يأتي تنفيذا لتوجيهات رئيس الجمهورية منير الطرابلسي."
    )
    (event,) = extract(Article("t-ar4", "", text, date(2024, 6, 14), "ar")).events
    assert [o.name for o in event.officials] == ["كمال العياري", "سليم بوزيد"]


def _officials_read(text, lang):
    """(name, state, title) of every official of the events read from one article."""
    events = extract(Article("t-" + lang, "", text, date(2024, 5, 8), lang)).events
    return {(o.name, o.country, o.title) for e in events for o in e.officials}


def test_french_and_spanish_names_the_parse_ties_to_a_post_are_people():
    # The model may tag the name in apposition to a post as an organisation or a place, or not at
    # all after "son homologue italien": the post's head says it is a person.
    french = (
        "Le président tunisien Kaïs Ben Salah a reçu lundi au palais de Carthage le ministre algérien de "
        "l'Intérieur, Brahim Merad, pour évoquer la sécurité aux frontières.\n"
        "M. Jean-Pierre Lefèvre, ministre français de l'Intérieur, et son homologue italien Matteo Rossi se sont "
        "réunis vendredi à Rome pour discuter de la migration."
    )
    assert {("Brahim Merad", "DZ"), ("Matteo Rossi", "IT")} <= {(n, c) for n, c, _ in _officials_read(french, "fr")}
    spanish = (
        "El ministro de Seguridad de Argentina, Patricia Bullrich, firmó el jueves en Asunción un memorando de "
        "entendimiento con su par paraguayo Enrique Riera sobre seguridad fronteriza."
    )
    assert ("Enrique Riera", "PY", "par paraguayo") in _officials_read(spanish, "es")


def test_a_name_in_apposition_to_a_post_is_read_from_the_parse():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from ingest.extraction.languages.people import titled_names

    words = ["le", "ministre", "algérien", ",", "Brahim", "Merad", ",", "a", "dit"]
    doc = Doc(
        Vocab(),
        words=words,
        pos=["DET", "NOUN", "ADJ", "PUNCT", "PROPN", "PROPN", "PUNCT", "AUX", "VERB"],
        deps=["det", "nsubj", "amod", "punct", "appos", "flat:name", "punct", "aux", "ROOT"],
        heads=[1, 8, 1, 1, 1, 4, 1, 8, 8],
    )
    assert [doc.text[s:e] for s, e in titled_names(doc, lex=lexicon_for("fr"))] == ["Brahim Merad"]
    # A single proper noun after a post is no name of two words ("le ministre Intérieur").
    doc = Doc(Vocab(), words=["le", "ministre", "Merad"], pos=["DET", "NOUN", "PROPN"])
    assert titled_names(doc, lex=lexicon_for("fr")) == []


def test_french_courtesy_titles_ranks_and_given_names_around_a_name():
    # "M." opens a name the model may miss or run into the venue before it; a rank in apposition
    # after the post is the holder's; a clause's first word after the apposition is no part of it.
    text = (
        "Le ministre de l'Intérieur, M. Karim HADDAD, a reçu mardi à Rabat M. Pablo ORTEGA, ministre espagnol "
        "de l'Intérieur, pour évoquer la lutte contre l'immigration clandestine.\n"
        "Le Chef d'État-major général des Armées, le Général de Corps d'Armée Yao KOFFI, a reçu jeudi à Abidjan "
        "son homologue burkinabè, le Général Issa OUEDRAOGO, pour discuter de la sécurité aux frontières."
    )
    found = _officials_read(text, "fr")
    assert ("Karim HADDAD", "MA", "ministre de l'Intérieur") in found
    assert ("Pablo ORTEGA", "ES", "ministre espagnol de l'Intérieur") in found
    assert ("Yao KOFFI", "CI", "Chef d'État-major général des Armées") in found


def test_a_courtesy_title_before_a_family_name_alone_opens_no_new_name():
    from ingest.extraction.languages.people import courtesy_names

    # "M. Ouedraogo" names again someone named in full before; "le général" opens a full name.
    text = "Le ministre a reçu le général Issa Ouedraogo. M. Ouedraogo a salué la coopération."
    assert [text[s:e] for s, e in courtesy_names(text)] == ["Issa Ouedraogo"]
