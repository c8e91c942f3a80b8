"""Writes to the domain. Each function is one transaction with keyword-only arguments."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable

from celery import current_app
from django.conf import settings
from django.db import transaction
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from meetings import aggregates
from meetings.models import (
    ApiToken,
    Country,
    Engagement,
    Evidence,
    Official,
    OfficialAlias,
    Organization,
    Participation,
)
from meetings.names import alias_key

logger = logging.getLogger(__name__)

TASK_REFRESH_TALLIES = "meetings.refresh_tallies"
TASK_FLUSH_TOKEN_USE = "meetings.api_tokens_flush_use"
# Writes within this many seconds of the first share one refresh of the tallies.
TALLIES_REFRESH_DELAY = 5


def official_alias_add(*, official: Official, name: str) -> OfficialAlias | None:
    """Record a spelling of the official's name; a spelling already known is not duplicated."""
    key = alias_key(name)
    if not key:
        return None
    alias, _ = OfficialAlias.objects.get_or_create(official=official, key=key, defaults={"name": name.strip()})
    return alias


@transaction.atomic
def official_merge(*, survivor: Official, others: Iterable[Official]) -> Official:
    """Fold duplicate officials into one: their participations and aliases move to the survivor."""
    others = [o for o in others if o.pk != survivor.pk]
    if not others:
        return survivor
    other_ids = [o.pk for o in others]
    known_keys = set(survivor.aliases.values_list("key", flat=True))
    for alias in OfficialAlias.objects.filter(official_id__in=other_ids).order_by("id"):
        if alias.key in known_keys:
            alias.delete()
        else:
            known_keys.add(alias.key)
            OfficialAlias.objects.filter(pk=alias.pk).update(official=survivor)
    for other in others:  # the merged-away canonical names are spellings too
        if alias_key(other.name) not in known_keys:
            known_keys.add(alias_key(other.name))
            OfficialAlias.objects.create(official=survivor, name=other.name)
    _move_participations(
        Participation.objects.filter(official_id__in=other_ids),
        field="official",
        target=survivor,
        taken=set(survivor.participations.values_list("engagement_id", flat=True)),
        key="engagement_id",
    )
    if survivor.organization_id is None:
        survivor.organization_id = next((o.organization_id for o in others if o.organization_id), None)
        survivor.save(update_fields=["organization", "updated"])
    Official.objects.filter(pk__in=other_ids).delete()
    tallies_refresh_soon()
    return survivor


@transaction.atomic
def engagement_merge(*, survivor: Engagement, others: Iterable[Engagement]) -> Engagement:
    """Fold duplicate engagements into one: evidence, participations, countries and topics move over."""
    others = [e for e in others if e.pk != survivor.pk]
    if not others:
        return survivor
    other_ids = [e.pk for e in others]
    taken_spans = set(survivor.evidence.values_list("article_id", "start"))
    for evidence in Evidence.objects.filter(engagement_id__in=other_ids).order_by("id"):
        span = (evidence.article_id, evidence.start)
        if span in taken_spans:
            evidence.delete()
        else:
            taken_spans.add(span)
            Evidence.objects.filter(pk=evidence.pk).update(engagement=survivor)
    _move_participations(
        Participation.objects.filter(engagement_id__in=other_ids),
        field="engagement",
        target=survivor,
        taken=set(survivor.participations.values_list("official_id", flat=True)),
        key="official_id",
    )
    for other in others:
        survivor.countries.add(*other.countries.all())
        survivor.topics.add(*other.topics.all())
    Engagement.objects.filter(pk__in=other_ids).delete()
    survivor.save(update_fields=["updated"])
    tallies_refresh_soon()
    return survivor


def _move_participations(participations, *, field: str, target, taken: set, key: str) -> None:
    """Re-point participations at ``target``; one that would duplicate an existing row is dropped."""
    for participation in participations.order_by("id"):
        value = getattr(participation, key)
        if value in taken:
            participation.delete()
        else:
            taken.add(value)
            Participation.objects.filter(pk=participation.pk).update(**{field: target})


def official_get_or_create(
    *, name: str, country: Country | None, title: str = "", organization_name: str = ""
) -> Official:
    """Find the official by an exact alias spelling in that country, or create them with the spelling as alias."""
    key = alias_key(name)
    official = Official.objects.filter(aliases__key=key, country=country).order_by("id").first() if key else None
    if official is None:
        organization = None
        if organization_name and country is not None:
            organization, _ = Organization.objects.get_or_create(country=country, name=organization_name)
        official = Official.objects.create(name=name, country=country, title=title, organization=organization)
    official_alias_add(official=official, name=name)
    return official


# Tallies ---------------------------------------------------------------------------------------


def _tallies_queued_key() -> str:
    return f"dyad:tallies-refresh-queued:{settings.DATABASES['default']['NAME']}"


def tallies_refresh_soon() -> None:
    """After the surrounding transaction commits, have the tallies refreshed once for a burst of writes."""
    transaction.on_commit(_tallies_refresh_queue)


def _tallies_refresh_queue() -> None:
    try:
        # One queued refresh at a time: a marker in the broker's Redis, cleared when the refresh starts.
        with current_app.connection_for_write() as conn:
            if not conn.default_channel.client.set(_tallies_queued_key(), "1", nx=True, ex=60):
                return
        current_app.send_task(
            TASK_REFRESH_TALLIES,
            countdown=TALLIES_REFRESH_DELAY,
            ignore_result=True,
            retry=True,
            retry_policy={"max_retries": 2, "interval_start": 0.1, "interval_step": 0.2},
        )
    except Exception as exc:  # kombu/redis raise several connection error types
        logger.warning("Tallies refresh not queued (%s); the beat schedule will refresh them.", exc)


def tallies_refresh() -> aggregates.Refresh:
    """Refresh the stale tallies now (the task, the beat schedule); "busy" asks to be tried again."""
    try:
        with current_app.connection_for_write() as conn:
            conn.default_channel.client.delete(_tallies_queued_key())
    except Exception:  # the broker is down: refresh anyway; the next write queues again
        logger.warning("Could not clear the tallies refresh marker", exc_info=True)
    return aggregates.aggregates_refresh()


# API tokens --------------------------------------------------------------------------------------


def _token_use_key() -> str:
    return f"dyad:api-token-used:{settings.DATABASES['default']['NAME']}"


# Delete the flushed fields whose time is still the one written: a use noted meanwhile waits for the next flush.
_FORGET_FLUSHED = """
for i = 1, #ARGV, 2 do
  if redis.call('HGET', KEYS[1], ARGV[i]) == ARGV[i + 1] then redis.call('HDEL', KEYS[1], ARGV[i]) end
end
"""


def api_token_use_note(*, token_id: int) -> None:
    """Note that the token was used just now, in Redis: the API request itself writes no row.
    `api_tokens_use_flush` (the beat schedule, every minute) carries it to `last_used`."""
    try:
        with current_app.connection_for_write() as conn:
            conn.default_channel.client.hset(_token_use_key(), str(token_id), f"{timezone.now().timestamp():.6f}")
    except Exception as exc:  # kombu/redis raise several connection error types
        logger.warning("API token use not noted (%s); its last use shows an earlier time.", exc)


@transaction.atomic
def api_tokens_use_flush() -> int:
    """Write the token uses noted since the last flush to `ApiToken.last_used` (never moving it back);
    the number of tokens written."""
    with current_app.connection_for_write() as conn:
        stored = conn.default_channel.client.hgetall(_token_use_key())
    noted = {_text(field): _text(value) for field, value in stored.items()}
    written = 0
    for token_id, stamp in noted.items():
        if token_id.isdigit():
            used = datetime.datetime.fromtimestamp(float(stamp), tz=datetime.UTC)
            written += ApiToken.objects.filter(pk=int(token_id)).update(
                last_used=Greatest(Coalesce("last_used", used), used)
            )
    if noted:  # forgotten only once the rows are written: a failed flush leaves them for the next one
        transaction.on_commit(lambda: _token_uses_forget(noted))
    return written


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


def _token_uses_forget(noted: dict[str, str]) -> None:
    try:
        with current_app.connection_for_write() as conn:
            fields = [item for pair in noted.items() for item in pair]
            conn.default_channel.client.eval(_FORGET_FLUSHED, 1, _token_use_key(), *fields)
    except Exception as exc:  # kombu/redis raise several connection error types
        logger.warning("Flushed API token uses not cleared (%s); the next flush writes them again.", exc)
