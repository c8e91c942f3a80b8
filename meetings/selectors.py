"""Reads of the domain, each returning a QuerySet with its relations loaded."""

from django.db.models import Count, Prefetch, QuerySet

from meetings.models import Country, Engagement, Official, Participation


def engagement_list() -> QuerySet[Engagement]:
    return (
        Engagement.objects.exclude(status=Engagement.Status.REJECTED)
        .select_related("location_country")
        .prefetch_related(
            "countries",
            "topics",
            Prefetch("participations", queryset=Participation.objects.select_related("official", "country")),
        )
        .annotate(source_total=Count("evidence__article", distinct=True))
    )


def engagement_detail(*, engagement_id: int) -> Engagement:
    return (
        Engagement.objects.select_related("location_country")
        .prefetch_related(
            "countries",
            "topics",
            Prefetch("participations", queryset=Participation.objects.select_related("official", "country")),
            "evidence__article",
        )
        .get(pk=engagement_id)
    )


def country_get(*, code: str) -> Country:
    return Country.objects.get(code=code.upper())


def official_detail(*, official_id: int) -> Official:
    return Official.objects.select_related("country", "organization").prefetch_related("aliases").get(pk=official_id)
