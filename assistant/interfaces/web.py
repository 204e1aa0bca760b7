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
from assistant.interfaces.api import install_error_handlers, retriever_dep, router  # noqa: E402
from assistant.settings import get_settings  # noqa: E402


class Health(BaseModel):
    status: str
    version: str
    chunks: int


def create_app(retriever: Retriever | None = None, with_ui: bool = True) -> FastAPI:
    retriever = retriever or get_retriever()
    app = FastAPI(title="UN Planning Assistant API", version=__version__,
                  description="Cited search, verified answers, ISF drafts and training exercises over UN policy on integration.")
    install_error_handlers(app)
    app.state.answer_queue = AnswerQueue(retriever.settings.answer_workers, retriever.settings.answer_max_wait_s)
    app.dependency_overrides[retriever_dep] = lambda: retriever
    app.include_router(router)

    @app.get("/healthz", response_model=Health, summary="Liveness and index size")
    def healthz() -> dict:
        return {"status": "ok", "version": __version__, "chunks": retriever.store.count()}

    if with_ui:
        import gradio as gr

        from assistant.interfaces.ui import CSS, build_ui, theme

        app = gr.mount_gradio_app(app, build_ui(retriever), path="/", ssr_mode=False, css=CSS, theme=theme(),
                                  footer_links=["api"], show_error=True)
    return app


def run(host: str | None = None, port: int | None = None) -> None:
    import uvicorn

    settings = get_settings()
    retriever = get_retriever()
    ensure_index(retriever)
    host, port = host or settings.host, port or settings.port
    app = create_app(retriever)
    # Load the query encoder while uvicorn starts, so the first question does not wait for it.
    threading.Thread(target=retriever.encoder.query_vector, args=("warm-up",), daemon=True).start()
    print(f"UN Planning Assistant: http://{host}:{port}  (API docs: http://{host}:{port}/docs)", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
