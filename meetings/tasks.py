"""Celery tasks of the domain: thin wrappers over meetings.services."""

from celery import shared_task

from meetings import services


@shared_task(name=services.TASK_REFRESH_TALLIES, bind=True, acks_late=True, ignore_result=True, max_retries=20)
def refresh_tallies(self) -> None:
    if services.tallies_refresh() == "busy":  # a writer holds the tallies' state row until it commits
        raise self.retry(countdown=services.TALLIES_REFRESH_DELAY)


@shared_task(name=services.TASK_FLUSH_TOKEN_USE, acks_late=True, ignore_result=True)
def api_tokens_flush_use() -> None:
    services.api_tokens_use_flush()
