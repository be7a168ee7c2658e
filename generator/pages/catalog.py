"""The catalog browser (``/catalog/``): NACC's example projects, browsable without JavaScript.

- ``catalog/index.md`` — the four dimensions with counts, and a dimension × kind table whose
  cells link to the filtered lists (so filtering works without JavaScript);
- ``catalog/dimension-N/index.md`` — a dimension's projects grouped by objective and
  sub-objective;
- ``catalog/kind/<project|activity|measure>/index.md`` — one kind, grouped by dimension;
- ``catalog/adopted/index.md`` — what this municipality adopted (when its plan says so);
- ``catalog/<project id>/index.md`` — one project: the nine fields under headings.

Only the index and the dimension pages are in the navigation. Placeholders show as Thai labels
("[งบประมาณ]"), never as ``{{budget}}``. Adoption comes from ``site.plan.adopted_urls()``
(catalog id → site-relative URL of the adopted project's page), when a plan provides it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from ..catalog.model import KINDS, TEXT_FIELDS, Catalog, Project
from ..catalog.placeholders import PLACEHOLDER_RE
from ..model import OutputFile, Page, Site
from .markup import rel

ROOT = "catalog"
KIND_SLUGS: dict[str, str] = {"โครงการ": "project", "กิจกรรม": "activity", "มาตรการ": "measure"}
ADOPTED_BADGE = "นำไปใช้ในแผนของหน่วยงานแล้ว"


def dimension_path(dim_id: str) -> str:
    return f"{ROOT}/dimension-{dim_id}/index.md"


def project_path(project_id: str) -> str:
    return f"{ROOT}/{project_id}/index.md"


def kind_path(kind: str) -> str:
    return f"{ROOT}/kind/{KIND_SLUGS[kind]}/index.md"


ADOPTED_PATH = f"{ROOT}/adopted/index.md"


def anchor(prefix: str, id_: str) -> str:
    return f"{prefix}-{id_.replace('.', '-')}"


def link(from_page: str, to_page: str, fragment: str = "") -> str:
    """A docs-relative link between two Markdown pages (MkDocs checks these)."""
    return rel(from_page, to_page) + (f"#{fragment}" if fragment else "")


def url_link(from_page: str, site_url: str) -> str:
    """A link from a page to a site-relative URL given by another module (``a/b/`` or ``a/b.md``)."""
    if site_url.endswith(".md"):
        return link(from_page, site_url)
    # relative to the page's folder ("catalog/x" for "catalog/x/index.md"), which is its URL
    return rel(from_page, site_url.strip("/") or ".").rstrip("/") + "/"


def labels(catalog: Catalog) -> dict[str, str]:
    return {p.name: p.label for p in catalog.placeholders}


def plain(text: str, catalog: Catalog) -> str:
    """Text for titles and link labels: placeholders as "[ชื่อ อปท.]"."""
    names = labels(catalog)
    return PLACEHOLDER_RE.sub(lambda m: f"[{names.get(m.group(1), m.group(1))}]", text)


def marked(text: str, catalog: Catalog) -> str:
    """Markdown body text: each placeholder as a highlighted, bracketed Thai label."""
    names = labels(catalog)

    def label(m: re.Match[str]) -> str:
        name = m.group(1)
        return f'<mark class="prongsai-fill">[{html.escape(names.get(name, name))}]</mark>'

    return PLACEHOLDER_RE.sub(label, text)


def adopted_urls(site: Site) -> dict[str, str]:
    method = getattr(site.plan, "adopted_urls", None)
    if method is None:
        return {}
    urls = method() if callable(method) else method
    return {str(k): str(v) for k, v in dict(urls).items()}


def generate(site: Site) -> Iterable[Page | OutputFile]:
    catalog: Catalog | None = site.catalog
    if catalog is None or not catalog.projects:
        return
    adopted = adopted_urls(site)
    yield _index(catalog, adopted)
    for dim in catalog.dimensions:
        yield _dimension(catalog, dim.id, adopted)
    for kind in KINDS:
        yield _kind(catalog, kind, adopted)
    if adopted:
        yield _adopted(catalog, adopted)
    for project in catalog.projects:
        yield _project(site, catalog, project, adopted)


def _project_line(catalog: Catalog, p: Project, here: str, adopted: dict[str, str]) -> str:
    """One list entry: the linked name, its kind and id, and the adoption badge."""
    name = plain(p.name, catalog).replace("[", "\\[").replace("]", "\\]")
    line = f"- [{name}]({link(here, project_path(p.id))}) — {p.kind} · รหัส {p.id}"
    if p.id in adopted:
        line += f" · **[{ADOPTED_BADGE}]({url_link(here, adopted[p.id])})**"
    return line


def _index(catalog: Catalog, adopted: dict[str, str]) -> Page:
    here = f"{ROOT}/index.md"
    total = len(catalog.projects)
    out = [
        "# คลังตัวอย่างโครงการป้องกันการทุจริต",
        "",
        f"ตัวอย่างโครงการ กิจกรรม และมาตรการ {total} รายการ ตามแผนปฏิบัติการป้องกันการทุจริต"
        "เพื่อยกระดับคุณธรรมและความโปร่งใสสำหรับองค์กรปกครองส่วนท้องถิ่น (พ.ศ. 2566 – 2570) "
        "ของสำนักงาน ป.ป.ช. แบ่งเป็น 4 มิติ หน่วยงานเลือกตัวอย่างไปใช้ในแผนของตน "
        "แล้วกรอกข้อมูลของตนเองในส่วนที่อยู่ในวงเล็บเหลี่ยม เช่น [งบประมาณ]",
        "",
        "## ตามมิติ",
        "",
        *(f"- [{d.label} {d.title}]({link(here, dimension_path(d.id))}) — "
          f"{len(catalog.projects_in(dimension_id=d.id))} รายการ" for d in catalog.dimensions),
        "",
        "## ตามมิติและประเภท",
        "",
        "ตัวเลขแต่ละช่องเป็นลิงก์ไปยังรายการนั้น",
        "",
    ]
    head = ["มิติ", "ทั้งหมด", *KINDS] + (["นำไปใช้แล้ว"] if adopted else [])
    out.append("| " + " | ".join(head) + " |")
    out.append("|" + "|".join(["---"] + ["--:"] * (len(head) - 1)) + "|")
    for dim in catalog.dimensions:
        projects = catalog.projects_in(dimension_id=dim.id)
        frag = anchor("dimension", dim.id)
        cells = [f"[{dim.label}]({link(here, dimension_path(dim.id))})",
                 f"[{len(projects)}]({link(here, dimension_path(dim.id))})"]
        for kind in KINDS:
            n = sum(1 for p in projects if p.kind == kind)
            cells.append(f"[{n}]({link(here, kind_path(kind), frag)})" if n else "0")
        if adopted:
            n = sum(1 for p in projects if p.id in adopted)
            cells.append(f"[{n}]({link(here, ADOPTED_PATH, frag)})" if n else "0")
        out.append("| " + " | ".join(cells) + " |")
    cells = ["**รวม**", f"**{total}**"]
    for kind in KINDS:
        n = len(catalog.projects_in(kind=kind))
        cells.append(f"[**{n}**]({link(here, kind_path(kind))})")
    if adopted:
        cells.append(f"[**{len(adopted)}**]({link(here, ADOPTED_PATH)})")
    out.append("| " + " | ".join(cells) + " |")
    out.append("")
    out.append(_kind_links(here, adopted))
    return Page(
        path=here,
        title="คลังตัวอย่างโครงการป้องกันการทุจริต",  # the menu says what the H1 says
        body="\n".join(out) + "\n",
        nav=True,
        description=f"ตัวอย่างโครงการ/กิจกรรม/มาตรการป้องกันการทุจริต {total} รายการ ใน 4 มิติ",
        hide=("toc",),
    )


def _kind_links(here: str, adopted: dict[str, str]) -> str:
    parts = [f"[{kind}ทั้งหมด]({link(here, kind_path(kind))})" for kind in KINDS]
    if adopted:
        parts.append(f"[เฉพาะที่{ADOPTED_BADGE}]({link(here, ADOPTED_PATH)})")
    return "ดูตามประเภท: " + " · ".join(parts)


def _dimension(catalog: Catalog, dim_id: str, adopted: dict[str, str]) -> Page:
    dim = catalog.dimension(dim_id)
    assert dim is not None
    here = dimension_path(dim_id)
    projects = catalog.projects_in(dimension_id=dim_id)
    counts = " ".join(f"{k} {sum(1 for p in projects if p.kind == k)}" for k in KINDS)
    out = [
        f"# {dim.label} {dim.title}",
        "",
        f"{len(projects)} รายการ ({counts})",
        "",
        "ดูเฉพาะประเภทในมิตินี้: "
        + " · ".join(f"[{k}]({link(here, kind_path(k), anchor('dimension', dim_id))})" for k in KINDS)
        + f" · [ทุกมิติ]({link(here, f'{ROOT}/index.md')})",
        "",
    ]
    for obj in catalog.objectives_of(dim_id):
        out += [f"## {obj.id} {obj.title} {{ #{anchor('objective', obj.id)} }}", ""]
        for sub in catalog.sub_objectives_of(obj.id):
            out += [f"### {sub.id} {sub.title} {{ #{anchor('sub-objective', sub.id)} }}", ""]
            listed = [p for p in projects if sub.id == p.sub_objective_id or sub.id in p.also_sub_objective_ids]
            for p in listed:
                line = _project_line(catalog, p, here, adopted)
                if p.sub_objective_id != sub.id:
                    line += f" (รายการเดียวกับข้อ {p.sub_objective_id})"
                out.append(line)
            if not listed:
                out.append("ไม่มีตัวอย่างในข้อนี้")
            out.append("")
    return Page(
        path=here,
        title=f"{dim.label} {dim.title}",
        body="\n".join(out),
        nav=True,
        description=f"ตัวอย่างโครงการป้องกันการทุจริต {dim.label} {dim.title}: {len(projects)} รายการ",
    )


def _grouped_by_dimension(catalog: Catalog, projects: list[Project], here: str,
                          adopted: dict[str, str]) -> list[str]:
    out: list[str] = []
    for dim in catalog.dimensions:
        mine = [p for p in projects if p.dimension_id == dim.id]
        out += [f"## {dim.label} {dim.title} {{ #{anchor('dimension', dim.id)} }}", ""]
        out += [_project_line(catalog, p, here, adopted) for p in mine] or ["ไม่มีรายการในมิตินี้"]
        out.append("")
    return out


def _kind(catalog: Catalog, kind: str, adopted: dict[str, str]) -> Page:
    here = kind_path(kind)
    projects = catalog.projects_in(kind=kind)
    out = [
        f"# ตัวอย่าง{kind} ({len(projects)} รายการ)",
        "",
        _kind_links(here, adopted) + f" · [กลับไปคลังตัวอย่างโครงการ]({link(here, f'{ROOT}/index.md')})",
        "",
        *_grouped_by_dimension(catalog, projects, here, adopted),
    ]
    return Page(path=here, title=f"ตัวอย่าง{kind}", body="\n".join(out),
                description=f"ตัวอย่าง{kind}ป้องกันการทุจริต {len(projects)} รายการ")


def _adopted(catalog: Catalog, adopted: dict[str, str]) -> Page:
    here = ADOPTED_PATH
    projects = [p for p in catalog.projects if p.id in adopted]
    out = [
        f"# ตัวอย่างที่{ADOPTED_BADGE} ({len(projects)} รายการ)",
        "",
        "ตัวอย่างจากคลังที่หน่วยงานนำไปใส่ในแผนปฏิบัติการป้องกันการทุจริตของตน "
        "ลิงก์ “นำไปใช้ในแผนของหน่วยงานแล้ว” พาไปยังโครงการในแผนของหน่วยงาน",
        "",
        _kind_links(here, adopted),
        "",
        *_grouped_by_dimension(catalog, projects, here, adopted),
    ]
    return Page(path=here, title=f"ตัวอย่างที่{ADOPTED_BADGE}", body="\n".join(out))


def _project(site: Site, catalog: Catalog, p: Project, adopted: dict[str, str]) -> Page:
    here = project_path(p.id)
    dim = catalog.dimension(p.dimension_id)
    obj = catalog.objective(p.objective_id)
    sub = catalog.sub_objective(p.sub_objective_id)
    title = plain(p.name, catalog)
    dim_page = dimension_path(p.dimension_id)
    place = [f"[{dim.label if dim else 'มิติที่ ' + p.dimension_id}]({link(here, dim_page)})"]
    if obj:
        place.append(f"[{obj.id} {obj.title}]({link(here, dim_page, anchor('objective', obj.id))})")
    if sub:
        place.append(f"[{sub.id} {sub.title}]({link(here, dim_page, anchor('sub-objective', sub.id))})")
    out = [
        f"# {marked(p.name, catalog)}",
        "",
        f"**ประเภท:** [{p.kind}]({link(here, kind_path(p.kind))}) · **รหัส:** {p.id}",
        "",
        "**อยู่ใน:** " + " › ".join(place),
        "",
    ]
    for extra in p.also_sub_objective_ids:
        s = catalog.sub_objective(extra)
        if s:
            out += [f"ใช้กับข้อ [{s.id} {s.title}]({link(here, dim_page, anchor('sub-objective', s.id))}) ด้วย", ""]
    if p.id in adopted:
        out += [f'!!! success "{ADOPTED_BADGE}"', "",
                f"    [ดูโครงการนี้ในแผนของหน่วยงาน]({url_link(here, adopted[p.id])})", ""]
    out += [
        '!!! note "ข้อความในวงเล็บเหลี่ยม"',
        "",
        "    ข้อความที่เน้นในวงเล็บเหลี่ยม เช่น <mark>[งบประมาณ]</mark> "
        "คือส่วนที่แต่ละหน่วยงานกรอกข้อมูลของตนเองเมื่อนำตัวอย่างนี้ไปใช้",
        "",
    ]
    for key, heading in TEXT_FIELDS:
        out += [f"## {heading} {{ #{key.replace('_', '-')} }}", "", marked(p.text(key), catalog), ""]
    out += [
        "---",
        "",
        "ที่มา: ตัวอย่างโครงการ/กิจกรรม/มาตรการ ตามแผนปฏิบัติการป้องกันการทุจริตเพื่อยกระดับคุณธรรม"
        "และความโปร่งใส สำหรับองค์กรปกครองส่วนท้องถิ่น (พ.ศ. 2566 – 2570) สำนักงาน ป.ป.ช. บทที่ 5",
        "",
    ]
    twin = {"id": p.id, "kind": p.kind, "dimension": p.dimension_id, "objective": p.objective_id,
            "sub_objective": p.sub_objective_id, "also_sub_objectives": list(p.also_sub_objective_ids),
            **p.texts(), "adopted_url": adopted.get(p.id)}
    return Page(path=here, title=title, body="\n".join(out), twin=twin,
                description=f"{p.kind}ตัวอย่าง {p.id}: {title}")
