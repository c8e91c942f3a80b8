"""Celery tasks: thin wrappers that take ids and call ingest.services."""

from celery import Task, shared_task
from celery.signals import worker_init
from django.db import DatabaseError, InterfaceError, OperationalError

from ingest import services
from ingest.fetch import FetchError

# Worth retrying: the database or a site being briefly unavailable. Everything else is decided
# by the service (the article is marked failed with its reason).
TRANSIENT = (OperationalError, InterfaceError, FetchError)


class ArticleTask(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        """Retries exhausted, or an unexpected error: the article shows why it failed."""
        reason = exc.reason if isinstance(exc, FetchError) else f"{exc.__class__.__name__}: {exc}"
        try:
            for article_id in kwargs.get("article_ids") or [kwargs.get("article_id")]:
                if article_id is not None:
                    services.article_fail(article_id=article_id, reason=reason, task_id=task_id)
        except DatabaseError:  # the database is what failed; the sweeper will pick the article up later
            pass


_options = {
    "base": ArticleTask,
    "bind": True,
    "acks_late": True,
    "reject_on_worker_lost": True,
    "ignore_result": True,
    "autoretry_for": TRANSIENT,
    "retry_backoff": 2,
    "retry_backoff_max": 300,
    "retry_jitter": True,
    "max_retries": 5,
}


@shared_task(name=services.TASK_PROCESS, **_options)
def process_article(self, *, article_id: int) -> None:
    services.article_process(article_id=article_id, task_id=self.request.id)


@shared_task(name=services.TASK_PROCESS_BATCH, **_options)
def process_articles(self, *, article_ids: list[int]) -> None:
    services.articles_process(article_ids=article_ids, task_id=self.request.id)


@shared_task(name="ingest.sweep_stuck", acks_late=True, ignore_result=True)
def sweep_stuck() -> None:
    services.articles_requeue_stuck()


# Per supported language, a report triage lets through, so the parse and every later stage run once and
# build their lexicons and patterns (each a second or so the first time) before the pool forks.
WARM_UP_REPORTS = {
    "en": "The defence ministers of Jordan and Qatar met in Amman on Monday to discuss border security.",
    "fr": "Les ministres de la Défense de la Jordanie et du Qatar se sont réunis à Amman lundi pour discuter "
    "de la sécurité des frontières.",
    "es": "Los ministros de Defensa de Jordania y Catar se reunieron en Amán el lunes para hablar de la "
    "seguridad fronteriza.",
    "ar": "التقى وزير الدفاع الأردني بنظيره القطري في عمان يوم الاثنين لبحث أمن الحدود.",
}


@worker_init.connect
def engine_warm_up(**kwargs) -> None:
    """Load the language models and the engine's lexicons once in the main worker process; forked pool
    processes share them."""
    from ingest.extraction import Article, extract
    from ingest.extraction.languages import MODELS, model_for

    for lang, text in WARM_UP_REPORTS.items():
        extract(Article(id=f"warm-up-{lang}", title="", text=text, language=lang))
    for lang in MODELS:
        model_for(lang)
