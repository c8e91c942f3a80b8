"""The analyst's pages: parse the request, call a selector, render. htmx requests get a named partial."""

import datetime
from collections.abc import Callable
from functools import wraps

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from meetings import charts, exports, page_cache, selectors
from meetings.aggregates import TalliesState
from meetings.forms import NetworkFilterForm, TimelineFilterForm
from meetings.models import Country, Engagement, Official, Watch
from meetings.paging import Page, query_in_use, query_with
from meetings.review import can_review
from meetings.review_forms import editing_forms
from meetings.watch_views import watch_button

# Detail pages show the latest engagements; the rest load from the filtered timeline as one scrolls.
LATEST_ROWS = 10
HISTORY_ROWS = 50


def parameters_in_use(view):
    """A filter form sent without script carries every field, the empty ones too: redirect to the address of
    the filters in use, so that what is shared or bookmarked names only those (with script, filters.js sends
    only those in the first place)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "GET" and (query := query_in_use(request.GET)) is not None:
            return redirect(f"{request.path}?{query}" if query else request.path)
        return view(request, *args, **kwargs)

    return wrapper


def _tallies_context(state: TalliesState) -> dict:
    """For the "as of" note of pages whose charts read the precomputed tallies."""
    return {"tallies": state, "tallies_behind": state.behind(now=timezone.now())}


def _rows_context(page: Page, *, base: str, params: QueryDict) -> dict:
    """What the rows partial needs: rows under month headings, and where the next page comes from."""
    cursor = params.get("cursor")
    html = page_cache.rendered_rows(page.rows)
    return {
        "rows": [
            (heading, html[ref.pk])
            for heading, ref in selectors.with_month_headers(page.rows, after=cursor)
            if ref.pk in html  # not deleted since the page was picked
        ],
        "next_url": f"{base}?{query_with(params, cursor=page.next_cursor)}" if page.next_cursor else None,
    }


@parameters_in_use
def timeline(request: HttpRequest) -> HttpResponse:
    form = TimelineFilterForm(request.GET or None)
    filters = form.filters()
    filtered = any(filters.values())
    name_match = None
    if isinstance(filters.get("official"), str):  # resolved once, here, to the officials it means
        name_match = selectors.official_name_match(name=filters["official"])
        filters["official"] = name_match.ids
    listed = selectors.engagement_list(with_rejected=can_review(request.user))
    engagements = selectors.engagement_filter(listed, **filters)
    page = selectors.engagement_row_page(engagements, cursor=request.GET.get("cursor"))
    context = {"form": form, **_rows_context(page, base=reverse("meetings:timeline"), params=request.GET)}
    if request.htmx and "cursor" in request.GET:
        return render(request, "meetings/timeline.html#rows", context)
    state = selectors.tallies_state()  # before the tallies are read (page_cache.as_of_tallies)
    counts = _month_counts(filters, state)
    context |= {
        "name_match": name_match,
        "name_picks": [
            (match, "?" + query_with(request.GET, cursor=None, official=str(match.official.pk)))
            for match in (name_match.officials if name_match else [])
        ],
        "official_chosen": _official_or_none(filters.get("official")),
        "any_official": "?" + query_with(request.GET, cursor=None, official=None),
        "total": sum(counts.values()),
        "filtered": filtered,
        "histogram": charts.month_histogram(counts, href=_month_hrefs(request.GET)),
        "export_query": query_with(request.GET, cursor=None),
        "watch": _filter_watch_button(request, form) if filtered else None,
        **_tallies_context(state),
    }
    if request.htmx and not request.htmx.boosted:
        return render(request, "meetings/timeline.html#results", context)
    return render(request, "meetings/timeline.html", context)


def _month_counts(filters: dict, state: TalliesState) -> dict:
    """The histogram's counts, kept per fold of the tallies when the tallies give them."""
    if not selectors.histogram_reads_tallies(filters):
        return selectors.month_histogram(filters=filters)
    key = ("months", *sorted((name, repr(value)) for name, value in filters.items() if value))
    return page_cache.as_of_tallies(key, state, lambda: selectors.month_histogram(filters=filters))


def _filter_watch_button(request: HttpRequest, form: TimelineFilterForm):
    saved = form.saved_query()
    return watch_button(request, Watch(kind=Watch.Kind.FILTER, query=saved)) if saved else None


def _official_or_none(official) -> Official | None:
    if not isinstance(official, int):
        return None
    try:
        return selectors.official_detail(official_id=official)
    except Official.DoesNotExist:
        return None


def _month_hrefs(params: QueryDict) -> Callable[[datetime.date], str]:
    """The link of each month's bar: the filters with that month's dates in place of any (and the dates last),
    the rest of the query string built once rather than once per bar."""
    rest = query_with(params, cursor=None, since=None, until=None)
    rest_and = f"{rest}&" if rest else ""

    def href(month: datetime.date) -> str:
        last = (month + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
        return f"?{rest_and}since={month.isoformat()}&until={last.isoformat()}"

    return href


def timeline_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The filtered timeline as a file; bad filters answer 400 with the form's errors, as the API does."""
    form = TimelineFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    engagements = selectors.engagement_filter(selectors.engagement_list(), **form.filters())
    base_url = request.build_absolute_uri("/")[:-1]
    if fmt == "csv":
        return exports.csv_response(engagements, base_url=base_url)
    return exports.json_response(engagements, base_url=base_url)


def engagement_context(request: HttpRequest, record: Engagement) -> dict:
    """What the engagement page shows everyone: the record, its sources and its history."""
    countries = list(record.countries.all())
    pair = _pair(countries[0].code, countries[1].code) if len(countries) == 2 else None
    return {
        "engagement": record,
        "sources": selectors.evidence_sources(engagement=record),
        "pair_url": reverse("meetings:relationship", args=[pair]) if pair else None,
        "history": selectors.engagement_history(engagement=record)[:HISTORY_ROWS],
    }


def engagement(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        record = selectors.engagement_detail(engagement_id=pk)
    except Engagement.DoesNotExist as exc:
        raise Http404("No such engagement") from exc
    editor = can_review(request.user)
    if record.status == Engagement.Status.REJECTED and not editor:
        raise Http404("No such engagement")  # rejected records leave the analysts' pages
    selectors.fact_words_attach(engagement=record)
    context = engagement_context(request, record)
    if editor:
        context |= editing_forms(record)
    return render(request, "meetings/engagement.html", context)


def country(request: HttpRequest, code: str) -> HttpResponse:
    if code != code.upper():
        return redirect("meetings:country", code.upper(), permanent=True)
    try:
        record = selectors.country_get(code=code)
    except Country.DoesNotExist as exc:
        raise Http404("No such country") from exc
    state = selectors.tallies_state()  # before the tallies are read (page_cache.as_of_tallies)
    listed = selectors.engagement_list(with_rejected=can_review(request.user))
    engagements = selectors.engagement_filter(listed, countries=[record.code])
    params = QueryDict(mutable=True)
    params["country"] = record.code
    tallies_html, total = page_cache.as_of_tallies(("country", record.code), state, lambda: _country_tallies(record))
    page = selectors.engagement_row_page(engagements, cursor=None, size=LATEST_ROWS)
    return render(
        request,
        "meetings/country.html",
        {
            "country": record,
            "watch": watch_button(request, Watch(kind=Watch.Kind.COUNTRY, country=record)),
            "total": total,
            "tallies_html": tallies_html,
            "agreements": selectors.agreements(engagements, with_states=True),
            "timeline_query": params.urlencode(),
            **_rows_context(page, base=reverse("meetings:timeline"), params=params),
            **_tallies_context(state),
        },
    )


def _country_tallies(record: Country) -> tuple[str, int]:
    """The country page's counts, partners, topics and officials, rendered, and its total."""
    overview = selectors.country_overview(country=record)
    params = QueryDict(mutable=True)
    params["country"] = record.code
    html = render_to_string(
        "meetings/country.html#tallies",
        {
            "country": record,
            "overview": overview,
            "partners": [
                (trend, charts.sparkline(trend.years, span=overview.years), _pair(record.code, trend.country.code))
                for trend in overview.partners
            ],
            "timeline_query": params.urlencode(),
        },
    )
    return html, overview.total


def _pair(a: str, b: str) -> str:
    return "-".join(sorted([a, b]))


def relationship(request: HttpRequest, pair: str) -> HttpResponse:
    codes = pair.upper().split("-")
    if len(codes) != 2 or codes[0] == codes[1]:
        raise Http404("A relationship is two different states, as in JO-QA")
    canonical = _pair(*codes)
    if pair != canonical:
        return redirect("meetings:relationship", canonical, permanent=True)
    found = Country.objects.in_bulk(codes)
    if len(found) != 2:
        raise Http404("No such country")
    a, b = (found[code] for code in sorted(codes))
    state = selectors.tallies_state()  # before the tallies are read (page_cache.as_of_tallies)
    engagements = selectors.engagements_of_pair(a=a.code, b=b.code, with_rejected=can_review(request.user))
    params = QueryDict(mutable=True)
    params.update({"country": a.code, "partner": b.code})
    tallies_html, total = page_cache.as_of_tallies(
        ("relationship", a.code, b.code), state, lambda: _relationship_tallies(a, b, params)
    )
    page = selectors.engagement_row_page(engagements, cursor=None, size=LATEST_ROWS)
    return render(
        request,
        "meetings/relationship.html",
        {
            "a": a,
            "b": b,
            "watch": watch_button(request, Watch(kind=Watch.Kind.PAIR, country=a, partner=b)),
            "total": total,
            "tallies_html": tallies_html,
            "agreements": selectors.agreements(engagements),
            "timeline_query": params.urlencode(),
            **_rows_context(page, base=reverse("meetings:timeline"), params=params),
            **_tallies_context(state),
        },
    )


def _relationship_tallies(a: Country, b: Country, params: QueryDict) -> tuple[str, int]:
    """The relationship page's facts, chart, topics by year and officials, rendered, and its total."""
    overview = selectors.relationship_overview(a=a, b=b)
    top_topic = max((total for _, _, total in overview.topic_years), default=0)
    html = render_to_string(
        "meetings/relationship.html#tallies",
        {
            "a": a,
            "b": b,
            "overview": overview,
            "chart": charts.stacked_years(overview.kind_years, span=overview.years),
            "kinds": Engagement.Kind.choices,
            "topic_rows": [
                (topic, [(year, years.get(year, 0), _shade(years.get(year, 0), top_topic)) for year in overview.years])
                for topic, years, _ in overview.topic_years
            ],
            "officials": [(a, overview.officials[a.code]), (b, overview.officials[b.code])],
            "timeline_query": params.urlencode(),
        },
    )
    return html, overview.total


def _shade(n: int, top: int) -> int:
    """0–4: how dark a topic-by-year cell is."""
    return 0 if not n or not top else min(4, 1 + (4 * n) // (top // 3 + 1))


def official(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        record = selectors.official_detail(official_id=pk)
    except Official.DoesNotExist as exc:
        raise Http404("No such official") from exc
    editor = can_review(request.user)
    # The official's rows are read once for the titles, the counterparts and which engagements are the latest.
    sides = selectors.official_sides(official=record, latest=LATEST_ROWS, with_rejected=editor)
    params = QueryDict(mutable=True)
    params["official"] = str(record.pk)
    page = selectors.first_page_of(ids=sides.latest, size=LATEST_ROWS, with_rejected=editor)
    return render(
        request,
        "meetings/official.html",
        {
            "official": record,
            "watch": watch_button(request, Watch(kind=Watch.Kind.OFFICIAL, official=record)),
            "sides": sides,
            "timeline_query": params.urlencode(),
            **_rows_context(page, base=reverse("meetings:timeline"), params=params),
        },
    )


@parameters_in_use
def network(request: HttpRequest) -> HttpResponse:
    form = NetworkFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    countries, edges = selectors.network(
        topic=data.get("topic") or None, since=data.get("since"), until=data.get("until"), at_least=data.get("least")
    )
    context = {
        "form": form,
        "edges": [(countries.get(a), countries.get(b), n, f"{a}-{b}") for a, b, n in edges],
        "graph": charts.network(
            countries, edges, href=lambda a, b: reverse("meetings:relationship", args=[f"{a}-{b}"])
        ),
        **_tallies_context(selectors.tallies_state()),
    }
    if request.htmx and not request.htmx.boosted:
        return render(request, "meetings/network.html#graph", context)
    return render(request, "meetings/network.html", context)
