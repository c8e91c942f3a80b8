"""Small builders for domain records in tests."""

import datetime
import itertools

from ingest.models import Article
from meetings.models import Country, Engagement, Evidence, Official, OfficialAlias, Participation, Topic

_seq = itertools.count(1)


def official(*, name: str | None = None, country: str = "JO", title: str = "Director", aliases=()) -> Official:
    record = Official.objects.create(name=name or f"Official {next(_seq)}", country_id=country, title=title)
    OfficialAlias.objects.create(official=record, name=record.name)
    for alias in aliases:
        OfficialAlias.objects.create(official=record, name=alias)
    return record


def article(*, text: str | None = None, title: str = "Report") -> Article:
    return Article.objects.create(text=text or f"Report number {next(_seq)} on security talks.", title=title)


def engagement(
    *,
    countries=("JO", "QA"),
    kind: str = "meeting",
    date: datetime.date | None = datetime.date(2024, 1, 15),
    officials=(),
    topics=("border-security",),
    sources: int = 1,
) -> Engagement:
    record = Engagement.objects.create(
        kind=kind,
        date=date,
        date_precision="day" if date else "unknown",
        city="Doha",
        location_country_id=countries[0],
    )
    record.countries.set(Country.objects.filter(code__in=countries))
    record.topics.set(Topic.objects.filter(slug__in=topics))
    for person in officials:
        Participation.objects.create(engagement=record, official=person, country=person.country, title=person.title)
    for _ in range(sources):
        source = article()
        Evidence.objects.create(engagement=record, article=source, sentence=source.text, start=0, end=len(source.text))
    return record


def seed_meeting() -> Engagement:
    """The seed meeting's shape: Jordan's Maaytah (also spelled Al-Maaytah) meets Qatar's Al Kaabi in Doha."""
    maaytah = official(
        name="Obaid Al Maaytah", country="JO", title="Director of Public Security", aliases=["Al-Maaytah"]
    )
    kaabi = official(name="Abdullah Al Kaabi", country="QA", title="Undersecretary")
    meeting = engagement(
        countries=("JO", "QA"),
        date=datetime.date(2023, 12, 22),
        officials=[maaytah, kaabi],
        topics=("border-security", "cybersecurity"),
    )
    Engagement.objects.filter(pk=meeting.pk).update(summary="Qatar and Jordan discussed border security in Doha.")
    meeting.refresh_from_db()
    return meeting
