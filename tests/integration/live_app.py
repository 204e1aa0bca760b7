"""The real app on a loopback port and Debian's Chromium: one copy for the browser and security tests.

``serving(app)`` runs any ASGI app under uvicorn on a free 127.0.0.1 port for the length of a
``with`` block; ``browser`` is a module-scoped headless Chromium (scripts/ensure-browser installs
it when missing; without it the test is skipped with the reason, except under CI=true, where a
missing browser is a failure). Test modules import the fixture: ``from .live_app import browser``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from assistant.settings import PROJECT_ROOT

CHROMIUM = Path("/usr/bin/chromium")
START_S = 60


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(app) -> Iterator[str]:
    """Serve ``app`` with uvicorn in a thread; yields 'http://127.0.0.1:PORT' and stops the server after."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + START_S
    while not server.started and time.time() < deadline and thread.is_alive():
        time.sleep(0.1)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def _browser_or_reason() -> str | None:
    if not CHROMIUM.exists():
        subprocess.run([str(PROJECT_ROOT / "scripts" / "ensure-browser")], check=False)
    return None if CHROMIUM.exists() else "Debian chromium is not installed and could not be installed (scripts/ensure-browser)"


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium for the module's tests."""
    reason = _browser_or_reason()
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                              args=["--no-sandbox", "--disable-background-networking", "--disable-dev-shm-usage"])
        yield b
        b.close()
