"""Reading uploaded or fetched documents into plain article text and metadata.

The type is judged from the bytes, never from a file name or a Content-Type header. Whatever
comes out is plain text: HTML is reduced to its article text and nothing of the markup survives.

Metadata is what the document states about itself, never what a program recorded about the file:
- the publication date is an HTML page's date markup (article:published_time and the like) or a date the
  text states at its top ("Published: 15 January 2024", a dateline "AMMAN, Jan. 15, 2024 (Agency) -");
  a Word file's created/modified properties and a PDF's CreationDate/ModDate are when a template was made or
  a page printed, and are ignored.
- the title is the page's title or heading, a Word file's Title or Heading paragraph (else its title
  property), a PDF's title property, else the first line of the text when it reads as a heading.
"""

from __future__ import annotations

import datetime
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from itertools import pairwise

import charset_normalizer

from ingest.paragraphs import paragraphs_rebuild

SUPPORTED = "plain text, HTML, PDF or Word (.docx)"
MIN_HTML_TEXT = 100


class DocumentError(ValueError):
    """The bytes are not a document we can read; the message is shown to the editor."""


@dataclass
class Document:
    text: str
    kind: str  # text | html | pdf | docx
    title: str = ""
    publisher: str = ""
    published: datetime.date | None = None


# Signatures of common files that are not articles, so the message can say what the file really is.
_OTHER_SIGNATURES = {
    b"\xd0\xcf\x11\xe0": "an old Office file (.doc/.xls); save it as .docx or PDF",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program",
    b"MZ": "a Windows program",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"{\\rtf": "an RTF document; save it as .docx or PDF",
}
_HTML = re.compile(r"<\s*(!doctype\s+html|html|head|body|article|p|div|meta|title)\b", re.IGNORECASE)


def document_read(data: bytes, *, max_bytes: int, url: str | None = None) -> Document:
    """Plain text and metadata of a .txt, .html, .pdf or .docx document given as bytes."""
    if len(data) > max_bytes:
        raise DocumentError(f"The document is larger than the {_megabytes(max_bytes)} limit.")
    if not data.strip():
        raise DocumentError("The document is empty.")
    if b"%PDF-" in data[:1024]:
        document = _pdf(data)
    elif data.startswith(b"PK\x03\x04"):
        document = _docx(data)
    else:
        for signature, what in _OTHER_SIGNATURES.items():
            if data.startswith(signature):
                raise DocumentError(f"This file is {what}, not {SUPPORTED}.")
        text = text_decode(data)
        if _HTML.search(text[:5000]):
            document = _html(text, url=url)
        else:
            return document_from_text(text)
    return _finish(document)


def document_from_text(text: str) -> Document:
    """Pasted or plain-file text as a document: paragraphs rebuilt, title and stated date read from its top."""
    return _finish(Document(text=text, kind="text"))


def _finish(document: Document) -> Document:
    if document.kind in ("text", "pdf"):  # HTML and Word mark their paragraphs; these may be wrapped at a width
        document.text = paragraphs_rebuild(document.text)
    document.text = _tidy(document.text)
    if not document.text.strip():
        raise DocumentError("No text could be read from the document.")
    document.title = document.title or first_line_title(document.text)
    document.published = document.published or stated_date(document.text)
    return document


TITLE_LENGTH = 150  # longer first lines are paragraphs, not headings


def first_line_title(text: str) -> str:
    """The text's first line when it reads as a heading: short, and not a sentence. A text that opens straight
    with its story has no title to read (a curated or typed one is kept for it)."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(line) > TITLE_LENGTH or line.endswith((".", "!", "?", ",", ";", ":")):
        return ""
    return line


_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_DAY_DATE = (
    rf"(?:(?:\w+day,?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH_NAMES})\.?|(?:{_MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?),?"
    rf"\s+(?:19|20)\d{{2}}|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}})"
)
# "Published: 15 January 2024", "Posted on Jan. 15, 2024", "Date: 2024-01-15" on a line of its own at the top.
_LABELLED_DATE = re.compile(
    rf"^(?:published|first published|posted|issued|date|released)(?:\s+on)?\s*[:\-–]?\s*({_DAY_DATE})",
    re.IGNORECASE | re.MULTILINE,
)
# A dateline: a place in capitals or words, the date, then the agency in brackets or a dash.
_DATELINE = re.compile(
    rf"^[A-Z][\w'’. ]{{1,40}}(?:,\s*[A-Z][\w'’. ]{{1,40}})?,\s*({_DAY_DATE})\s*(?:\(|[-–—:])", re.MULTILINE
)
# How far down a stated date may sit: the byline block, not the story.
STATED_DATE_WITHIN = 600


def stated_date(text: str) -> datetime.date | None:
    """The publication date the text states at its top (a labelled date or a dateline), if any."""
    from ingest.extraction.dates import find_dates

    head = text[:STATED_DATE_WITHIN]
    for pattern in (_LABELLED_DATE, _DATELINE):
        for match in pattern.finditer(head):
            mentions = [m for m in find_dates(match.group(1), None) if m.value and m.precision == "day"]
            if mentions:
                return _date(mentions[0].value)
    return None


def text_decode(data: bytes) -> str:
    """Decode bytes in whatever encoding they are in; binary data is refused, never garbled."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = _decode_by_detector(data)
    if text is None:
        raise DocumentError(f"The file is not text, nor {SUPPORTED}.")
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f")
    if controls > len(text) * 0.01:
        raise DocumentError(f"The file is binary data, not {SUPPORTED}.")
    return text


# The encodings news text comes in, most common first: UTF-8, then the Western (Windows-1252 is a superset of
# Latin-1's printable range, so it decodes Latin-1 files identically), Arabic, Cyrillic, Greek, Turkish, Central
# European, Hebrew and East Asian legacy encodings. Used only to choose among guesses the detector cannot tell
# apart: a Polish text in cp1250 scores better as cp1250 than as cp1252 and is not a tie.
NEWS_ENCODINGS = [
    "utf_8", "utf_16", "utf_32", "cp1252", "latin_1", "iso8859_15", "cp1256", "iso8859_6", "cp1251", "koi8_r",
    "iso8859_5", "cp1253", "iso8859_7", "cp1254", "iso8859_9", "cp1250", "iso8859_2", "cp1255", "iso8859_8",
    "cp1257", "iso8859_13", "gb18030", "gbk", "big5", "shift_jis", "euc_jp", "euc_kr", "cp949", "cp874", "tis_620",
]  # fmt: skip
# How close two guesses' scores must be for the detector to have no real preference between them.
_TIED_CHAOS, _TIED_COHERENCE = 0.01, 0.03


def _decode_by_detector(data: bytes) -> str | None:
    """The detector's guess, or, where several guesses score alike (Latin-1 bytes are equally plausible as
    cp1250 or cp1257), the one in the encoding news text most often comes in."""
    results = list(charset_normalizer.from_bytes(data))
    if not results:
        return None
    best = results[0]
    tied = [
        match
        for match in results
        if match.chaos <= best.chaos + _TIED_CHAOS and match.coherence >= best.coherence - _TIED_COHERENCE
    ]

    def preference(match) -> tuple[int, str]:
        ranks = [(NEWS_ENCODINGS.index(name), name) for name in match.could_be_from_charset if name in NEWS_ENCODINGS]
        return min(ranks, default=(len(NEWS_ENCODINGS), match.encoding))

    # min() keeps the first of equals, so the detector's own order breaks the remaining ties.
    chosen = min(tied, key=lambda match: preference(match)[0])
    try:
        return data.decode(preference(chosen)[1])
    except UnicodeDecodeError:  # the detector tolerates a few undecodable bytes; decode as it did
        return str(chosen)


def _tidy(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _megabytes(size: int) -> str:
    if size < 1024 * 1024:
        return f"{size / 1024:.3g} KB"
    return f"{size / (1024 * 1024):.3g} MB"


def _html(html: str, *, url: str | None) -> Document:
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        # Dates from the page's markup only: a date in the story is when something happened, not when it was
        # published.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (extracted.text or "") if extracted else ""
    if len(text.strip()) < MIN_HTML_TEXT:  # menus and footers only: not an article
        raise DocumentError("No article text was found in the HTML page.")
    return Document(
        text=text,
        kind="html",
        title=(extracted.title or "").strip(),
        publisher=(extracted.sitename or "").strip(),
        published=_date(extracted.date),
    )


def _pdf(data: bytes) -> Document:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError("The PDF is password-protected.")
        text = "\n".join(_pdf_page_text(page) for page in reader.pages)
        meta = reader.metadata
        title = (meta.title or "") if meta else ""
    except DocumentError:
        raise
    except Exception as exc:  # pypdf raises many types on damaged files, not only PyPdfError
        raise DocumentError("The PDF is damaged or could not be read.") from exc
    if not text.strip():
        raise DocumentError("The PDF has no text layer (a scan?); only PDFs with text can be read.")
    return Document(text=text, kind="pdf", title=_unless_file_name(str(title)))


# A gap between lines this many times the usual line spacing separates two paragraphs.
PARAGRAPH_GAP = 1.5


def _pdf_page_text(page) -> str:
    """The page's text with a blank line where the layout leaves a taller gap between lines than its usual line
    spacing: PDF text layers mark paragraphs by position only, and paragraphs_rebuild needs them."""
    lines: list[tuple[float | None, str]] = [(None, "")]

    def visit(text, cm, tm, font, size):
        for number, part in enumerate(text.split("\n")):
            if number:
                lines.append((None, ""))
            y, sofar = lines[-1]
            if y is None and part.strip():  # where the line's first visible text sits on the page
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            lines[-1] = (y, sofar + part)

    page.extract_text(visitor_text=visit)
    placed = [(y, text) for y, text in lines if y is not None]
    if not placed:
        return page.extract_text() or ""
    gaps = sorted(above - below for (above, _), (below, _) in pairwise(placed) if above - below > 0)
    spacing = gaps[len(gaps) // 2] if gaps else 0
    out = [placed[0][1]]
    for (above, _), (below, text) in pairwise(placed):
        if spacing and above - below > PARAGRAPH_GAP * spacing:
            out.append("")
        out.append(text)
    return "\n".join(out)


def _docx(data: bytes) -> Document:
    import docx

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise DocumentError("The Word document is damaged or could not be read.") from exc
    if "word/document.xml" not in names:
        raise DocumentError(f"This file is a ZIP archive, not {SUPPORTED}.")
    try:
        document = docx.Document(io.BytesIO(data))
        text = "\n".join(paragraph.text for paragraph in document.paragraphs)
        heading = next(
            (
                paragraph.text.strip()
                for paragraph in document.paragraphs
                if paragraph.text.strip() and _is_heading_style(paragraph.style)
            ),
            "",
        )
        title = heading or _unless_file_name(document.core_properties.title or "")
    except Exception as exc:  # python-docx and lxml raise many types on a mangled package
        raise DocumentError("The Word document is damaged or could not be read.") from exc
    return Document(text=text, kind="docx", title=title[:TITLE_LENGTH])


def _is_heading_style(style) -> bool:
    """Word's Title and Heading 1-9 styles, or a style based on one of them."""
    while style is not None:
        if re.fullmatch(r"(Title|Heading \d)", style.name or ""):
            return True
        style = style.base_style
    return False


# Title properties that name the file or the program instead of the article.
_FILE_NAME_TITLE = re.compile(r"(?i)(^untitled|^microsoft word\b|^document\d*$|\.(docx?|pdf|rtf|txt|odt)$)")


def _unless_file_name(title: str) -> str:
    title = title.strip()
    return "" if _FILE_NAME_TITLE.search(title) else title


def _date(value) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
