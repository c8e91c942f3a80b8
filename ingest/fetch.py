"""Fetching an article's URL, done by the worker: http(s) only, time and size limits, and no
requests to private, loopback or link-local addresses unless INGEST_ALLOW_PRIVATE_URLS is on.

The host name is resolved once and the connection made to the address that was checked, so a
name cannot be re-pointed at an internal address between the check and the request.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3

MAX_REDIRECTS = 5
USER_AGENT = "Dyad/1.0 (+article ingestion)"


class FetchError(Exception):
    """The URL could not be fetched; ``transient`` errors are worth retrying later."""

    def __init__(self, reason: str, *, transient: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.transient = transient


@dataclass
class Fetched:
    url: str
    body: bytes
    content_type: str


def url_check(url: str, *, allow_private: bool) -> tuple[str, str, int]:
    """(scheme, host, port) of an acceptable URL; no DNS lookup, so forms can call it cheaply."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise FetchError(f"The URL is malformed: {exc}.") from exc
    if parts.scheme not in ("http", "https"):
        raise FetchError("Only http and https URLs can be fetched.")
    host = parts.hostname
    if not host:
        raise FetchError("The URL has no host name.")
    if parts.username or parts.password:
        raise FetchError("URLs with a user name or password are not fetched.")
    port = port or (443 if parts.scheme == "https" else 80)
    if not allow_private:
        if host.rstrip(".").lower() == "localhost" or host.lower().endswith(".localhost"):
            raise FetchError("The URL points at this machine; only public addresses are fetched.")
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            address = None
        if address is not None and not address_public(address):
            raise FetchError(f"The URL points at a private address ({address}); only public addresses are fetched.")
    return parts.scheme, host, port


def address_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def _resolve(host: str, port: int, *, allow_private: bool) -> str:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"The host {host} was not found.") from exc
    addresses = [ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in infos]
    if not allow_private:
        refused = [a for a in addresses if not address_public(a)]
        if refused:
            raise FetchError(f"{host} resolves to a private address ({refused[0]}); only public addresses are fetched.")
    return str(addresses[0])


def url_fetch(url: str, *, timeout: float, max_bytes: int, allow_private: bool) -> Fetched:
    """GET the URL, following up to five redirects, each checked like the first."""
    deadline = time.monotonic() + timeout * 2
    for _ in range(MAX_REDIRECTS + 1):
        scheme, host, port = url_check(url, allow_private=allow_private)
        address = _resolve(host, port, allow_private=allow_private)
        response = _get(url, scheme=scheme, host=host, port=port, address=address, timeout=timeout)
        try:
            if response.status in (301, 302, 303, 307, 308) and response.headers.get("Location"):
                url = urljoin(url, response.headers["Location"])
                continue
            _raise_for_status(response.status)
            declared = response.headers.get("Content-Length", "").strip()
            # Strictly ASCII digits ("²" passes isdigit()); another value is ignored and the body counted as read.
            if re.fullmatch(r"[0-9]+", declared) and int(declared) > max_bytes:
                raise FetchError(f"The page is too large ({int(declared):,} bytes; the limit is {max_bytes:,}).")
            body = _read(response, max_bytes=max_bytes, deadline=deadline, timeout=timeout)
            return Fetched(url=url, body=body, content_type=response.headers.get("Content-Type", ""))
        finally:
            response.release_conn()
    raise FetchError(f"Too many redirects (more than {MAX_REDIRECTS}).")


def _get(url: str, *, scheme: str, host: str, port: int, address: str, timeout: float):
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    options = {"timeout": urllib3.Timeout(connect=min(timeout, 10), read=timeout), "retries": False, "maxsize": 1}
    if scheme == "https":
        pool = urllib3.HTTPSConnectionPool(address, port, server_hostname=host, assert_hostname=host, **options)
    else:
        pool = urllib3.HTTPConnectionPool(address, port, **options)
    netloc = host if port in (80, 443) else f"{host}:{port}"
    headers = {"Host": netloc, "User-Agent": USER_AGENT, "Accept": "text/html,application/pdf,text/plain,*/*"}
    try:
        return pool.urlopen("GET", path, headers=headers, redirect=False, preload_content=False)
    except urllib3.exceptions.TimeoutError as exc:
        raise FetchError(f"The site did not answer within {timeout:g} seconds.") from exc
    except urllib3.exceptions.SSLError as exc:
        raise FetchError(f"The site's TLS certificate was refused: {exc.__class__.__name__}.") from exc
    except urllib3.exceptions.HTTPError as exc:
        raise FetchError(f"Could not connect to {host}.", transient=True) from exc


def _raise_for_status(status: int) -> None:
    if status in (404, 410):
        raise FetchError(f"The page was not found (HTTP {status}).")
    if status == 429 or status >= 500:
        raise FetchError(f"The site answered HTTP {status}; it will be tried again.", transient=True)
    if status >= 400:
        raise FetchError(f"The site refused the request (HTTP {status}).")
    if status >= 300:
        raise FetchError(f"The site answered an unexpected HTTP {status}.")


def _read(response, *, max_bytes: int, deadline: float, timeout: float) -> bytes:
    chunks, size = [], 0
    try:
        for chunk in response.stream(64 * 1024):
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(f"The page is too large (over the {max_bytes:,} byte limit).")
            if time.monotonic() > deadline:
                raise FetchError(f"The page took longer than {timeout * 2:g} seconds to download.")
            chunks.append(chunk)
    except urllib3.exceptions.TimeoutError as exc:
        raise FetchError(f"The site stopped answering for more than {timeout:g} seconds.") from exc
    except urllib3.exceptions.HTTPError as exc:
        raise FetchError("The connection broke while downloading the page.", transient=True) from exc
    return b"".join(chunks)
