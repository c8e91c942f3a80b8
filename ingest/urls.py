from django.urls import path

from ingest import views

app_name = "ingest"
urlpatterns = [
    path("upload/", views.upload, name="upload"),
    path("upload/validate/", views.upload_validate, name="upload_validate"),
    path("articles/<int:pk>/", views.article, name="article"),
    path("articles/<int:pk>/progress/", views.article_progress, name="article_progress"),
    path("articles/<int:pk>/retry/", views.article_retry, name="article_retry"),
    path("operations/", views.operations, name="operations"),
]
