"""Build benchmark (not a test): ``make bench``.

Builds the example portal and synthetic municipalities of 200, 2,000 and 10,000 documents
(``bench/synth.py``) from clean, each build in its own process (``bench/child.py``), and prints
medians of several runs: validate, generate and render time, pages per second, peak memory,
the size of ``site/`` and of the search index. The same generated Markdown is then built with
plain ``mkdocs build`` (the generated config without our hooks) as the reference, and the
budgets of issue 10 are checked. Finally the edit-to-preview time of ``prongsai serve`` is
measured (``bench/preview.py``).

    .venv/bin/python bench/run.py                        # everything (about 10 minutes on 2 cores)
    .venv/bin/python bench/run.py --sizes 200 --runs 1   # a quick look
    .venv/bin/python bench/run.py --no-preview --json bench/out/results.json

Work folders go to ``bench/out/`` (git-ignored); nothing touches the repository's ``site/``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
PY = sys.executable
MKDOCS = str(Path(PY).with_name("mkdocs"))
EPOCH = "1764028800"  # builds are pinned to 25 November 2025, as in the tests

sys.path[:0] = [str(ROOT), str(BENCH)]

from synth import make_project  # noqa: E402

# The generator's own steps: everything but MkDocs' build (whose time includes our hooks).
# "workers": CPU time of the processes that work while MkDocs renders (the PDPA check reading
# attachments, the site scan cleaning pages, building the search index and reading links): no
# wall time of their own, only starting them ("scan_start"; the PDPA workers start in "validate")
# and what the build waits for afterwards ("scan_wait", "pdpa_wait").
OURS = ("scan_start", "validate", "workers", "generate", "config", "write_docs", "plugins", "hooks", "scan_report",
        "sitemap", "scan_wait", "pdpa_wait", "check", "publish")
# Our code that MkDocs' build calls (the Markdown of each page, our plugins, the safety hooks, the
# page reports) is timed as its own steps, and not as MkDocs' (bench/_state.py).
AFTER_MKDOCS = ("sitemap", "scan_wait", "pdpa_wait", "check", "publish")
STEPS = ("scan_start", "validate", "workers", "generate", "config", "write_docs", "mkdocs", "plugins", "hooks",
         "scan_report", "sitemap", "scan_wait", "pdpa_wait", "check", "publish")


@dataclass
class Sample:
    wall: float  # the build process from start to exit, as seen from outside
    data: dict[str, Any]

    def step(self, name: str, cpu: bool = False) -> float:
        steps = self.data["cpu_steps" if cpu else "steps"]
        return float(steps.get(name, 0.0))

    def ours(self, cpu: bool = False) -> float:
        return sum(self.step(s, cpu) for s in OURS)

    def share(self, cpu: bool = False) -> float:
        """The generator's own steps as a share of the build (inside the build process)."""
        return self.ours(cpu) / self.data["total_cpu" if cpu else "total"]


@dataclass
class Result:
    name: str
    documents: int
    samples: list[Sample] = field(default_factory=list)
    reference: list[float] = field(default_factory=list)
    html_pages: int = 0
    site_bytes: int = 0
    index_bytes: int = 0
    reference_pages: int = 0
    rebuild: Sample | None = None  # one build with build/ and the previous site in place

    def med(self, fn: Any) -> float:
        return statistics.median(fn(s) for s in self.samples)

    @property
    def wall(self) -> float:
        return self.med(lambda s: s.wall)

    @property
    def rss_mb(self) -> float:
        return max(s.data["max_rss_mb"] for s in self.samples)

    def share(self, cpu: bool = False) -> float:
        return self.med(lambda s: s.share(cpu))

    @property
    def ref(self) -> float:
        return statistics.median(self.reference) if self.reference else float("nan")


def env() -> dict[str, str]:
    e = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, PYTHONHASHSEED="0", NO_MKDOCS_2_WARNING="1")
    e.pop("PYTHONPATH", None)
    return e


def tree_bytes(folder: Path) -> tuple[int, int]:
    """(total bytes, number of HTML pages) under ``folder``, search index pages excluded."""
    total = pages = 0
    for p in folder.rglob("*"):
        if p.is_file():
            total += p.stat().st_size
            if p.suffix == ".html" and not p.relative_to(folder).as_posix().startswith("search-index/"):
                pages += 1
    return total, pages


def one_build(project: Path, out: Path, clean: bool = True) -> Sample:
    """A clean build: no build/ folder (so no PDPA cache) and no previous site. Not clean: a
    rebuild as staff run it, with the previous site and build/ (PDPA cache) in place."""
    for folder in (project / "build", out) if clean else ():
        shutil.rmtree(folder, ignore_errors=True)
    t = time.perf_counter()
    proc = subprocess.run([PY, str(BENCH / "child.py"), "build", str(project), str(out)],
                          env=env(), capture_output=True, text=True)
    wall = time.perf_counter() - t
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("BENCH ")), None)
    if proc.returncode or line is None:
        sys.exit(f"build of {project} failed:\n{proc.stderr[-4000:]}")
    return Sample(wall, json.loads(line[6:]))


def reference_builds(project: Path, runs: int) -> tuple[list[float], int]:
    """Plain ``mkdocs build`` of the same generated Markdown and config (our hooks left out)."""
    work = OUT / f"{project.name}-mkdocs"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    proc = subprocess.run([PY, str(BENCH / "child.py"), "keep", str(project), str(work)],
                          env=env(), capture_output=True, text=True)
    if proc.returncode:
        sys.exit(f"writing the docs of {project} failed:\n{proc.stderr[-4000:]}")
    times = []
    for _ in range(runs):
        shutil.rmtree(work / "site", ignore_errors=True)
        t = time.perf_counter()
        ref = subprocess.run([MKDOCS, "build", "-q", "-f", str(work / "mkdocs.nohooks.yml")],
                             env=env(), capture_output=True, text=True)
        times.append(time.perf_counter() - t)
        if ref.returncode:
            sys.exit(f"plain mkdocs build failed:\n{ref.stderr[-4000:]}")
    return times, tree_bytes(work / "site")[1]


def measure(name: str, project: Path, documents: int, runs: int, reference: bool) -> Result:
    res = Result(name, documents)
    out = OUT / f"{name}-site"
    for i in range(runs):
        s = one_build(project, out)
        res.samples.append(s)
        print(f"  {name} run {i + 1}/{runs}: {s.wall:.1f} s (ours {s.ours():.1f} s, "
              f"MkDocs {s.step('mkdocs'):.1f} s; share of ours {s.share():.0%}, of CPU time {s.share(cpu=True):.0%})", flush=True)
    res.site_bytes, res.html_pages = tree_bytes(out)
    res.rebuild = one_build(project, out, clean=False)
    print(f"  {name} rebuild: {res.rebuild.wall:.1f} s (validate {res.rebuild.step('validate'):.1f} s; "
          f"share of ours {res.rebuild.share():.0%}, of CPU time {res.rebuild.share(cpu=True):.0%})", flush=True)
    res.index_bytes = tree_bytes(out / "search-index")[0] if (out / "search-index").is_dir() else 0
    if reference:
        res.reference, res.reference_pages = reference_builds(project, runs)
        print(f"  {name} plain mkdocs: {res.ref:.1f} s", flush=True)
    return res


def fmt_mb(n: float) -> str:
    return f"{n / 1e6:.1f} MB"


def table(results: list[Result]) -> list[str]:
    head = ("| portal | documents | pages | validate | generate | MkDocs | ours after MkDocs¹ | total | pages/s "
            "| plain MkDocs² | total ÷ plain | ours³ (wall / CPU) | peak RSS | site/ | search index |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in results:
        after = r.med(lambda s: sum(s.step(x) for x in AFTER_MKDOCS))
        lines.append(
            f"| {r.name} | {r.documents:,} | {r.html_pages:,} | {r.med(lambda s: s.step('validate')):.1f} s "
            f"| {r.med(lambda s: s.step('generate')):.1f} s | {r.med(lambda s: s.step('mkdocs')):.1f} s "
            f"| {after:.1f} s | {r.wall:.1f} s | {r.html_pages / r.wall:.1f} | {r.ref:.1f} s | {r.wall / r.ref:.2f}× "
            f"| {r.share():.0%} / {r.share(cpu=True):.0%} | {r.rss_mb:.0f} MB | {fmt_mb(r.site_bytes)} "
            f"| {fmt_mb(r.index_bytes)} |")
    return lines


def rebuild_table(results: list[Result]) -> list[str]:
    lines = ["| portal | clean build | rebuild | validate (clean → rebuild) | ours, wall / CPU (clean → rebuild) |",
             "|---|---|---|---|---|"]
    for r in results:
        if r.rebuild is None:
            continue
        b = r.rebuild
        lines.append(f"| {r.name} | {r.wall:.1f} s | {b.wall:.1f} s | {r.med(lambda s: s.step('validate')):.1f} s → "
                     f"{b.step('validate'):.1f} s | {r.share():.0%} / {r.share(cpu=True):.0%} → "
                     f"{b.share():.0%} / {b.share(cpu=True):.0%} |")
    return lines


def steps_table(results: list[Result], cpu: bool) -> list[str]:
    names = STEPS if cpu else tuple(n for n in STEPS if n != "workers")
    lines = ["| portal | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for r in results:
        cells = [f"{r.med(lambda s, n=n: s.step(n, cpu)):.2f}" for n in names]
        lines.append(f"| {r.name} | " + " | ".join(cells) + " |")
    return lines


def budgets(results: list[Result]) -> list[tuple[str, str, bool | None]]:
    by = {r.name: r for r in results}
    out: list[tuple[str, str, bool | None]] = []
    worst = max(results, key=lambda r: r.share())
    out.append(("generator's own steps ≤ 10% of the build time", f"{worst.share():.0%} ({worst.name}; "
                f"CPU time {max(r.share(cpu=True) for r in results):.0%})", worst.share() <= 0.10))
    if "example" in by:
        out.append(("example portal from clean < 15 s", f"{by['example'].wall:.1f} s", by["example"].wall < 15))
    if "2,000" in by:
        out.append(("2,000 documents < 60 s", f"{by['2,000'].wall:.1f} s", by["2,000"].wall < 60))
    if "2,000" in by and "10,000" in by:
        ratio = by["10,000"].wall / by["2,000"].wall
        cpu = by["10,000"].med(lambda s: s.data["total_cpu"]) / by["2,000"].med(lambda s: s.data["total_cpu"])
        out.append(("10,000 ≤ 5.5 × 2,000", f"{ratio:.2f}× (CPU time {cpu:.2f}×)", ratio <= 5.5))
    if "10,000" in by:
        out.append(("peak memory at 10,000 < 1 GB", f"{by['10,000'].rss_mb:.0f} MB", by["10,000"].rss_mb < 1024))
    return out


def machine() -> str:
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor())
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    return f"{os.cpu_count()} CPU ({cpu}), Python {platform.python_version()}, load average {load}"


def main() -> None:
    parser = argparse.ArgumentParser(description="Prongsai build benchmark")
    parser.add_argument("--sizes", default="200,2000,10000", help="documents per synthetic portal")
    parser.add_argument("--runs", type=int, default=5, help="builds per portal (median)")
    parser.add_argument("--runs-large", type=int, default=3, help="builds at 10,000 documents and more")
    parser.add_argument("--no-example", action="store_true", help="skip the example portal")
    parser.add_argument("--no-reference", action="store_true", help="skip plain mkdocs builds")
    parser.add_argument("--no-preview", action="store_true", help="skip the edit-to-preview measurement")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    print(f"Machine: {machine()}", flush=True)
    results: list[Result] = []
    if not args.no_example:
        example = OUT / "example"
        shutil.rmtree(example, ignore_errors=True)
        example.mkdir(parents=True)
        for name in ("content", "catalog"):
            shutil.copytree(ROOT / name, example / name)
        if (ROOT / "mkdocs.yml").exists():
            shutil.copyfile(ROOT / "mkdocs.yml", example / "mkdocs.yml")
        results.append(measure("example", example, 0, args.runs, not args.no_reference))
        results[-1].documents = sum(1 for _ in (example / "content").glob("documents/**/*.md"))
    for n in (int(x) for x in args.sizes.split(",") if x):
        project = OUT / f"p{n}"
        counts = make_project(n, project)
        print(f"{n:,} documents: {counts}", flush=True)
        runs = args.runs_large if n >= 10000 else args.runs
        results.append(measure(f"{n:,}", project, n, runs, not args.no_reference))
    print()
    print(f"Machine: {machine()}")
    print("Medians of " + ", ".join(f"{r.name}: {len(r.samples)}" for r in results) + " clean builds.\n")
    print("\n".join(table(results)))
    print("\n¹ sitemap, waiting for the site scan (search index, link check) and the PDPA workers, reporting, "
          "publish. ² the same docs/ and config, `mkdocs build` without our hooks (its own process). "
          "³ starting the site scan + validate + generate + writing the MkDocs config + what our plugins, hooks and page reports do inside MkDocs (each page's Markdown included) + ¹, share of the build's time; CPU: "
          "also the worker processes (PDPA check of attachments, site scan) that run while MkDocs renders. "
          "validate: all but reading attachments.\n")
    print("Rebuild with build/ in place (the PDPA check keeps what it read from each attachment there):\n")
    print("\n".join(rebuild_table(results)))
    print("\nSeconds per step (medians), wall clock:\n")
    print("\n".join(steps_table(results, cpu=False)))
    print("\nCPU seconds per step (medians; steadier on a loaded machine):\n")
    print("\n".join(steps_table(results, cpu=True)))
    print("\nBudgets:\n")
    for what, value, ok in budgets(results):
        print(f"- {'PASS' if ok else 'FAIL'}  {what}: {value}")
    preview: dict[str, Any] = {}
    if not args.no_preview:
        from preview import measure_preview

        print()
        preview = measure_preview()
    if args.json:
        args.json.write_text(json.dumps({
            "machine": machine(),
            "results": [{"name": r.name, "documents": r.documents, "html_pages": r.html_pages,
                         "site_bytes": r.site_bytes, "index_bytes": r.index_bytes, "reference": r.reference,
                         "samples": [{"wall": s.wall, **s.data} for s in r.samples],
                         "rebuild": {"wall": r.rebuild.wall, **r.rebuild.data} if r.rebuild else None}
                        for r in results],
            "preview": preview,
        }, indent=1, ensure_ascii=False), "utf-8")


if __name__ == "__main__":
    main()
