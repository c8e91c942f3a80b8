from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect, render

from ingest import services
from ingest.forms import PasteForm
from ingest.models import Article


@permission_required("ingest.add_article", raise_exception=True)
def upload(request):
    form = PasteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            article = services.article_create(uploaded_by=request.user, **form.cleaned_data)
        except services.DuplicateArticle as dup:
            messages.info(request, "This article was already ingested.")
            return redirect(dup.existing)
        return redirect(article)
    return render(request, "ingest/upload.html", {"form": form})


def article(request, pk: int):
    record = get_object_or_404(Article.objects.select_related("uploaded_by"), pk=pk)
    return render(request, "ingest/article.html", {"article": record})
