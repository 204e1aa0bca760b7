"""The FIFO answer queue: arrival order, one job per worker, refusal past the wait, and a Retry-After."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from assistant.errors import Busy
from assistant.interfaces.answer_queue import AnswerQueue


async def submit_in_order(queue: AnswerQueue, jobs) -> list:
    tasks = []
    for job in jobs:
        tasks.append(asyncio.create_task(queue.run(job)))
        await asyncio.sleep(0.01)  # arrivals 10 ms apart
    return await asyncio.gather(*tasks, return_exceptions=True)


def test_requests_are_answered_in_arrival_order():
    queue = AnswerQueue(workers=1, max_wait_s=30)
    done: list[int] = []

    def job(i):
        def run():
            time.sleep(0.02)
            done.append(i)
            return i
        return run

    results = asyncio.run(submit_in_order(queue, [job(i) for i in range(12)]))
    assert results == list(range(12)) and done == list(range(12))


def test_no_more_jobs_run_at_once_than_workers():
    queue = AnswerQueue(workers=2, max_wait_s=30)
    running, peak, lock = [0], [0], threading.Lock()

    def job():
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.03)
        with lock:
            running[0] -= 1

    asyncio.run(submit_in_order(queue, [job] * 8))
    assert peak[0] == 2


def test_a_request_that_waits_too_long_is_refused_with_retry_after_and_never_runs():
    queue = AnswerQueue(workers=1, max_wait_s=0.2)
    ran: list[str] = []
    release = threading.Event()

    async def scenario():
        blocker = asyncio.create_task(queue.run(release.wait, 5))
        await asyncio.sleep(0.05)
        with pytest.raises(Busy) as refused:
            await queue.run(ran.append, "late")
        release.set()
        await blocker
        assert await queue.run(lambda: "after") == "after"
        return refused.value

    refused = asyncio.run(scenario())
    assert refused.retry_after >= 1 and "busy" in str(refused)
    assert ran == [] and queue.waiting == 0


def test_a_full_queue_refuses_at_once():
    queue = AnswerQueue(workers=1, max_wait_s=30, limit=1)
    release = threading.Event()

    async def scenario():
        first = asyncio.create_task(queue.run(release.wait, 5))
        await asyncio.sleep(0.05)
        second = asyncio.create_task(queue.run(lambda: "queued"))
        await asyncio.sleep(0.05)
        started = time.perf_counter()
        with pytest.raises(Busy):
            await queue.run(lambda: "third")
        assert time.perf_counter() - started < 10  # not the 30 s wait
        release.set()
        return await first, await second

    assert asyncio.run(scenario()) == (True, "queued")


def test_errors_reach_the_caller():
    queue = AnswerQueue(workers=1)

    def boom():
        raise ValueError("bad question")

    with pytest.raises(ValueError, match="bad question"):
        asyncio.run(queue.run(boom))
