"""Scratch databases on the PostgreSQL server in use, for the benchmarks (never the database in use), and
the settings a bench's processes run under."""

import secrets
from urllib.parse import quote

import psycopg
from django.conf import settings


def _host() -> str | None:
    db = settings.DATABASES["default"]
    return db.get("HOST") or db.get("OPTIONS", {}).get("host") or None


def database_url(name: str) -> str:
    """A URL for database ``name`` on the server in use (embedded servers are reached by a socket directory)."""
    db = settings.DATABASES["default"]
    auth = quote(db.get("USER") or "", safe="") + (":" + quote(db["PASSWORD"], safe="") if db.get("PASSWORD") else "")
    host = _host() or "localhost"
    if host.startswith("/"):
        return f"postgres://{auth}@/{name}?host={quote(host, safe='/')}"
    return f"postgres://{auth}@{host}{':' + str(db['PORT']) if db.get('PORT') else ''}/{name}"


def server_connection() -> psycopg.Connection:
    """An autocommit connection to the server in use, for creating and dropping scratch databases."""
    db = settings.DATABASES["default"]
    return psycopg.connect(
        dbname=db["NAME"],
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
        host=_host(),
        port=db.get("PORT") or None,
        autocommit=True,
    )


def production_environment() -> dict[str, str]:
    """What the README's Production section sets beside the services: DEBUG off (no per-query log, the
    production code paths), a secret key (this one fresh for the run), the hosts served."""
    return {"DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "127.0.0.1,localhost"}
