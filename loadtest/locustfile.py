"""Analysts browsing the dashboard and calling the API at once (make bench-load runs this headless).

Reads the targets the bench prepared (LOAD_TARGETS, a JSON file): page URLs by kind, session cookies of
a logged-in analyst, and an API token. Each simulated analyst opens the timeline, narrows it with
filters, follows a relationship, an official and an engagement, scrolls on, and now and then pulls
the API lists, pausing between clicks as a person reading the page would.
"""

from __future__ import annotations

import itertools
import json
import os
import random
from pathlib import Path

from locust import HttpUser, between, task

TARGETS = json.loads(Path(os.environ["LOAD_TARGETS"]).read_text(encoding="utf-8"))
_sessions = itertools.cycle(TARGETS["sessions"])


class Analyst(HttpUser):
    wait_time = between(1, 4)

    def on_start(self) -> None:
        # Behind the TLS proxy of the Production section: the proxy says the request came over https.
        self.page_headers = {"X-Forwarded-Proto": "https", "Cookie": f"sessionid={next(_sessions)}"}
        self.api_headers = {"X-Forwarded-Proto": "https", "Authorization": f"Token {TARGETS['token']}"}

    def get(self, kind: str, headers: dict):
        # Redirects are not followed: a session the server does not accept would land on the login page.
        url = random.choice(TARGETS["pages"][kind])
        return url, self.client.get(url, headers=headers, name=kind, catch_response=True, allow_redirects=False)

    def page(self, kind: str) -> None:
        url, request = self.get(kind, self.page_headers)
        with request as response:
            if response.status_code != 200 or b'name="password"' in response.content:
                response.failure(f"{response.status_code} for {url}")

    def api(self, kind: str) -> None:
        url, request = self.get(kind, self.api_headers)
        with request as response:
            if response.status_code != 200 or not isinstance(response.json(), dict):
                response.failure(f"{response.status_code} for {url}")

    @task(4)
    def timeline(self) -> None:
        self.page("timeline")

    @task(6)
    def timeline_filtered(self) -> None:
        self.page("timeline filtered")

    @task(3)
    def relationship(self) -> None:
        self.page("relationship")

    @task(2)
    def official(self) -> None:
        self.page("official")

    @task(3)
    def engagement(self) -> None:
        self.page("engagement")

    @task(1)
    def country(self) -> None:
        self.page("country")

    @task(1)
    def search(self) -> None:
        self.page("search")

    @task(3)
    def api_lists(self) -> None:
        self.api(random.choice(["api engagements", "api officials", "api countries"]))
