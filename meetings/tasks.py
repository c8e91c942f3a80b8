"""Celery tasks of the domain: thin wrappers over meetings.services."""

from celery import shared_task
from django.utils import timezone

from meetings import services


@shared_task(name=services.TASK_REFRESH_TALLIES, bind=True, acks_late=True, ignore_result=True, max_retries=20)
def refresh_tallies(self) -> None:
    if services.tallies_refresh() == "busy":  # another refresh is folding or rebuilding the tallies
        raise self.retry(countdown=services.TALLIES_REFRESH_DELAY)


# Retried for the addresses that failed (the mail server down, say); those already sent today are not sent again.
@shared_task(name=services.TASK_SEND_DIGESTS, bind=True, acks_late=True, ignore_result=True, max_retries=6)
def send_digests(self) -> None:
    run = services.digests_send(now=timezone.now())
    if run.failed:
        raise self.retry(countdown=600)


@shared_task(name=services.TASK_FLUSH_TOKEN_USE, acks_late=True, ignore_result=True)
def api_tokens_flush_use() -> None:
    services.api_tokens_use_flush()


@shared_task(name=services.TASK_PRUNE_OFFICIAL_CHANGES, acks_late=True, ignore_result=True)
def official_changes_prune() -> None:
    services.official_changes_prune(now=timezone.now())
