"""Reading documents by their content: encodings, HTML, PDF, Word, and files that are none of these."""

import datetime
import io
import zipfile

import pytest

from ingest.documents import DocumentError, document_read
from ingest.fetch import FetchError, url_check
from tests.ingest.documents import REPORT, docx_bytes, html_page, pdf_bytes

LIMIT = 10 * 1024 * 1024


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "cp1256", "latin-1"])
def test_text_in_any_encoding_is_decoded(encoding):
    if encoding == "cp1256":
        text = "التقى وزير الداخلية الأردني نظيره البحريني في عمّان لبحث التعاون الأمني وأمن الحدود ومكافحة التهريب."
    else:
        text = (
            "Le ministre de l'Intérieur a reçu mardi son homologue à Amman. Les deux ministres ont évoqué la "
            "coopération sécuritaire, la lutte contre le trafic de drogue et la sécurité des frontières. Ils sont "
            "convenus d'échanger davantage d'informations et de renforcer la formation des policiers."
        )
    document = document_read(text.encode(encoding), max_bytes=LIMIT)
    assert document.kind == "text" and document.text == text


def test_html_is_reduced_to_the_article_text_and_its_metadata():
    page = html_page(title="Jordan and Bahrain discuss border security", paragraphs=REPORT)
    document = document_read(page.encode(), max_bytes=LIMIT)
    assert document.kind == "html"
    assert all(paragraph in document.text for paragraph in REPORT)
    assert "<" not in document.text and "window.tracker" not in document.text and "Home" not in document.text
    assert document.title == "Jordan and Bahrain discuss border security"
    assert document.publisher == "Gulf Security Review"
    assert document.published == datetime.date(2024, 1, 15)


def test_pdf_text_and_metadata():
    document = document_read(pdf_bytes(REPORT, title="Ministers meet in Amman"), max_bytes=LIMIT)
    assert document.kind == "pdf" and "Mazen Al Faraya" in document.text
    assert document.title == "Ministers meet in Amman"
    assert document.published is None  # the file's CreationDate is when it was printed, not published


def test_docx_text_and_metadata():
    document = document_read(docx_bytes(REPORT, title="Ministers meet in Amman"), max_bytes=LIMIT)
    assert document.kind == "docx" and document.text.splitlines()[0] == REPORT[0]
    assert document.title == "Ministers meet in Amman"


def test_a_date_in_the_story_or_the_file_properties_is_not_the_publication_date():
    """The report is about a meeting on 15 January 2024; nothing states when it was published."""
    html = html_page(title="Ministers meet", paragraphs=REPORT).replace(
        "<meta property='article:published_time' content='2024-01-15T08:00:00Z'>", ""
    )
    word = docx_bytes(REPORT, created=datetime.datetime(2013, 5, 2, 9, 0))
    pdf = pdf_bytes(REPORT, title="Ministers meet in Amman")  # its CreationDate is 2024-01-15
    for data in (html.encode(), word, pdf, "\n".join(REPORT).encode()):
        assert document_read(data, max_bytes=LIMIT).published is None


@pytest.mark.parametrize(
    ("top", "stated"),
    [
        ("Published: 3 February 2024", datetime.date(2024, 2, 3)),
        ("Posted on Feb. 3, 2024 by the news desk", datetime.date(2024, 2, 3)),
        ("AMMAN, Feb. 3, 2024 (Gulf Wire) - Ministers met.", datetime.date(2024, 2, 3)),
        ("Amman, Jordan, Saturday 3 February 2024 – Ministers met.", datetime.date(2024, 2, 3)),
        ("The visit on 3 February 2024 was announced.", None),
    ],
    ids=["label", "posted", "dateline", "dateline-weekday", "story"],
)
def test_a_date_the_text_states_at_its_top_is_the_publication_date(top, stated):
    for data in (f"{top}\n" + "\n".join(REPORT), docx_bytes([top, *REPORT], created=datetime.datetime(2013, 5, 2))):
        assert document_read(data.encode() if isinstance(data, str) else data, max_bytes=LIMIT).published == stated


def test_titles_come_from_the_heading_or_first_line():
    word = docx_bytes(REPORT, heading="Jordan and Bahrain talk border security", title="Normal.dotm")
    assert document_read(word, max_bytes=LIMIT).title == "Jordan and Bahrain talk border security"
    styled = docx_bytes(["Jordan and Bahrain talk border security", *REPORT], first_style="Title")
    assert document_read(styled, max_bytes=LIMIT).title == "Jordan and Bahrain talk border security"
    plain = "Ministers meet in Amman\n\n" + "\n".join(REPORT)
    assert document_read(plain.encode(), max_bytes=LIMIT).title == "Ministers meet in Amman"
    assert document_read(pdf_bytes(["Ministers meet in Amman", "", *REPORT]), max_bytes=LIMIT).title == (
        "Ministers meet in Amman"
    )
    # A title property naming the file is no title, and a text opening with its story has no heading to read.
    assert document_read(pdf_bytes(REPORT, title="Microsoft Word - report.docx"), max_bytes=LIMIT).title == ""
    assert document_read(docx_bytes(REPORT), max_bytes=LIMIT).title == ""
    page = html_page(title="Ministers meet in Amman | Gulf Security Review", paragraphs=REPORT)
    assert document_read(page.encode(), max_bytes=LIMIT).title.startswith("Ministers meet in Amman")


def _zip_without_word() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "not a word document")
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(200), "old Office file"),
        (bytes(range(256)) * 20, "not text|binary data"),
        (pdf_bytes(REPORT)[:300], "PDF is damaged"),
        (b"%PDF-1.4\n" + b"\x00garbage" * 50, "PDF is damaged"),
        (docx_bytes(REPORT)[:500], "Word document is damaged"),
        (_zip_without_word(), "ZIP archive"),
        (b"<html><body><nav>Home</nav></body></html>", "No article text"),
    ],
    ids=[
        "empty",
        "blank",
        "png",
        "doc",
        "binary",
        "truncated-pdf",
        "garbage-pdf",
        "truncated-docx",
        "zip",
        "no-article",
    ],
)
def test_unreadable_documents_are_refused_with_a_reason(data, message):
    with pytest.raises(DocumentError, match=message):
        document_read(data, max_bytes=LIMIT)


def test_size_limit():
    with pytest.raises(DocumentError, match="larger than the 1 KB limit"):
        document_read(b"x" * 2000, max_bytes=1024)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://example.org/a", "Only http and https"),
        ("javascript:alert(1)", "Only http and https"),
        ("https://", "no host"),
        ("http://127.0.0.1:8000/x", "private address"),
        ("http://10.1.2.3/x", "private address"),
        ("http://169.254.169.254/latest/meta-data", "private address"),
        ("http://[::1]/", "private address"),
        ("http://localhost/", "this machine"),
        ("http://user:pw@example.org/", "user name or password"),
        ("http://example.org:99999/", "malformed"),
    ],
)
def test_refused_urls(url, reason):
    with pytest.raises(FetchError, match=reason):
        url_check(url, allow_private=False)


def test_private_addresses_allowed_by_the_setting():
    assert url_check("http://127.0.0.1:8000/x", allow_private=True) == ("http", "127.0.0.1", 8000)


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("latin-1", "Le ministre marocain à Rabat a reçu son homologue jordanien."),
        ("latin-1", "La délégation française est arrivée à Amman mercredi."),
        ("cp1252", "Le ministre a déclaré « nous coopérons » – l’accord est signé… Œuvre commune."),
        ("cp1256", "وقّع الوزيران في الرباط مذكرة تفاهم حول أمن الحدود."),
        ("iso8859-6", "اجتمع قائد الشرطة مع نظيره المغربي"),
        (
            "cp1250",
            "Minister spraw wewnętrznych spotkał się w Warszawie z ministrem obrony. Rozmowy dotyczyły "
            "bezpieczeństwa granic, współpracy służb i zwalczania przemytu.",
        ),
        ("utf-16", "Le ministre marocain à Rabat a reçu son homologue."),
        ("utf-8", "Le ministre marocain à Rabat a reçu son homologue."),
    ],
    ids=["latin-1", "latin-1-short", "cp1252", "cp1256", "iso8859-6", "cp1250", "utf-16", "utf-8"],
)
def test_short_texts_whose_encodings_tie_are_read_in_the_common_news_encoding(encoding, text):
    """The detector scores Latin-1 bytes equally as cp1250, cp1252 or cp1257 (and ISO Arabic as Thai):
    the tie goes to the encoding news text is usually in, never to the first guess."""
    assert document_read(text.encode(encoding), max_bytes=LIMIT).text == text


# A report as a narrow column lays it out: each sentence runs over several lines, one word split in two (no
# apostrophes: the PDF's standard font encoding turns them into curly quotes).
WRAPPED_REPORT = [
    "Turkey and Azerbaijan review defence ties",
    "",
    "ANKARA - Turkish Defence Minister Yasar Guler met the Defence Minister",
    "of Azerbaijan, Zakir Hasanov, in Ankara on Monday, March 4, 2024,",
    "to discuss border secu-",
    "rity and joint training of their special forces units.",
    "",
    "The two ministers agreed to hold a joint exercise in the autumn and",
    "to expand the exchange of military cadets between the academies.",
]


def _wrapped_extraction(data: bytes):
    from ingest.extraction import Article, extract

    document = document_read(data, max_bytes=LIMIT)
    events = extract(Article(id="w", title="", text=document.text, published=datetime.date(2024, 3, 6))).events
    return document, events


@pytest.mark.parametrize(
    "data",
    [pdf_bytes(WRAPPED_REPORT), "\n".join(WRAPPED_REPORT).encode("cp1252")],
    ids=["pdf", "hard-wrapped-text"],
)
def test_lines_wrapped_mid_sentence_are_rebuilt_into_paragraphs_before_extraction(data):
    document, events = _wrapped_extraction(data)
    assert document.text.split("\n\n")[0] == "Turkey and Azerbaijan review defence ties"
    assert "Hasanov, in Ankara on Monday, March 4, 2024, to discuss border security and joint" in document.text
    assert document.text.count("\n\n") == 2
    meeting = next(event for event in events if event.type == "meeting")
    assert meeting.date == "2024-03-04"
    assert {(official.name, official.country) for official in meeting.officials} == {
        ("Yasar Guler", "TR"),
        ("Zakir Hasanov", "AZ"),
    }
