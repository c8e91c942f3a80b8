"""The text stage: one sentence splitter for every later stage."""

import random
import re

from ingest.extraction.text import covering, literal_alternation, split_sentences


def _texts(body, breaks=None):
    return [s.text for s in split_sentences(body, breaks)]


def _every_full_stop(body):
    """The breaks of a parser that ends a sentence at every full stop."""
    out, start = [], 0
    for i, ch in enumerate(body):
        if ch == "." and (i + 1 == len(body) or body[i + 1] == " "):
            out.append((start, i + 1))
            start = i + 2
    return out


def test_rank_abbreviations_never_end_a_sentence():
    body = "The talks were chaired by Maj. Gen. Tom Reyes and Brig. Ana Cruz. Lt. Col. Ben Ode attended."
    assert _texts(body, _every_full_stop(body)) == [
        "The talks were chaired by Maj. Gen. Tom Reyes and Brig. Ana Cruz.",
        "Lt. Col. Ben Ode attended.",
    ]


def test_a_break_after_an_unfinished_phrase_is_mended():
    body = "Norwegian Defence Minister Kari Lund visited Oslo's port on Monday. She met navy chiefs."
    breaks = [(0, 9), (10, 67), (68, len(body))]
    assert _texts(body, breaks) == [
        "Norwegian Defence Minister Kari Lund visited Oslo's port on Monday.",
        "She met navy chiefs.",
    ]


def test_newlines_always_end_a_sentence_and_datelines_stay_apart():
    body = "Ministers meet in Lima\nLIMA (Agency) -\nThe ministers met on Friday."
    assert _texts(body, [(0, len(body))]) == [
        "Ministers meet in Lima",
        "LIMA (Agency) -",
        "The ministers met on Friday.",
    ]


def test_offsets_point_into_the_body():
    body = "  First one.  Second one. "
    for s in split_sentences(body, [(0, 13), (13, len(body))]):
        assert body[s.start : s.end] == s.text


def test_without_a_parser_punctuation_proposes_the_breaks():
    body = 'Le ministre a reçu M. Paul Abena et le Gral. Luis Mora. Ils ont parlé de sécurité. "Merci." Fin'
    assert _texts(body) == [
        "Le ministre a reçu M. Paul Abena et le Gral. Luis Mora.",
        "Ils ont parlé de sécurité.",
        '"Merci."',
        "Fin",
    ]


def test_dotted_abbreviations_and_initials_in_any_case_continue_the_sentence():
    body = "El enviado de EE.UU. habló con S.E. el embajador. Luego partió John F. Reyes."
    assert _texts(body) == ["El enviado de EE.UU. habló con S.E. el embajador.", "Luego partió John F. Reyes."]


def test_the_arabic_question_mark_ends_a_sentence():
    body = "هل التقى الوزيران؟ نعم، التقيا في عمان."
    assert _texts(body) == ["هل التقى الوزيران؟", "نعم، التقيا في عمان."]


def test_a_closing_quote_stays_with_its_sentence():
    body = 'He said "we agreed." The talks ended.'
    assert _texts(body) == ['He said "we agreed."', "The talks ended."]


def test_covering_gives_the_run_of_sentences_that_holds_the_words():
    body = "One ends here. Two starts and. Three."
    sentences = split_sentences(body)
    at = body.index("starts")
    assert body[slice(*covering(sentences, at, at + 6))] == "Two starts and."
    assert body[slice(*covering(sentences, 0, body.index("and.") + 4))] == "One ends here. Two starts and."


def test_a_retired_ranks_bracket_does_not_end_a_sentence():
    body = "He called on the Home Adviser, Lt Gen (retd) Karim Uddin, on Monday. They discussed trade."
    breaks = [(0, body.index("Karim") - 1), (body.index("Karim"), body.index(" They")), (body.index("They"), len(body))]
    assert [s.text for s in split_sentences(body, breaks)] == [
        "He called on the Home Adviser, Lt Gen (retd) Karim Uddin, on Monday.",
        "They discussed trade.",
    ]


def _flat(forms) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


def test_a_literal_alternation_finds_what_the_forms_longest_first_find():
    forms = ["Port", "Port Louis", "Port Moresby", "Portugal", "Portuguese", "Po", "Niger", "Nigeria", "Nigerien"]
    text = "Portuguese and Nigerien envoys met in Port Louis, then Port Moresby; Po-faced, Nigeria's Port-"
    for around in (r"(?<!\w)({})(?!\w)", r"(?<!\w)({})(?![\w-])", r"({})"):
        flat = re.compile(around.format(_flat(forms)))
        tree = re.compile(around.format(literal_alternation(forms)))
        assert [m.span(1) for m in tree.finditer(text)] == [m.span(1) for m in flat.finditer(text)]
    assert re.compile(rf"({literal_alternation(forms)})(?!\w)").findall(text)[:3] == [
        "Portuguese",
        "Nigerien",
        "Port Louis",
    ]


def test_a_literal_alternation_agrees_on_random_forms_and_texts():
    rng = random.Random(7)
    for _ in range(300):
        forms = {"".join(rng.choice("ab .-") for _ in range(rng.randint(1, 5))) for _ in range(rng.randint(1, 12))}
        text = "".join(rng.choice("ab .-x") for _ in range(60))
        for around in (r"({})", r"({})(?![\w-])", r"(?<!\w)({})(?!\w)"):
            flat = re.compile(around.format(_flat(forms)))
            tree = re.compile(around.format(literal_alternation(forms)))
            assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)], (forms, text)
