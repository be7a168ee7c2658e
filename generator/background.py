"""Worker processes of a build, run below its priority.

The build's own process is its critical path (validate, generate, MkDocs' single-threaded render);
the PDPA check and the site scan work beside it in other processes and take what CPU is left.

:class:`Worker` runs one function in a new Python process and talks to it through two pipes. It is
started with ``subprocess`` rather than ``multiprocessing``: that costs the build half a
millisecond instead of nine (``multiprocessing`` forks this process without ``vfork`` and starts a
second helper process, its resource tracker, which a worker that only uses pipes does not need),
and it is safe whatever threads the build runs (``prongsai serve`` has some).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import struct
import subprocess
import sys
import traceback
from collections.abc import Callable
from typing import Any

BACKGROUND_NICENESS = 10
PIPE_BYTES = 1 << 20  # the usual limit for unprivileged processes (/proc/sys/fs/pipe-max-size)
_HEADER = struct.Struct("!Q")  # each message: its length, then its pickle

# The new process's first lines: read the build's sys.path and the function to run from the
# inbox, before anything of Prongsai can be imported.
_BOOT = """\
import os, pickle, signal, struct, sys
signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the build's to handle: it ends its workers
inbox, result = int(sys.argv[1]), int(sys.argv[2])
def read(n):
    data = b""
    while len(data) < n:
        chunk = os.read(inbox, n - len(data))
        if not chunk:
            raise SystemExit(3)
        data += chunk
    return data
path, module, name = pickle.loads(read(struct.unpack("!Q", read(8))[0]))
sys.path[:] = path
from generator.background import _serve
_serve(module, name, inbox, result)
"""


def in_background(pid: int = 0) -> None:
    """Put the process ``pid`` (0: this one) below the build's priority: the build's own process
    is the critical path, worker processes take what CPU is left (nice 10)."""
    with contextlib.suppress(AttributeError, OSError):  # not on this system, or it has ended
        os.setpriority(os.PRIO_PROCESS, pid, BACKGROUND_NICENESS)


def worker_started(background: bool = True) -> None:
    """For a process pool's workers (``initializer``): leave Ctrl-C to the build, which ends its
    workers itself (each would print a traceback); ``background``: see :func:`in_background`."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if background:
        in_background()


class WorkerFailed(RuntimeError):
    """The worker raised (the message holds its traceback) or ended without an answer."""


class Inbox:
    """What a worker function is given: the messages the build sends it, in order."""

    def __init__(self, fd: int) -> None:
        self._fd = fd

    def recv(self) -> Any:
        """The next message; EOFError once the build has closed the pipe (or ended)."""
        return _read_message(self._fd)


class Worker:
    """``target(inbox)`` in a new process below the build's priority. :meth:`send` puts a message
    in its inbox (nothing, once it has ended); :meth:`result` waits for what it returns, raising
    :class:`WorkerFailed` if it raised or died. ``target`` must be a module-level function."""

    def __init__(self, target: Callable[[Inbox], Any]) -> None:
        inbox_read, self._inbox = os.pipe()
        self._result, result_write = os.pipe()
        _widen(self._inbox)
        self._process = subprocess.Popen(
            [sys.executable, "-c", _BOOT, str(inbox_read), str(result_write)],
            pass_fds=(inbox_read, result_write), stdin=subprocess.DEVNULL)
        in_background(self._process.pid)  # now, not once it has imported what it needs
        # Only the worker holds these ends: if it dies, sending fails and receiving stops waiting.
        os.close(inbox_read)
        os.close(result_write)
        self._alive = True
        self.send((list(sys.path), target.__module__, target.__qualname__))

    def send(self, message: object) -> None:
        if self._alive:
            try:
                _write_message(self._inbox, message)
            except BrokenPipeError:  # it died: result() says how
                self._alive = False

    def result(self) -> Any:
        try:
            kind, value = _read_message(self._result)
        except EOFError:  # it ended without an answer (killed, out of memory, failed to start)
            kind, value = "error", f"the worker process ended with exit code {self._process.wait()}"
        if kind == "error":
            self._process.wait()
            raise WorkerFailed(value)
        # Its work is done: it exits on its own (tens of milliseconds to free a large site's
        # index), which the build need not wait for; cancel() ends it if it is still at it.
        return value

    def cancel(self) -> None:
        """End the worker if it is still running, and close the pipes."""
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        for fd in (self._inbox, self._result):
            with contextlib.suppress(OSError):
                os.close(fd)
        self._alive = False

    @property
    def pid(self) -> int:
        return self._process.pid


def _serve(module: str, name: str, inbox: int, result: int) -> None:
    """In the worker: run the function, send back what it returns or the traceback, and end at
    once: freeing what the work built (a large site's search index: tens of milliseconds) is
    left to the system, and the build need not wait for it."""
    in_background()  # in case the build could not set it
    try:
        import importlib

        target: Any = importlib.import_module(module)
        for part in name.split("."):
            target = getattr(target, part)
        answer: tuple[str, Any] = ("ok", target(Inbox(inbox)))
    except BaseException:  # reported to the build, which stops with it
        answer = ("error", traceback.format_exc())
    with contextlib.suppress(OSError):  # the build has ended (interrupted): no one to answer
        _write_message(result, answer)
    os._exit(0)


def keep(*objects: object) -> None:
    """For a worker function: let ``objects`` outlive its return, so that freeing them does not
    delay its answer (the worker process ends without freeing anything: see _serve)."""
    _KEPT.extend(objects)


_KEPT: list[object] = []


def _write_message(fd: int, message: object) -> None:
    data = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view):]


def _read_message(fd: int) -> Any:
    return pickle.loads(_read_exactly(fd, _HEADER.unpack(_read_exactly(fd, _HEADER.size))[0]))


def _read_exactly(fd: int, size: int) -> bytes:
    parts: list[bytes] = []
    while size:
        chunk = os.read(fd, min(size, PIPE_BYTES))
        if not chunk:
            raise EOFError("the other end of the pipe was closed")
        parts.append(chunk)
        size -= len(chunk)
    return b"".join(parts)


def _widen(fd: int) -> None:
    """Let the pipe hold a whole site's worth of page paths (Linux: 64 KiB by default, about 900
    pages), so that reporting a page does not wait while a worker is behind."""
    try:
        import fcntl

        fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_BYTES)
    except (ImportError, OSError):  # another system, or a lower limit: the default size works too
        pass
