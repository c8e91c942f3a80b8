from django.contrib import admin, messages
from django.db import models
from django.db.models import Count

from ingest import services
from ingest.models import Article
from meetings.admin_audit import AuditedAdmin
from meetings.models import Evidence


class ArticleEvidenceInline(admin.TabularInline):
    model = Evidence
    fields = ["engagement", "sentence", "start", "end"]
    autocomplete_fields = ["engagement"]
    extra = 0


@admin.register(Article)
class ArticleAdmin(AuditedAdmin):
    list_display = [
        "__str__", "publisher", "published", "language", "status", "failure", "uploaded_by", "created", "sources",
    ]  # fmt: skip
    list_filter = ["status", "language", "publisher"]
    list_select_related = ["uploaded_by"]
    search_fields = ["title", "source_url", "publisher"]
    readonly_fields = [
        "sha256", "status", "error", "processed", "engine", "outcome", "duplicate_of", "syndicated_from",
        "attempts", "created", "updated",
    ]  # fmt: skip
    actions = ["reextract"]
    date_hierarchy = "created"
    inlines = [ArticleEvidenceInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(engagement_total=Count("evidence__engagement", distinct=True))

    @admin.display(description="engagements", ordering="engagement_total")
    def sources(self, obj):
        return obj.engagement_total

    @admin.display(description="error")
    def failure(self, obj):
        return obj.error[:120]

    @admin.action(description="Re-extract (or retry) the selected articles", permissions=["change"])
    def reextract(self, request, queryset):
        queued = sum(services.article_retry(article_id=pk) for pk in queryset.values_list("pk", flat=True))
        skipped = queryset.count() - queued
        self.message_user(request, f"{queued} article(s) queued for extraction.", messages.SUCCESS)
        if skipped:
            self.message_user(request, f"{skipped} article(s) were already waiting or being processed.", messages.INFO)
