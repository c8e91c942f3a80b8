import itertools

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from meetings.models import ApiToken, Official, Organization
from tests import factories

pytestmark = pytest.mark.django_db

_names = itertools.count()
MODELS = [model for model in admin.site._registry if model._meta.app_label in {"meetings", "ingest"}]


def build(n: int) -> None:
    """n engagements, each with two officials, aliases, an organization, topics and two sources."""
    for _ in range(n):
        i = next(_names)
        org = Organization.objects.create(name=f"Directorate {i}", country_id="JO")
        a = factories.official(aliases=[f"Spelling {i}"])
        a.organization = org
        a.save()
        b = factories.official(country="QA")
        factories.engagement(officials=[a, b], sources=2, topics=["training", "policing"])
        ApiToken.issue(user=User.objects.create_user(username=f"caller-{i}"), label=f"notebook {i}")


def changelist_queries(client, model) -> int:
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.model_name)
def test_changelist_queries_do_not_grow_with_rows(client, staff, model):
    client.force_login(staff)
    build(1)
    few = changelist_queries(client, model)
    build(2)
    many = changelist_queries(client, model)
    assert many == few, f"{model.__name__} changelist: {few} queries for 1 row, {many} for 3"


def change_form(client, record) -> tuple[str, int]:
    meta = record._meta
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk]))
    assert response.status_code == 200
    return response.content.decode(), len(ctx)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.model_name)
def test_change_form_shows_the_record_and_its_queries_do_not_grow_with_rows(client, staff, model):
    client.force_login(staff)
    build(1)
    record = model.objects.order_by("pk").first()
    change_form(client, record)  # the first admin page after writes runs one query more: count a steady page
    page, few = change_form(client, record)
    assert f"<h2>{escape(str(record))}</h2>" in page  # the record's own heading, not the model's name
    build(2)
    assert change_form(client, record)[1] == few, f"{model.__name__} change form grows with the other rows"
    assert few <= 40, f"{model.__name__} change form ran {few} queries"


def test_admin_change_is_recorded_with_old_and_new_values(client, staff):
    client.force_login(staff)
    person = factories.official(name="Obaid Al Maaytah", title="Director")
    url = reverse("admin:meetings_official_change", args=[person.pk])
    form = {
        "name": person.name,
        "country": "JO",
        "title": "Director of Public Security",
        "organization": "",
        "aliases-TOTAL_FORMS": "0",
        "aliases-INITIAL_FORMS": "0",
    }
    response = client.post(url, form)
    assert response.status_code == 302
    history = client.get(reverse("admin:meetings_official_history", args=[person.pk])).content.decode()
    assert "Title: Director → Director of Public Security" in history
    assert staff.username in history


def test_merge_officials_action_asks_then_merges(client, staff):
    client.force_login(staff)
    keep = factories.official(name="Obaid Al Maaytah")
    dup = factories.official(name="Abeidallah Maaitah")
    factories.engagement(officials=[dup])
    url = reverse("admin:meetings_official_changelist")
    ask = client.post(url, {"action": "merge_officials", "_selected_action": [keep.pk, dup.pk]})
    assert "Choose the one to keep" in ask.content.decode()
    done = client.post(
        url, {"action": "merge_officials", "_selected_action": [keep.pk, dup.pk], "survivor": str(keep.pk)}
    )
    assert done.status_code == 302
    assert list(Official.objects.values_list("name", flat=True)) == ["Obaid Al Maaytah"]
    assert keep.participations.count() == 1
    history = client.get(reverse("admin:meetings_official_history", args=[keep.pk])).content.decode()
    assert "Abeidallah Maaitah" in history


def test_the_admins_review_actions_record_who_and_share_the_engagement_pages_history(client, staff):
    client.force_login(staff)
    record = factories.engagement()
    url = reverse("admin:meetings_engagement_changelist")
    assert client.post(url, {"action": "mark_confirmed", "_selected_action": [record.pk]}).status_code == 302
    record.refresh_from_db()
    assert record.status == "confirmed" and record.reviewed_by == staff and record.locked
    history = client.get(reverse("admin:meetings_engagement_history", args=[record.pk])).content.decode()
    assert escape("Status: Extracted → Confirmed") in history
    assert escape("Status: Extracted → Confirmed") in client.get(record.get_absolute_url()).content.decode()


def test_staffs_edits_lock_the_fields_and_make_the_evidence_theirs(client, staff):
    client.force_login(staff)
    record = factories.engagement()
    evidence = record.evidence.get()
    url = reverse("admin:meetings_engagement_change", args=[record.pk])
    page = client.get(url)
    form = {
        key: value
        for key, value in page.context["adminform"].form.initial.items()
        if key in {"kind", "date", "date_precision", "city", "summary", "status"}
    }
    form |= {
        "date": "2024-01-16",
        "location_country": "JO",
        "countries": ["JO", "QA"],
        "participations-TOTAL_FORMS": "1",
        "participations-INITIAL_FORMS": "0",
        "participations-0-engagement": str(record.pk),
        "participations-0-official": str(factories.official(name="Samir Haddad").pk),
        "participations-0-country": "JO",
        "participations-0-title": "Minister",
        "Engagement_topics-TOTAL_FORMS": "0",
        "Engagement_topics-INITIAL_FORMS": "0",
        "evidence-TOTAL_FORMS": "1",
        "evidence-INITIAL_FORMS": "1",
        "evidence-0-id": str(evidence.pk),
        "evidence-0-engagement": str(record.pk),
        "evidence-0-article": str(evidence.article_id),
        "evidence-0-sentence": "Report on security talks.",
        "evidence-0-start": "0",
        "evidence-0-end": "25",
        "evidence-0-chosen_by": "engine",
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.context["adminform"].form.errors
    record.refresh_from_db()
    assert record.date.isoformat() == "2024-01-16" and record.locked == ["date", "participants"]
    assert record.version == 2 and record.participations.get().official.name == "Samir Haddad"
    evidence.refresh_from_db()
    assert evidence.sentence == "Report on security talks." and evidence.chosen_by == "person"


def test_a_participant_edited_on_its_own_page_shows_in_the_engagements_history_and_is_locked(client, staff):
    client.force_login(staff)
    person = factories.official(name="Lina Haddad", title="Adviser")
    record = factories.engagement(officials=[person])
    part = record.participations.get()
    url = reverse("admin:meetings_participation_change", args=[part.pk])
    form = {"engagement": str(record.pk), "official": str(person.pk), "country": part.country_id, "title": "Envoy"}
    assert client.post(url, form).status_code == 302
    record.refresh_from_db()
    assert "participants" in record.locked
    page = client.get(record.get_absolute_url()).content.decode()
    assert escape("Title: Adviser → Envoy") in page
    assert "Lina Haddad" in page

    changelist = reverse("admin:meetings_participation_changelist")
    ask = {"action": "delete_selected", "_selected_action": [part.pk]}
    assert client.post(changelist, ask | {"post": "yes"}).status_code == 302
    assert not record.participations.exists()
    assert "deleted." in client.get(record.get_absolute_url()).content.decode()


def test_a_source_edited_on_its_own_page_becomes_the_editors_choice(client, staff):
    client.force_login(staff)
    record = factories.engagement()
    evidence = record.evidence.get()
    url = reverse("admin:meetings_evidence_change", args=[evidence.pk])
    form = {
        "engagement": str(record.pk),
        "article": str(evidence.article_id),
        "sentence": evidence.sentence + " (checked)",
        "start": str(evidence.start),
        "end": str(evidence.end),
        "chosen_by": evidence.chosen_by,
    }
    assert client.post(url, form).status_code == 302
    evidence.refresh_from_db()
    assert evidence.chosen_by == "person"
    assert "Source " in client.get(record.get_absolute_url()).content.decode()
