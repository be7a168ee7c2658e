"""The MkDocs + Material renderer."""

from __future__ import annotations

import json
import logging
import re
import shutil
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from .. import sanitize
from ..model import OutputFile, Page, Site
from .context import portal_context
from .sitemap import finalize_sitemap


def _theme_dir() -> Path:
    import site_theme

    return Path(site_theme.__file__).resolve().parent


THEME_DIR = _theme_dir()


def page_source(page: Page) -> str:
    """The Markdown file MkDocs reads for ``page``: front matter, then the body.

    The front matter is written as JSON, which YAML reads as the same mapping (and which is much
    faster to write than YAML). ``search.exclude`` keeps each page out of Material's own search
    index: only its header box is used (our index is ``generator/search``), and indexing every
    page cost a tenth of MkDocs' render time (bench/run.py).
    """
    meta: dict[str, Any] = {"title": page.title, "search": {"exclude": True}}
    if page.description:
        meta["description"] = page.description
    if page.hide:
        meta["hide"] = list(page.hide)
    if page.template:
        meta["template"] = page.template
    front = _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(meta, ensure_ascii=False, sort_keys=True))
    return f"---\n{front}\n---\n\n{page.body}"


# Characters YAML does not accept raw (or reads as line breaks): escaped as in JSON.
_YAML_UNSAFE = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def twin_source(page: Page) -> str | None:
    """The page's machine-readable twin (``<page>.json``), compact: for programs, and json's C
    encoder writes it several times faster than with ``indent`` (which its Python one does)."""
    if page.twin is None:
        return None
    return _TWIN_ENCODER.encode(page.twin)


_TWIN_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str, separators=(",", ":"))


def docs_files(pages: list[Page], files: list[OutputFile]) -> Iterator[tuple[str, str | bytes | Path]]:
    """Every file of the docs folder MkDocs reads, as (path in it, content): a page's Markdown with
    front matter and its JSON twin as text, generated files as bytes, attachments as the Path of
    the file to copy."""
    for page in pages:
        yield page.path, page_source(page)
        twin = twin_source(page)
        if twin is not None:
            yield PurePosixPath(page.path).with_suffix(".json").as_posix(), twin
    for f in files:
        if f.data is not None:
            yield f.path, f.data
        elif f.source is not None:
            yield f.path, f.source


def write_docs(pages: list[Page], files: list[OutputFile], docs: Path) -> None:
    """Write :func:`docs_files` into a fresh docs folder (the build hands them to MkDocs from
    memory; this is for the benchmark's plain ``mkdocs build``)."""
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    for rel, content in docs_files(pages, files):
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            shutil.copyfile(content, target)
        else:
            target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


def nav_from_pages(pages: list[Page]) -> list[Any]:
    """Navigation from pages flagged ``nav``: top-level pages, and one section per folder whose
    ``index.md`` is in the nav (section title = that page's title)."""
    nav: list[Any] = []
    sections: dict[str, list[Any]] = {}
    titles = {p.path: p.title for p in pages}
    for p in pages:
        if not p.nav:
            continue
        parts = p.path.split("/")
        if len(parts) == 1:
            nav.append({p.title: p.path})
            continue
        top = parts[0]
        if top not in sections:
            sections[top] = []
            nav.append({titles.get(f"{top}/index.md", top): sections[top]})
        sections[top].append(p.path if p.path == f"{top}/index.md" else {p.title: p.path})
    return nav


def mkdocs_config(site: Site, pages: list[Page], docs: Path, out: Path) -> dict[str, Any]:
    """The MkDocs configuration: Prongsai's base, the project's ``mkdocs.yml`` over it, then what
    comes from content."""
    base = _load_mkdocs_yaml(Path(__file__).with_name("mkdocs_base.yml"))
    project_file = site.root / "mkdocs.yml"
    if project_file.exists():
        base = _merge(base, _load_mkdocs_yaml(project_file))
    org = site.organisation
    cfg = dict(base)
    cfg["site_name"] = org.name if org else base.get("site_name", "Prongsai")
    cfg["site_url"] = site.settings.site_url
    cfg["docs_dir"] = str(docs)
    cfg["site_dir"] = str(out)
    cfg["nav"] = nav_from_pages(pages)
    theme = dict(cfg.get("theme") or {"name": "material"})
    theme["custom_dir"] = str(THEME_DIR)
    cfg["theme"] = theme
    extra = dict(cfg.get("extra") or {})
    extra["portal"] = portal_context(site, pages)
    cfg["extra"] = extra
    # Render-time defence against script from content (issue #8): always last, after any others.
    safety = str(Path(__file__).with_name("safety_hooks.py"))
    cfg["hooks"] = [h for h in (cfg.get("hooks") or []) if h != safety] + [safety]
    return cfg


def _load_mkdocs_yaml(path: Path) -> dict[str, Any]:
    data = yaml.load(path.read_text("utf-8"), Loader=_MkdocsLoader) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: an MkDocs configuration must be a mapping")
    data.pop("INHERIT", None)
    return data


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """Mappings merge key by key; anything else in ``over`` replaces the base value."""
    out = dict(base)
    for key, value in over.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


# LibYAML's parser and emitter where PyYAML has them (the wheels do): the config is read and
# written on every build, five times faster than in Python.
_CLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _MkdocsLoader(_CLoader):  # type: ignore[valid-type,misc]
    """mkdocs.yml may use ``!!python/name:`` tags (pymdownx emoji); keep them as strings."""


def _keep_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> str:
    return f"!!python/name:{suffix}"


_MkdocsLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", _keep_tag)


def render(
    site: Site, pages: list[Page], files: list[OutputFile], out: Path, work: Path, strict: bool = False,
    on_page: Callable[[str], None] | None = None,
) -> Path:
    """Build the site into ``out`` (which must not be the live ``site/``); return ``out``.

    ``on_page`` is told the site-relative path of each HTML page once it is written (the build
    scans pages for search and links meanwhile, ``generator/scan.py``).
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    docs = work / "docs"
    docs.mkdir(parents=True, exist_ok=True)  # stays empty: MkDocs gets the pages from memory
    cfg_file = _write_config(site, pages, docs, out, work)
    _quiet_mkdocs()
    config = load_config(config_file=str(cfg_file), strict=strict)
    config.plugins["prongsai-docs"] = _docs_plugin(pages, files)
    marks = getattr(on_page, "marks", None)  # the scan cleans each page's content: see sanitize.py
    if on_page is not None:
        config.plugins["prongsai-page-written"] = _page_written_plugin(on_page, marks)
    token = sanitize.CLEAN_LATER.set(marks)
    try:
        build(config)
    finally:
        sanitize.CLEAN_LATER.reset(token)
    finalize_sitemap(out, site.settings.site_url)  # sorted, no build-time dates (issue #5)
    return out


def _docs_plugin(pages: list[Page], files: list[OutputFile]) -> Any:
    """A plugin that gives MkDocs the pages and files from memory, as if :func:`write_docs` had
    written them into its docs folder: no Markdown is written to disk and read back, and
    attachments are copied once, from ``content/`` straight into the site."""
    from mkdocs.plugins import BasePlugin, event_priority
    from mkdocs.structure.files import File

    class GeneratedDocs(BasePlugin):
        @event_priority(100)  # first: other plugins see the whole site
        def on_files(self, mk_files: Any, config: Any) -> Any:
            generated = [File.generated(config, rel, abs_src_path=str(content)) if isinstance(content, Path)
                         else File.generated(config, rel, content=content) for rel, content in docs_files(pages, files)]
            # Pages in order of address, as MkDocs renders them: the search index takes pages that
            # come in this order straight into its postings (generator/search/index.py).
            pages_first = sorted((f for f in generated if f.is_documentation_page()),
                                 key=lambda f: f.dest_uri.removesuffix("index.html"))
            for file in pages_first + [f for f in generated if not f.is_documentation_page()]:
                mk_files.append(file)
            return mk_files

    return GeneratedDocs()


def _page_written_plugin(on_page: Callable[..., None], marks: tuple[str, str] | None = None) -> Any:
    """A plugin that calls ``on_page`` with the path of each HTML file once MkDocs has written it:
    with the first page, those written before the pages (the theme's 404.html); then each page:
    MkDocs writes a page right after its ``post_page`` event, so that event of a page reports the
    one before, and ``post_build`` the last. An ``on_page`` that has them (``SiteScan.page_written``)
    is also told every file MkDocs will write before it writes any (``will_write``), and at the
    end that every HTML file was reported (``all_reported``: true of MkDocs itself and of the
    plugins Prongsai configures; HTML files that another plugin wrote on its own would be missed).

    With ``marks``, the safety hook has put each page's content between them instead of cleaning
    it: they are taken out of the page here, and ``on_page`` is also given where the content is,
    to be cleaned there (``sanitize.unmark``)."""
    from mkdocs.plugins import BasePlugin, event_priority  # here: `prongsai check` needs no MkDocs

    will_write = getattr(on_page, "will_write", None)
    all_reported = getattr(on_page, "all_reported", None)

    class PageWritten(BasePlugin):
        ready: tuple[str, ...] = ()  # written: reported at the next event

        span: sanitize.Span | None = None  # where the content of the last page is, to clean

        def report(self) -> None:
            for rel in self.ready:
                if self.span is None:
                    on_page(rel)
                else:  # only ever with a single page ready
                    on_page(rel, self.span)
            self.ready, self.span = (), None

        @event_priority(-100)  # last: every plugin's files are in
        def on_env(self, env: Any, config: Any, files: Any) -> Any:
            # Next MkDocs copies the other files, renders the theme's own templates, then the pages.
            templates = sorted(config.theme.static_templates)
            written = list(templates)
            if "sitemap.xml" in templates:
                written.append("sitemap.xml.gz")  # MkDocs writes both
            html = [name for name in templates if name.endswith(".html")]
            for file in files:
                if file.inclusion.is_included():
                    written.append(file.dest_uri)
                    if file.dest_uri.endswith(".html") and not file.is_documentation_page():
                        html.append(file.dest_uri)
            self.ready = tuple(html)
            if will_write is not None:
                will_write(written)
            return env

        @event_priority(-100)
        def on_post_page(self, output: str, page: Any, config: Any) -> str:
            self.report()
            self.ready = (page.file.dest_uri,)
            if marks is not None:
                output, self.span = sanitize.unmark(output, marks)
            return output

        @event_priority(100)
        def on_post_build(self, config: Any) -> None:
            self.report()
            if all_reported is not None:
                all_reported()

    return PageWritten()


def render_preview(site: Site, pages: list[Page], files: list[OutputFile], out: Path, work: Path) -> bool:
    """Live preview (``prongsai serve``): render into ``out`` in place, again only what changed.

    ``work`` persists between calls: only files whose bytes changed are rewritten in its docs
    folder, and MkDocs builds with ``dirty=True``, which renders a page again only when its
    Markdown is newer than its HTML. A full build happens the first time, when the MkDocs
    configuration changed (navigation, organisation, build date) and when a page or file went
    away. Left out of preview builds: the sitemap clean-up, and the search index after a full
    build (the search box finds pages as they were at the last full build). Returns True for a
    full build.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    removed = sync_docs(pages, files, work / "docs")
    cfg_file = work / "mkdocs.generated.yml"
    before = cfg_file.read_text("utf-8") if cfg_file.exists() else None
    _write_config(site, pages, work / "docs", out, work)
    full = removed or before != cfg_file.read_text("utf-8") or not (out / "index.html").exists()
    _quiet_mkdocs()
    logging.getLogger("mkdocs.commands.build").addFilter(_no_dirty_warning)
    config = load_config(config_file=str(cfg_file))
    _reuse_compiled_templates(config)
    if not full:  # the 404 page and the sitemap stay as the last full build made them
        config.theme.static_templates.clear()
    build(config, dirty=not full)
    if full:
        from ..search import index_site

        index_site(out)
    return full


def sync_docs(pages: list[Page], files: list[OutputFile], docs: Path) -> bool:
    """Make ``docs`` hold what :func:`write_docs` would write, touching only files that changed
    (so that their modification time tells MkDocs what to render again). Returns True when files
    had to be removed."""
    wanted: set[Path] = set()

    def put(target: Path, data: bytes) -> None:
        wanted.add(target)
        try:
            if target.read_bytes() == data:
                return
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    for rel, content in docs_files(pages, files):
        target = docs / rel
        if not isinstance(content, Path):
            put(target, content.encode("utf-8") if isinstance(content, str) else content)
            continue
        wanted.add(target)
        src = content.stat()
        old = target.stat() if target.exists() else None
        if old is None or (old.st_size, old.st_mtime_ns) != (src.st_size, src.st_mtime_ns):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(content, target)  # keeps the source's time: compared next time
    stale = [p for p in docs.rglob("*") if p.is_file() and p not in wanted] if docs.exists() else []
    for path in stale:
        path.unlink()
    return bool(stale)


_TEMPLATE_CACHE: dict[str, bytes] = {}


def _reuse_compiled_templates(config: Any) -> None:
    """Keep the theme's compiled Jinja templates between preview builds (MkDocs makes a new
    Jinja environment each build; compiling Material's templates took most of a small rebuild).
    Jinja checks each entry against the template's source, so an edited template is compiled again."""
    import jinja2

    class MemoryCache(jinja2.BytecodeCache):
        def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            if bucket.key in _TEMPLATE_CACHE:
                bucket.bytecode_from_string(_TEMPLATE_CACHE[bucket.key])

        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            _TEMPLATE_CACHE[bucket.key] = bucket.bytecode_to_string()

    theme = config.theme
    make_env = theme.get_env

    def get_env() -> jinja2.Environment:
        env = make_env()
        env.bytecode_cache = MemoryCache()
        return env

    theme.get_env = get_env


def _no_dirty_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns that a dirty build may leave stale navigation; the preview rebuilds fully
    whenever the navigation changes, so the warning would only worry staff."""
    return "'dirty' build" not in record.getMessage()


def _write_config(site: Site, pages: list[Page], docs: Path, out: Path, work: Path) -> Path:
    cfg_dict = mkdocs_config(site, pages, docs, out)
    cfg_file = work / "mkdocs.generated.yml"
    cfg_text = yaml.dump(cfg_dict, Dumper=_CDumper, allow_unicode=True, sort_keys=False)
    cfg_file.write_text(_unquote_tags(cfg_text), "utf-8")
    return cfg_file


def _unquote_tags(text: str) -> str:
    """``'!!python/name:x.y'`` (a string once dumped) → ``!!python/name:x.y`` (a tag again)."""
    import re

    return re.sub(r"'(!!python/name:[^']+)'", r"\1", text)


def _quiet_mkdocs() -> None:
    """MkDocs' INFO lines are noise for staff; our own messages say what matters."""
    for name in ("mkdocs", "mkdocs.commands.build", "mkdocs.structure.pages", "material"):
        logging.getLogger(name).setLevel(logging.WARNING)
    warnings.filterwarnings("ignore", category=DeprecationWarning, module="mkdocs")
