from django.contrib import admin, messages
from django.db.models import Count

from meetings import review, services
from meetings.admin_audit import AuditedAdmin, EngagementPartAdmin, merge_action
from meetings.models import (
    ApiToken,
    Country,
    Engagement,
    Evidence,
    Official,
    OfficialAlias,
    Organization,
    Participation,
    Topic,
)


@admin.register(Country)
class CountryAdmin(AuditedAdmin):
    list_display = ["code", "short_name", "name", "alpha3"]
    search_fields = ["code", "alpha3", "name", "short_name"]


@admin.register(Topic)
class TopicAdmin(AuditedAdmin):
    list_display = ["slug", "label", "description"]
    search_fields = ["slug", "label", "description"]


@admin.register(Organization)
class OrganizationAdmin(AuditedAdmin):
    list_display = ["name", "country"]
    list_filter = ["country"]
    list_select_related = ["country"]
    search_fields = ["name", "country__short_name"]
    autocomplete_fields = ["country"]


class AliasInline(admin.TabularInline):
    model = OfficialAlias
    fields = ["name", "key", "created"]
    readonly_fields = ["key", "created"]
    extra = 0


@admin.register(Official)
class OfficialAdmin(AuditedAdmin):
    list_display = ["name", "country", "title", "organization", "alias_count", "engagement_count", "updated"]
    list_filter = ["country"]
    list_select_related = ["country", "organization"]
    search_fields = ["name", "aliases__name", "title"]
    autocomplete_fields = ["country", "organization"]
    inlines = [AliasInline]
    actions = ["merge_officials"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                alias_total=Count("aliases", distinct=True),
                engagement_total=Count("participations", distinct=True),
            )
        )

    @admin.display(description="aliases", ordering="alias_total")
    def alias_count(self, obj):
        return obj.alias_total

    @admin.display(description="engagements", ordering="engagement_total")
    def engagement_count(self, obj):
        return obj.engagement_total

    @admin.action(description="Merge selected officials into one")
    def merge_officials(self, request, queryset):
        return merge_action(
            admin_obj=self, request=request, queryset=queryset, merge=services.official_merge, noun="official"
        )


@admin.register(OfficialAlias)
class OfficialAliasAdmin(AuditedAdmin):
    list_display = ["name", "official", "key", "created"]
    list_select_related = ["official"]
    search_fields = ["name", "key", "official__name"]
    autocomplete_fields = ["official"]
    readonly_fields = ["key"]


class ParticipationInline(admin.TabularInline):
    model = Participation
    fields = ["official", "country", "title"]
    autocomplete_fields = ["official", "country"]
    extra = 0


class TopicInline(admin.TabularInline):
    model = Engagement.topics.through
    verbose_name = "topic"
    verbose_name_plural = "topics"
    autocomplete_fields = ["topic"]
    extra = 0


class EvidenceInline(admin.TabularInline):
    model = Evidence
    fields = ["article", "sentence", "start", "end", "chosen_by"]
    autocomplete_fields = ["article"]
    extra = 0


@admin.register(Engagement)
class EngagementAdmin(AuditedAdmin):
    list_display = ["__str__", "kind", "date", "date_precision", "city", "location_country", "status", "sources"]
    list_filter = ["kind", "status", "date_precision", "topics", "countries"]
    list_select_related = ["location_country"]
    search_fields = ["summary", "city", "participations__official__name", "countries__short_name"]
    autocomplete_fields = ["location_country", "countries"]
    date_hierarchy = "date"
    exclude = ["topics"]
    readonly_fields = ["locked", "version", "confidence", "reviewed_by", "reviewed_at"]
    inlines = [ParticipationInline, TopicInline, EvidenceInline]
    actions = ["merge_engagements", "mark_confirmed", "mark_rejected"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(source_total=Count("evidence__article", distinct=True))
            .prefetch_related("countries")
        )

    @admin.display(description="sources", ordering="source_total")
    def sources(self, obj):
        return obj.source_total

    def save_model(self, request, obj, form, change):
        """What staff change here is a person's setting too: locked against the machine, the version raised."""
        if change:
            obj.locked = sorted(
                set(obj.locked)
                | {Engagement.LOCK_OF_FIELD[f] for f in form.changed_data if f in Engagement.LOCK_OF_FIELD}
            )
            obj.version += 1
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        """Evidence staff add or edit here is a person's choice, and participants or topics they change are
        locked: both kept through re-extraction."""
        if formset.model is Evidence:
            for row in formset.forms:
                if row.has_changed() and not (row.cleaned_data or {}).get("DELETE"):
                    row.instance.chosen_by = Evidence.ChosenBy.PERSON
        super().save_formset(request, form, formset, change)
        lock = {Participation: "participants", Engagement.topics.through: "topics"}.get(formset.model)
        if change and lock and formset.has_changed():
            engagement = form.instance
            engagement.locked = sorted(set(engagement.locked) | {lock})
            Engagement.objects.filter(pk=engagement.pk).update(locked=engagement.locked)

    @admin.action(description="Merge selected engagements into one")
    def merge_engagements(self, request, queryset):
        return merge_action(
            admin_obj=self, request=request, queryset=queryset, merge=services.engagement_merge, noun="engagement"
        )

    @admin.action(description="Mark selected engagements confirmed")
    def mark_confirmed(self, request, queryset):
        self._set_status(request, queryset, Engagement.Status.CONFIRMED)

    @admin.action(description="Mark selected engagements rejected")
    def mark_rejected(self, request, queryset):
        self._set_status(request, queryset, Engagement.Status.REJECTED)

    def _set_status(self, request, queryset, status):
        count = 0
        for pk, version in queryset.order_by("pk").values_list("pk", "version"):
            review.engagement_review(engagement_id=pk, version=version, user=request.user, status=status)
            count += 1
        self.message_user(request, f"{count} engagement(s) marked {status}.", messages.SUCCESS)


@admin.register(Participation)
class ParticipationAdmin(EngagementPartAdmin):
    part_label = "Participant"
    lock = "participants"
    list_display = ["official", "country", "title", "engagement"]
    list_select_related = ["official", "country", "engagement"]
    list_filter = ["country"]
    search_fields = ["official__name", "title"]
    autocomplete_fields = ["official", "country", "engagement"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("engagement__countries")


@admin.register(Evidence)
class EvidenceAdmin(EngagementPartAdmin):
    part_label = "Source"
    list_display = ["engagement", "article", "excerpt", "start", "end", "chosen_by"]
    list_select_related = ["engagement", "article"]
    search_fields = ["sentence", "article__title"]
    autocomplete_fields = ["engagement", "article"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("engagement__countries")

    def save_model(self, request, obj, form, change):
        """A source staff edit is their choice, kept through re-extraction, unless they set who chose it."""
        if form.changed_data and "chosen_by" not in form.changed_data:
            obj.chosen_by = Evidence.ChosenBy.PERSON
        super().save_model(request, obj, form, change)

    @admin.display(description="sentence")
    def excerpt(self, obj):
        return obj.sentence[:120]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Keys are issued from the shell (README, API) and shown once; here they are seen and revoked."""

    list_display = ["user", "label", "created", "last_used"]
    list_select_related = ["user"]
    search_fields = ["label", "user__username"]
    readonly_fields = ["user", "digest", "created", "last_used"]

    def has_add_permission(self, request):
        return False
