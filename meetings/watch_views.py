"""Watching: the Watch buttons, the list of watches, What's new and the digest's unsubscribe link."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from meetings import selectors, services
from meetings.forms import WatchForm
from meetings.models import Watch


@dataclass
class WatchButton:
    """A Watch / Unwatch button: the watch if the user has it, else an unsaved one naming what would be watched."""

    target: Watch
    watching: bool
    next: str

    @property
    def what(self) -> str:
        return "this filter" if self.target.kind == Watch.Kind.FILTER else self.target.label


def watch_button(request: HttpRequest, target: Watch) -> WatchButton:
    """The button for a page: one query, whether the user already watches the target."""
    found = selectors.watch_find(
        user=request.user,
        kind=target.kind,
        country=target.country_id,
        partner=target.partner_id,
        official=target.official_id,
        query=target.query,
    )
    return WatchButton(found or target, watching=found is not None, next=request.get_full_path())


def _next(request: HttpRequest) -> str:
    wanted = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return wanted
    return reverse("meetings:watching")


def _button_answer(request: HttpRequest, button: WatchButton, message: str) -> HttpResponse:
    if request.htmx:
        return render(request, "meetings/_watch_button.html", {"button": button})
    messages.success(request, message)
    return redirect(button.next)


@require_POST
def watch_add(request: HttpRequest) -> HttpResponse:
    form = WatchForm(request.POST)
    if not form.is_valid():
        return render(request, "meetings/watch_refused.html", {"form": form}, status=400)
    watch = services.watch_add(user=request.user, **form.target(), name=form.cleaned_data.get("name", ""))
    button = WatchButton(watch, watching=True, next=_next(request))
    return _button_answer(request, button, f"Watching {button.what}: What's new and the daily digest report it.")


@require_POST
def watch_remove(request: HttpRequest, pk: int) -> HttpResponse:
    watch = services.watch_remove(user=request.user, watch_id=pk)
    if watch is None:
        raise Http404("You do not watch this.")
    button = WatchButton(watch, watching=False, next=_next(request))
    return _button_answer(request, button, f"No longer watching {button.what}.")


def watching(request: HttpRequest) -> HttpResponse:
    watches = list(selectors.watches_of(user=request.user))
    return render(
        request,
        "meetings/watching.html",
        {
            "buttons": [WatchButton(watch, watching=True, next=request.get_full_path()) for watch in watches],
            "profile": selectors.watch_profile_of(user=request.user),
        },
    )


@require_POST
def digest_settings(request: HttpRequest) -> HttpResponse:
    subscribed = request.POST.get("digest") == "on"
    services.digest_subscribe(user=request.user, subscribed=subscribed)
    messages.success(request, "The daily digest is on." if subscribed else "The daily digest is off.")
    return redirect("meetings:watching")


def whats_new(request: HttpRequest) -> HttpResponse:
    """What arrived for the user's watches since the last visit; the visit marks it seen."""
    news = services.whats_new_visit(user=request.user, now=timezone.now())
    return render(request, "meetings/whats_new.html", {"news": news})


def whats_new_count(request: HttpRequest) -> HttpResponse:
    """The navigation's badge, loaded after the page so no page waits for it."""
    count = selectors.whats_new_count(user=request.user, now=timezone.now())
    return render(request, "meetings/_whats_new_badge.html", {"count": count})


@login_not_required
@csrf_exempt  # the signed token is the credential; mail clients' one-click (RFC 8058) POSTs without a session
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """The digest's link: a page with one button (link scanners only GET), or a mail client's one-click POST."""
    profile = selectors.watch_profile_from_token(token=token)
    if profile is None:
        return render(request, "meetings/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        profile = services.digest_unsubscribe(profile=profile)
        return render(request, "meetings/unsubscribe.html", {"profile": profile, "done": True})
    return render(request, "meetings/unsubscribe.html", {"profile": profile, "token": token})
