"""Builders of test documents in each supported format (and broken ones)."""

import datetime
import io

import docx


def pdf_bytes(lines: list[str], *, title: str = "") -> bytes:
    """A one-page PDF with a text layer, written by hand (offsets computed, so readers need no repair)."""
    content = "BT /F1 11 Tf 40 800 Td 14 TL " + " ".join(f"({_pdf_escape(line)}) '" for line in lines) + " ET"
    info = f"<< /Title ({_pdf_escape(title)}) /CreationDate (D:20240115093000Z) >>" if title else "<< >>"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        info,
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def docx_bytes(
    paragraphs: list[str],
    *,
    title: str = "",
    heading: str = "",
    first_style: str | None = None,
    created: datetime.datetime | None = None,
) -> bytes:
    """A Word file; `heading` is a Heading 1 paragraph before the others, `first_style` the first one's style,
    `created` its created/modified properties (as a template would leave them)."""
    document = docx.Document()
    document.core_properties.title = title
    if created:
        document.core_properties.created = document.core_properties.modified = created
    if heading:
        document.add_heading(heading, level=1)
    for number, paragraph in enumerate(paragraphs):
        document.add_paragraph(paragraph, style=first_style if number == 0 else None)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def html_page(
    *, title: str, paragraphs: list[str], site: str = "Gulf Security Review", date: str = "2024-01-15"
) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>"
        f"<meta property='og:title' content='{title}'><meta property='og:site_name' content='{site}'>"
        f"<meta property='article:published_time' content='{date}T08:00:00Z'>"
        "<script>window.tracker = 1;</script></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>Copyright Gulf Security Review</footer></body></html>"
    )


REPORT = [
    "Jordan's Interior Minister Mazen Al Faraya received Bahrain's Interior Minister General Sheikh Rashid bin "
    "Abdullah Al Khalifa in Amman on Monday, January 15, 2024, for talks on border security and drug smuggling.",
    "The two ministers reviewed cooperation between their ministries and agreed to exchange information on "
    "smuggling networks operating across the region.",
    "They also discussed training programmes for police officers and the protection of critical infrastructure.",
]
