"""One measured build, run in its own process by ``bench/run.py`` (so that peak memory is the
build's alone): prints one JSON line with the time of every step and the peak RSS.

    .venv/bin/python bench/child.py build <project> <out>     # the whole pipeline, as `prongsai build`
    .venv/bin/python bench/child.py keep <project> <workdir>  # only write docs/ + mkdocs.yml there

The steps inside ``render`` are timed by wrapping the functions it calls (the Markdown of each
page, MkDocs' build, our safety hooks, sitemap), so no timing code lives in the generator. The
site scan (cleaning each page's content, the search index, the link check) runs in a worker
process during the render (``generator/scan.py``): starting it is "scan_start", what the build
waits for afterwards is "scan_wait"; the CPU time of the worker processes (this scan and the PDPA
check of attachments) is "workers".
"""

from __future__ import annotations

import json
import resource
import sys
import time
from importlib import import_module
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent), str(BENCH)]

import _state  # noqa: E402

TIMED_HOOKS = str(BENCH / "timed_hooks.py")


def _wrap(module: str, name: str, step: str) -> None:
    mod = import_module(module)
    setattr(mod, name, _state.timed(step, getattr(mod, name)))


def _instrument() -> None:
    # By module name (import_module), since a package may shadow a submodule with a function.
    render_module = import_module("generator.render.mkdocs")
    _wrap("generator.build", "start_validation", "validate")  # all of validate but the attachments
    _wrap("generator.build", "finish_validation", "pdpa_wait")  # waiting for the PDPA workers
    _wrap("generator.pages", "generate", "generate")
    # The Markdown handed to MkDocs (from memory, inside its build): our time, not MkDocs'.
    _wrap("generator.render.mkdocs", "page_source", "write_docs")
    _wrap("generator.render.mkdocs", "twin_source", "write_docs")
    _wrap("generator.render.mkdocs", "_write_config", "config")  # the MkDocs config, before its build
    # Our two plugins inside MkDocs' build (pages from memory, reporting written pages).
    for factory in ("_docs_plugin", "_page_written_plugin"):
        _wrap("generator.render.mkdocs", factory, "plugins")  # making the plugin
        setattr(render_module, factory, _timed_events(getattr(render_module, factory)))
    # MkDocs' own code that our plugin calls, to make the File of each page and attachment as MkDocs'
    # get_files() makes it for each file of a docs folder (in the plain `mkdocs build` too): MkDocs'.
    files_module = import_module("mkdocs.structure.files")
    files_module.File.generated = classmethod(_state.timed("mkdocs", files_module.File.generated.__func__))
    _wrap("generator.render.mkdocs", "finalize_sitemap", "sitemap")
    _wrap("mkdocs.commands.build", "build", "mkdocs")
    _wrap("generator.build", "run_site_checks", "check")
    _wrap("generator.build", "swap_in", "publish")
    scan_module = import_module("generator.scan")
    scan = scan_module.SiteScan
    scan.__init__ = _state.timed("scan_start", scan.__init__)  # starting its worker process
    scan.finish = _state.timed("scan_wait", scan.finish)
    # Taking the markers out of each page for the scan to clean its content (inside MkDocs' build).
    _wrap("generator.sanitize", "unmark", "hooks")
    # Reporting each written page to the scan workers happens inside MkDocs' build: ours too.
    report = scan_module.PageReport
    report.__call__ = _state.timed("scan_report", report.__call__)
    report.will_write = _state.timed("scan_report", report.will_write)
    render = import_module("generator.render.mkdocs")
    real_config = render.mkdocs_config
    safety = str(Path(str(render.__file__)).with_name("safety_hooks.py"))

    def config_with_timed_hooks(*args: Any, **kwargs: Any) -> dict[str, Any]:
        cfg: dict[str, Any] = real_config(*args, **kwargs)
        cfg["hooks"] = [TIMED_HOOKS if h == safety else h for h in cfg.get("hooks", [])]
        return cfg

    setattr(render, "mkdocs_config", config_with_timed_hooks)  # noqa: B010


def _timed_events(factory: Any) -> Any:
    """``factory`` making a plugin whose ``on_*`` events are timed as "plugins"."""

    def make(*args: Any, **kwargs: Any) -> Any:
        plugin = factory(*args, **kwargs)
        for name in dir(plugin):
            if name.startswith("on_") and callable(event := getattr(plugin, name)):
                setattr(plugin, name, _state.timed("plugins", event))
        return plugin

    return make


def run_build(project: Path, out: Path) -> dict[str, Any]:
    _instrument()
    from generator.build import build

    t, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
    result = build(project, out=out)
    # The PDPA check reads attachments and the site scan reads pages in worker processes (joined
    # before the build returns): their CPU time is ours too, a step of its own and in the total.
    workers = _children_cpu() - children
    return {
        "total": time.perf_counter() - t,
        "total_cpu": time.process_time() - cpu + workers,
        "steps": dict(_state.SECONDS),
        "cpu_steps": dict(_state.CPU, workers=workers),
        "md_pages": len(result.pages),
        "files": len(result.files),
    }


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def keep_docs(project: Path, work: Path) -> dict[str, Any]:
    """Write the generated Markdown and the MkDocs config exactly as ``render`` does, and keep them."""
    import yaml

    from generator import pages as page_generators
    from generator.build import validate
    from generator.render.mkdocs import _unquote_tags, mkdocs_config, write_docs

    site, _ = validate(project)
    pages, files = page_generators.generate(site)
    docs = work / "docs"
    write_docs(pages, files, docs)
    cfg = mkdocs_config(site, pages, docs, work / "site")
    safety = str(Path(str(import_module("generator.render.mkdocs").__file__)).with_name("safety_hooks.py"))
    for name, hooks in (("mkdocs.yml", cfg["hooks"]), ("mkdocs.nohooks.yml", [h for h in cfg["hooks"] if h != safety])):
        variant = dict(cfg, hooks=hooks)
        (work / name).write_text(_unquote_tags(yaml.safe_dump(variant, allow_unicode=True, sort_keys=False)), "utf-8")
    return {"md_pages": len(pages)}


def main() -> None:
    mode, project, target = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    data = run_build(project, target) if mode == "build" else keep_docs(project, target)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    data["max_rss_mb"] = usage.ru_maxrss / 1024
    data["cpu"] = usage.ru_utime + usage.ru_stime
    print("BENCH " + json.dumps(data))


if __name__ == "__main__":
    main()
