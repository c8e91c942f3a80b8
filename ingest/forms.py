from django import forms
from django.conf import settings

from ingest.documents import Document, DocumentError, document_from_text, document_read
from ingest.fetch import FetchError, url_check


class UploadForm(forms.Form):
    """One article from pasted text, a file or a URL; title, publisher and date are optional."""

    text = forms.CharField(
        label="Paste the article text", required=False, strip=False, widget=forms.Textarea(attrs={"rows": 12})
    )
    file = forms.FileField(
        label="or upload a file",
        required=False,
        help_text="Plain text, HTML, PDF or Word (.docx).",
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.html,.htm,.pdf,.docx"}),
    )
    url = forms.CharField(
        label="or give its URL", required=False, max_length=2000, help_text="Fetched in the background."
    )
    title = forms.CharField(max_length=500, required=False)
    publisher = forms.CharField(max_length=200, required=False)
    published = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))

    document: Document | None = None

    def clean_text(self):
        text = self.cleaned_data["text"]
        if text and not text.strip():
            raise forms.ValidationError("The article text is empty.")
        if len(text.encode("utf-8")) > settings.INGEST_MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The text is longer than the upload limit.")
        if text:  # read like a plain-text file: wrapped lines joined, title and stated date from its top
            self.document = document_from_text(text)
        return text.strip()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload:
            return upload
        limit = settings.INGEST_MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise forms.ValidationError(f"The file is {upload.size / 2**20:.1f} MB; the limit is {limit / 2**20:g} MB.")
        try:
            self.document = document_read(upload.read(), max_bytes=limit)
        except DocumentError as error:
            raise forms.ValidationError(str(error)) from error
        return upload

    def clean_url(self):
        url = self.cleaned_data["url"].strip()
        if url:
            try:
                url_check(url, allow_private=settings.INGEST_ALLOW_PRIVATE_URLS)
            except FetchError as error:
                raise forms.ValidationError(error.reason) from error
        return url

    def clean(self):
        data = super().clean()
        given = [name for name in ("text", "file", "url") if data.get(name)]
        if not given and not self.errors:
            raise forms.ValidationError("Paste the article text, choose a file or give a URL.")
        if len(given) > 1:
            raise forms.ValidationError("Give only one of: pasted text, a file, a URL.")
        return data

    def submission(self) -> dict:
        """Fields for services.article_submit: the editor's metadata first, the document's otherwise."""
        data, document = self.cleaned_data, self.document
        return {
            "text": document.text if document else data["text"],
            "source_url": data["url"],
            "title": data["title"] or (document.title if document else ""),
            "publisher": data["publisher"] or (document.publisher if document else ""),
            "published": data["published"] or (document.published if document else None),
        }
