"""One FastAPI app: the /api routes, /healthz, OpenAPI at /docs, and the Gradio UI mounted at /.

Analytics are off and nothing leaves the machine: Gradio's telemetry is disabled before
it is imported, and the UI is served without server-side rendering (no Node process).

>>> app = create_app()                                   # doctest: +SKIP
>>> # uvicorn.run(app, host="127.0.0.1", port=7860)
"""

from __future__ import annotations

import os
import threading

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from fastapi import FastAPI  # noqa: E402  (after the telemetry switches above)
from pydantic import BaseModel  # noqa: E402

from assistant import __version__  # noqa: E402
from assistant.index.library import ensure_index  # noqa: E402
from assistant.index.retrieve import Retriever, get_retriever  # noqa: E402
from assistant.interfaces.answer_queue import AnswerQueue  # noqa: E402
from assistant.interfaces.api import install_error_handlers, require_read, require_write, retriever_dep, router  # noqa: E402
from assistant.interfaces.openai_api import router as openai_router  # noqa: E402
from assistant.interfaces.security import gradio_user, install_security  # noqa: E402
from assistant.settings import get_settings  # noqa: E402


class Health(BaseModel):
    """GET /healthz: the app is up, its version and how many passages the index holds."""
    status: str
    version: str
    chunks: int


def create_app(retriever: Retriever | None = None, with_ui: bool = True) -> FastAPI:
    """The FastAPI app with the API, /healthz and (unless ``with_ui`` is False) the Gradio UI at /."""
    retriever = retriever or get_retriever()
    app = FastAPI(title="UN Planning Assistant API", version=__version__,
                  description="Cited search, verified answers, ISF drafts and training exercises over UN policy on integration.")
    install_error_handlers(app)
    app.state.answer_queue = AnswerQueue(retriever.settings.answer_workers, retriever.settings.answer_max_wait_s)
    app.dependency_overrides[retriever_dep] = lambda: retriever
    app.include_router(router)
    app.include_router(openai_router)
    install_security(app, retriever.settings, read_guard=require_read, write_guard=require_write)

    @app.get("/healthz", response_model=Health, summary="Liveness and index size")
    def healthz() -> dict:
        return {"status": "ok", "version": __version__, "chunks": retriever.store.count()}

    _api_not_found(app)  # keep last before the UI is mounted at "/", which takes every other path
    if with_ui:
        import gradio as gr

        from assistant.interfaces.ui import CSS, JS, build_ui, theme

        ui = build_ui(retriever)
        app = gr.mount_gradio_app(app, ui, path="/", ssr_mode=False, css=CSS, js=JS, theme=theme(), footer_links=["api"],
                                  show_error=False, auth_dependency=gradio_user(retriever.settings),
                                  max_file_size=f"{retriever.settings.max_upload_mb:g}mb")
        # Gradio checks that a file payload was uploaded (not any server path) only once
        # `has_launched` is set, which launch() does and mount_gradio_app() does not.
        ui.has_launched = True
    return app


def _api_not_found(app: FastAPI) -> None:
    """Unknown /api paths answer JSON {"error": ...}, not the mounted UI's {"detail": ...}."""
    from fastapi import Depends, HTTPException

    @app.api_route("/api/{path:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"], include_in_schema=False,
                   dependencies=[Depends(require_read)])  # with PROTECT_READS, no oracle for which routes exist
    def not_found(path: str) -> None:
        raise HTTPException(404, "Not Found")


def run(host: str | None = None, port: int | None = None) -> None:
    """Build the index if needed and serve the app with uvicorn on the configured host and port."""
    import uvicorn

    settings = get_settings()
    retriever = get_retriever()
    ensure_index(retriever)
    host, port = host or settings.host, port or settings.port
    retriever.settings = retriever.settings.model_copy(update={"host": host})  # the Host allow-list follows the bind
    app = create_app(retriever)
    # Load the query encoder while uvicorn starts, so the first question does not wait for it.
    threading.Thread(target=retriever.encoder.query_vector, args=("warm-up",), daemon=True).start()
    print(f"UN Planning Assistant: http://{host}:{port}  (API docs: http://{host}:{port}/docs)", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
