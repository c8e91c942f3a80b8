"""GET /favicon.ico: browsers ask for it whatever the page links; the icon lives in static/."""

from django.contrib.auth.decorators import login_not_required
from django.contrib.staticfiles import finders
from django.http import FileResponse, Http404, HttpRequest
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

ICON = "favicon.ico"


@login_not_required
@require_GET
@cache_control(max_age=7 * 24 * 3600, public=True)
def favicon(request: HttpRequest) -> FileResponse:
    path = finders.find(ICON)
    if not path:
        raise Http404("No icon")
    return FileResponse(open(path, "rb"), content_type="image/x-icon")
