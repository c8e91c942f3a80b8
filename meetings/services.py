"""Writes to the domain. Each function is one transaction with keyword-only arguments."""

from __future__ import annotations

import datetime
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from celery import current_app
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models.functions import Coalesce, Greatest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from meetings import aggregates, selectors
from meetings.models import (
    ApiToken,
    Country,
    Engagement,
    Evidence,
    Official,
    OfficialAlias,
    OfficialChange,
    Organization,
    Participation,
    Watch,
    WatchProfile,
)
from meetings.names import alias_key

logger = logging.getLogger(__name__)

TASK_REFRESH_TALLIES = "meetings.refresh_tallies"
TASK_SEND_DIGESTS = "meetings.send_digests"
TASK_FLUSH_TOKEN_USE = "meetings.api_tokens_flush_use"
TASK_PRUNE_OFFICIAL_CHANGES = "meetings.official_changes_prune"
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
    _move_watches(Watch.objects.filter(official_id__in=other_ids), target=survivor)
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


def _move_watches(watches, *, target: Official) -> None:
    """Watches of merged-away officials follow the survivor; a user already watching the survivor keeps one."""
    watching = set(Watch.objects.filter(official=target).values_list("user_id", flat=True))
    for watch in watches.order_by("id"):
        if watch.user_id in watching:
            watch.delete()
        else:
            watching.add(watch.user_id)
            Watch.objects.filter(pk=watch.pk).update(official=target)


def official_changes_prune(*, now: datetime.datetime) -> int:
    """The log of officials' changes less what is older than it is kept for (selectors.OFFICIAL_CHANGES_KEPT):
    no process still reads that far back. Returns how many entries went."""
    deleted, _ = OfficialChange.objects.filter(at__lt=now - selectors.OFFICIAL_CHANGES_KEPT).delete()
    return deleted


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
        return official_create(name=name, country=country, title=title, organization=organization)
    official_alias_add(official=official, name=name)
    return official


def official_create(
    *, name: str, country: Country | None, title: str = "", organization: Organization | None = None
) -> Official:
    """A new official with the spelling as their first alias (two INSERTs), for a caller that found none."""
    official = Official.objects.create(name=name, country=country, title=title, organization=organization)
    if alias_key(name):
        OfficialAlias.objects.create(official=official, name=name.strip())
    return official


# Tallies ---------------------------------------------------------------------------------------


def _tallies_queued_key() -> str:
    return f"dyad:tallies-refresh-queued:{settings.DATABASES['default']['NAME']}"


def tallies_refresh_soon() -> None:
    """After the surrounding transaction commits, have the tallies refreshed once for a burst of writes."""
    transaction.on_commit(_tallies_refresh_queue)


# Per database: until when (time.monotonic()) the refresh this process queued last has surely not started.
_refresh_ahead: dict[str, float] = {}


def _tallies_refresh_queue() -> None:
    key = _tallies_queued_key()
    if time.monotonic() < _refresh_ahead.get(key, 0.0):
        return  # committed before the refresh this process queued can start (its countdown): that one counts it
    try:
        # One queued refresh at a time: a marker in the broker's Redis, cleared when the refresh starts.
        # A connection from the app's pool: a worker writes after every article.
        with current_app.pool.acquire(block=True) as conn:
            if not conn.default_channel.client.set(key, "1", nx=True, ex=60):
                return
        sent = time.monotonic()
        current_app.send_task(
            TASK_REFRESH_TALLIES,
            countdown=TALLIES_REFRESH_DELAY,
            ignore_result=True,
            retry=True,
            retry_policy={"max_retries": 2, "interval_start": 0.1, "interval_step": 0.2},
        )
        _refresh_ahead[key] = sent + TALLIES_REFRESH_DELAY - 1  # a second's margin for the clocks
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


# Watches, What's new and the digest --------------------------------------------------------------


def watch_profile_get(*, user) -> WatchProfile:
    profile, _ = WatchProfile.objects.get_or_create(user=user)
    return profile


@transaction.atomic
def watch_add(*, user, kind: str, country=None, partner=None, official=None, query: str = "", name: str = "") -> Watch:
    """Watch a pair (either order), a state, an official or a saved filter; watching it again changes nothing.
    What's new and the digest then report what arrives from now on."""
    if kind == Watch.Kind.PAIR:
        country, partner = sorted([country, partner], key=lambda state: state.pk)
    watch_profile_get(user=user)
    watch, _ = Watch.objects.get_or_create(
        user=user,
        kind=kind,
        country=country,
        partner=partner,
        official=official,
        query=query,
        defaults={"name": name[:300]},
    )
    return watch


@transaction.atomic
def watch_remove(*, user, watch_id: int) -> Watch | None:
    """Stop watching; only the user's own watches. The removed watch (unsaved now), or None when there was none."""
    watch = Watch.objects.select_related("country", "partner", "official").filter(user=user, pk=watch_id).first()
    if watch is not None:
        watch.delete()
    return watch


@transaction.atomic
def whats_new_visit(*, user, now: datetime.datetime) -> selectors.WhatsNew:
    """What arrived for the user's watches since their last visit, and that visit is now: shown once."""
    profile = WatchProfile.objects.select_for_update().filter(user=user).first()
    if profile is None:  # nothing watched yet: nothing is new
        return selectors.WhatsNew(since=now, until=now, groups=[], total=0, truncated=False)
    since = selectors.whats_new_since(profile=profile) or now
    news = selectors.whats_new(watches=list(selectors.watches_of(user=user)), since=since, until=now)
    WatchProfile.objects.filter(pk=profile.pk).update(seen=now)
    return news


def digest_subscribe(*, user, subscribed: bool) -> WatchProfile:
    profile = watch_profile_get(user=user)
    if profile.digest != subscribed:
        WatchProfile.objects.filter(pk=profile.pk).update(digest=subscribed)
        profile.digest = subscribed
    return profile


def digest_unsubscribe(*, profile: WatchProfile) -> WatchProfile:
    """The digest's one-click unsubscribe (the profile named by its signed token); no login needed."""
    WatchProfile.objects.filter(pk=profile.pk).update(digest=False)
    profile.digest = False
    return profile


def _digest_message(*, profile: WatchProfile, news: selectors.WhatsNew) -> EmailMultiAlternatives:
    site = settings.SITE_URL.rstrip("/")
    unsubscribe_url = site + reverse("meetings:unsubscribe", args=[profile.unsubscribe_token])
    context = {
        "user": profile.user,
        "news": news,
        "site": site,
        "unsubscribe_url": unsubscribe_url,
        "watching_url": site + reverse("meetings:watching"),
    }
    noun = "engagement" if news.total == 1 else "engagements"
    message = EmailMultiAlternatives(
        subject=f"Dyad: {news.total}{'+' if news.truncated else ''} new {noun} for what you watch",
        body=render_to_string("meetings/email/digest.txt", context),
        to=[profile.user.email],
        # RFC 8058: mail clients offer their own one-click unsubscribe, which POSTs to the same link.
        headers={"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    message.attach_alternative(render_to_string("meetings/email/digest.html", context), "text/html")
    return message


def digest_send(*, profile_id: int, now: datetime.datetime) -> bool:
    """Mail the user what arrived for their watches since their last digest; nothing when nothing is new, and
    at most once a day. The day is claimed by a conditional UPDATE that commits before the mail goes (so a
    second run the same day, even concurrent, finds it taken); a failed send gives the claim back."""
    profile = WatchProfile.objects.select_related("user").filter(pk=profile_id, digest=True).first()
    if profile is None or not profile.user.email or not profile.user.is_active:
        return False
    day = now.date()
    since = profile.digest_through or profile.created
    news = selectors.whats_new(watches=list(selectors.watches_of(user=profile.user)), since=since, until=now)
    if not news.total:
        return False
    claimed = (
        WatchProfile.objects.filter(pk=profile.pk, digest=True, digest_through=profile.digest_through)
        .exclude(digest_sent_on=day)
        .update(digest_sent_on=day, digest_through=now)
    )
    if not claimed:
        return False
    try:
        _digest_message(profile=profile, news=news).send()
    except Exception:
        WatchProfile.objects.filter(pk=profile.pk, digest_sent_on=day, digest_through=now).update(
            digest_sent_on=profile.digest_sent_on, digest_through=profile.digest_through
        )
        raise
    return True


@dataclass
class DigestRun:
    sent: int = 0
    failed: list[int] = field(default_factory=list)  # profile ids whose mail could not be sent


def digests_send(*, now: datetime.datetime) -> DigestRun:
    """Today's digest for every subscribed user who has not had one; a failed address does not stop the rest."""
    run = DigestRun()
    for profile_id in selectors.digest_profiles(day=now.date()).values_list("pk", flat=True):
        try:
            run.sent += digest_send(profile_id=profile_id, now=now)
        except Exception:  # SMTP raises several error types; the task retries the ones that failed
            logger.exception("Digest not sent to profile %s", profile_id)
            run.failed.append(profile_id)
    return run


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
