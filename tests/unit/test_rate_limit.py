"""Key guessing is slowed down: too many wrong keys from one address get 429 with Retry-After (issue 9).

The gate and the /login form on a bare FastAPI app (no model): the same ``install_security`` the
web app uses.
"""

from __future__ import annotations

from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient

from assistant.constants import KEY_FAILURE_WINDOW_S, KEY_FAILURES
from assistant.interfaces.rate_limit import KeyGuessLimit
from assistant.interfaces.security import install_security
from assistant.settings import Settings

KEY = "the-right-key-9"


def _read() -> None:
    """Stands in for api.require_read."""


def _write() -> None:
    """Stands in for api.require_write."""


def _client(address: str = "203.0.113.7") -> TestClient:
    app = FastAPI()

    @app.post("/api/documents", dependencies=[Depends(_write)])
    def upload() -> dict:
        return {"ok": True}

    install_security(app, Settings(api_key=KEY), read_guard=_read, write_guard=_write)
    return TestClient(app, base_url="http://127.0.0.1", client=(address, 50000))


def test_login_form_answers_429_after_too_many_wrong_keys():
    c = _client()
    for i in range(KEY_FAILURES):
        assert c.post("/login", data={"key": f"guess-{i}"}).status_code == 401
    refused = c.post("/login", data={"key": "guess-next"})
    assert refused.status_code == 429
    assert 0 < int(refused.headers["Retry-After"]) <= KEY_FAILURE_WINDOW_S
    assert "Too many wrong keys" in refused.text and "Try again in 5 minutes" in refused.text
    right = c.post("/login", data={"key": KEY}, follow_redirects=False)
    assert right.status_code == 429 and "planassist_session" not in c.cookies  # a hit looks like a miss


def test_key_headers_count_too_and_other_addresses_are_not_blocked():
    c = _client()
    for i in range(KEY_FAILURES):
        assert c.post("/api/documents", headers={"X-API-Key": f"guess-{i}"}).status_code == 401
    refused = c.post("/api/documents", headers={"Authorization": f"Bearer {KEY}"})
    assert refused.status_code == 429 and "try again in" in refused.json()["error"]
    assert int(refused.headers["Retry-After"]) > 0
    assert c.post("/login", data={"key": KEY}).status_code == 429  # one count for the form and the headers
    other = TestClient(c.app, base_url="http://127.0.0.1", client=("198.51.100.2", 50000))
    assert other.post("/api/documents", headers={"X-API-Key": KEY}).status_code == 200


def test_requests_without_a_key_and_signed_in_browsers_are_not_counted():
    c = _client()
    for _ in range(KEY_FAILURES + 5):
        assert c.post("/api/documents").status_code == 401  # no key given: nothing guessed
    assert c.post("/login", data={"key": KEY}, follow_redirects=False).status_code == 303
    for i in range(KEY_FAILURES + 1):
        c.post("/api/documents", headers={"X-API-Key": f"guess-{i}"})
    assert c.post("/api/documents").status_code == 200  # the session cookie still works


def test_a_right_key_forgets_earlier_mistakes_and_the_window_slides():
    limit = KeyGuessLimit(failures=3, window_s=60)
    for t in (0, 1):
        limit.fail("a", now=t)
    limit.succeed("a")
    limit.fail("a", now=2)
    assert limit.retry_after("a", now=3) == 0
    for t in (10, 20):
        limit.fail("a", now=t)
    assert limit.retry_after("a", now=21) == 41  # until the failure at t=2 is a minute old
    assert limit.retry_after("a", now=62.5) == 0
