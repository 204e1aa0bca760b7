"""Fakes for pure-logic tests, never for claims about quality.

- :class:`FakeEncoder`: a deterministic bag-of-words encoder behind the real :class:`Encoder`
  (so its content-hash cache is exercised), recording every call and batch; no model loaded.
- :class:`FakeLLM`: a scripted OpenAI-compatible chat server on 127.0.0.1 for testing LLM plumbing.
  It answers /v1/chat/completions (plain JSON or server-sent-event streaming) with the next
  scripted reply and records every request, so tests can check what the prompt carried.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np

from assistant.index.embeddings import Encoder, TorchEngine

WORD = re.compile(r"[a-z0-9]+")


class FakeSentenceModel:
    """Stands in for a SentenceTransformer: each lower-cased word is hashed to one of ``dim`` axes.

    Texts sharing words get a positive cosine similarity, texts sharing none get 0, the same
    text always gets the same unit vector; ``calls`` holds the texts of each encode call and
    ``batches`` counts the batches a real model would have run.
    """

    def __init__(self, dim: int = 64):
        self.dim = dim
        self.calls: list[list[str]] = []
        self.batches = 0

    def get_embedding_dimension(self) -> int:
        return self.dim

    def vector(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        for word in WORD.findall(text.lower()):
            v[int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dim] += 1.0
        norm = float(np.linalg.norm(v))
        if norm == 0.0:
            v[0], norm = 1.0, 1.0  # an empty text still gets a unit vector, as a real model gives
        return v / norm

    def encode(self, texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False,
               output_value="sentence_embedding"):
        texts = list(texts)
        self.calls.append(texts)
        self.batches += math.ceil(len(texts) / batch_size)
        if output_value == "token_embeddings":  # one row per word, each the text's vector: the mean is the vector
            return [np.tile(self.vector(t), (max(1, len(WORD.findall(t.lower()))), 1)) for t in texts]
        return np.stack([self.vector(t) for t in texts]) if texts else np.zeros((0, self.dim), dtype=np.float32)


class FakeEncoder(Encoder):
    """The real :class:`Encoder` (cache, LangChain ``Embeddings`` methods) over :class:`FakeSentenceModel`."""

    def __init__(self, dim: int = 64, batch_size: int = 16):
        self.model = FakeSentenceModel(dim)
        super().__init__(batch_size=batch_size, engine=TorchEngine(self.model))

    @property
    def calls(self) -> list[list[str]]:
        """Texts of each call that reached the model (cache hits do not)."""
        return self.model.calls

    @property
    def batches(self) -> int:
        return self.model.batches

    @property
    def encoded(self) -> int:
        """How many texts the model embedded in all."""
        return sum(len(c) for c in self.model.calls)


class FakeLLM:
    def __init__(self):
        self.replies: list[str] = []
        self.requests: list[dict] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def script(self, *replies: str) -> None:
        self.replies = list(replies)
        self.requests.clear()

    def close(self) -> None:
        self.server.shutdown()

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):  # noqa: N802 (http.server API)
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.requests.append(body)
                reply = fake.replies.pop(0) if fake.replies else "The corpus does not cover this."
                if body.get("stream"):
                    self._stream(body, reply)
                else:
                    self._json(body, reply)

            def _json(self, body, reply):
                data = json.dumps({
                    "id": "x", "object": "chat.completion", "created": 0, "model": body.get("model", "fake"),
                    "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": reply}}],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                }).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, body, reply):
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Connection", "close")
                self.end_headers()
                words = reply.split(" ")
                for i, word in enumerate(words):
                    token = word if i == 0 else " " + word
                    chunk = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": body.get("model", "fake"),
                             "choices": [{"index": 0, "delta": {"content": token}, "finish_reason": None}]}
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                end = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": "fake",
                       "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
                self.wfile.write(f"data: {json.dumps(end)}\n\ndata: [DONE]\n\n".encode())
                self.wfile.flush()
                self.close_connection = True

            def log_message(self, *args):
                pass

        return Handler
