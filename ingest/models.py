"""Articles: what editors upload and the workers read."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from ingest.texts import normalized_text_hash, text_sketch


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
    duplicate_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        help_text="A URL whose fetched text had already been ingested as this article",
    )  # fmt: skip
    syndicated_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="syndications",
        help_text="An earlier article carrying nearly the same text (another outlet's copy)",
    )  # fmt: skip
    # Work claiming: the Celery task id holding the article and since when (see services.article_claim).
    claim_task = models.CharField(max_length=64, blank=True, editable=False)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    attempts = models.PositiveIntegerField(default=0, editable=False)
    processed = models.DateTimeField(null=True, blank=True, help_text="When it last became done or failed")
    sketch = ArrayField(models.BigIntegerField(), default=list, blank=True, editable=False)
    engine = models.CharField(max_length=40, blank=True, help_text="Extraction engine version that wrote its records")
    outcome = models.JSONField(default=dict, blank=True, help_text="Engagements created and updated")
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
            models.Index(fields=["processed"], name="article_processed"),  # processed in the last hour / day
            # Near-duplicate candidates (services.article_syndication_find: sketch overlap), looked up for every
            # article processed: written straight into the index, not first to a pending list that every
            # lookup reads through until it is merged (3 to 5 ms per lookup during an ingest, 0.2 ms without).
            GinIndex(fields=["sketch"], name="article_sketch", fastupdate=False),
            # The newest first: the search for a common word reads them in this order.
            models.Index(F("published").desc(nulls_last=True), F("id").desc(), name="article_newest"),
        ]

    def __str__(self) -> str:
        return self.title or self.source_url or f"Article {self.pk}"

    def save(self, *args, **kwargs):
        fields = kwargs.get("update_fields")
        # A save of other fields (a worker finishing the article) leaves the fingerprints as they are.
        if fields is None or "text" in fields:
            self.fingerprint()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("ingest:article", args=[self.pk])

    def fingerprint(self) -> None:
        """The text's hash (the same story twice) and sketch (near copies), for a text that has words."""
        if self.text.strip():
            self.sha256 = normalized_text_hash(self.text)
            self.sketch = text_sketch(self.text)
