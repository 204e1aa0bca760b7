"""Fair answering under load: a bounded first-in, first-out queue in front of answer building.

Answer building is CPU work (query and sentence encoding, BM25, verification). Run on
FastAPI's 40-thread pool, 50 concurrent clients shared 2 cores in no particular order:
p50 0.45 s but p95 9.3 s (docs/benchmarks.md). Here ``workers`` threads (one per core by
default) take requests strictly in arrival order; the request handlers only *await*, so
the event loop and /healthz stay free. A request that has waited ``max_wait_s`` without
reaching a worker, or that finds ``limit`` requests already waiting, is refused with
:class:`Busy` (the API answers 503 with Retry-After) instead of hanging.

>>> queue = AnswerQueue(workers=2, max_wait_s=30)
>>> # answer = await queue.run(answer_question, question, retriever)
"""

from __future__ import annotations

import asyncio
import math
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, TypeVar

from assistant.errors import Busy

T = TypeVar("T")
FIRST_GUESS_S = 0.2  # service time assumed before any request was measured
SMOOTHING = 0.2  # weight of the newest service time in the running mean


class AnswerQueue:
    """Runs blocking jobs on ``workers`` threads in arrival order, refusing those that wait too long."""

    def __init__(self, workers: int = 0, max_wait_s: float = 30.0, limit: int = 1000):
        self.workers = workers or os.cpu_count() or 1
        self.max_wait_s = max_wait_s
        self.limit = limit
        self._pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="answer")
        self._lock = threading.Lock()
        self._waiting = 0
        self._mean_s = FIRST_GUESS_S

    @property
    def waiting(self) -> int:
        """Requests queued and not yet started."""
        return self._waiting

    def retry_after(self) -> int:
        """Seconds until the queue has likely drained enough for a new request to start (at least 1)."""
        return max(1, math.ceil(self._waiting * self._mean_s / self.workers))

    async def run(self, fn: Callable[..., T], *args, **kwargs) -> T:
        """``fn(*args, **kwargs)`` on a worker, after everything that arrived before it; raises Busy."""
        if self._waiting >= self.limit:
            raise Busy(f"the server is busy ({self._waiting} requests waiting)", self.retry_after())
        loop = asyncio.get_running_loop()
        started = asyncio.Event()
        with self._lock:
            self._waiting += 1
        future = self._pool.submit(self._job, loop, started, fn, args, kwargs)
        try:
            await asyncio.wait_for(started.wait(), self.max_wait_s)
        except asyncio.TimeoutError:
            if future.cancel():
                self._left_queue()
                raise Busy(f"the server is busy: no worker was free within {self.max_wait_s:g} s",
                                self.retry_after()) from None
        except asyncio.CancelledError:  # the client went away: drop the job if it has not started
            if future.cancel():
                self._left_queue()
            raise
        return await asyncio.wrap_future(future)

    def _job(self, loop: asyncio.AbstractEventLoop, started: asyncio.Event, fn: Callable, args: tuple, kwargs: dict):
        self._left_queue()
        loop.call_soon_threadsafe(started.set)
        began = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            took = time.perf_counter() - began
            self._mean_s = (1 - SMOOTHING) * self._mean_s + SMOOTHING * took

    def _left_queue(self) -> None:
        with self._lock:
            self._waiting -= 1

    def close(self) -> None:
        """Stop taking jobs; queued ones are cancelled."""
        self._pool.shutdown(wait=False, cancel_futures=True)
