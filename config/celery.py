"""The Celery application; tasks live in each app's ``tasks.py``."""

import os

from celery import Celery
from celery.signals import task_postrun, task_prerun
from django.db import close_old_connections

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("dyad")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@task_prerun.connect
@task_postrun.connect
def database_connections_tidy(**kwargs) -> None:
    """Around each task, as around each web request: a connection past CONN_MAX_AGE or left unusable by
    an error is closed, any other one is kept for the next task (CELERY_DB_REUSE_MAX in the settings)."""
    close_old_connections()
