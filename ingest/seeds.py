"""The curated seed: an article and the engagements an editor wrote down for it (seeds/seed_engagement.json)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from django.db import transaction

from ingest.extraction.nlp_model import get_nlp
from ingest.extraction.text import Sentence, covering, split_sentences
from ingest.models import Article
from ingest.texts import normalized_text_hash
from meetings.models import Country, Engagement, Evidence, Official, Organization, Participation, Topic
from meetings.services import official_get_or_create, tallies_refresh_soon


def sentence_span(text: str, fragment: str) -> tuple[int, int]:
    """The (start, end) of the sentences of ``text`` that hold ``fragment``, cut as the engine cuts them."""
    at = text.find(fragment)
    if at < 0:
        raise ValueError(f"evidence not found in the article: {fragment[:60]!r}")
    return covering(_sentences(text), at, at + len(fragment))


@functools.lru_cache(maxsize=4)
def _sentences(text: str) -> tuple[Sentence, ...]:
    doc = get_nlp()(text)
    return tuple(split_sentences(text, [(sent.start_char, sent.end_char) for sent in doc.sents]))


@transaction.atomic
def seed_fixture_load(*, fixture: dict[str, Any], base_dir: Path) -> tuple[Article, list[Engagement]]:
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
    else:  # ingested from the bare text file: the fixture supplies what the file cannot
        missing = {f: meta[f] for f in ("title", "publisher") if meta.get(f) and not getattr(article, f)}
        if missing:
            Article.objects.filter(pk=article.pk).update(**missing)
            for field, value in missing.items():
                setattr(article, field, value)
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
        _curated_fill(engagement=engagement, item=item, article=article)
        engagements.append(engagement)
    tallies_refresh_soon()
    return article, engagements


def _curated_fill(*, engagement: Engagement, item: dict[str, Any], article: Article) -> None:
    """What the editor wrote down and the record lacks: the summary, topics, each official with their
    title and organization, the evidence sentences. The pipeline may have read the article first
    (make setup ingests it before loading the fixture), so nothing already set is overwritten."""
    if item.get("summary") and not engagement.summary:
        engagement.summary = item["summary"]
        engagement.save(update_fields=["summary", "updated"])
    engagement.topics.add(*Topic.objects.filter(slug__in=item.get("topics", [])))
    for person in item.get("officials", []):
        country = Country.objects.get(code=person["country"]) if person.get("country") else None
        title = person.get("title", "")
        official = official_get_or_create(
            name=person["name"], country=country, title=title, organization_name=person.get("organization", "")
        )
        _official_fill(official=official, title=title, organization_name=person.get("organization", ""))
        participation, created = Participation.objects.get_or_create(
            engagement=engagement, official=official, defaults={"country": country, "title": title}
        )
        if not created and title and not participation.title:
            participation.title = title
            participation.save(update_fields=["title"])
    for fragment in item.get("evidence", []):  # the editor's choice of sentences, kept through re-extraction
        start, end = sentence_span(article.text, fragment)
        evidence, _ = Evidence.objects.get_or_create(
            engagement=engagement,
            article=article,
            start=start,
            defaults={"end": end, "sentence": article.text[start:end], "chosen_by": Evidence.ChosenBy.PERSON},
        )
        if evidence.chosen_by != Evidence.ChosenBy.PERSON:
            Evidence.objects.filter(pk=evidence.pk).update(chosen_by=Evidence.ChosenBy.PERSON)


def _official_fill(*, official: Official, title: str, organization_name: str) -> None:
    changed = []
    if title and not official.title:
        official.title = title
        changed.append("title")
    if organization_name and official.organization_id is None and official.country_id:
        official.organization, _ = Organization.objects.get_or_create(
            country_id=official.country_id, name=organization_name
        )
        changed.append("organization")
    if changed:
        official.save(update_fields=[*changed, "updated"])
