"""Articles: what editors upload and the workers read."""

import hashlib
import re
import unicodedata

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse


def normalized_text_hash(text: str) -> str:
    """SHA-256 of the text with Unicode, case and white space normalized: the same story pasted twice matches."""
    folded = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text or "")).strip().lower()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


class Article(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        PROCESSING = "processing", "Processing"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    title = models.CharField(max_length=500, blank=True)
    text = models.TextField(blank=True)
    source_url = models.URLField(max_length=2000, blank=True)
    publisher = models.CharField(max_length=200, blank=True)
    published = models.DateField(null=True, blank=True)
    language = models.CharField(max_length=12, blank=True)
    sha256 = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    error = models.TextField(blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="articles"
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["pending", "processing", "done", "failed"]), name="article_status_valid"
            ),
            # A URL upload has no text until the worker fetches it; everything else has both.
            models.CheckConstraint(
                condition=Q(sha256__isnull=True) | Q(sha256__regex=r"^[0-9a-f]{64}$"), name="article_sha256_hex"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "updated"], name="article_status_updated"),  # operations page, sweeper
        ]

    def __str__(self) -> str:
        return self.title or self.source_url or f"Article {self.pk}"

    def save(self, *args, **kwargs):
        if self.text.strip():
            self.sha256 = normalized_text_hash(self.text)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("ingest:article", args=[self.pk])
