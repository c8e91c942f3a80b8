"""Writes to the domain. Each function is one transaction with keyword-only arguments."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from django.db import transaction

from ingest.models import Article, normalized_text_hash
from meetings.models import (
    Country,
    Engagement,
    Evidence,
    Official,
    OfficialAlias,
    Organization,
    Participation,
    Topic,
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


_ABBREVIATIONS = {"dr", "gen", "maj", "lt", "col", "brig", "mr", "mrs", "ms", "st", "no", "prof", "adm", "capt", "h.e"}
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\n+")


def sentence_span(text: str, fragment: str) -> tuple[int, int]:
    """The (start, end) of the sentence of ``text`` that contains ``fragment``."""
    at = text.find(fragment)
    if at < 0:
        raise ValueError(f"evidence not found in the article: {fragment[:60]!r}")
    start, end = 0, len(text)
    for boundary in _BOUNDARY.finditer(text):
        word = text[: boundary.start()].rsplit(None, 1)[-1].rstrip(".").lower() if boundary.start() else ""
        if "\n" not in boundary.group() and word in _ABBREVIATIONS:
            continue  # "Dr. Obaid" does not end a sentence
        if boundary.end() <= at:
            start = boundary.end()
        elif boundary.start() >= at + len(fragment):
            end = boundary.start()
            break
    return start, end


@transaction.atomic
def seed_fixture_load(*, fixture: dict, base_dir: Path) -> tuple[Article, list[Engagement]]:
    """Write a curated article and its engagements; running it twice changes nothing."""
    meta = fixture["article"]
    text = (base_dir / meta["file"]).read_text(encoding="utf-8")
    article = Article.objects.filter(sha256=normalized_text_hash(text)).first()
    if article is None:
        article = Article.objects.create(
            text=text,
            title=meta.get("title", ""),
            publisher=meta.get("publisher", ""),
            published=meta.get("published"),
            language=meta.get("language", "en"),
            status=Article.Status.DONE,
        )
    engagements = []
    for item in fixture["engagements"]:
        engagement = Engagement.objects.filter(evidence__article=article, kind=item["type"]).first()
        if engagement is None:
            precision = Engagement.Precision.DAY if item.get("date") else Engagement.Precision.UNKNOWN
            location = item.get("location") or {}
            engagement = Engagement.objects.create(
                kind=item["type"],
                date=item.get("date"),
                date_precision=precision,
                city=location.get("city") or "",
                location_country_id=location.get("country"),
                summary=item.get("summary", ""),
            )
            engagement.countries.set(item["countries"])
            engagement.topics.set(Topic.objects.filter(slug__in=item.get("topics", [])))
            for person in item.get("officials", []):
                country = Country.objects.get(code=person["country"]) if person.get("country") else None
                official = official_get_or_create(
                    name=person["name"],
                    country=country,
                    title=person.get("title", ""),
                    organization_name=person.get("organization", ""),
                )
                Participation.objects.get_or_create(
                    engagement=engagement,
                    official=official,
                    defaults={"country": country, "title": person.get("title", "")},
                )
            for fragment in item.get("evidence", []):
                start, end = sentence_span(text, fragment)
                Evidence.objects.get_or_create(
                    engagement=engagement,
                    article=article,
                    start=start,
                    defaults={"end": end, "sentence": text[start:end]},
                )
        engagements.append(engagement)
    return article, engagements
