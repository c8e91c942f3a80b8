"""Editors' writes: confirm, reject and correct engagements, split and merge them. One transaction each.

Every write locks the engagement's row and checks the version the editor saw: a stale one is refused
(EngagementChanged), so a second editor never silently undoes the first. What a person set or confirmed
goes into ``Engagement.locked`` and the engagement's evidence becomes the person's choice, which the
machine never overwrites (ingest/records.py). Each change is written to the one history, Django's
LogEntry, with its values before and after, as the admin does.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Iterable
from typing import Any, cast

from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Field
from django.utils import timezone

from meetings.history import ENGINE_USERNAME, changes_message
from meetings.models import Country, Engagement, Evidence, Official, Participation, Topic
from meetings.services import engagement_merge, official_get_or_create, tallies_refresh_soon

# Who may review and correct: editors (migration 0009) and staff.
REVIEW_PERMISSION = "meetings.change_engagement"


def can_review(user) -> bool:
    return user.has_perm(REVIEW_PERMISSION)


class EngagementChanged(Exception):
    """The engagement changed since the editor loaded it."""

    def __init__(self) -> None:
        super().__init__("Someone changed this engagement first. Your input is kept below; check it and save again.")


def engine_user():
    """The account under which the machine's changes are recorded."""
    user, created = get_user_model().objects.get_or_create(username=ENGINE_USERNAME, defaults={"is_active": False})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def history_record(*, user, engagement: Engagement, message: str, added: bool = False) -> LogEntry:
    """One entry in the engagement's history (the admin's "History" shows it too)."""
    return history_records(user=user, entries=[(engagement, message, added)])[0]


def history_records(*, user, entries: Iterable[tuple[Engagement, str, bool]]) -> list[LogEntry]:
    """history_record for several engagements (engagement, message, added) in one INSERT."""
    entries = list(entries)
    if not entries:
        return []
    # Read, not taken from ContentType's process-wide cache: a long-lived worker must not keep a stale id.
    content_type = ContentType.objects.get(app_label=Engagement._meta.app_label, model=Engagement._meta.model_name)
    return LogEntry.objects.bulk_create(
        LogEntry(
            user=user,
            content_type=content_type,
            object_id=str(engagement.pk),
            object_repr=_history_repr(engagement),
            action_flag=ADDITION if added else CHANGE,
            change_message=message,
        )
        for engagement, message, added in entries
    )


# The machine's entries in one statement that finds its account and the engagement's content type by name
# (the three reads and a write of history_records, once per article a worker writes).
ENGINE_HISTORY_SQL = """
INSERT INTO {log} (action_time, user_id, content_type_id, object_id, object_repr, action_flag, change_message)
SELECT %(now)s, u.id, t.id, e.object_id, e.object_repr, e.action_flag, e.message
FROM unnest(%(ids)s::text[], %(reprs)s::text[], %(flags)s::smallint[], %(messages)s::text[])
    AS e (object_id, object_repr, action_flag, message)
CROSS JOIN (SELECT id FROM {users} WHERE {username} = %(username)s) AS u
CROSS JOIN (SELECT id FROM {types} WHERE app_label = %(app)s AND model = %(model)s) AS t
"""


def engine_history_records(*, entries: Iterable[tuple[Engagement, str, bool]]) -> int:
    """history_records under the engine's account (engine_user), as one INSERT; the account or the
    content type made first where the database has neither yet."""
    entries = list(entries)
    if not entries:
        return 0
    users = get_user_model()
    sql = ENGINE_HISTORY_SQL.format(
        log=connection.ops.quote_name(LogEntry._meta.db_table),
        users=connection.ops.quote_name(users._meta.db_table),
        username=connection.ops.quote_name(cast(Field, users._meta.get_field(users.USERNAME_FIELD)).column),
        types=connection.ops.quote_name(ContentType._meta.db_table),
    )
    params: dict[str, Any] = {
        "now": timezone.now(),
        "ids": [str(engagement.pk) for engagement, _, _ in entries],
        "reprs": [_history_repr(engagement) for engagement, _, _ in entries],
        "flags": [ADDITION if added else CHANGE for _, _, added in entries],
        "messages": [message for _, message, _ in entries],
        "username": ENGINE_USERNAME,
        "app": Engagement._meta.app_label,
        "model": Engagement._meta.model_name,
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        if cursor.rowcount == len(entries):
            return len(entries)
    return len(history_records(user=engine_user(), entries=entries))


def _history_repr(engagement: Engagement) -> str:
    return f"{engagement.get_kind_display()} {engagement.date_label}"[:200]


def _claim(*, engagement_id: int, version: int) -> Engagement:
    engagement = Engagement.objects.select_for_update().get(pk=engagement_id)
    if engagement.version != version:
        raise EngagementChanged()
    return engagement


def _finish(engagement: Engagement, *, user, message: str, lock: Iterable[str] = ()) -> Engagement:
    """Lock what the person set, make the evidence theirs, raise the version and record the change."""
    engagement.locked = sorted(set(engagement.locked) | set(lock))
    engagement.version += 1
    engagement.save()
    engagement.evidence.filter(chosen_by=Evidence.ChosenBy.ENGINE).update(chosen_by=Evidence.ChosenBy.PERSON)
    history_record(user=user, engagement=engagement, message=message)
    tallies_refresh_soon()
    return engagement


@transaction.atomic
def engagement_review(*, engagement_id: int, version: int, user, status: str) -> Engagement:
    """Confirm (every field locked) or reject an engagement, or put it back to unreviewed."""
    engagement = _claim(engagement_id=engagement_id, version=version)
    before = engagement.get_status_display()
    engagement.status = Engagement.Status(status)
    reviewed = status != Engagement.Status.EXTRACTED
    engagement.reviewed_by = user if reviewed else None
    engagement.reviewed_at = timezone.now() if reviewed else None
    lock = Engagement.LOCKABLE if status == Engagement.Status.CONFIRMED else ()
    message = changes_message([("Status", before, engagement.get_status_display())]) or "Reviewed again."
    return _finish(engagement, user=user, message=message, lock=lock)


@transaction.atomic
def engagement_correct(
    *,
    engagement_id: int,
    version: int,
    user,
    kind: str,
    date: datetime.date | None,
    date_precision: str,
    city: str,
    location_country: Country | None,
    countries: Collection[Country],
    topics: Collection[Topic],
    summary: str,
) -> Engagement:
    """An editor's correction of the engagement's own fields; the fields changed become locked."""
    engagement = _claim(engagement_id=engagement_id, version=version)
    old_countries = set(engagement.countries.all())
    old_topics = set(engagement.topics.all())
    changes: dict[str, list[tuple[str, object, object]]] = {
        "kind": [("Type", engagement.get_kind_display(), Engagement.Kind(kind).label)],
        "date": [
            ("Date", engagement.date, date),
            ("Date precision", engagement.date_precision, date_precision),
        ],
        "place": [
            ("City", engagement.city, city),
            ("Host state", engagement.location_country, location_country),
        ],
        "countries": [("Countries", old_countries, set(countries))],
        "topics": [("Topics", old_topics, set(topics))],
        "summary": [("Summary", engagement.summary, summary)],
    }
    changed = [field for field, triples in changes.items() if changes_message(triples)]
    engagement.kind, engagement.date, engagement.date_precision = kind, date, date_precision
    engagement.city, engagement.location_country, engagement.summary = city, location_country, summary
    if "countries" in changed:
        engagement.countries.set(countries)
    if "topics" in changed:
        engagement.topics.set(topics)
    message = changes_message(triple for field in changed for triple in changes[field]) or "Saved without changes."
    return _finish(engagement, user=user, message=message, lock=changed)


@transaction.atomic
def participant_add(
    *,
    engagement_id: int,
    version: int,
    user,
    official: Official | None,
    name: str,
    country: Country | None,
    title: str,
) -> Participation:
    """Add an official (an existing one, or a new one by name); participants become locked. An official
    already taking part raises IntegrityError (the participation_unique_official constraint)."""
    engagement = _claim(engagement_id=engagement_id, version=version)
    if official is None:
        official = official_get_or_create(name=name, country=country, title=title)
    participation = Participation.objects.create(engagement=engagement, official=official, country=country, title=title)
    side = f" ({country.code})" if country else ""
    message = f"Participant added: {official.name}{side}, {title or 'title not reported'}"
    _finish(engagement, user=user, message=message, lock=["participants"])
    return participation


@transaction.atomic
def participant_update(
    *,
    participation_id: int,
    version: int,
    user,
    official: Official | None,
    name: str,
    country: Country | None,
    title: str,
) -> Participation:
    """Correct who a participant is (another known official, or a new one by name), their state or the
    title as reported."""
    participation = Participation.objects.select_related("official", "country").get(pk=participation_id)
    engagement = _claim(engagement_id=participation.engagement_id, version=version)
    if official is None:
        official = official_get_or_create(name=name, country=country, title=title)
    message = changes_message(
        [
            ("Participant", participation.official.name, official.name),
            ("Represents", participation.country, country),
            ("Title as reported", participation.title, title),
        ]
    )
    participation.official, participation.country, participation.title = official, country, title
    participation.save()
    _finish(engagement, user=user, message=message or "Participant saved without changes.", lock=["participants"])
    return participation


@transaction.atomic
def participant_remove(*, participation_id: int, version: int, user) -> Engagement:
    participation = Participation.objects.select_related("official").get(pk=participation_id)
    engagement = _claim(engagement_id=participation.engagement_id, version=version)
    participation.delete()
    return _finish(
        engagement, user=user, message=f"Participant removed: {participation.official.name}", lock=["participants"]
    )


@transaction.atomic
def engagement_split(*, engagement_id: int, version: int, user, evidence_ids: Collection[int]) -> Engagement:
    """Move some sources to a new engagement (a copy of this one's fields, its participants and topics);
    both keep what a person chose. Every source cannot move: that is the same engagement."""
    engagement = _claim(engagement_id=engagement_id, version=version)
    moving = list(engagement.evidence.filter(pk__in=evidence_ids).order_by("id"))
    if not moving or len(moving) == engagement.evidence.count():
        raise ValueError("Choose some of the sources, not none or all of them.")
    fields = ["kind", "date", "date_precision", "city", "location_country", "summary", "confidence"]
    created = Engagement.objects.create(
        **{field: getattr(engagement, field) for field in fields},
        locked=list(Engagement.LOCKABLE),
        status=Engagement.Status.EXTRACTED,
    )
    created.countries.set(engagement.countries.all())
    created.topics.set(engagement.topics.all())
    Participation.objects.bulk_create(
        [
            Participation(engagement=created, official_id=p.official_id, country_id=p.country_id, title=p.title)
            for p in engagement.participations.all()
        ]
    )
    Evidence.objects.filter(pk__in=[e.pk for e in moving]).update(
        engagement=created, chosen_by=Evidence.ChosenBy.PERSON
    )
    articles = ", ".join(sorted({f"#{e.article_id}" for e in moving}))
    history_record(user=user, engagement=created, message=f"Split from engagement #{engagement.pk}.", added=True)
    _finish(engagement, user=user, message=f"Split: sources from article {articles} moved to #{created.pk}.")
    return created


@transaction.atomic
def engagement_merge_into(*, survivor_id: int, version: int, other_id: int, user) -> Engagement:
    """The admin's merge, from the engagement page: the other engagement folds into this one."""
    if survivor_id == other_id:
        raise ValueError("An engagement cannot be merged into itself.")
    survivor = _claim(engagement_id=survivor_id, version=version)
    other = Engagement.objects.select_for_update().get(pk=other_id)
    described = f"#{other.pk} {other}"
    engagement_merge(survivor=survivor, others=[other])
    survivor.refresh_from_db()
    return _finish(survivor, user=user, message=f"Merged engagements {described} into this record.")
