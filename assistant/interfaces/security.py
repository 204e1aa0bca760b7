"""One gate in front of every route: Host allow-list, body-size limits, CORS, cross-site
writes, and the API key — for the /api routes and the Gradio UI alike.

Why a middleware and not per-route dependencies: a FastAPI dependency runs after the body
is parsed (a 300 MB upload was written to /tmp before its 401), and the Gradio app mounted
at ``/`` has dozens of routes, named and unnamed, that no dependency of ours reaches. An
ASGI middleware sees every request before any of its body is read.

With ``PLANASSIST_API_KEY`` set:

- the UI (everything outside /api, /healthz and /login) needs the key — an ``X-API-Key`` or
  ``Authorization: Bearer`` header (``gradio_client.Client(url, headers={"X-API-Key": key})``)
  or the session cookie that the ``/login`` form sets for a browser;
- /api routes guarded by ``require_write`` need it always, those guarded by ``require_read``
  only with ``PLANASSIST_PROTECT_READS``;
- an address that sends too many wrong keys gets 429 for a while (``rate_limit``).

>>> session_cookie("k", now=0).split(".")[0]
'0'
>>> valid_session("k", session_cookie("k", now=0), now=60)
True
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
import time
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.routing import APIRoute
from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.interfaces.rate_limit import KeyGuessLimit, client_address, too_many_attempts
from assistant.settings import Settings

log = logging.getLogger(__name__)

COOKIE = "planassist_session"
SESSION_SECONDS = 12 * 3600
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1"]
WILDCARD_BINDS = {"0.0.0.0", "::", ""}
PUBLIC_PATHS = {"/healthz", "/login", "/logout"}
READ_PATHS = {"/docs", "/docs/oauth2-redirect", "/redoc", "/openapi.json"}
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


# --- the key and the browser session --------------------------------------------------------
def given_key(headers: Headers) -> str:
    """The key a request carries: ``X-API-Key`` or ``Authorization: Bearer``."""
    given = headers.get("x-api-key") or ""
    auth = headers.get("authorization") or ""
    if not given and auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    return given


def key_matches(given: str, expected: str) -> bool:
    """Constant-time comparison; an empty key never matches."""
    return bool(given) and hmac.compare_digest(given.encode(), expected.encode())


def _sign(key: str, issued: str) -> str:
    return hmac.new(key.encode(), f"planassist-session:{issued}".encode(), hashlib.sha256).hexdigest()


def session_cookie(key: str, now: float | None = None) -> str:
    """A cookie value proving the holder typed the key: issue time and its HMAC under the key."""
    issued = str(int(time.time() if now is None else now))
    return f"{issued}.{_sign(key, issued)}"


def valid_session(key: str, value: str, now: float | None = None) -> bool:
    """The cookie was signed with this key and is less than SESSION_SECONDS old."""
    issued, _, mac = (value or "").partition(".")
    if not issued.isdigit() or not hmac.compare_digest(mac.encode(), _sign(key, issued).encode()):
        return False
    age = (time.time() if now is None else now) - int(issued)
    return 0 <= age <= SESSION_SECONDS


def authenticated(headers: Headers, cookies: dict[str, str], key: str) -> bool:
    """The request carries the key, or a session cookie issued for it."""
    return key_matches(given_key(headers), key) or valid_session(key, cookies.get(COOKIE, ""))


# --- which routes need what ----------------------------------------------------------------
def _dependency_calls(dependant) -> set[Callable]:
    calls = set()
    for sub in dependant.dependencies:
        if sub.call is not None:
            calls.add(sub.call)
        calls |= _dependency_calls(sub)
    return calls


def _api_routes(routes, prefix: str = "", inherited: frozenset = frozenset()):
    """(full path, methods, dependency callables) of every APIRoute, through included routers.

    FastAPI 0.16x keeps an included router as one wrapper route (``original_router`` and an
    ``include_context`` with its prefix and dependencies); older versions copy the routes.
    """
    for route in routes:
        if isinstance(route, APIRoute):
            yield prefix + route.path, set(route.methods or ()), inherited | _dependency_calls(route.dependant)
        elif hasattr(route, "original_router"):
            context = route.include_context
            calls = {d.dependency for d in context.dependencies if d.dependency is not None}
            yield from _api_routes(route.original_router.routes, prefix + context.prefix, inherited | frozenset(calls))


class RouteGuards:
    """Which guard each /api route declares, matched on method and path before the body is read.

    Routes are classed by the guard dependency they declare, so a route added later with
    ``Depends(require_write)`` is gated here too, without a list to keep in step.
    """

    def __init__(self, app: FastAPI, read_guard: Callable, write_guard: Callable):
        self.app = app
        self.read_guard = read_guard
        self.write_guard = write_guard
        self._table: list[tuple[re.Pattern, set[str], str]] | None = None

    def _build(self) -> list[tuple[re.Pattern, set[str], str]]:
        table = []
        for path, methods, calls in _api_routes(self.app.router.routes):
            level = "write" if self.write_guard in calls else "read" if self.read_guard in calls else "public"
            table.append((compile_path(path)[0], methods, level))
        return table

    def level(self, scope: Scope) -> str:
        """'public', 'read', 'write' or 'ui' for a request."""
        path, method = scope["path"], scope.get("method", "GET")
        if path in PUBLIC_PATHS:
            return "public"
        if path in READ_PATHS:
            return "read"
        if not (path == "/api" or path.startswith("/api/")):
            return "ui"
        if self._table is None:
            self._table = self._build()
        matches = [(methods, level) for regex, methods, level in self._table if regex.match(path)]
        for methods, level in matches:
            if method in methods:
                return level
        return "read"  # no such route: a 404 or 405, but only after the read check


# --- hosts and origins ----------------------------------------------------------------------
def allowed_hosts(settings: Settings) -> list[str] | None:
    """Host names the server answers to; None (any) only for a wildcard bind with none configured."""
    if settings.allowed_hosts:
        return [h.lower() for h in settings.allowed_hosts]
    if settings.host in WILDCARD_BINDS:
        log.warning("bound to %s with no PLANASSIST_ALLOWED_HOSTS: any Host header is accepted", settings.host or "*")
        return None
    return sorted({*LOOPBACK_HOSTS, settings.host.lower()})


def host_name(value: str) -> str:
    """'127.0.0.1:7860' -> '127.0.0.1'; '[::1]:7860' -> '::1'."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:].split("]")[0]
    if value.count(":") > 1:  # a bare IPv6 address
        return value
    return value.split(":")[0]


def same_origin(origin: str, host: str) -> bool:
    """The page that sent the request was served by this host (scheme aside)."""
    parts = urlsplit(origin)
    return bool(parts.netloc) and parts.netloc.lower() == host.lower()


# --- the gate ---------------------------------------------------------------------------------
class SecurityGate:
    """ASGI middleware: every check that must happen before a request's body is read."""

    def __init__(self, app: ASGIApp, fastapi_app: FastAPI, settings: Settings, read_guard: Callable, write_guard: Callable,
                 guesses: KeyGuessLimit):
        self.app = app
        self.guesses = guesses
        self.settings = settings
        self.hosts = allowed_hosts(settings)
        self.guards = RouteGuards(fastapi_app, read_guard, write_guard)
        self.upload_limit = int((settings.max_upload_mb + 1) * 1024 * 1024)  # + multipart overhead
        self.body_limit = int(settings.max_body_kb * 1024)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Refuse early (host, origin, size, key), else pass on with a size-limited ``receive``."""
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        refusal = self._refusal(scope, headers)
        if refusal is not None and scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})  # policy violation
            return
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = {"started": False, "refused": False}
        limit = self._limit(headers) if scope["method"] in UNSAFE_METHODS else None
        seen = 0

        async def guarded_send(message: Message) -> None:
            if state["refused"]:
                return  # the 413 has gone out; whatever the app answers now is dropped
            state["started"] = state["started"] or message["type"] == "http.response.start"
            await send(message)

        async def limited_receive() -> Message:
            """A body without (or lying about) Content-Length is cut off at the limit with a 413."""
            nonlocal seen
            message = await receive()
            if limit is not None and message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit and not state["started"]:
                    await _error(413, self._too_large())(scope, receive, send)
                    state["refused"] = True
                    return {"type": "http.disconnect"}
            return message

        try:
            await self.app(scope, limited_receive, guarded_send)
        except Exception as err:
            # Answered here rather than by Starlette's outermost handler, which re-raises and
            # so makes the server drop the keep-alive connection after every 500.
            if state["refused"]:
                return
            log.exception("unhandled error on %s", scope.get("path"))
            if not state["started"]:
                await _error(500, f"internal error ({type(err).__name__})")(scope, receive, send)

    def _refusal(self, scope: Scope, headers: Headers) -> Response | None:
        """Why this request is refused from its headers alone (None: go on): host, origin, key, size."""
        host = headers.get("host", "")
        if self.hosts is not None and host_name(host) not in self.hosts:
            return _error(400, f"host '{host_name(host)[:100]}' is not served here (set PLANASSIST_ALLOWED_HOSTS)")
        method = scope.get("method", "GET")
        origin = headers.get("origin")
        if method in UNSAFE_METHODS and origin and not same_origin(origin, host) and origin not in self.settings.cors_origins:
            return _error(403, "cross-site request refused")
        key = self.settings.api_key
        if key:
            level = self.guards.level(scope)
            needed = level in ("write", "ui") or (level == "read" and self.settings.protect_reads)
            if needed and not valid_session(key, _cookies(headers).get(COOKIE, "")):
                given = given_key(headers)
                if not given and level == "ui" and method in ("GET", "HEAD") and "text/html" in headers.get("accept", ""):
                    return RedirectResponse("/login", status_code=303)
                refusal = self._key_refusal(scope, given)
                if refusal is not None:
                    return refusal
        length = headers.get("content-length", "")
        if method in UNSAFE_METHODS and length.isdigit() and int(length) > self._limit(headers):
            return _error(413, self._too_large())
        return None

    def _key_refusal(self, scope: Scope, given: str) -> Response | None:
        """401 for a missing or wrong key, 429 once an address has sent too many wrong ones (see rate_limit)."""
        client = client_address(scope)
        wait = self.guesses.retry_after(client) if given else 0
        if wait:
            return too_many_attempts(wait)
        if key_matches(given, self.settings.api_key or ""):
            self.guesses.succeed(client)
            return None
        if given:
            self.guesses.fail(client)
        return _error(401, "missing or wrong API key (X-API-Key header)")

    def _limit(self, headers: Headers) -> int:
        multipart = headers.get("content-type", "").startswith("multipart/")
        return self.upload_limit if multipart else self.body_limit

    def _too_large(self) -> str:
        return (f"request body too large (uploads up to {self.settings.max_upload_mb:g} MB, "
                f"other requests up to {self.settings.max_body_kb:g} KB)")


def _cookies(headers: Headers) -> dict[str, str]:
    out = {}
    for part in headers.get("cookie", "").split(";"):
        name, _, value = part.strip().partition("=")
        if name:
            out[name] = value
    return out


def _error(status: int, message: str) -> Response:
    return Response(json.dumps({"error": message}), status_code=status, media_type="application/json")

def is_user_upload(path: str | Path) -> bool:
    """A file the browser uploaded through Gradio (in its upload folder), never any other server path."""
    from gradio.utils import get_upload_folder

    try:
        return Path(path).resolve().is_relative_to(Path(get_upload_folder()).resolve())
    except (OSError, ValueError):
        return False


def install_security(app: FastAPI, settings: Settings, read_guard: Callable, write_guard: Callable) -> None:
    """The login routes, a strict CORS policy and the gate (outermost, so it runs first).

    Adding Starlette's own CORSMiddleware also switches off Gradio's, which lets any
    ``http://localhost:*`` page send credentialed requests.
    """
    from assistant.interfaces.login import login_router

    guesses = KeyGuessLimit()  # one count for the /login form and key headers alike
    app.include_router(login_router(settings, guesses))
    app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_credentials=False,
                       allow_methods=["GET", "POST", "DELETE"], allow_headers=["content-type", "x-api-key", "authorization"])
    app.add_middleware(SecurityGate, fastapi_app=app, settings=settings, read_guard=read_guard, write_guard=write_guard,
                       guesses=guesses)


def gradio_user(settings: Settings) -> Callable[[Request], str | None] | None:
    """Gradio's ``auth_dependency``: the same check again inside Gradio's own routes."""
    if not settings.api_key:
        return None
    key = settings.api_key

    def user(request: Request) -> str | None:
        return "planner" if authenticated(request.headers, dict(request.cookies), key) else None

    return user

