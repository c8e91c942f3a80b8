"""The read-only JSON API: engagements (with the timeline's filters), officials and countries.

Callers are either logged in (the browser session) or send `Authorization: Token <key>`; see README.
Lists are newest (or highest id) first and paged by an opaque cursor: follow "next" until it is null.
"""

from functools import wraps

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, resolve
from django.views.decorators.http import require_GET

from meetings import aggregates, page_cache, selectors, services
from meetings.exports import engagement_as_dict
from meetings.forms import OfficialListForm, TimelineFilterForm, parse_id
from meetings.models import ApiToken, Country, Engagement, Official
from meetings.paging import newest_first_page, ranked_page

DEFAULT_LIMIT, MAX_LIMIT = 50, 200


def _token_user(request: HttpRequest):
    scheme, _, key = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "token" or not key.strip():
        return None
    token = ApiToken.objects.select_related("user").filter(digest=ApiToken.digest_of(key.strip())).first()
    if token is None or not token.user.is_active:
        return None
    services.api_token_use_note(token_id=token.pk)  # a GET writes no row; the beat schedule records the use
    return token.user


def api_view(view):
    """GET only; a session or a token, otherwise 401 in JSON rather than the login page's redirect."""

    @login_not_required
    @require_GET
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not request.user.is_authenticated:
            user = _token_user(request)
            if user is None:
                response = JsonResponse({"error": "Log in or send 'Authorization: Token <key>'."}, status=401)
                response["WWW-Authenticate"] = "Token"
                return response
            request.user = user
        return view(request, *args, **kwargs)

    return wrapper


def _limit(request: HttpRequest) -> int | None:
    """The page size asked for (at most MAX_LIMIT), the default when none is given, None when it is no number."""
    raw = request.GET.get("limit", "")
    if raw == "":
        return DEFAULT_LIMIT
    value = parse_id(raw)
    return min(value, MAX_LIMIT) if value else None


def _bad_limit() -> JsonResponse:
    return JsonResponse(
        {"errors": {"limit": [{"message": f"A whole number from 1 to {MAX_LIMIT}.", "code": "invalid"}]}}, status=400
    )


def _next(request: HttpRequest, cursor: str | None) -> str | None:
    if cursor is None:
        return None
    params = request.GET.copy()
    params["cursor"] = cursor
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


def _not_found(what: str) -> JsonResponse:
    return JsonResponse({"error": f"No such {what}."}, status=404)


@api_view
def engagements(request: HttpRequest) -> JsonResponse:
    form = TimelineFilterForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    if (size := _limit(request)) is None:
        return _bad_limit()
    queryset = selectors.engagement_filter(selectors.engagement_list(), **form.filters())
    page = selectors.engagement_row_page(queryset, cursor=request.GET.get("cursor"), size=size)
    rows = page_cache.api_rows(page.rows, base_url=request.build_absolute_uri("/")[:-1])
    return JsonResponse(
        {
            "results": [rows[ref.pk] for ref in page.rows if ref.pk in rows],
            "next": _next(request, page.next_cursor),
        }
    )


@api_view
def engagement(request: HttpRequest, pk: int) -> JsonResponse:
    try:
        record = selectors.engagement_list().prefetch_related("evidence__article").get(pk=pk)
    except Engagement.DoesNotExist:
        return _not_found("engagement")
    data = engagement_as_dict(record, base_url=request.build_absolute_uri("/")[:-1])
    data["evidence"] = [
        {"article": item.article_id, "title": item.article.title, "sentence": item.sentence}
        for item in record.evidence.all()
    ]
    return JsonResponse(data)


def _official_as_dict(record: Official) -> dict:
    return {
        "id": record.pk,
        "name": record.name,
        "country": record.country_id,
        "title": record.title,
        "aliases": [alias.name for alias in record.aliases.all()],
    }


@api_view
def officials(request: HttpRequest) -> JsonResponse:
    """?country=JO; ?name=<any spelling>: the officials the timeline's filter would keep, closest first.
    The cursor is the last id seen."""
    form = OfficialListForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    queryset = Official.objects.prefetch_related("aliases")
    if country := form.cleaned_data["country"]:
        queryset = queryset.filter(country_id=country)
    cursor, size = request.GET.get("cursor"), _limit(request)
    if size is None:
        return _bad_limit()
    if name := form.cleaned_data["name"]:
        ranked = selectors.official_name_match(name=name).ids
        page = ranked_page(queryset, ranked=ranked, cursor=cursor, size=size)
    else:
        page = newest_first_page(queryset, cursor=cursor, size=size)
    return JsonResponse(
        {"results": [_official_as_dict(r) for r in page.rows], "next": _next(request, page.next_cursor)}
    )


@api_view
def official(request: HttpRequest, pk: int) -> JsonResponse:
    try:
        record = selectors.official_detail(official_id=pk)
    except Official.DoesNotExist:
        return _not_found("official")
    data = _official_as_dict(record)
    data["titles"] = [
        {"title": t.title, "first": t.first and t.first.isoformat(), "last": t.last and t.last.isoformat()}
        for t in selectors.official_titles(official=record)
    ]
    return JsonResponse(data)


@api_view
def countries(request: HttpRequest) -> JsonResponse:
    """Every state with its number of engagements; ?active=1 keeps those with at least one."""
    totals = aggregates.country_totals()
    as_of = selectors.tallies_state().refreshed
    records = Country.objects.order_by("code")
    if request.GET.get("active"):
        records = records.filter(code__in=list(totals))
    return JsonResponse(
        {
            "results": [
                {"code": c.code, "name": c.short_name, "flag": c.flag, "engagements": totals.get(c.code, 0)}
                for c in records
            ],
            "next": None,
            "as_of": as_of and as_of.isoformat(),
        }
    )


@api_view
def country(request: HttpRequest, code: str) -> JsonResponse:
    try:
        record = selectors.country_get(code=code)
    except Country.DoesNotExist:
        return _not_found("country")
    overview = selectors.country_overview(country=record)
    return JsonResponse(
        {
            "code": record.code,
            "name": record.short_name,
            "engagements": overview.total,
            "by_type": overview.kinds,
            "partners": [{"code": p.country.code, "engagements": p.total} for p in overview.partners],
            "topics": [{"topic": topic.slug, "engagements": n} for topic, n in overview.topics],
            "as_of": (as_of := selectors.tallies_state().refreshed) and as_of.isoformat(),
        }
    )


@api_view
def unknown(request: HttpRequest, rest: str = "") -> HttpResponse:
    """Any other address under /api/: a JSON 404 naming what there is, not the HTML error page (an address
    missing only its final slash is sent on to it, as everywhere else on the site)."""
    if not request.path.endswith("/"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.url_name != "api-unknown":
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(request.path + "/" + (f"?{query}" if query else ""))
    return JsonResponse(
        {
            "error": f"No such API address: {request.path}.",
            "endpoints": ["/api/engagements/", "/api/officials/", "/api/countries/"],
        },
        status=404,
    )
