from django.urls import path

from meetings import views

app_name = "meetings"
urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("engagements/<int:pk>/", views.engagement, name="engagement"),
    path("countries/<str:code>/", views.country, name="country"),
    path("officials/<int:pk>/", views.official, name="official"),
]
