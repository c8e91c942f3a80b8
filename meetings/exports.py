"""CSV and JSON exports of a filtered timeline, streamed so a large export never sits in memory."""

import csv
import json
from collections.abc import Iterator

from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from django.utils import timezone

from meetings.models import Engagement

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
CSV_COLUMNS = [
    "id",
    "type",
    "date",
    "date_precision",
    "city",
    "location_country",
    "countries",
    "officials",
    "topics",
    "sources",
    "status",
    "summary",
    "url",
]


def engagement_as_dict(engagement: Engagement, *, base_url: str = "") -> dict:
    """The public shape of an engagement, as the API and the JSON export give it."""
    return {
        "id": engagement.pk,
        "type": engagement.kind,
        "date": engagement.date.isoformat() if engagement.date else None,
        "date_precision": engagement.date_precision,
        "city": engagement.city,
        "location_country": engagement.location_country_id,
        "countries": [c.code for c in engagement.countries.all()],
        "officials": [
            {"id": p.official_id, "name": p.official.name, "country": p.country_id, "title": p.title}
            for p in engagement.participations.all()
        ],
        "topics": [t.slug for t in engagement.topics.all()],
        "sources": engagement.source_total,
        "status": engagement.status,
        "summary": engagement.summary,
        "url": base_url + engagement.get_absolute_url(),
    }


def safe_cell(value) -> str:
    """The value as text, with a leading apostrophe when a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _csv_row(record: dict) -> list[str]:
    flat = dict(record)
    flat["countries"] = " ".join(record["countries"])
    flat["officials"] = "; ".join(
        f"{o['name']}{', ' + o['title'] if o['title'] else ''} ({o['country'] or '?'})" for o in record["officials"]
    )
    flat["topics"] = " ".join(record["topics"])
    return [safe_cell(flat[column]) for column in CSV_COLUMNS]


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_lines(engagements: QuerySet[Engagement], base_url: str) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(CSV_COLUMNS)
    for engagement in engagements.iterator(chunk_size=1000):
        yield writer.writerow(_csv_row(engagement_as_dict(engagement, base_url=base_url)))


def _json_chunks(engagements: QuerySet[Engagement], base_url: str) -> Iterator[str]:
    yield '{"engagements": ['
    for index, engagement in enumerate(engagements.iterator(chunk_size=1000)):
        yield ("," if index else "") + json.dumps(engagement_as_dict(engagement, base_url=base_url))
    yield "]}"


def _filename(extension: str) -> str:
    return f"dyad-engagements-{timezone.now():%Y%m%d-%H%M}.{extension}"


def csv_response(engagements: QuerySet[Engagement], *, base_url: str = "") -> StreamingHttpResponse:
    response = StreamingHttpResponse(_csv_lines(engagements, base_url), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename("csv")}"'
    return response


def json_response(engagements: QuerySet[Engagement], *, base_url: str = "") -> StreamingHttpResponse:
    response = StreamingHttpResponse(_json_chunks(engagements, base_url), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{_filename("json")}"'
    return response
