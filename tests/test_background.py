"""Worker processes (generator/background.py): what is sent arrives in order and whole, what the
worker returns or raises comes back, and a worker that dies is reported, not waited for."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest
import worker_jobs

from generator.background import BACKGROUND_NICENESS, Worker, WorkerFailed


def test_messages_arrive_in_order_and_the_answer_comes_back() -> None:
    worker = Worker(worker_jobs.echo)
    big = "ข้อมูล" * 400_000  # 2.4 million characters: more than a pipe holds at once
    for message in ({"ปี": 2569}, big, (1, 2.5, None)):
        worker.send(message)
    worker.send(None)
    got, path = worker.result()
    assert got == [{"ปี": 2569}, big, (1, 2.5, None)]
    assert path == sys.path[:3]  # it imports what this process would
    worker.cancel()


def test_an_exception_in_the_worker_is_raised_with_its_traceback() -> None:
    worker = Worker(worker_jobs.boom)
    with pytest.raises(WorkerFailed, match="ValueError: ไฟล์เสีย"):
        worker.result()
    worker.cancel()


def test_a_killed_worker_is_reported_and_sending_to_it_does_nothing() -> None:
    worker = Worker(worker_jobs.wait)
    if hasattr(os, "getpriority"):
        assert os.getpriority(os.PRIO_PROCESS, worker.pid) >= BACKGROUND_NICENESS
    worker._process.kill()
    worker._process.wait()
    for _ in range(100):  # far more than the pipe holds: no error, no wait
        worker.send("ไม่มีใครรับ" * 10_000)
    with pytest.raises(WorkerFailed, match="exit code -9"):
        worker.result()
    worker.cancel()


def test_ctrl_c_is_left_to_the_build() -> None:
    """A worker ignores SIGINT (Ctrl-C reaches every process of the terminal): the build decides,
    and ends its workers itself, without each printing a traceback."""
    worker = Worker(worker_jobs.echo)
    worker.send("ก่อน")
    status = Path(f"/proc/{worker.pid}/status")
    if not status.exists():
        worker.cancel()
        pytest.skip("needs /proc to see when the worker has started")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # until its first line has run (a signal before it ends it)
        ignored = next(line for line in status.read_text().splitlines() if line.startswith("SigIgn:"))
        if int(ignored.split()[1], 16) & (1 << (signal.SIGINT - 1)):
            break
        time.sleep(0.005)
    os.kill(worker.pid, signal.SIGINT)
    worker.send("หลัง")
    worker.send(None)
    got, _ = worker.result()
    assert got == ["ก่อน", "หลัง"]
    worker.cancel()
