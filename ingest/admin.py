from django.contrib import admin
from django.db import models
from django.db.models import Count

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
    list_display = ["__str__", "publisher", "published", "language", "status", "uploaded_by", "created", "sources"]
    list_filter = ["status", "language", "publisher"]
    list_select_related = ["uploaded_by"]
    search_fields = ["title", "source_url", "publisher"]
    readonly_fields = ["sha256", "created", "updated"]
    date_hierarchy = "created"
    inlines = [ArticleEvidenceInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(engagement_total=Count("evidence__engagement", distinct=True))

    @admin.display(description="engagements", ordering="engagement_total")
    def sources(self, obj):
        return obj.engagement_total
