"""Reading uploaded or fetched documents into plain article text and metadata.

The type is judged from the bytes, never from a file name or a Content-Type header. Whatever
comes out is plain text: HTML is reduced to its article text and nothing of the markup survives.
"""

from __future__ import annotations

import datetime
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass

import charset_normalizer

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
        document = _html(text, url=url) if _HTML.search(text[:5000]) else Document(text=text, kind="text")
    document.text = _tidy(document.text)
    if not document.text.strip():
        raise DocumentError("No text could be read from the document.")
    return document


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
        html, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    text = (extracted.text or "") if extracted else ""
    if len(text.strip()) < MIN_HTML_TEXT:  # menus and footers only: not an article
        raise DocumentError("No article text was found in the HTML page.")
    return Document(
        text=text,
        kind="html",
        title=(extracted.title or "").strip(),
        publisher=(extracted.sitename or "").strip(),
        published=_date(extracted.date) or _html_date(html),
    )


def _html_date(html: str) -> datetime.date | None:
    from htmldate import find_date

    try:
        return _date(find_date(html, original_date=True, extensive_search=False))
    except (ValueError, TypeError):
        return None


def _pdf(data: bytes) -> Document:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError("The PDF is password-protected.")
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
        meta = reader.metadata
        title = (meta.title or "") if meta else ""
        created = meta.creation_date if meta else None
    except DocumentError:
        raise
    except Exception as exc:  # pypdf raises many types on damaged files, not only PyPdfError
        raise DocumentError("The PDF is damaged or could not be read.") from exc
    if not text.strip():
        raise DocumentError("The PDF has no text layer (a scan?); only PDFs with text can be read.")
    return Document(text=text, kind="pdf", title=str(title).strip(), published=created.date() if created else None)


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
        props = document.core_properties
        title, created = props.title or "", props.created
    except Exception as exc:  # python-docx and lxml raise many types on a mangled package
        raise DocumentError("The Word document is damaged or could not be read.") from exc
    return Document(text=text, kind="docx", title=title.strip(), published=created.date() if created else None)


def _date(value) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
