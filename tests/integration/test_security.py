"""The real app on loopback with PLANASSIST_API_KEY and PROTECT_READS set, attacked the way issue 9 did.

Every route of the app — /api and each Gradio route, named or not — is called without the
key; a Gradio FileData payload naming a server file must never reach the index.
"""

from __future__ import annotations

import re

import httpx
import pytest
from starlette.routing import Mount, Route, WebSocketRoute

from assistant.index.retrieve import Retriever
from assistant.interfaces.web import create_app

from .live_app import serving

pytestmark = pytest.mark.integration
KEY = "loopback-test-key-9"
PUBLIC = {"/healthz", "/login", "/logout"}


@pytest.fixture(scope="module")
def protected(retriever, tmp_path_factory):
    """The full app (API + UI) with a key that guards reads too; uploads go to a folder of its own."""
    uploads = tmp_path_factory.mktemp("protected-uploads")
    settings = retriever.settings.model_copy(update={"uploads_dir": uploads, "api_key": KEY, "protect_reads": True})
    r = Retriever(settings, retriever.store, retriever.encoder, retriever.glossary)
    app = create_app(r)
    with serving(app) as url:
        yield url, app, r


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "x", path)


def _all_routes(routes, prefix: str = "") -> list[tuple[str, str]]:
    """(method, path) for every HTTP route, mounted apps included."""
    out = []
    for route in routes:
        if isinstance(route, Mount):
            out.extend(_all_routes(route.routes, prefix + route.path))
        elif hasattr(route, "original_router"):  # an included router (FastAPI 0.16x)
            out.extend(_all_routes(route.original_router.routes, prefix + route.include_context.prefix))
        elif isinstance(route, WebSocketRoute):
            continue
        elif isinstance(route, Route) or hasattr(route, "methods"):
            for method in sorted(route.methods or {"GET"}):
                out.append((method, _concrete(prefix + route.path) or "/"))
    return out


def test_no_route_answers_without_the_key(protected):
    url, app, _ = protected
    routes = [(m, p) for m, p in _all_routes(app.routes) if p not in PUBLIC and m != "HEAD"]
    assert len(routes) > 40  # the Gradio app's routes are in the list, not only /api
    open_routes = []
    with httpx.Client(base_url=url, timeout=30) as client:
        for method, path in routes:
            r = client.request(method, path, json={"data": [], "fn_index": 0} if method != "GET" else None)
            if r.status_code not in (401, 303):
                open_routes.append(f"{method} {path} -> {r.status_code}")
    assert not open_routes, open_routes


def test_gradio_client_needs_the_key(protected):
    from gradio_client import Client

    url, _, _ = protected
    with pytest.raises(Exception):  # noqa: B017 (the client raises its own error types)
        Client(url, verbose=False)
    client = Client(url, headers={"X-API-Key": KEY}, verbose=False)
    endpoints = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert "/add_file" in endpoints and "/respond" in endpoints
    with httpx.Client(base_url=url, timeout=30) as raw:
        for name in endpoints:  # every named endpoint, called the way gradio_client calls it, without the key
            assert raw.post(f"/gradio_api/call{name}", json={"data": []}).status_code == 401, name


def test_browser_login_sets_a_session(protected):
    url, _, _ = protected
    with httpx.Client(base_url=url, timeout=30) as client:
        first = client.get("/", headers={"accept": "text/html"})
        assert first.status_code == 303 and first.headers["location"] == "/login"
        assert client.post("/login", data={"key": "wrong"}).status_code == 401
        signed = client.post("/login", data={"key": KEY})
        assert signed.status_code == 303 and "planassist_session" in client.cookies
        assert client.get("/", headers={"accept": "text/html"}).status_code == 200
        assert client.get("/api/glossary", params={"q": "ISF"}).status_code == 200


def _call(client: httpx.Client, api_name: str, data: list) -> str:
    """Run a named Gradio endpoint over its HTTP route and return the event stream's text."""
    r = client.post(f"/gradio_api/call/{api_name}", json={"data": data})
    assert r.status_code == 200, r.text
    return client.get(f"/gradio_api/call/{api_name}/{r.json()['event_id']}").text


def test_file_payload_with_a_server_path_reads_nothing(protected, tmp_path):
    url, _, r = protected
    secret = tmp_path / "server-secret.txt"
    secret.write_text("The vault combination is zebra-quartz-7731, known only to this server.")
    headers = {"X-API-Key": KEY}
    with httpx.Client(base_url=url, timeout=60, headers=headers) as client:
        existing = _call(client, "add_file", [{"path": str(secret), "meta": {"_type": "gradio.FileData"}}])
        missing = _call(client, "add_file", [{"path": str(tmp_path / "nope.txt"), "meta": {"_type": "gradio.FileData"}}])
        hits = client.post("/api/search", json={"query": "vault combination zebra-quartz-7731", "k": 3}).json()["results"]
    assert not any("zebra-quartz" in h["text"] for h in hits)
    assert not list(r.settings.uploads_dir.iterdir())
    assert "FileNotFoundError" not in missing and "nope.txt" not in missing  # no oracle for which files exist
    assert "zebra" not in existing
