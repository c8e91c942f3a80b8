from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ingest import selectors, services
from ingest.forms import UploadForm
from ingest.models import Article
from meetings import page_cache
from meetings.forms import SearchForm
from meetings.paging import newest_first_page, query_with

# htmx stops polling when a response has this status.
STOP_POLLING = 286


@permission_required("ingest.add_article", raise_exception=True)
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if form.is_bound and form.is_valid():
        try:
            article = services.article_submit(uploaded_by=request.user, **form.submission())
        except services.DuplicateArticle as duplicate:
            messages.info(request, "This article was already ingested; here it is.")
            return redirect(duplicate.existing)
        return redirect(article)
    return render(request, "ingest/upload.html", {"form": form})


@require_POST
@permission_required("ingest.add_article", raise_exception=True)
def upload_validate(request: HttpRequest) -> HttpResponse:
    """Inline validation: the same form, bound and checked, nothing saved; only its error slots are sent
    back (out of band), so the fields the editor filled, a chosen file among them, stay as they are."""
    form = UploadForm(request.POST, request.FILES or None)
    form.is_valid()
    return render(request, "ingest/upload.html#errors", {"form": form, "oob": True})


def _article_or_404(pk: int) -> Article:
    try:
        return selectors.article_detail(article_id=pk)
    except Article.DoesNotExist:
        raise Http404("No such article") from None


def _article_context(article: Article) -> dict:
    finished = article.status in (Article.Status.DONE, Article.Status.FAILED)
    outcome = article.outcome or {}
    engagements = list(selectors.article_engagements(article=article)) if finished else []
    return {
        "article": article,
        "finished": finished,
        "engagements": engagements,
        "created_ids": set(outcome.get("created", [])),
    }


def article(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "ingest/article.html", _article_context(_article_or_404(pk)))


def article_progress(request: HttpRequest, pk: int) -> HttpResponse:
    context = _article_context(_article_or_404(pk))
    response = render(request, "ingest/article.html#progress", context)
    if context["finished"]:
        response.status_code = STOP_POLLING
    return response


@require_POST
@permission_required("ingest.change_article", raise_exception=True)
def article_retry(request: HttpRequest, pk: int) -> HttpResponse:
    record = _article_or_404(pk)
    if services.article_retry(article_id=record.pk):
        messages.success(request, "The article is queued again.")
    else:
        messages.info(request, "The article is already being processed.")
    return redirect("ingest:operations" if request.POST.get("next") == "operations" else record)


@permission_required("ingest.change_article", raise_exception=True)
def operations(request: HttpRequest) -> HttpResponse:
    context = {"counts": selectors.ingest_counts(), "failures": selectors.failures_latest()}
    if request.htmx:
        return render(request, "ingest/operations.html#figures", context)
    return render(request, "ingest/operations.html", context)


# The analyst's Articles page and search (officials and engagements come from the domain, articles from here).

ARTICLES_PAGE = 50


def article_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status")
    if status not in Article.Status.values:
        status = None
    page = newest_first_page(selectors.article_list(status=status), cursor=request.GET.get("after"), size=ARTICLES_PAGE)
    next_url = "?" + query_with(request.GET, after=page.next_cursor) if page.next_cursor else None
    context = {"articles": page.rows, "status": status, "statuses": Article.Status.choices, "next_url": next_url}
    if request.htmx and "after" in request.GET:
        return render(request, "ingest/article_list.html#rows", context)
    return render(request, "ingest/article_list.html", context)


def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    query = form.query()
    results = selectors.search(query=query) if query else None
    html = page_cache.rendered_rows(results.engagements) if results else {}
    rows = [html[ref.pk] for ref in results.engagements if ref.pk in html] if results else []
    context = {"form": form, "query": query, "results": results, "engagement_rows": rows}
    if request.htmx and not request.htmx.boosted:
        return render(request, "ingest/search.html#results", context)
    return render(request, "ingest/search.html", context)
