"""The text stage: one sentence splitter for every later stage."""

from ingest.extraction.text import split_sentences


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
