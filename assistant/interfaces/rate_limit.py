"""Slow down key guessing: an address that sends too many wrong keys is refused (429) for a while.

A failure is a wrong key typed into /login or sent as an ``X-API-Key`` / ``Bearer`` header.
After ``KEY_FAILURES`` of them within ``KEY_FAILURE_WINDOW_S`` seconds, every further key
from that address — right or wrong, so that a hit cannot be told from a miss — is answered
429 with ``Retry-After`` until the oldest failure leaves the window. A browser already
signed in (a valid session cookie) is not affected. The address is uvicorn's: behind a proxy it
comes from ``X-Forwarded-For`` when the proxy is trusted (127.0.0.1 by default, else
``FORWARDED_ALLOW_IPS``); otherwise all the proxy's clients share one limit.

>>> limit = KeyGuessLimit(failures=2, window_s=60)
>>> limit.fail("10.0.0.5", now=0); limit.fail("10.0.0.5", now=1)
>>> limit.retry_after("10.0.0.5", now=2), limit.retry_after("10.0.0.6", now=2)
(58, 0)
>>> limit.retry_after("10.0.0.5", now=61)
0
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections import deque

from starlette.responses import Response

from assistant.constants import KEY_FAILURE_WINDOW_S, KEY_FAILURES

MAX_CLIENTS = 10_000  # addresses tracked at once; the longest-tracked are dropped first


class KeyGuessLimit:
    """Failed key attempts per client address over a sliding window."""

    def __init__(self, failures: int = KEY_FAILURES, window_s: float = KEY_FAILURE_WINDOW_S):
        self.failures = failures
        self.window_s = window_s
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def retry_after(self, client: str, now: float | None = None) -> int:
        """Whole seconds until ``client`` may send a key again; 0 means now."""
        now = time.monotonic() if now is None else now
        with self._lock:
            times = self._seen.get(client)
            if not times:
                return 0
            while times and times[0] <= now - self.window_s:
                times.popleft()
            if not times:
                del self._seen[client]
            if len(times) < self.failures:
                return 0
            return max(1, math.ceil(times[-self.failures] + self.window_s - now))

    def fail(self, client: str, now: float | None = None) -> None:
        """Count one wrong key from ``client``."""
        now = time.monotonic() if now is None else now
        with self._lock:
            times = self._seen.setdefault(client, deque(maxlen=self.failures))
            times.append(now)
            while len(self._seen) > MAX_CLIENTS:
                del self._seen[next(iter(self._seen))]

    def succeed(self, client: str) -> None:
        """The right key: forget the address's earlier mistakes."""
        with self._lock:
            self._seen.pop(client, None)


def client_address(scope) -> str:
    """The peer address of an ASGI request ('' when the server does not say)."""
    client = scope.get("client")
    return str(client[0]) if client else ""


def wait_words(seconds: int) -> str:
    """'40 seconds', '5 minutes': how long to wait, for a person."""
    return f"{seconds} seconds" if seconds < 90 else f"{math.ceil(seconds / 60)} minutes"


def too_many_attempts(wait: int) -> Response:
    """429 with ``Retry-After`` and the usual ``{"error": …}`` body."""
    body = json.dumps({"error": f"too many wrong keys from this address; try again in {wait_words(wait)}"})
    return Response(body, status_code=429, media_type="application/json", headers={"Retry-After": str(wait)})
