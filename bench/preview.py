"""Edit-to-preview benchmark (not a test): the time from saving one document to the refreshed
page in ``prongsai serve``.

A copy of a synthetic project (``bench/synth.py``) is served on a free port; once the first
build is up, the title of one document that has its own page is changed several times, and each
time we measure from the moment the file is written until the served HTML of that page shows the
new title (polling every 20 ms, as a browser would after the live-reload signal).

    .venv/bin/python bench/preview.py                 # example portal + 1 document, and 2,000
    .venv/bin/python bench/preview.py --sizes 2000 --edits 3

Each portal is measured twice in the same run: with ``prongsai serve`` as it is (preview builds)
and with every save running the whole ``prongsai build`` pipeline (``bench/serve_full.py``, what
``serve`` did before), so that the two can be compared.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
sys.path[:0] = [str(ROOT), str(BENCH)]

from synth import make_project  # noqa: E402

POLL = 0.02


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return str(r.read().decode("utf-8", errors="replace"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, timeout: float, server: subprocess.Popen[Any] | None = None) -> float:
    """Seconds until the page at ``url`` contains ``text`` (an error if ``server`` has ended)."""
    t = time.perf_counter()
    while time.perf_counter() - t < timeout:
        if server is not None and server.poll() is not None:
            raise SystemExit(f"the server ended (exit code {server.returncode}) before {url} showed {text!r}")
        body = fetch(url)
        if body is not None and text in body:
            return time.perf_counter() - t
        time.sleep(POLL)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout:.0f} s")


def document_with_page(project: Path) -> tuple[Path, str]:
    """A synthetic document that has a body, and the URL path of its page."""
    from generator.framework import load_framework
    from generator.thai import slugify

    items = load_framework().items_by_id()
    for md in sorted((project / "content" / "documents").glob("*/bench/*/*.md")):
        text = md.read_text("utf-8")
        if text.split("\n---\n", 1)[1].strip():
            item = items[md.relative_to(project / "content" / "documents").parts[0]]
            return md, f"{item.url}{slugify(md.stem)}/"
    raise SystemExit(f"no synthetic document with a body in {project}")


def retitle(md: Path, title: str) -> None:
    text = md.read_text("utf-8")
    md.write_text(re.sub(r"^title: .*$", f"title: {title}", text, count=1, flags=re.M), "utf-8")


MODES = {"preview": ["-m", "generator"], "full": [str(BENCH / "serve_full.py")]}


def measure_one(documents: int, edits: int, mode: str) -> dict[str, Any]:
    name = ("example+1" if documents <= 1 else f"{documents:,}") + f" ({mode})"
    project = OUT / f"preview-{documents}"
    make_project(max(documents, 1), project)
    md, path = document_with_page(project)
    port = free_port()
    url = f"http://127.0.0.1:{port}/{path}"
    env = dict(os.environ, SOURCE_DATE_EPOCH="1764028800", NO_MKDOCS_2_WARNING="1")
    log = (OUT / f"preview-{documents}-{mode}.log").open("w")
    proc = subprocess.Popen([sys.executable, *MODES[mode], "--root", str(project), "serve", "--port", str(port)],
                            env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    times: list[float] = []
    try:
        t = time.perf_counter()
        wait_for(url, "</html>", timeout=1800, server=proc)
        first = time.perf_counter() - t
        for k in range(1, edits + 1):
            title = f"ประกาศผลการพิจารณาฉบับแก้ไขครั้งที่ {k} เพื่อทดสอบการแสดงตัวอย่าง"
            time.sleep(1.0)  # let the watcher settle, as between two saves by a person
            t = time.perf_counter()
            retitle(md, title)
            wait_for(url, title, timeout=600, server=proc)
            times.append(time.perf_counter() - t)
            print(f"  preview {name}: edit {k}/{edits} shown after {times[-1]:.2f} s", flush=True)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        shutil.rmtree(project / "build", ignore_errors=True)
    return {"documents": documents, "mode": mode, "first_build": first, "median": statistics.median(times),
            "min": min(times), "max": max(times), "edits": len(times)}


def measure_preview(sizes: tuple[int, ...] = (1, 2000), edits: int = 5) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for n in sizes:
        for mode in ("full", "preview"):
            results[f"{n}-{mode}"] = measure_one(n, edits, mode)
    print("\nEdit-to-preview (prongsai serve, from saving a document's new title to the page showing it):\n")
    print("| portal | every save runs `prongsai build` | preview build | ratio |")
    print("|---|---|---|---|")
    for n in sizes:
        full, prev = results[f"{n}-full"], results[f"{n}-preview"]
        name = "example + 1 document" if n <= 1 else f"{n:,} documents"
        print(f"| {name} | {full['median']:.2f} s ({full['min']:.2f}–{full['max']:.2f}) "
              f"| {prev['median']:.2f} s ({prev['min']:.2f}–{prev['max']:.2f}) | {full['median'] / prev['median']:.1f}× |")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description="Edit-to-preview benchmark")
    parser.add_argument("--sizes", default="1,2000", help="synthetic documents per portal (1 = the example + one)")
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    measure_preview(tuple(int(x) for x in args.sizes.split(",")), args.edits)


if __name__ == "__main__":
    main()
