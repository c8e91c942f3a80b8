"""Writes for ingestion: saving uploaded articles."""

from django.db import IntegrityError, transaction

from ingest.models import Article, normalized_text_hash


class DuplicateArticle(Exception):
    def __init__(self, existing: Article):
        super().__init__(f"Already ingested as article {existing.pk}")
        self.existing = existing


@transaction.atomic
def article_create(
    *,
    text: str,
    title: str = "",
    publisher: str = "",
    published=None,
    source_url: str = "",
    language: str = "",
    uploaded_by=None,
) -> Article:
    """Save a new pending article; the same normalized text twice raises DuplicateArticle."""
    existing = Article.objects.filter(sha256=normalized_text_hash(text)).first()
    if existing:
        raise DuplicateArticle(existing)
    article = Article(
        text=text,
        title=title,
        publisher=publisher,
        published=published,
        source_url=source_url,
        language=language,
        uploaded_by=uploaded_by,
    )
    try:
        with transaction.atomic():
            article.save()
    except IntegrityError:
        raise DuplicateArticle(Article.objects.get(sha256=article.sha256)) from None
    return article
