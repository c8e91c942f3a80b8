"""Lines broken at a fixed width joined back into paragraphs."""

from ingest.paragraphs import paragraphs_rebuild

WRAPPED = """Jordan and Bahrain review police training

AMMAN - Jordan's Interior Minister received his Bahraini counterpart at
the ministry on Sunday to review the training of police officers and the
exchange of information on drug smuggling networks across the region.

The ministers agreed that a joint committee would meet again in the
spring."""


def test_wrapped_lines_are_joined_and_paragraph_breaks_kept():
    assert paragraphs_rebuild(WRAPPED).split("\n\n") == [
        "Jordan and Bahrain review police training",
        "AMMAN - Jordan's Interior Minister received his Bahraini counterpart at the ministry on Sunday to review "
        "the training of police officers and the exchange of information on drug smuggling networks across the "
        "region.",
        "The ministers agreed that a joint committee would meet again in the spring.",
    ]


def test_a_short_line_ends_its_paragraph_even_without_a_blank_line():
    text = (
        "Ministers meet in Amman\n"
        "The interior ministers of the two states met on Sunday to discuss the\n"
        "training of police officers.\n"
        "A joint committee will follow up on the outcomes in the coming months."
    )
    assert paragraphs_rebuild(text).split("\n\n") == [
        "Ministers meet in Amman",
        "The interior ministers of the two states met on Sunday to discuss the training of police officers.",
        "A joint committee will follow up on the outcomes in the coming months.",
    ]


def test_words_hyphenated_at_a_line_end():
    text = (
        "The talks covered border secu-\n"
        "rity and the work of the Director of Public Security, Obaid Al-\n"
        "Maaytah, with his counterparts, and joint counter-\n"
        "terrorism drills; counter-terrorism is a standing item of the talks.\n"
        "Officials said the agreement on cyber-\n"
        "crime would be signed next month by both of the ministers in Doha."
    )
    rebuilt = paragraphs_rebuild(text)
    assert "border security and" in rebuilt  # a word split by the layout
    assert "Obaid Al-Maaytah," in rebuilt  # a capital after the break: a name or compound keeps its hyphen
    assert "joint counter-terrorism drills" in rebuilt  # the text writes the word with a hyphen elsewhere
    assert "on cybercrime would" in rebuilt


def test_list_items_stay_on_their_own_lines():
    text = (
        "The two sides agreed on the following points during the meeting:\n"
        "- exchange of information on wanted persons and smuggling routes\n"
        "- joint training of border guards and customs officers in both states\n"
        "- a hotline between the two interior ministries for urgent matters"
    )
    assert len(paragraphs_rebuild(text).split("\n\n")) == 4


def test_text_with_a_paragraph_on_each_line_is_left_alone():
    text = (
        "Doha - The interior ministers of Qatar and Jordan met in Doha on Sunday to discuss border security, the "
        "fight against drug smuggling and the training of police officers, officials said after the talks.\n"
        "The two ministers agreed to exchange information on smuggling networks operating across the region and to "
        "hold a further round of talks in Amman before the end of the year, according to a statement."
    )
    assert paragraphs_rebuild(text) == text
