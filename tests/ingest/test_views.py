"""Upload, article progress and operations pages, as editors and analysts see them."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ingest import services
from ingest.models import Article
from meetings.models import Engagement
from tests.ingest.documents import REPORT, docx_bytes, html_page, pdf_bytes

pytestmark = pytest.mark.django_db
UPLOAD = reverse("ingest:upload")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def upload_file(name: str, data: bytes) -> dict:
    return {"file": SimpleUploadedFile(name, data)}


def test_analysts_cannot_upload(client, analyst):
    client.force_login(analyst)
    assert client.get(UPLOAD).status_code == 403
    assert client.post(UPLOAD, {"text": "\n".join(REPORT)}).status_code == 403
    assert Article.objects.count() == 0
    assert "Upload" not in client.get(reverse("meetings:timeline")).content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(UPLOAD)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_editor_pastes_text_and_lands_on_the_article_page_polling_for_progress(
    editor_client, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as queued:
        response = editor_client.post(UPLOAD, {"text": "\n".join(REPORT), "title": "Amman talks"}, follow=True)
    article = Article.objects.get()
    assert len(queued) == 1  # the task is sent only once the article is committed
    assert (article.status, article.uploaded_by, article.title) == ("pending", editor, "Amman talks")
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == article.get_absolute_url()
    assert 'hx-trigger="every 1s"' in page and "Pending" in page


def test_pasted_text_is_titled_by_its_first_line_and_its_wrapped_lines_joined(editor_client):
    pasted = "Ministers meet in Amman\n\nJordan's Interior Minister received his Bahraini counterpart in Amman on\n"
    pasted += "Monday for talks on border security and the fight against drug smuggling\nnetworks in the region."
    editor_client.post(UPLOAD, {"text": pasted})
    article = Article.objects.get()
    assert str(article) == "Ministers meet in Amman"
    assert "in Amman on Monday for talks" in article.text and "smuggling networks" in article.text


@pytest.mark.parametrize(
    ("name", "data", "kind", "title"),
    [
        (
            "report.txt",
            "\n".join(["Ministers meet in Amman", *REPORT]).encode("utf-16"),
            "text",
            "Ministers meet in Amman",
        ),
        ("report.pdf", pdf_bytes(REPORT, title="Ministers meet in Amman"), "pdf", "Ministers meet in Amman"),
        ("report.docx", docx_bytes(REPORT, title="Ministers meet in Amman"), "docx", "Ministers meet in Amman"),
        (
            "report.htm",
            html_page(title="Ministers meet in Amman", paragraphs=REPORT).encode(),
            "html",
            "Ministers meet in Amman",
        ),
        (
            "scan.pdf",
            html_page(title="Ministers meet in Amman", paragraphs=REPORT).encode(),
            "html",
            "Ministers meet in Amman",
        ),
    ],
    ids=["utf16-text", "pdf", "docx", "html", "html-named-pdf"],
)
def test_editor_uploads_a_file_read_by_its_content(editor_client, name, data, kind, title):
    response = editor_client.post(UPLOAD, upload_file(name, data))
    article = Article.objects.get()
    assert response["Location"] == article.get_absolute_url()
    assert REPORT[1] in article.text and "<" not in article.text
    assert article.title == title
    if kind == "html":
        assert article.publisher == "Gulf Security Review" and str(article.published) == "2024-01-15"


def test_the_editors_metadata_wins_over_the_documents(editor_client):
    page = html_page(title="Page title", paragraphs=REPORT).encode()
    data = {"title": "My title", "publisher": "Petra", "published": "2024-01-16", **upload_file("a.html", page)}
    editor_client.post(UPLOAD, data)
    article = Article.objects.get()
    assert (article.title, article.publisher, str(article.published)) == ("My title", "Petra", "2024-01-16")


def test_url_upload_is_saved_for_the_worker_to_fetch(editor_client):
    editor_client.post(UPLOAD, {"url": "https://www.example.org/news/amman-talks"})
    article = Article.objects.get()
    assert (article.source_url, article.text, article.status) == (
        "https://www.example.org/news/amman-talks",
        "",
        "pending",
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Paste the article text, choose a file or give a URL."),
        ({"text": "   \n  "}, "The article text is empty."),
        ({"text": "A report.", "url": "https://example.org/a"}, "Give only one of"),
        (upload_file("big.txt", b"word " * 400), "the limit is"),
        (upload_file("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(300)), "This file is a PNG image"),
        (upload_file("report.pdf", b"\x7fELF" + bytes(300)), "This file is a program"),
        (upload_file("report.pdf", pdf_bytes(REPORT)[:400]), "The PDF is damaged"),
        (upload_file("report.docx", docx_bytes(REPORT)[:600]), "The Word document is damaged"),
        (upload_file("empty.txt", b""), "The submitted file is empty."),
        ({"url": "not a url"}, "Only http and https"),
        ({"url": "ftp://example.org/file"}, "Only http and https"),
        ({"url": "http://192.168.1.10/admin"}, "private address"),
        ({"url": "http://localhost:8000/"}, "this machine"),
        ({"text": "A report.", "published": "31/31/2024"}, "Enter a valid date."),
    ],
    ids=[
        "nothing", "blank-text", "two-sources", "too-large", "png-as-txt", "program-as-pdf", "corrupt-pdf",
        "corrupt-docx", "empty-file", "malformed-url", "ftp-url", "private-url", "localhost-url", "bad-date",
    ],
)  # fmt: skip
def test_bad_input_gets_a_clear_message_and_creates_nothing(editor_client, settings, data, message):
    settings.INGEST_MAX_UPLOAD_BYTES = 1024
    response = editor_client.post(UPLOAD, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Article.objects.count() == 0


def test_inline_validation_returns_only_the_error_slots_and_saves_nothing(editor_client):
    response = editor_client.post(
        reverse("ingest:upload_validate"), {"url": "http://10.0.0.1/"}, headers={"HX-Request": "true"}
    )
    page = response.content.decode()
    url_errors = re.search(r'<span id="id_url-errors" hx-swap-oob="true">(.*?)</span></span>', page)
    assert url_errors and "private address" in url_errors.group(1)
    assert '<span id="id_file-errors" hx-swap-oob="true"></span>' in page
    # No field comes back, so swapping the answer in cannot empty the chosen file.
    assert "<form" not in page and "<input" not in page and "<textarea" not in page
    assert "<html" not in page and Article.objects.count() == 0


def test_the_upload_page_has_the_error_slots_inline_validation_fills(editor_client):
    page = editor_client.post(UPLOAD, {"url": "http://10.0.0.1/"}).content.decode()
    form = page[page.index('<form id="upload-form"') :]
    assert 'hx-swap="none"' in form[: form.index(">")]
    for slot in ("upload-form-errors", "id_text-errors", "id_file-errors", "id_url-errors", "id_published-errors"):
        assert f'id="{slot}"' in form
    assert "private address" in form[form.index('id="id_url-errors"') :]


def test_uploading_the_same_text_again_shows_the_existing_article(editor_client):
    first = services.article_create(text="\n".join(REPORT))
    response = editor_client.post(UPLOAD, {"text": "\n".join(REPORT).upper()}, follow=True)
    assert response.redirect_chain[-1][0] == first.get_absolute_url()
    assert "already ingested" in response.content.decode()
    assert Article.objects.count() == 1


def test_nothing_from_the_document_is_rendered_as_html(editor_client):
    text = REPORT[0] + "\n<script>alert('owned')</script><img src=x onerror=alert(1)>"
    editor_client.post(UPLOAD, {"text": text})
    page = editor_client.get(Article.objects.get().get_absolute_url()).content.decode()
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#x27;owned&#x27;)&lt;/script&gt;" in page


def test_progress_stops_polling_with_286_and_shows_the_engagements(editor_client, seed_text):
    article = services.article_create(text=seed_text, title="Seed")
    progress = reverse("ingest:article_progress", args=[article.pk])
    pending = editor_client.get(progress, headers={"HX-Request": "true"})
    assert pending.status_code == 200 and 'hx-trigger="every 1s"' in pending.content.decode()
    services.article_process(article_id=article.pk)
    done = editor_client.get(progress, headers={"HX-Request": "true"})
    page = done.content.decode()
    assert done.status_code == 286 and "hx-trigger" not in page
    engagement = Engagement.objects.get()
    assert engagement.get_absolute_url() in page and "Jordan" in page and "new" in page


def test_failed_article_shows_its_reason_and_a_retry_button(editor_client, django_capture_on_commit_callbacks):
    article = services.article_create(source_url="https://example.org/gone")
    services.article_claim(article_id=article.pk, task_id="t")
    services.article_fail(article_id=article.pk, reason="The page was not found (HTTP 404).", task_id="t")
    page = editor_client.get(article.get_absolute_url()).content.decode()
    assert "Failed: The page was not found (HTTP 404)." in page and ">Retry</button>" in page
    with django_capture_on_commit_callbacks() as queued:
        editor_client.post(reverse("ingest:article_retry", args=[article.pk]))
    assert Article.objects.get(pk=article.pk).status == "pending" and len(queued) == 1


def test_operations_page_counts_and_failures(editor_client, seed_text):
    services.article_process(article_id=services.article_create(text=seed_text).pk)
    services.article_create(text="\n".join(REPORT))
    failing = services.article_create(source_url="https://example.org/gone")
    services.article_claim(article_id=failing.pk, task_id="t")
    services.article_fail(article_id=failing.pk, reason="The site did not answer within 15 seconds.", task_id="t")
    response = editor_client.get(reverse("ingest:operations"))
    page = response.content.decode()
    counts = response.context["counts"]
    assert counts.by_status == {"pending": 1, "processing": 0, "done": 1, "failed": 1}
    assert (counts.processed_hour, counts.processed_day, counts.failed_day) == (2, 2, 1)
    assert "The site did not answer within 15 seconds." in page and ">Retry</button>" in page


def test_analysts_do_not_see_operations(client, analyst):
    client.force_login(analyst)
    assert client.get(reverse("ingest:operations")).status_code == 403
