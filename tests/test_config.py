import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[1]


def production_env(**overrides: str) -> dict[str, str]:
    """This process's environment without test-only switches (the browser tests allow async-unsafe calls)."""
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "SECRET_KEY"}}
    return env | overrides


@pytest.mark.django_db
def test_healthz_reports_database_and_broker(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": True, "broker": True}


@pytest.mark.django_db
def test_healthz_is_503_when_the_broker_is_unreachable(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["broker"] is False and response.json()["database"] is True


def test_production_settings_pass_the_deploy_check():
    env = production_env(
        DEBUG="0",
        SECRET_KEY="p" + "Xq7-vR2#kL9!mN4$wZ8^bT1&yH6*cJ3@fD5%gS0(aE" * 2,
        ALLOWED_HOSTS="dyad.example.org",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = production_env(DEBUG="0")
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def plain_shell_env(var_dir: Path, **overrides: str) -> dict[str, str]:
    """A newcomer's shell: no DEBUG, no service URLs, no secret; var/ in a folder of the test's own."""
    drop = {"DEBUG", "DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE", "TEST_DATABASE_NAME"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    return env | {"DYAD_VAR_DIR": str(var_dir)} | overrides


SHOW_SETTINGS = (
    "import config.settings as s, json; "
    "db = s.DATABASES['default']; "
    "print(json.dumps([s.DEBUG, db['NAME'], db['OPTIONS']['host'], s.REDIS_URL]))"
)


@pytest.mark.parametrize("empty", [False, True], ids=["unset", "empty"])
def test_importing_settings_in_a_plain_shell_gives_development_defaults_and_starts_nothing(tmp_path, empty):
    blank = {"DATABASE_URL": "", "REDIS_URL": ""} if empty else {}
    result = subprocess.run(
        [sys.executable, "-c", SHOW_SETTINGS], cwd=ROOT, env=plain_shell_env(tmp_path, **blank),
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    debug, name, host, redis_url = json.loads(result.stdout)
    assert debug is True and name == "dyad"
    assert host == str((tmp_path / "postgres").resolve())
    assert redis_url == f"redis+socket://{tmp_path / 'redis' / 'redis.sock'}"
    assert list(tmp_path.iterdir()) == []  # no server started, no file written


def test_extract_command_works_from_a_plain_shell_with_an_empty_database_url(tmp_path):
    articles, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    text = "Jordan's interior minister met his Qatari counterpart in Doha on 3 March 2024."
    articles.write_text(json.dumps({"id": "t1", "text": text}) + "\n")
    result = subprocess.run(
        [sys.executable, "manage.py", "extract", "--input", str(articles), "--output", str(out)], cwd=ROOT,
        env=plain_shell_env(tmp_path / "var", DATABASE_URL=""), capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text())["id"] == "t1"
    assert not (tmp_path / "var").exists()  # the engine needs no service, so none was started


def test_service_urls_without_debug_are_production_and_need_a_secret_key(tmp_path):
    env = plain_shell_env(tmp_path, DATABASE_URL="postgres://db.example.org/dyad", REDIS_URL="redis://r:6379/0")
    result = subprocess.run([sys.executable, "-c", SHOW_SETTINGS], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def test_the_served_app_sets_its_loaded_heap_aside_from_the_garbage_collector():
    """A gunicorn worker imports config.wsgi: afterwards the loaded modules are frozen, so a full
    collection during a request walks only what the request allocated."""
    env = production_env(
        DEBUG="0",
        SECRET_KEY="p" + "Xq7-vR2#kL9!mN4$wZ8^bT1&yH6*cJ3@fD5%gS0(aE" * 2,
        ALLOWED_HOSTS="dyad.example.org",
    )
    code = "import gc; before = gc.get_freeze_count(); import config.wsgi; print(before, gc.get_freeze_count())"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    before, after = map(int, result.stdout.split())
    assert before == 0 and after > 10_000
