"""An LLM server that is down or too slow is one plain error, not a traceback."""

from __future__ import annotations

import socket

import pytest

from assistant.answering.llm import chat_model, complete, stream
from assistant.errors import LLMUnavailable
from assistant.settings import Settings


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_server_that_is_down_is_a_plain_error():
    model = chat_model(Settings(llm_base_url=f"http://127.0.0.1:{closed_port()}/v1", llm_model="m", llm_timeout_s=2))
    with pytest.raises(LLMUnavailable, match="could not be reached"):
        complete(model, "hello")
    with pytest.raises(LLMUnavailable):
        list(stream(model, [("user", "hello")]))
