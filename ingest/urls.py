from django.urls import path

from ingest import views

app_name = "ingest"
urlpatterns = [
    path("ingest/upload/", views.upload, name="upload"),
    path("ingest/upload/validate/", views.upload_validate, name="upload_validate"),
    path("ingest/articles/<int:pk>/", views.article, name="article"),
    path("ingest/articles/<int:pk>/progress/", views.article_progress, name="article_progress"),
    path("ingest/articles/<int:pk>/retry/", views.article_retry, name="article_retry"),
    path("ingest/operations/", views.operations, name="operations"),
    # The analyst's pages about articles, beside the domain's pages at the site's root.
    path("articles/", views.article_list, name="articles"),
    path("search/", views.search, name="search"),
]
