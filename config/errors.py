"""The site's error pages (400, 403, 404, 500 and a refused form) inside its layout, with the reason and
a way back. Django calls these when DEBUG is off; a view's own message ("No such country") is kept."""

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader

TEMPLATE = "error.html"


def _message(exception: Exception | None) -> str:
    """The reason a view gave when it raised (Http404("No such country")); Django's own carry none we show."""
    message = exception.args[0] if exception is not None and exception.args else ""
    return message if isinstance(message, str) else ""


def _page(request: HttpRequest, *, status: int, title: str, reason: str) -> HttpResponse:
    return render(request, TEMPLATE, {"status": status, "title": title, "reason": reason}, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    reason = _message(exception) or "The request could not be understood; check the address and try again."
    return _page(request, status=400, title="Bad request", reason=reason)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    reason = _message(exception) or (
        "Your account may not open this page. Ask an administrator for the role it needs, or log in as another user."
    )
    return _page(request, status=403, title="Not allowed", reason=reason)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    reason = _message(exception) or "There is no page at this address."
    return _page(request, status=404, title="Not found", reason=reason)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW; Django's reason ("CSRF token missing") is for the log, not for the reader."""
    explained = "The form had expired or came from another site, so it was not sent. Reload the page and try again."
    return _page(request, status=403, title="Form not accepted", reason=explained)


def server_error(request: HttpRequest) -> HttpResponse:
    """Rendered without the request: what failed (the database, a session) must not fail this page too."""
    context = {"status": 500, "title": "Something went wrong", "reason": "The error was logged. Try again later."}
    return HttpResponseServerError(loader.get_template(TEMPLATE).render(context))
