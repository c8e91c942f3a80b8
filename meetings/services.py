"""Writes to the domain. Each function is one transaction with keyword-only arguments."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from meetings.models import (
    Country,
    Engagement,
    Evidence,
    Official,
    OfficialAlias,
    Organization,
    Participation,
)
from meetings.names import alias_key


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
