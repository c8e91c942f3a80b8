"""The editor's review in the app: the queue, confirm and reject, corrections on the engagement page, split
and merge. Every endpoint needs the editor's permission (403 otherwise); every form works as a plain POST
followed by a redirect, and htmx re-binds the same form for inline validation."""

from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db import IntegrityError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from meetings import review, selectors, views
from meetings.models import Engagement, Participation
from meetings.review_forms import (
    EngagementForm,
    MergeForm,
    ParticipantForm,
    ReviewForm,
    SplitForm,
    VersionForm,
    editing_forms,
    official_label,
)

editor_required = permission_required(review.REVIEW_PERMISSION, raise_exception=True)
CONFLICT = 409  # a stale version: someone changed it first


def _engagement_or_404(pk: int) -> Engagement:
    try:
        return selectors.engagement_detail(engagement_id=pk)
    except Engagement.DoesNotExist:
        raise Http404("No such engagement") from None


def _page_again(request: HttpRequest, engagement: Engagement, *, status: int, **bound) -> HttpResponse:
    """The engagement page with the editor's input kept in its form and the reason shown."""
    context = views.engagement_context(request, engagement) | editing_forms(engagement, **bound)
    return render(request, "meetings/engagement.html", context, status=status)


def _refused(form, error: Exception | str) -> None:
    form.add_error(None, str(error))


@require_GET
@editor_required
def queue(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "meetings/review_queue.html",
        {"rows": selectors.review_queue(), "waiting": selectors.review_waiting()},
    )


def _next_url(request: HttpRequest, engagement: Engagement) -> HttpResponseRedirect:
    """Back where the editor came from (a path on this site only), else the engagement's page."""
    wanted = request.POST.get("next", "")
    if wanted.startswith("/") and url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}):
        return HttpResponseRedirect(wanted)
    return HttpResponseRedirect(engagement.get_absolute_url())


@require_POST
@editor_required
def engagement_review(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = _engagement_or_404(pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, "That review was not understood: " + " ".join(form.errors.get("status", ["—"])))
        return _next_url(request, engagement)
    try:
        review.engagement_review(
            engagement_id=pk,
            version=form.cleaned_data["version"],
            user=request.user,
            status=form.cleaned_data["status"],
        )
    except review.EngagementChanged as changed:
        messages.error(request, str(changed).split(". ")[0] + ": nothing was saved; look again.")
        return _next_url(request, engagement)
    verb = Engagement.Status(form.cleaned_data["status"]).label.lower()
    messages.success(request, f"{engagement.get_kind_display()} {engagement.date_label} {verb}.")
    return _next_url(request, engagement)


@require_POST
@editor_required
def engagement_correct(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = _engagement_or_404(pk)
    form = EngagementForm(request.POST, instance=Engagement.objects.get(pk=pk))
    if form.is_valid():
        try:
            review.engagement_correct(engagement_id=pk, user=request.user, **form.correction())
        except review.EngagementChanged as changed:
            _refused(form, changed)
            return _page_again(request, engagement, status=CONFLICT, correct_form=form)
        except IntegrityError:
            _refused(form, "This change breaks a rule of the records (a date that does not fit its precision?).")
            return _page_again(request, engagement, status=400, correct_form=form)
        messages.success(request, "Engagement corrected.")
        return redirect(engagement)
    return _page_again(request, engagement, status=400, correct_form=form)


@require_POST
@editor_required
def engagement_validate(request: HttpRequest, pk: int) -> HttpResponse:
    """Inline validation: the same form, bound and checked, nothing saved."""
    record = Engagement.objects.filter(pk=pk).first()
    if record is None:
        raise Http404("No such engagement")
    form = EngagementForm(request.POST, instance=record)
    form.is_valid()
    context = {"correct_form": form, "engagement": form.instance, "inline": True}
    return render(request, "meetings/engagement.html#correct", context)


@require_POST
@editor_required
def participant_add(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = _engagement_or_404(pk)
    form = ParticipantForm(request.POST, engagement=engagement)
    if form.is_valid():
        try:
            review.participant_add(engagement_id=pk, user=request.user, **form.participant())
        except review.EngagementChanged as changed:
            _refused(form, changed)
            return _page_again(request, engagement, status=CONFLICT, participant_form=form)
        except IntegrityError:
            form.add_error("official", "This official already takes part in the engagement.")
            return _page_again(request, engagement, status=400, participant_form=form)
        messages.success(request, "Participant added.")
        return redirect(engagement)
    return _page_again(request, engagement, status=400, participant_form=form)


# The prefix of a participant's own form on the page ("p12"); the add form has none.
PARTICIPANT_PREFIX = re.compile(r"p[0-9]{1,18}")


@require_POST
@editor_required
def participant_validate(request: HttpRequest, pk: int) -> HttpResponse:
    """Inline validation of a participant form (adding, or one participant's): the same form, nothing saved."""
    engagement = _engagement_or_404(pk)
    prefix = request.POST.get("prefix", "")
    form = ParticipantForm(
        request.POST, engagement=engagement, prefix=prefix if PARTICIPANT_PREFIX.fullmatch(prefix) else None
    )
    form.is_valid()
    return render(request, "meetings/_participant_fields.html", {"form": form, "inline": True})


def _participation_or_404(pk: int) -> Participation:
    try:
        return Participation.objects.get(pk=pk)
    except Participation.DoesNotExist:
        raise Http404("No such participant") from None


@require_POST
@editor_required
def participant_update(request: HttpRequest, pk: int) -> HttpResponse:
    participation = _participation_or_404(pk)
    engagement = _engagement_or_404(participation.engagement_id)
    form = ParticipantForm(request.POST, engagement=engagement, prefix=f"p{pk}")
    if form.is_valid():
        try:
            review.participant_update(participation_id=pk, user=request.user, **form.participant())
        except review.EngagementChanged as changed:
            _refused(form, changed)
            return _page_again(request, engagement, status=CONFLICT, participant_forms={pk: form})
        except IntegrityError:
            form.add_error("official", "This official already takes part in the engagement.")
            return _page_again(request, engagement, status=400, participant_forms={pk: form})
        messages.success(request, "Participant corrected.")
        return redirect(engagement)
    return _page_again(request, engagement, status=400, participant_forms={pk: form})


@require_POST
@editor_required
def participant_remove(request: HttpRequest, pk: int) -> HttpResponse:
    participation = _participation_or_404(pk)
    engagement = _engagement_or_404(participation.engagement_id)
    form = VersionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "The form was incomplete; nothing was removed.")
        return redirect(engagement)
    try:
        review.participant_remove(participation_id=pk, version=form.cleaned_data["version"], user=request.user)
    except review.EngagementChanged as changed:
        messages.error(request, str(changed).split(". ")[0] + ": nothing was removed; look again.")
        return redirect(engagement)
    messages.success(request, f"{participation.official} removed from the participants.")
    return redirect(engagement)


@require_POST
@editor_required
def engagement_split(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = _engagement_or_404(pk)
    form = SplitForm(request.POST, engagement=engagement)
    if form.is_valid():
        try:
            created = review.engagement_split(
                engagement_id=pk,
                version=form.cleaned_data["version"],
                user=request.user,
                evidence_ids=[e.pk for e in form.cleaned_data["evidence"]],
            )
        except review.EngagementChanged as changed:
            _refused(form, changed)
            return _page_again(request, engagement, status=CONFLICT, split_form=form)
        messages.success(request, f"Split: the chosen sources now make engagement #{created.pk}; correct it here.")
        return redirect(created)
    return _page_again(request, engagement, status=400, split_form=form)


@require_POST
@editor_required
def engagement_merge(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = _engagement_or_404(pk)
    form = MergeForm(request.POST, engagement=engagement)
    if form.is_valid():
        try:
            review.engagement_merge_into(
                survivor_id=pk,
                version=form.cleaned_data["version"],
                other_id=form.cleaned_data["other"].pk,
                user=request.user,
            )
        except review.EngagementChanged as changed:
            _refused(form, changed)
            return _page_again(request, engagement, status=CONFLICT, merge_form=form)
        messages.success(request, f"Engagement #{form.cleaned_data['other'].pk} merged into this one.")
        return redirect(engagement)
    return _page_again(request, engagement, status=400, merge_form=form)


@require_GET
@editor_required
def official_names(request: HttpRequest) -> HttpResponse:
    """The participant field's autocomplete: <option>s of known officials like the typed name."""
    name = request.GET.get("official") or next((v for k, v in request.GET.items() if k.endswith("-official")), "")
    name = name.strip()[:200].replace("\x00", "")
    officials = selectors.officials_named(name=name) if len(name) >= 2 else []
    return render(
        request,
        "meetings/review_queue.html#official-options",
        {"options": [(official_label(o), o) for o in officials]},
    )
