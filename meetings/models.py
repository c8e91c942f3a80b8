"""The domain analysts track: states, their officials, and the engagements between them."""

import hashlib
import secrets

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, GistIndex
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from meetings.kinds import ENGAGEMENT_KINDS, LABELS
from meetings.names import alias_key, alias_romanized


class Country(models.Model):
    """An ISO 3166-1 state; loaded from pycountry by a data migration."""

    code = models.CharField(max_length=2, primary_key=True, help_text="ISO 3166-1 alpha-2")
    alpha3 = models.CharField(max_length=3, unique=True)
    name = models.CharField(max_length=100, help_text="ISO name")
    short_name = models.CharField(max_length=100, help_text="Common short name used on screen")

    class Meta:
        ordering = ["short_name"]
        verbose_name_plural = "countries"
        constraints = [models.CheckConstraint(condition=Q(code__regex=r"^[A-Z]{2}$"), name="country_code_alpha2")]

    def __str__(self) -> str:
        return self.short_name

    def get_absolute_url(self) -> str:
        return reverse("meetings:country", args=[self.code])

    @property
    def flag(self) -> str:
        return "".join(chr(0x1F1E6 + ord(c) - ord("A")) for c in self.code)


class Topic(models.Model):
    """One of the 16 fixed topic slugs (seeds/topics.json)."""

    slug = models.SlugField(max_length=40, unique=True)
    label = models.CharField(max_length=60)
    description = models.CharField(max_length=200)

    class Meta:
        ordering = ["label"]

    def __str__(self) -> str:
        return self.label


class Organization(models.Model):
    """A ministry, directorate or force of one state."""

    name = models.CharField(max_length=200)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="organizations")

    class Meta:
        ordering = ["country", "name"]
        constraints = [models.UniqueConstraint(fields=["country", "name"], name="organization_unique_per_country")]

    def __str__(self) -> str:
        return f"{self.name} ({self.country_id})"


class Official(models.Model):
    """A real person representing a state, whatever the press calls them."""

    name = models.CharField(max_length=200, help_text="Canonical name")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="officials", null=True, blank=True)
    title = models.CharField(max_length=300, blank=True, help_text="Current title")
    organization = models.ForeignKey(
        Organization, on_delete=models.SET_NULL, related_name="officials", null=True, blank=True
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["country", "name"], name="official_country_name")]  # officials of a state

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("meetings:official", args=[self.pk])


class OfficialAlias(models.Model):
    """One spelling of an official's name as printed somewhere (Maaytah, Maaitah, Al-Maaytah)."""

    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, editable=False, help_text="Folded form used for matching")
    romanized = models.CharField(
        max_length=200, editable=False, default="", help_text="Consonant skeleton of the romanised name, any script"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "official aliases"
        constraints = [
            models.UniqueConstraint(fields=["official", "key"], name="alias_unique_per_official"),
            models.CheckConstraint(condition=~Q(key=""), name="alias_key_not_empty"),
        ]
        indexes = [
            # Trigram candidates for name resolution and search ("Maaitah" finds "Maaytah").
            GinIndex(fields=["key"], name="alias_key_trgm", opclasses=["gin_trgm_ops"]),
            # Search and the timeline's official filter: the closest spellings first, nearest-neighbour order
            # (selectors.officials_matching), so a common surname costs a few rows, not all its matches.
            GistIndex(fields=["key"], name="alias_key_trgm_gist", opclasses=["gist_trgm_ops"]),
            # Across scripts: an Arabic-script mention's candidates among Latin spellings and back
            # (services.official_resolve, selectors.officials_matching).
            GinIndex(fields=["romanized"], name="alias_romanized_trgm", opclasses=["gin_trgm_ops"]),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.key = alias_key(self.name)
        self.romanized = alias_romanized(self.name)
        super().save(*args, **kwargs)


class Engagement(models.Model):
    """One real-world contact between officials of two or more states."""

    Kind = models.TextChoices("Kind", [(kind.upper(), (kind, LABELS[kind])) for kind in ENGAGEMENT_KINDS])

    class Precision(models.TextChoices):
        DAY = "day", "Day"
        MONTH = "month", "Month"
        UNKNOWN = "unknown", "Unknown"

    class Status(models.TextChoices):
        EXTRACTED = "extracted", "Extracted"
        CONFIRMED = "confirmed", "Confirmed"
        REJECTED = "rejected", "Rejected"

    kind = models.CharField("type", max_length=12, choices=Kind.choices)
    date = models.DateField(null=True, blank=True, help_text="First of the month when precision is month")
    date_precision = models.CharField(max_length=8, choices=Precision.choices, default=Precision.DAY)
    city = models.CharField(max_length=120, blank=True)
    location_country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="hosted_engagements", null=True, blank=True
    )
    countries = models.ManyToManyField(Country, related_name="engagements")
    topics = models.ManyToManyField(Topic, related_name="engagements", blank=True)
    summary = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.EXTRACTED)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = [F("date").desc(nulls_last=True), "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(date__isnull=True, date_precision="unknown")
                | Q(date__isnull=False, date_precision__in=["day", "month"]),
                name="engagement_date_matches_precision",
            ),
            models.CheckConstraint(
                condition=~Q(date_precision="month") | Q(date__day=1),
                name="engagement_month_precision_on_first",
            ),
            models.CheckConstraint(condition=Q(kind__in=list(ENGAGEMENT_KINDS)), name="engagement_kind_valid"),
            models.CheckConstraint(
                condition=Q(status__in=["extracted", "confirmed", "rejected"]), name="engagement_status_valid"
            ),
        ]
        indexes = [
            # The timeline: newest first, cursor on (date, id).
            models.Index(F("date").desc(nulls_last=True), F("id").desc(), name="engagement_timeline"),
            # Agreements of a country or pair, and the timeline filtered by type: newest first within a kind.
            models.Index("kind", F("date").desc(nulls_last=True), F("id").desc(), name="engagement_kind_timeline"),
            # The timeline of an official (and the official page's counterparts): the official's engagements
            # checked by id for type, dates and status without reading their rows.
            models.Index(fields=["id"], include=["kind", "date", "status"], name="engagement_pk_facts"),
        ]

    def __str__(self) -> str:
        codes = "–".join(sorted(c.code for c in self.countries.all()))
        return f"{self.get_kind_display()} {codes} {self.date_label}".strip()

    def get_absolute_url(self) -> str:
        return reverse("meetings:engagement", args=[self.pk])

    @property
    def date_label(self) -> str:
        if self.date is None:
            return "date unknown"
        if self.date_precision == self.Precision.MONTH:
            return self.date.strftime("%b %Y")
        return self.date.strftime("%-d %b %Y")


class Participation(models.Model):
    """An official in an engagement, for a state, with the title as reported then."""

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="participations")
    official = models.ForeignKey(Official, on_delete=models.PROTECT, related_name="participations")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="participations", null=True)
    title = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["country_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["engagement", "official"], name="participation_unique_official"),
        ]

    def __str__(self) -> str:
        return f"{self.official} in {self.engagement_id}"


class Evidence(models.Model):
    """Links an engagement to an article that reports it, with the sentence the facts came from."""

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="evidence")
    # The one link from the domain to ingest: a lazy reference, never an import (README, Layout).
    article = models.ForeignKey("ingest.Article", on_delete=models.CASCADE, related_name="evidence")
    sentence = models.TextField()
    start = models.PositiveIntegerField(help_text="Character offset of the sentence in the article text")
    end = models.PositiveIntegerField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article_id", "start"]
        verbose_name_plural = "evidence"
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="evidence_span_not_empty"),
            models.UniqueConstraint(fields=["engagement", "article", "start"], name="evidence_unique_span"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id}:{self.start}-{self.end}"


class ApiToken(models.Model):
    """A key for the read-only JSON API, sent as `Authorization: Token <key>`; only its SHA-256 is kept."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    label = models.CharField(max_length=100, blank=True)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.user} {self.label}".strip()

    @staticmethod
    def digest_of(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def issue(cls, *, user, label: str = "") -> tuple["ApiToken", str]:
        """A new token and its key, which is shown once and never stored."""
        key = secrets.token_urlsafe(32)
        return cls.objects.create(user=user, label=label, digest=cls.digest_of(key)), key
