"""The sign-in form for browsers when ``PLANASSIST_API_KEY`` is set: the key typed once sets a session cookie.

The cookie is the key's HMAC over its issue time (see ``security.session_cookie``): HttpOnly,
SameSite=Strict, twelve hours. Wrong keys are counted per address (``rate_limit``): too many
and the form answers 429 for a while.
"""

from __future__ import annotations

import html
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from assistant.interfaces.rate_limit import KeyGuessLimit, client_address, wait_words
from assistant.interfaces.security import COOKIE, SESSION_SECONDS, key_matches, session_cookie
from assistant.settings import Settings

LOGIN_FORM_BYTES = 4096


LOGIN_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>UN Planning Assistant — sign in</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font-family:system-ui,sans-serif;max-width:28rem;margin:12vh auto;padding:0 1rem;color:#1f2937}}
input{{width:100%;padding:.5rem;font-size:1rem;margin:.5rem 0 1rem;box-sizing:border-box}}
button{{padding:.5rem 1.2rem;font-size:1rem;background:#009edb;color:#fff;border:0;border-radius:4px}}
.err{{color:#b91c1c}}</style></head><body><h1>UN Planning Assistant</h1>
<p>This server is protected. Enter the access key its administrator gave you.</p>{message}
<form method="post" action="/login"><label for="key">Access key</label>
<input id="key" name="key" type="password" autocomplete="current-password" autofocus required>
<button type="submit">Sign in</button></form></body></html>"""


def login_router(settings: Settings, guesses: KeyGuessLimit) -> APIRouter:
    """GET/POST /login (a key field that sets the session cookie) and GET /logout; wrong keys count in ``guesses``."""
    router = APIRouter(include_in_schema=False)

    @router.get("/login")
    def login_page() -> HTMLResponse:
        return HTMLResponse(LOGIN_PAGE.format(message=""))

    @router.post("/login")
    async def login(request: Request) -> Response:
        body = await request.body()
        key = parse_qs(body[:LOGIN_FORM_BYTES].decode("utf-8", "replace")).get("key", [""])[0]
        if not settings.api_key:
            return RedirectResponse("/", status_code=303)
        client = client_address(request.scope)
        wait = guesses.retry_after(client)
        if wait:
            message = _error(f"Too many wrong keys were sent from this address. Try again in {wait_words(wait)}.")
            return HTMLResponse(LOGIN_PAGE.format(message=message), status_code=429, headers={"Retry-After": str(wait)})
        if not key_matches(key, settings.api_key):
            guesses.fail(client)
            message = _error("That key is not right. Check it and try again.")
            return HTMLResponse(LOGIN_PAGE.format(message=message), status_code=401)
        guesses.succeed(client)
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(COOKIE, session_cookie(settings.api_key), max_age=SESSION_SECONDS, httponly=True,
                            samesite="strict", secure=request.url.scheme == "https")
        return response

    @router.get("/logout")
    def logout() -> Response:
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(COOKIE)
        return response

    return router


def _error(text: str) -> str:
    return f"<p class='err'>{html.escape(text)}</p>"
