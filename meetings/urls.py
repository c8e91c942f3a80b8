from django.urls import path, re_path

from meetings import api, views

app_name = "meetings"
urlpatterns = [
    path("", views.timeline, name="timeline"),
    re_path(r"^export\.(?P<fmt>csv|json)$", views.timeline_export, name="export"),
    path("engagements/<int:pk>/", views.engagement, name="engagement"),
    path("countries/<str:code>/", views.country, name="country"),
    path("relations/<str:pair>/", views.relationship, name="relationship"),
    path("officials/<int:pk>/", views.official, name="official"),
    path("network/", views.network, name="network"),
    path("api/engagements/", api.engagements, name="api-engagements"),
    path("api/engagements/<int:pk>/", api.engagement, name="api-engagement"),
    path("api/officials/", api.officials, name="api-officials"),
    path("api/officials/<int:pk>/", api.official, name="api-official"),
    path("api/countries/", api.countries, name="api-countries"),
    path("api/countries/<str:code>/", api.country, name="api-country"),
]
