from django.urls import path, re_path, register_converter

from meetings import api, review_views, views, watch_views


class CountryCode:
    """Two ASCII letters (either case; the page redirects to upper case): NUL or "²" never reach a query."""

    regex = "[A-Za-z]{2}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class CountryPair(CountryCode):
    regex = "[A-Za-z]{2}-[A-Za-z]{2}"


register_converter(CountryCode, "country")
register_converter(CountryPair, "pair")

app_name = "meetings"
urlpatterns = [
    path("", views.timeline, name="timeline"),
    re_path(r"^export\.(?P<fmt>csv|json)$", views.timeline_export, name="export"),
    path("engagements/<int:pk>/", views.engagement, name="engagement"),
    path("countries/<country:code>/", views.country, name="country"),
    path("relations/<pair:pair>/", views.relationship, name="relationship"),
    path("officials/<int:pk>/", views.official, name="official"),
    path("network/", views.network, name="network"),
    path("watches/", watch_views.watch_add, name="watch-add"),
    path("watches/<int:pk>/remove/", watch_views.watch_remove, name="watch-remove"),
    path("watching/", watch_views.watching, name="watching"),
    path("watching/digest/", watch_views.digest_settings, name="digest-settings"),
    path("whats-new/", watch_views.whats_new, name="whats-new"),
    path("whats-new/count/", watch_views.whats_new_count, name="whats-new-count"),
    path("digest/unsubscribe/<str:token>/", watch_views.unsubscribe, name="unsubscribe"),
    path("review/", review_views.queue, name="review"),
    path("engagements/<int:pk>/review/", review_views.engagement_review, name="engagement-review"),
    path("engagements/<int:pk>/correct/", review_views.engagement_correct, name="engagement-correct"),
    path("engagements/<int:pk>/correct/check/", review_views.engagement_validate, name="engagement-validate"),
    path("engagements/<int:pk>/participants/", review_views.participant_add, name="participant-add"),
    path("engagements/<int:pk>/participants/check/", review_views.participant_validate, name="participant-validate"),
    path("engagements/<int:pk>/split/", review_views.engagement_split, name="engagement-split"),
    path("engagements/<int:pk>/merge/", review_views.engagement_merge, name="engagement-merge"),
    path("participants/<int:pk>/", review_views.participant_update, name="participant-update"),
    path("participants/<int:pk>/remove/", review_views.participant_remove, name="participant-remove"),
    path("officials/names/", review_views.official_names, name="official-names"),
    path("api/engagements/", api.engagements, name="api-engagements"),
    path("api/engagements/<int:pk>/", api.engagement, name="api-engagement"),
    path("api/officials/", api.officials, name="api-officials"),
    path("api/officials/<int:pk>/", api.official, name="api-official"),
    path("api/countries/", api.countries, name="api-countries"),
    path("api/countries/<country:code>/", api.country, name="api-country"),
    path("api/<path:rest>", api.unknown, name="api-unknown"),  # last: only what no route above took
]
