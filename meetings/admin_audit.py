"""Admin change history with values, and the confirmation page shared by the merge actions.

Django's LogEntry already records who changed which record and when (the "History" button);
these messages add what the values were before and after.
"""

from __future__ import annotations

import json

from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.template.response import TemplateResponse

from meetings import review
from meetings.history import value_display
from meetings.models import Engagement
from meetings.services import tallies_refresh_soon


class AuditedAdmin(admin.ModelAdmin):
    """Every change logged with the fields' old and new values; the charts' tallies refreshed after it."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        tallies_refresh_soon()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        tallies_refresh_soon()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        tallies_refresh_soon()

    def construct_change_message(self, request, form, formsets, add=False):
        if add:
            return super().construct_change_message(request, form, formsets, add)
        parts = []
        for name in form.changed_data:
            field = form.fields[name]
            before = field.to_python(form.initial.get(name)) if name in form.initial else None
            if hasattr(field, "queryset") and before is not None:
                before = (
                    list(field.queryset.filter(pk__in=[getattr(v, "pk", v) for v in before]))
                    if isinstance(before, list | tuple)
                    else field.queryset.filter(pk=getattr(before, "pk", before)).first()
                )
            after = form.cleaned_data.get(name)
            parts.append(f"{field.label or name}: {value_display(before)} → {value_display(after)}")
        inline_summary = LogEntry(
            change_message=json.dumps(super().construct_change_message(request, form, formsets, add)[1:])
        ).get_change_message()
        if inline_summary:
            parts.append(inline_summary)
        return "; ".join(parts) or "No fields changed."


class EngagementPartAdmin(AuditedAdmin):
    """A participant or a source edited on its own page: the change also goes into its engagement's history,
    and what staff set there is locked against the machine, as when edited inside the engagement."""

    part_label = ""
    lock = ""

    def _record_on_engagement(self, request, obj, message) -> None:
        if not isinstance(message, str):  # the admin's structured message, as its History page words it
            message = LogEntry(change_message=json.dumps(message)).get_change_message()
        engagement = Engagement.objects.get(pk=obj.engagement_id)
        review.history_record(user=request.user, engagement=engagement, message=f"{self.part_label} {obj}: {message}")
        if self.lock and self.lock not in engagement.locked:
            Engagement.objects.filter(pk=engagement.pk).update(locked=sorted({*engagement.locked, self.lock}))

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        self._record_on_engagement(request, obj, message or "added.")
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        self._record_on_engagement(request, obj, message or "No fields changed.")
        return entry

    def log_deletions(self, request, queryset):
        entries = super().log_deletions(request, queryset)
        for obj in queryset:
            self._record_on_engagement(request, obj, "deleted.")
        return entries


def merge_action(*, admin_obj: admin.ModelAdmin, request, queryset, merge, noun: str):
    """Ask which selected record survives, then call ``merge(survivor=..., others=...)``."""
    records = list(queryset.order_by("pk"))
    if len(records) < 2:
        admin_obj.message_user(request, f"Select at least two {noun}s to merge.", messages.WARNING)
        return None
    if request.POST.get("survivor"):
        survivor = next((r for r in records if str(r.pk) == request.POST["survivor"]), None)
        if survivor is None:
            admin_obj.message_user(request, "The record to keep must be one of those selected.", messages.ERROR)
            return None
        others = [r for r in records if r.pk != survivor.pk]
        described = ", ".join(f"#{r.pk} {r}" for r in others)
        merge(survivor=survivor, others=others)
        admin_obj.log_change(request, survivor, f"Merged {noun}s {described} into this record.")
        admin_obj.message_user(request, f"Merged {len(others)} {noun}(s) into “{survivor}”.", messages.SUCCESS)
        return None
    context = {
        **admin_obj.admin_site.each_context(request),
        "title": f"Merge {noun}s",
        "records": records,
        "noun": noun,
        "action": request.POST.get("action"),
        "opts": admin_obj.model._meta,
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/merge_confirm.html", context)
