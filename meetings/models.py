"""The domain analysts track: states, their officials, and the engagements between them."""

import hashlib
import secrets

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, GistIndex
from django.core import signing
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Now
from django.urls import reverse

from meetings.kinds import ENGAGEMENT_KINDS, LABELS
from meetings.names import alias_key, romanized_key


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
            # Search and the timeline's official filter: the closest spellings of a common name first, in
            # nearest-neighbour order (selectors.officials_matching), so it costs a few rows, not all its
            # matches. Partial on a condition every key meets (alias_key_not_empty) that only that query
            # states: a filter by similarity alone then reads the GIN index above, as it should (a GiST index
            # cannot rule out much for word similarity: it read the whole index, 120 ms at 300,000 aliases,
            # where the GIN index answers a name in a few rows in 3 to 12 ms).
            GistIndex(fields=["key"], name="alias_key_trgm_gist", opclasses=["gist_trgm_ops"], condition=~Q(key="")),
            # Across scripts: an Arabic-script mention's candidates among Latin spellings and back
            # (services.official_resolve, selectors.officials_matching).
            GinIndex(fields=["romanized"], name="alias_romanized_trgm", opclasses=["gin_trgm_ops"]),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.key = alias_key(self.name)
        self.romanized = romanized_key(self.name)
        super().save(*args, **kwargs)


class OfficialChange(models.Model):
    """That an official or one of their spellings was added, changed or removed, by which transaction:
    written by triggers on both tables (migration 0026), whatever wrote (a service, the admin, a load), so
    a process that keeps the officials indexed reads again only those changed since it last looked
    (selectors.officials_changed_since). Kept a day (services.official_changes_prune)."""

    official_id = models.IntegerField()  # no foreign key: a removed official's change outlives them
    xid = models.BigIntegerField(help_text="The writing transaction's id (pg_current_xact_id(), never wraps)")
    at = models.DateTimeField(db_default=Now())

    class Meta:
        indexes = [
            models.Index(fields=["xid"], name="official_change_xid"),
            models.Index(fields=["at"], name="official_change_at"),
        ]

    def __str__(self) -> str:
        return f"Official {self.official_id} changed by transaction {self.xid}"


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

    # What a person can set or confirm; a locked field is never overwritten by the machine.
    LOCKABLE = ("kind", "date", "place", "countries", "participants", "topics", "summary")
    # The model field behind each of them.
    LOCK_OF_FIELD = {
        "kind": "kind",
        "date": "date",
        "date_precision": "date",
        "city": "place",
        "location_country": "place",
        "countries": "countries",
        "topics": "topics",
        "summary": "summary",
    }

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
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="reviewed_engagements"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    locked = ArrayField(
        models.CharField(max_length=20),
        default=list,
        db_default=[],
        blank=True,
        help_text="Fields a person set or confirmed",
    )
    confidence = models.FloatField(null=True, blank=True, help_text="The engine's certainty, 0-1")
    version = models.PositiveIntegerField(
        default=1, db_default=1, help_text="Raised by every change; a stale edit is refused"
    )
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
            models.CheckConstraint(
                condition=Q(confidence__isnull=True) | Q(confidence__gte=0, confidence__lte=1),
                name="engagement_confidence_unit_range",
            ),
        ]
        indexes = [
            # The timeline: newest first, cursor on (date, id).
            models.Index(F("date").desc(nulls_last=True), F("id").desc(), name="engagement_timeline"),
            # Agreements of a country or pair, and the timeline filtered by type: newest first within a kind.
            models.Index("kind", F("date").desc(nulls_last=True), F("id").desc(), name="engagement_kind_timeline"),
            # What's new and the daily digest: engagements that arrived since a user's last visit or digest.
            models.Index(fields=["created"], name="engagement_created"),
            # What's new and the digest: engagements an editor confirmed since a user's last visit or digest.
            models.Index(fields=["reviewed_at"], name="engagement_confirmed_at", condition=Q(status="confirmed")),
            # The review queue and the navigation's count: unreviewed engagements, least certain first.
            models.Index(
                F("confidence").asc(nulls_first=True),
                "id",
                name="engagement_review_queue",
                condition=Q(status="extracted"),
            ),
            # The timeline of an official (and the official page's counterparts): the official's engagements
            # checked by id for type, dates and status without reading their rows.
            models.Index(fields=["id"], include=["kind", "date", "status"], name="engagement_pk_facts"),
        ]

    def __str__(self) -> str:
        codes = "–".join(sorted(c.code for c in self.countries.all()))
        return f"{self.get_kind_display()} {codes} {self.date_label}".strip()

    def get_absolute_url(self) -> str:
        return reverse("meetings:engagement", args=[self.pk])

    def is_locked(self, field: str) -> bool:
        return field in self.locked

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

    class ChosenBy(models.TextChoices):
        ENGINE = "engine", "Engine"
        PERSON = "person", "Person"  # kept through re-extraction

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="evidence")
    # The one link from the domain to ingest: a lazy reference, never an import (README, Layout).
    article = models.ForeignKey("ingest.Article", on_delete=models.CASCADE, related_name="evidence")
    sentence = models.TextField()
    start = models.PositiveIntegerField(help_text="Character offset of the sentence in the article text")
    end = models.PositiveIntegerField()
    chosen_by = models.CharField(
        max_length=6, choices=ChosenBy.choices, default=ChosenBy.ENGINE, db_default=ChosenBy.ENGINE
    )
    # The facts this sentence supports, each with the words it was read from:
    # {"fact": date|place|topic|title|state, "value", "official" (a pk, for title and state), "start", "end", "words"}.
    facts = models.JSONField(default=list, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article_id", "start"]
        verbose_name_plural = "evidence"
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="evidence_span_not_empty"),
            models.UniqueConstraint(fields=["engagement", "article", "start"], name="evidence_unique_span"),
            models.CheckConstraint(condition=Q(chosen_by__in=["engine", "person"]), name="evidence_chosen_by_valid"),
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


class Watch(models.Model):
    """A user's interest in a pair of states, a state, an official or a saved timeline filter."""

    class Kind(models.TextChoices):
        PAIR = "pair", "Pair of states"
        COUNTRY = "country", "State"
        OFFICIAL = "official", "Official"
        FILTER = "filter", "Timeline filter"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="watches")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+", null=True, blank=True)
    partner = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+", null=True, blank=True)
    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="watches", null=True, blank=True)
    query = models.CharField(
        max_length=2000, blank=True, help_text="A saved filter: the timeline's query string, in a canonical order"
    )
    name = models.CharField(max_length=300, blank=True, help_text="How a saved filter reads in lists")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]  # in the order they were added
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="pair", country__isnull=False, partner__isnull=False, official__isnull=True, query="")
                | Q(kind="country", country__isnull=False, partner__isnull=True, official__isnull=True, query="")
                | Q(kind="official", country__isnull=True, partner__isnull=True, official__isnull=False, query="")
                | (Q(kind="filter", country__isnull=True, partner__isnull=True, official__isnull=True) & ~Q(query="")),
                name="watch_target_matches_kind",
            ),
            # One row per pair: JO-QA and QA-JO are the same relationship.
            models.CheckConstraint(condition=~Q(kind="pair") | Q(country__lt=F("partner")), name="watch_pair_in_order"),
            models.UniqueConstraint(
                fields=["user", "kind", "country", "partner", "official", "query"],
                nulls_distinct=False,
                name="watch_unique_per_user",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} watches {self.label}"

    def get_absolute_url(self) -> str:
        """The page of what is watched; a saved filter opens the timeline with it."""
        if self.kind == self.Kind.PAIR:
            return reverse("meetings:relationship", args=[f"{self.country_id}-{self.partner_id}"])
        if self.kind == self.Kind.COUNTRY:
            return reverse("meetings:country", args=[self.country_id])
        if self.kind == self.Kind.OFFICIAL:
            return reverse("meetings:official", args=[self.official_id])
        return f"{reverse('meetings:timeline')}?{self.query}"

    @property
    def label(self) -> str:
        if self.kind == self.Kind.PAIR:
            return f"{self.country} – {self.partner}"
        if self.kind == self.Kind.COUNTRY:
            return str(self.country)
        if self.kind == self.Kind.OFFICIAL:
            return str(self.official)
        return self.name or self.query


class WatchProfile(models.Model):
    """Per user: when What's new was last seen, and the daily digest (opt-out, and how far it has reported)."""

    UNSUBSCRIBE_SALT = "meetings.digest-unsubscribe"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="watch_profile")
    seen = models.DateTimeField(null=True, blank=True, help_text="What's new was last visited")
    digest = models.BooleanField("daily digest", default=True)
    digest_through = models.DateTimeField(
        null=True, blank=True, help_text="Engagements arrived up to this time were in a digest"
    )
    digest_sent_on = models.DateField(null=True, blank=True, help_text="The day of the last digest sent")
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Watching settings of {self.user}"

    @property
    def unsubscribe_token(self) -> str:
        """Signed with SECRET_KEY: the digest's unsubscribe link works without logging in, for this user only."""
        return signing.dumps(self.pk, salt=self.UNSUBSCRIBE_SALT, compress=False)

    @classmethod
    def pk_from_unsubscribe_token(cls, token: str) -> int | None:
        try:
            pk = signing.loads(token, salt=cls.UNSUBSCRIBE_SALT)
        except signing.BadSignature:
            return None
        return pk if isinstance(pk, int) else None
