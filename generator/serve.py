"""``prongsai serve``: a live preview that rebuilds when staff save a file.

It reuses MkDocs' live-reload server (which injects a small reload script and watches files)
but rebuilds with the whole Prongsai pipeline, so the preview shows exactly what ``build``
publishes — including validation errors, which are printed in Thai while the last good preview
stays up.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from .build import build
from .errors import ProngsaiError, ValidationFailed, format_problems


def serve(root: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    from mkdocs.livereload import LiveReloadServer

    root = root.resolve()
    out = root / "build" / "preview"
    out.parent.mkdir(parents=True, exist_ok=True)
    url = f"http://{host}:{port}/"

    def rebuild() -> None:
        started = time.perf_counter()
        try:
            result = build(root, out=out, site_url=url, preview=True)
        except ValidationFailed as exc:
            print(format_problems(exc.problems), file=sys.stderr)
            print("ยังแสดงตัวอย่างเดิมอยู่ แก้ไขแล้วบันทึกอีกครั้ง (preview not updated)", file=sys.stderr)
            return
        except ProngsaiError as exc:
            print(f"ข้อผิดพลาด: {exc}", file=sys.stderr)
            return
        took = time.perf_counter() - started
        print(f"สร้างตัวอย่างใหม่แล้ว {len(result.pages)} หน้า ใน {took:.1f} วินาที (rebuilt in {took:.1f}s)")

    rebuild()
    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(out))
    for watched in ("content", "catalog", "mkdocs.yml"):
        if (root / watched).exists():
            server.watch(str(root / watched))
    print(f"ดูตัวอย่างเว็บไซต์ได้ที่ {url} (กด Ctrl+C เพื่อหยุด)")
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
