"""The review in the app: the queue, the engagement page's editor forms, roles, and the review filter."""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import Engagement
from tests import factories

pytestmark = pytest.mark.django_db


def correction_data(engagement: Engagement, **changes) -> dict:
    data = {
        "version": engagement.version,
        "kind": engagement.kind,
        "date": engagement.date.isoformat() if engagement.date else "",
        "date_precision": engagement.date_precision,
        "city": engagement.city,
        "location_country": engagement.location_country_id or "",
        "countries": list(engagement.countries.values_list("code", flat=True)),
        "topics": list(engagement.topics.values_list("pk", flat=True)),
        "summary": engagement.summary,
    }
    return data | changes


def editor_endpoints(engagement: Engagement) -> list[tuple[str, str]]:
    participation = engagement.participations.first()
    return [
        ("get", reverse("meetings:review")),
        ("get", reverse("meetings:official-names") + "?official=Haddad"),
        ("post", reverse("meetings:engagement-review", args=[engagement.pk])),
        ("post", reverse("meetings:engagement-correct", args=[engagement.pk])),
        ("post", reverse("meetings:engagement-validate", args=[engagement.pk])),
        ("post", reverse("meetings:participant-add", args=[engagement.pk])),
        ("post", reverse("meetings:engagement-split", args=[engagement.pk])),
        ("post", reverse("meetings:engagement-merge", args=[engagement.pk])),
        ("post", reverse("meetings:participant-update", args=[participation.pk])),
        ("post", reverse("meetings:participant-remove", args=[participation.pk])),
    ]


def test_analysts_see_no_edit_controls_and_every_editor_endpoint_answers_403(client, analyst):
    engagement = factories.engagement(officials=[factories.official(name="Samir Haddad")])
    client.force_login(analyst)
    page = client.get(engagement.get_absolute_url()).content.decode()
    assert "Needs review" in page and "History" in page
    for control in ("Correct this engagement", "Confirm", "Add a participant", "Split", "Merge", "/review/"):
        assert control not in page
    for method, url in editor_endpoints(engagement):
        response = getattr(client, method)(url, {"version": 1, "status": "confirmed"})
        assert response.status_code == 403, url
    engagement.refresh_from_db()
    assert engagement.status == "extracted" and engagement.version == 1


def test_an_editor_sees_the_controls_and_the_count_waiting_in_the_navigation(client, editor):
    engagement = factories.engagement()
    factories.engagement(date=datetime.date(2024, 2, 1))
    client.force_login(editor)
    page = client.get(engagement.get_absolute_url()).content.decode()
    assert "Correct this engagement" in page and "Add a participant" in page
    assert 'id="review-waiting" title="engagements waiting for review">2</span>' in page


def test_confirming_from_the_queue_returns_to_the_queue_and_records_who(client, editor):
    engagement = factories.engagement()
    client.force_login(editor)
    response = client.post(
        reverse("meetings:engagement-review", args=[engagement.pk]),
        {"version": 1, "status": "confirmed", "next": reverse("meetings:review")},
        follow=True,
    )
    assert response.redirect_chain == [(reverse("meetings:review"), 302)]
    assert "Meeting 15 Jan 2024 confirmed." in response.content.decode()
    assert "Nothing waits for review." in response.content.decode()
    engagement.refresh_from_db()
    assert engagement.status == "confirmed" and engagement.reviewed_by == editor
    page = client.get(engagement.get_absolute_url()).content.decode()
    assert f"Confirmed by {editor.username} on" in page and "Status: Extracted → Confirmed" in page


def test_a_stale_review_is_refused_with_a_message(client, editor):
    engagement = factories.engagement()
    Engagement.objects.filter(pk=engagement.pk).update(version=2)
    client.force_login(editor)
    response = client.post(
        reverse("meetings:engagement-review", args=[engagement.pk]), {"version": 1, "status": "rejected"}, follow=True
    )
    assert "Someone changed this engagement first: nothing was saved" in response.content.decode()
    assert Engagement.objects.get(pk=engagement.pk).status == "extracted"


def test_a_correction_by_plain_post_saves_and_redirects(client, editor):
    engagement = factories.engagement()
    client.force_login(editor)
    response = client.post(
        reverse("meetings:engagement-correct", args=[engagement.pk]),
        correction_data(engagement, date="2024-01-20", city="Amman", summary="Border talks."),
    )
    assert response.status_code == 302 and response["Location"] == engagement.get_absolute_url()
    engagement.refresh_from_db()
    assert (engagement.date, engagement.city, engagement.summary) == (
        datetime.date(2024, 1, 20),
        "Amman",
        "Border talks.",
    )
    assert engagement.locked == ["date", "place", "summary"]
    page = client.get(engagement.get_absolute_url()).content.decode()
    assert "Date: 2024-01-15 → 2024-01-20; City: Doha → Amman; Summary: — → Border talks." in page


def test_a_stale_correction_is_refused_and_the_form_keeps_the_editors_input(client, editor):
    engagement = factories.engagement()
    seen = correction_data(engagement, city="Zarqa", summary="My careful summary.")
    Engagement.objects.filter(pk=engagement.pk).update(version=5)  # someone else saved meanwhile
    client.force_login(editor)
    response = client.post(reverse("meetings:engagement-correct", args=[engagement.pk]), seen)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone changed this engagement first" in page
    assert 'value="Zarqa"' in page and "My careful summary." in page
    assert Engagement.objects.get(pk=engagement.pk).city == "Doha"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"date_precision": "unknown"}, "date_precision", "A date is given: choose day or month"),
        ({"date": "", "date_precision": "day"}, "date", "Give the date"),
        ({"countries": ["JO"]}, "countries", "at least two states"),
        ({"kind": "picnic"}, "kind", "Select a valid choice"),
        ({"version": ""}, "version", "This form lacks the version it was loaded at: reload the page"),
    ],
)
def test_bad_corrections_are_form_errors_and_nothing_is_saved(client, editor, changes, field, message):
    engagement = factories.engagement()
    client.force_login(editor)
    response = client.post(
        reverse("meetings:engagement-correct", args=[engagement.pk]), correction_data(engagement, **changes)
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    engagement.refresh_from_db()
    assert engagement.version == 1 and engagement.locked == []


def test_a_month_precision_date_is_kept_as_its_first_day(client, editor):
    engagement = factories.engagement()
    client.force_login(editor)
    client.post(
        reverse("meetings:engagement-correct", args=[engagement.pk]),
        correction_data(engagement, date="2024-01-17", date_precision="month"),
    )
    engagement.refresh_from_db()
    assert engagement.date == datetime.date(2024, 1, 1) and engagement.date_label == "Jan 2024"


def test_inline_validation_rebinds_the_same_form_and_saves_nothing(client, editor):
    engagement = factories.engagement()
    client.force_login(editor)
    response = client.post(
        reverse("meetings:engagement-validate", args=[engagement.pk]),
        correction_data(engagement, date_precision="unknown", city="Irbid"),
        headers={"HX-Request": "true"},
    )
    body = response.content.decode()
    assert response.status_code == 200 and body.lstrip().startswith('<form id="correct-form"')
    assert "A date is given: choose day or month" in body and 'value="Irbid"' in body
    assert "<html" not in body
    assert Engagement.objects.get(pk=engagement.pk).city == "Doha"


def test_participants_added_by_autocomplete_pick_or_new_name_corrected_and_removed(client, editor):
    haddad = factories.official(name="Samir Haddad", country="JO", title="Minister")
    mansouri = factories.official(name="Fahad Al Mansouri", country="QA", title="Minister of State")
    engagement = factories.engagement(officials=[haddad])
    client.force_login(editor)
    options = client.get(reverse("meetings:official-names") + "?official=Mansouri").content.decode()
    assert f'<option value="Fahad Al Mansouri #{mansouri.pk}">Qatar, Minister of State</option>' in options

    add = reverse("meetings:participant-add", args=[engagement.pk])
    picked = {"version": 1, "official": f"Fahad Al Mansouri #{mansouri.pk}", "country": "QA", "title": "Minister"}
    assert client.post(add, picked).status_code == 302
    again = client.post(add, picked | {"version": 2})
    assert again.status_code == 400 and "This official already takes part" in again.content.decode()
    unknown = client.post(add, picked | {"version": 2, "official": "Someone #999999999"})
    assert "There is no official number 999999999" in unknown.content.decode()
    assert client.post(add, {"version": 2, "official": "Omar Rawashdeh", "country": "JO"}).status_code == 302

    first = engagement.participations.get(official=haddad)
    update = reverse("meetings:participant-update", args=[first.pk])
    edited = {f"p{first.pk}-{k}": v for k, v in {"version": 3, "official": f"x #{haddad.pk}", "country": "JO"}.items()}
    assert client.post(update, edited | {f"p{first.pk}-title": "Deputy Prime Minister"}).status_code == 302
    rawashdeh = engagement.participations.get(official__name="Omar Rawashdeh")
    assert client.post(reverse("meetings:participant-remove", args=[rawashdeh.pk]), {"version": 4}).status_code == 302
    assert sorted(engagement.participations.values_list("official__name", "title")) == [
        ("Fahad Al Mansouri", "Minister"),
        ("Samir Haddad", "Deputy Prime Minister"),
    ]
    stale = client.post(reverse("meetings:participant-remove", args=[first.pk]), {"version": 4}, follow=True)
    assert "Someone changed this engagement first" in stale.content.decode()
    assert engagement.participations.count() == 2


def test_split_and_merge_from_the_engagement_page(client, editor):
    engagement = factories.engagement(sources=2)
    other = factories.engagement(date=datetime.date(2024, 1, 16))
    client.force_login(editor)
    moving = engagement.evidence.order_by("id").first()
    response = client.post(
        reverse("meetings:engagement-split", args=[engagement.pk]), {"version": 1, "evidence": [moving.pk]}
    )
    created = Engagement.objects.get(evidence=moving)
    assert response.status_code == 302 and response["Location"] == created.get_absolute_url()
    everything = client.post(
        reverse("meetings:engagement-split", args=[created.pk]), {"version": 1, "evidence": [moving.pk]}
    )
    assert everything.status_code == 400 and "Leave at least one source" in everything.content.decode()

    merge = reverse("meetings:engagement-merge", args=[engagement.pk])
    assert "That is this engagement." in client.post(merge, {"version": 2, "other": engagement.pk}).content.decode()
    assert (
        "There is no engagement number 9999999" in client.post(merge, {"version": 2, "other": 9999999}).content.decode()
    )
    assert client.post(merge, {"version": 2, "other": other.pk}).status_code == 302
    assert not Engagement.objects.filter(pk=other.pk).exists()


def test_rejected_engagements_leave_the_analysts_views_and_stay_with_editors(client, analyst, editor):
    envoy = factories.official(name="Nasser Al Marri", country="QA")
    kept = factories.engagement(officials=[envoy])
    rejected = factories.engagement(date=datetime.date(2024, 2, 1), officials=[envoy])
    Engagement.objects.filter(pk=rejected.pk).update(status="rejected", reviewed_at=datetime.datetime.now(datetime.UTC))
    client.force_login(analyst)
    timeline = client.get(reverse("meetings:timeline")).content.decode()
    assert kept.get_absolute_url() in timeline and rejected.get_absolute_url() not in timeline
    assert client.get(rejected.get_absolute_url()).status_code == 404
    api = client.get(reverse("meetings:api-engagements")).json()["results"]
    assert [row["id"] for row in api] == [kept.pk]
    assert client.get(reverse("meetings:api-engagement", args=[rejected.pk])).status_code == 404
    export = b"".join(client.get(reverse("meetings:export", args=["json"])).streaming_content).decode()
    assert [row["id"] for row in json.loads(export)["engagements"]] == [kept.pk]  # (an official's id may be 230 too)
    pair = client.get(reverse("meetings:relationship", args=["JO-QA"])).content.decode()
    assert rejected.get_absolute_url() not in pair
    person = client.get(envoy.get_absolute_url()).content.decode()
    assert kept.get_absolute_url() in person and rejected.get_absolute_url() not in person

    client.force_login(editor)
    timeline = client.get(reverse("meetings:timeline")).content.decode()
    assert rejected.get_absolute_url() in timeline and '<span class="review review-rejected"' in timeline
    person = client.get(envoy.get_absolute_url()).content.decode()
    assert rejected.get_absolute_url() in person and kept.get_absolute_url() in person
    assert client.get(rejected.get_absolute_url()).status_code == 200


def test_the_review_filter_is_the_timelines_exports_and_apis(client, analyst):
    confirmed, unreviewed = factories.engagement(), factories.engagement(date=datetime.date(2024, 2, 1))
    Engagement.objects.filter(pk=confirmed.pk).update(
        status="confirmed", reviewed_at=datetime.datetime.now(datetime.UTC)
    )
    client.force_login(analyst)
    for review, wanted, other in (("confirmed", confirmed, unreviewed), ("unreviewed", unreviewed, confirmed)):
        page = client.get(reverse("meetings:timeline") + f"?review={review}").content.decode()
        assert wanted.get_absolute_url() in page and other.get_absolute_url() not in page
        api = client.get(reverse("meetings:api-engagements") + f"?review={review}").json()["results"]
        assert [row["id"] for row in api] == [wanted.pk]
        export = b"".join(client.get(reverse("meetings:export", args=["csv"]) + f"?review={review}").streaming_content)
        assert export.decode().count("\n") == 2  # the header and the one engagement
    bad = client.get(reverse("meetings:api-engagements") + "?review=maybe")
    assert bad.status_code == 400 and "review" in bad.json()["errors"]


def test_the_queue_lists_unreviewed_engagements_least_certain_first(client, editor):
    sure = factories.engagement(date=datetime.date(2024, 1, 1))
    unsure = factories.engagement(date=datetime.date(2024, 1, 2))
    unscored = factories.engagement(date=datetime.date(2024, 1, 3))
    done = factories.engagement(date=datetime.date(2024, 1, 4))
    Engagement.objects.filter(pk=sure.pk).update(confidence=0.9)
    Engagement.objects.filter(pk=unsure.pk).update(confidence=0.2)
    Engagement.objects.filter(pk=done.pk).update(
        confidence=0.1, status="confirmed", reviewed_at=datetime.datetime.now(datetime.UTC)
    )
    client.force_login(editor)
    page = client.get(reverse("meetings:review")).content.decode()
    order = [page.index(f'data-engagement="{e.pk}"') for e in (unscored, unsure, sure)]
    assert order == sorted(order) and f'data-engagement="{done.pk}"' not in page
    assert "3 engagements wait for review" in page
    assert "<kbd>c</kbd> confirm" in page and "js/review.js" in page


# session, user 2; the editor's permissions, read once for the page and the navigation 2; the queue's rows 1
# with their countries, topics and participants 3; the count waiting 1 (the navigation's, and the page's 1)
QUEUE_QUERIES = 10


@pytest.mark.parametrize("size", [1, 3])
def test_queue_queries(client, editor, size):
    for index in range(size):
        factories.engagement(
            date=datetime.date(2024, 1, 1 + index), officials=[factories.official(), factories.official(country="QA")]
        )
    client.force_login(editor)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("meetings:review"))
    assert response.status_code == 200 and response.content.decode().count("data-engagement=") == size
    assert len(queries) == QUEUE_QUERIES


# session, user 2; the engagement with its reviewer 1; its countries, topics, participants, evidence with
# articles 4; the editor's permissions 2; the correction form's states and topics 2; the count waiting 1;
# the split form's sources 1; the history 1 — the same with one participant and source or three
EDITOR_PAGE_QUERIES = 14


@pytest.mark.parametrize("size", [1, 3])
def test_editor_engagement_page_queries(client, editor, size):
    engagement = factories.engagement(officials=[factories.official() for _ in range(size)], sources=size)
    client.force_login(editor)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(engagement.get_absolute_url())
    assert response.content.decode().count('class="editor participant-edit"') == size
    assert len(queries) == EDITOR_PAGE_QUERIES, [q["sql"][:90] for q in queries.captured_queries]


def test_participant_forms_are_checked_inline_with_the_same_form(client, editor):
    haddad = factories.official(name="Samir Haddad", country="JO")
    engagement = factories.engagement(officials=[haddad])
    first = engagement.participations.get()
    client.force_login(editor)
    check = reverse("meetings:participant-validate", args=[engagement.pk])
    added = client.post(check, {"version": 1, "official": "Nobody #999999999", "country": "JO"}).content.decode()
    assert "There is no official number 999999999" in added and "<html" not in added
    own = client.post(
        check,
        {
            "prefix": f"p{first.pk}",
            f"p{first.pk}-version": 1,
            f"p{first.pk}-official": "",
            f"p{first.pk}-country": "XX",
        },
    ).content.decode()
    assert f'name="p{first.pk}-official"' in own and "This field is required." in own
    assert "Select a valid choice" in own
    assert engagement.participations.get().official == haddad
