"""Every URL pattern, every parameter the code reads, hostile values: no answer is a 5xx.

The URL patterns come from the resolver and the parameter names from the code itself (the fields of
every form and each name read from request.GET / request.POST), so a page or parameter added later is
walked too. Each request runs in its own savepoint: a value that reached PostgreSQL and broke the
transaction is reported on its own URL, not on every later one.
"""

import itertools
import re
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django import forms
from django.core.signals import got_request_exception
from django.db import transaction
from django.test import Client
from django.urls import get_resolver
from django.utils.regex_helper import normalize

from tests import factories

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[1]

# Raw (already percent-encoded) values: Unicode digits, NUL, huge and negative numbers, invalid UTF-8,
# a 10,000-character string, values of the wrong type and shape.
HOSTILE = [
    quote("²"),
    quote("١٢"),  # Arabic-Indic digits: int() reads them, PostgreSQL must not be asked for them as text
    "%00",
    "a%00b",
    "9" * 40,
    "-1",
    "0",
    "1e3",
    "%FF%FE%80",
    "x" * 10_000,
    "%5B%5D",  # []
    "true",
    quote("JO-\x00"),
    "2024-02-30",
    "none.9999999999999999999999",
    "2024-01-01.%C2%B2",
    quote("🙂\u202e"),
]

# Alone, each parameter gets the values that break parsers rather than every value.
ONE_AT_A_TIME = [HOSTILE[0], HOSTILE[2], HOSTILE[4], HOSTILE[8], HOSTILE[9], HOSTILE[14]]


def url_templates() -> list[tuple[str, list[str]]]:
    """(format string, parameter names) of every pattern in the urlconf, namespaces included."""
    seen: dict[str, list[str]] = {}

    def walk(resolver, prefix: str) -> None:
        for entries in resolver.reverse_dict.lists():
            for possibilities, _pattern, _defaults, _converters in entries[1]:
                for fmt, params in possibilities:
                    seen.setdefault(prefix + fmt, list(params))
        for _namespace, (ns_prefix, sub) in resolver.namespace_dict.items():
            walk(sub, prefix + normalize(ns_prefix)[0][0])

    walk(get_resolver(), "")
    return sorted(seen.items())


def parameter_names() -> list[str]:
    """Every field of our forms and every name our code reads from a request's GET or POST."""
    names: set[str] = set()
    for module in ("meetings.forms", "ingest.forms", "meetings.api"):
        namespace = vars(__import__(module, fromlist=["_"]))
        for value in namespace.values():
            if isinstance(value, type) and issubclass(value, forms.BaseForm):
                names |= set(value.base_fields)
    pattern = re.compile(
        r"""\b(?:GET|POST)(?:\.get|\.getlist)?\(\s*["'](\w+)["']|["'](\w+)["']\s+in\s+request\.(?:GET|POST)"""
    )
    for source in itertools.chain((ROOT / "meetings").glob("*.py"), (ROOT / "ingest").glob("*.py")):
        for match in pattern.finditer(source.read_text()):
            names.add(match.group(1) or match.group(2))
    return sorted(names)


def path_values(records) -> list[str]:
    """Values for path parameters: ones the patterns accept (real ids and codes) and the hostile ones."""
    return [str(records["engagement"]), str(records["official"]), str(records["article"]), "JO", "jo", "JO-QA",
            "QA-JO", "csv", "json", "meetings", "official", *HOSTILE]  # fmt: skip


def urls(records) -> list[tuple[str, bool]]:
    """(URL, whether its path parameters are the benign ones) for every pattern and path value. The
    admin's patterns get a few hostile values only: they answer non-staff users before reading any."""
    found = []
    values = path_values(records)
    for fmt, params in url_templates():
        if not params:
            found.append(("/" + fmt, True))
            continue
        benign = {name: values[0] for name in params}
        found.append(("/" + fmt % benign, True))
        if fmt.startswith("admin/"):
            continue  # the admin answers non-staff users before it reads its path
        for name, value in itertools.product(params, values[1:]):
            found.append(("/" + fmt % (benign | {name: value}), False))
    return found


@pytest.fixture
def records(reference_data_present):
    jordan = factories.official(name="Yusuf Haddad", country="JO", title="Chief of Staff")
    seed = factories.engagement(officials=[jordan])
    return {"engagement": seed.pk, "official": jordan.pk, "article": seed.evidence.get().article_id}


@pytest.fixture
def reference_data_present(db):
    from meetings.models import Country

    assert Country.objects.filter(code="JO").exists()


def test_no_parameter_value_gives_a_server_error(records, analyst, editor):
    failures: list[str] = []
    errors: list[BaseException] = []

    def remember(sender, request, **kwargs):
        import sys

        errors.append(sys.exc_info()[1])

    got_request_exception.connect(remember)
    names = parameter_names()
    assert {"official", "limit", "cursor", "after", "country"} <= set(names)
    everything = urls(records)
    clients = {"anonymous": Client(raise_request_exception=False)}
    for role, user in (("analyst", analyst), ("editor", editor)):
        clients[role] = Client(raise_request_exception=False)
        clients[role].force_login(user)

    refuses_post: set[tuple[str, str]] = set()

    def send(role: str, method: str, url: str, query: str = "", body: str | None = None) -> None:
        if method == "POST" and (role, url) in refuses_post:
            return
        client = clients[role]
        errors.clear()
        savepoint = transaction.savepoint()
        try:
            if method == "GET":
                response = client.get(f"{url}?{query}" if query else url)
            else:
                response = client.post(url, body or "", content_type="application/x-www-form-urlencoded")
        finally:
            transaction.savepoint_rollback(savepoint)
        sent[0] += 1
        if response.status_code >= 500:
            shown = (url + "?" + query)[:160]
            failures.append(f"{role} {method} {shown} -> {response.status_code} {errors[-1]!r}"[:400])
        if method == "POST":
            if response.status_code in (302, 401, 403, 405) and not failures:  # refused before reading the body
                refuses_post.add((role, url))
            if role != "anonymous":  # a POST to log out ends the session
                clients[role].force_login(analyst if role == "analyst" else editor)

    sent = [0]
    started = time.monotonic()
    try:
        for url, benign in everything:
            if not benign:
                send("analyst", "GET", url)
                continue
            for role in clients:
                send(role, "GET", url)
                for value in ONE_AT_A_TIME:
                    query = "&".join(f"{name}={value}" for name in names)
                    send(role, "GET", url, query)
                    send(role, "POST", url, body=query)
        # One hostile parameter at a time, so a value is not hidden behind another one's error.
        pages = [url for url, benign in everything if benign and not url.startswith("/admin/")]
        for url, name, value in itertools.product(pages, names, ONE_AT_A_TIME[:2]):
            send("editor", "GET", url, f"{name}={value}")
    finally:
        got_request_exception.disconnect(remember)
        print(f"{sent[0]} requests in {time.monotonic() - started:.1f} s")
    assert not failures, f"{len(failures)} server errors:\n" + "\n".join(dict.fromkeys(failures))
