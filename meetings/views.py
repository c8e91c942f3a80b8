from django.http import Http404
from django.shortcuts import render

from meetings import selectors
from meetings.models import Country, Engagement, Official


def timeline(request):
    engagements = selectors.engagement_list()[:50]
    return render(request, "meetings/timeline.html", {"engagements": engagements})


def engagement(request, pk: int):
    try:
        record = selectors.engagement_detail(engagement_id=pk)
    except Engagement.DoesNotExist as exc:
        raise Http404("No such engagement") from exc
    return render(request, "meetings/engagement.html", {"engagement": record})


def country(request, code: str):
    try:
        record = selectors.country_get(code=code)
    except Country.DoesNotExist as exc:
        raise Http404("No such country") from exc
    engagements = selectors.engagement_list().filter(countries=record)[:50]
    return render(request, "meetings/country.html", {"country": record, "engagements": engagements})


def official(request, pk: int):
    try:
        record = selectors.official_detail(official_id=pk)
    except Official.DoesNotExist as exc:
        raise Http404("No such official") from exc
    engagements = selectors.engagement_list().filter(participations__official=record)[:50]
    return render(request, "meetings/official.html", {"official": record, "engagements": engagements})
