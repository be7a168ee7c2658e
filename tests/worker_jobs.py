"""Functions that tests/test_background.py runs in worker processes (they must be importable by
module name, as a worker imports them anew)."""

from __future__ import annotations

import sys

from generator.background import Inbox


def echo(inbox: Inbox) -> list[object]:
    """Everything sent, until None; and where this process found its modules."""
    got: list[object] = []
    while (message := inbox.recv()) is not None:
        got.append(message)
    return [got, sys.path[:3]]


def boom(inbox: Inbox) -> None:
    raise ValueError("ไฟล์เสีย")


def wait(inbox: Inbox) -> None:
    inbox.recv()
