"""The anti-corruption action plan's pages, under ``/anti-corruption/action-plan/``:

- ``projects/`` — every project with its unit and budget per year (บัญชีโครงการ);
- ``<project-id>/`` — one page per project: the catalog text filled with the municipality's
  data, the budget per year and the progress updates with their evidence;
- ``reports/`` and ``reports/<fy>/6-months/``, ``reports/<fy>/annual/`` — reports derived from
  the progress data, with a chart per dimension and a table holding the same numbers.

The three item pages of the anti-corruption area (``action-plan``, ``action-plan-report-6m``,
``action-plan-report-annual``) get a section from here: the overview in the seed's summary
form, or the summary of the report the assessor expects, with links to the full pages.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from html import escape

from ..catalog.model import TEXT_FIELDS, Catalog
from ..framework import Item
from ..model import OutputFile, Page, Site
from ..plan.model import NO_BUDGET, PLAN_URL, STATUSES, Evidence, Plan, PlanProject
from ..plan.reports import (
    PERIOD_LABEL,
    Period,
    Report,
    available_reports,
    build_report,
    dimension_ids,
    dimension_title,
    overview,
    plain_text,
)
from ..thai import format_baht, format_bytes, format_date, format_number
from .plan_html import (
    RIGHT,
    chart_height,
    href,
    money,
    overview_table,
    progress_svg,
    projects_table,
    tally_table,
    wide,
)
from .sections import section

PROJECTS_URL = f"{PLAN_URL}projects/"
REPORTS_URL = f"{PLAN_URL}reports/"
DATA_FILES = (("plan", "รายการโครงการ"), ("plan-budget", "งบประมาณรายปี"), ("plan-progress", "ผลการดำเนินงาน"))


def _md_path(url: str) -> str:
    return f"{url}index.md"


def generate(site: Site) -> Iterable[Page | OutputFile]:
    plan: Plan | None = site.plan
    if plan is None:
        return
    catalog: Catalog | None = site.catalog
    yield _projects_page(plan, catalog)
    for p in plan.projects:
        yield _project_page(p, plan, catalog)
    reports = [build_report(plan, fy, period) for fy, period in available_reports(plan, site.current_fiscal_year)]
    yield _reports_index(reports, plan, site.current_fiscal_year)
    for r in reports:
        yield _report_page(r, catalog)
        yield OutputFile(path=f"{r.url}chart.svg", data=progress_svg(r.by_dimension, _chart_title(r)))
    if site.current_fiscal_year in plan.years_with_progress():
        latest = build_report(plan, site.current_fiscal_year, "annual")
        yield OutputFile(path=_latest_chart(site.current_fiscal_year),
                         data=progress_svg(latest.by_dimension, f"ความก้าวหน้าปีงบประมาณ {latest.fiscal_year}"))
    yield from _evidence_files(site, plan)


def _evidence_files(site: Site, plan: Plan) -> Iterable[OutputFile]:
    seen: set[str] = set()
    evidence = list(plan.documents) + [e for p in plan.projects for ups in p.progress.values()
                                       for u in ups for e in u.evidence]
    for e in evidence:
        if e.path and e.url not in seen:
            seen.add(e.url)
            yield OutputFile(path=e.url, source=site.root / "content" / e.path)


def _chart_title(r: Report) -> str:
    return f"สถานะโครงการ{PERIOD_LABEL[r.period]} ปีงบประมาณ {r.fiscal_year} (ข้อมูล ณ {format_date(r.cutoff)})"


def _latest_chart(fy: int) -> str:
    return f"{REPORTS_URL}{fy}/latest.svg"


def _data_links(page_dir: str) -> str:
    links = []
    for ds, label in DATA_FILES:
        csv, js = href(page_dir, f"data/{ds}.csv"), href(page_dir, f"data/{ds}.json")
        links.append(f"- {label}: [CSV]({csv}) · [JSON]({js})")
    return "\n".join(links)


# --- the item sections ------------------------------------------------------------------------


@section("action-plan")
def action_plan_section(site: Site, item: Item) -> str:
    plan: Plan | None = site.plan
    if plan is None or not plan.projects:
        return "หน่วยงานยังไม่ได้เผยแพร่แผนปฏิบัติการป้องกันการทุจริต"
    here = item.url
    n_own = sum(1 for p in plan.projects if p.own)
    total = sum((p.budget_total for p in plan.projects), Decimal("0"))
    lines = [
        f"## {escape(plan.title)}",
        "",
        f"แผนนี้มี {format_number(len(plan.projects))} โครงการ/กิจกรรม/มาตรการ"
        + (f" (เป็นโครงการที่หน่วยงานริเริ่มเอง {n_own} โครงการ)" if n_own else "")
        + f" งบประมาณรวม {format_baht(total)} (ปีงบประมาณ {plan.years[0]}–{plan.years[-1]})"
        + (f" ผู้บริหารอนุมัติแผนเมื่อวันที่ {format_date(plan.adopted_on)}" if plan.adopted_on else ""),
        "",
    ]
    if plan.intro_md:
        lines += [plan.intro_md, ""]
    for doc in plan.documents:
        # "(PDF, 14 KB)" inside the link, like every other attachment on the site
        kind = doc.url.rsplit(".", 1)[-1].upper()
        lines.append(f"- [{doc.title}" + (f" ({kind}, {format_bytes(doc.size)})" if doc.size else "")
                     + f"]({href(here, doc.url)})")
    if plan.documents:
        lines.append("")
    lines += [
        overview_table(overview(plan, site.catalog), plan.years, site.catalog,
                       f"สรุปจำนวนโครงการและงบประมาณ จำแนกตามมิติและวัตถุประสงค์ ปีงบประมาณ {plan.years[0]}–{plan.years[-1]}"),
        "",
        f"- [บัญชีโครงการ/กิจกรรม/มาตรการทั้งหมด พร้อมรายละเอียดแต่ละโครงการ]({href(here, PROJECTS_URL)})",
        f"- [รายงานผลการดำเนินงานตามแผน (รอบ 6 เดือน และประจำปี)]({href(here, REPORTS_URL)})",
        "",
    ]
    fy = site.current_fiscal_year
    if fy in plan.years_with_progress():
        latest = build_report(plan, fy, "annual")
        last = max((r.last_date for r in latest.rows if r.last_date), default=None)
        lines += [f"### ความก้าวหน้าปีงบประมาณ {fy}", ""]
        if last:
            lines += [f"ข้อมูลล่าสุด ณ วันที่ {format_date(last)}", ""]
        lines += _glance(latest, here, _latest_chart(fy), site.catalog)
    lines += ["### ดาวน์โหลดข้อมูล", "", _data_links(here), ""]
    return "\n".join(lines)


def _report_section(site: Site, item: Item, period: Period) -> str:
    plan: Plan | None = site.plan
    if plan is None:
        return "หน่วยงานยังไม่ได้เผยแพร่แผนปฏิบัติการป้องกันการทุจริต"
    here = item.url
    fy = site.current_fiscal_year if period == "6m" else site.current_fiscal_year - 1
    available = [(y, p) for y, p in available_reports(plan, site.current_fiscal_year) if p == period]
    lines: list[str] = []
    if (fy, period) in available:
        r = build_report(plan, fy, period)
        lines += [f"## {r.title}", "", f"ช่วงเวลา {r.span}", ""]
        lines += _glance(r, here, f"{r.url}chart.svg", site.catalog)
        lines += [f"[อ่านรายงานฉบับเต็ม: สถานะและผลการดำเนินงานของทุกโครงการ]({href(here, r.url)})", ""]
    else:
        what = "รอบ 6 เดือน" if period == "6m" else "ประจำปี"
        lines += [f"ยังไม่มีรายงานผลการดำเนินงาน{what} ปีงบประมาณ {fy} (ยังไม่มีการบันทึกความก้าวหน้าของปีนี้)", ""]
    others = [(y, p) for y, p in available if y != fy]
    if others:
        lines += ["### รายงานปีอื่น", ""]
        lines += [f"- [ปีงบประมาณ {y}]({href(here, build_report(plan, y, p).url)})" for y, p in others]
        lines.append("")
    return "\n".join(lines)


@section("action-plan-report-6m")
def report_6m_section(site: Site, item: Item) -> str:
    return _report_section(site, item, "6m")


@section("action-plan-report-annual")
def report_annual_section(site: Site, item: Item) -> str:
    return _report_section(site, item, "annual")


def _glance(r: Report, here: str, chart_url: str, catalog: Catalog | None) -> list[str]:
    """Counts in words, the bar chart and the table with the same numbers."""
    t = r.total
    counts = " ".join(f"{s} {format_number(t.counts[s])} โครงการ" for s in STATUSES)
    share = f" (ร้อยละ {format_number(t.spent * 100 / t.budget, 1)})" if t.budget else ""
    return [
        f"ทั้งหมด {format_number(t.total)} โครงการ: {counts} ใช้จ่ายจริง {format_baht(t.spent)}"
        f" จากงบประมาณ {format_baht(t.budget)}{share}",
        "",
        f'<p><img src="{escape(href(here, chart_url))}" width="640" height="{chart_height(r.by_dimension)}" alt="แผนภูมิแท่งสถานะโครงการแยกตามมิติ '
        f'ตัวเลขเดียวกันอยู่ในตารางถัดไป" loading="lazy"></p>',
        "",
        tally_table(r.by_dimension, r.total, catalog,
                    f"จำนวนโครงการแยกตามสถานะ งบประมาณ และการใช้จ่าย จำแนกตามมิติ ({r.span})"),
        "",
    ]


# --- projects -----------------------------------------------------------------------------------


def _projects_page(plan: Plan, catalog: Catalog | None) -> Page:
    here = PROJECTS_URL
    lines = [f"# บัญชีโครงการ/กิจกรรม/มาตรการ ตาม{plan.title}", "",
             f"[กลับไปหน้าแผนปฏิบัติการป้องกันการทุจริต]({href(here, PLAN_URL)})", ""]
    for dim_id in dimension_ids(plan, catalog):
        projects = plan.projects_in(dim_id)
        lines += [f"## {escape(dimension_title(catalog, dim_id))}", ""]
        if not projects:
            lines += ["ไม่มีโครงการในมิตินี้", ""]
            continue
        lines += [projects_table(projects, plan.years, here,
                                 f"โครงการใน{dimension_title(catalog, dim_id)} และงบประมาณรายปี"
                                 f" (– คือไม่ได้ดำเนินการในปีนั้น)"), ""]
    lines += ["## ดาวน์โหลดข้อมูล", "", _data_links(here), ""]
    return Page(path=_md_path(here), title="บัญชีโครงการ/กิจกรรม/มาตรการ", body="\n".join(lines),
                description=f"รายการโครงการตาม{plan.title} พร้อมหน่วยงานที่รับผิดชอบและงบประมาณรายปี")


def _project_page(p: PlanProject, plan: Plan, catalog: Catalog | None) -> Page:
    here = p.url
    obj = catalog.objective(p.objective_id) if catalog else None
    sub = catalog.sub_objective(p.sub_objective_id) if catalog else None
    source = ("โครงการของหน่วยงานเอง" if p.own else
              f"ตัวอย่างโครงการรหัส {p.catalog_id} ในคู่มือของสำนักงาน ป.ป.ช. "
              f"([ดูตัวอย่างต้นฉบับ]({href(here, f'catalog/{p.catalog_id}/')}))")
    lines = [
        f"# {p.name}", "",
        f"- **ประเภท:** {p.kind}",
        f"- **{dimension_title(catalog, p.dimension_id)}**",
        f"- **วัตถุประสงค์:** {p.objective_id} {obj.title if obj else ''}".rstrip(),
        f"- **วัตถุประสงค์ย่อย:** {p.sub_objective_id} {sub.title if sub else ''}".rstrip(),
        f"- **หน่วยงานที่รับผิดชอบ:** {p.responsible_unit}",
        f"- **งบประมาณรวม:** {format_baht(p.budget_total)}",
        f"- **ที่มา:** {source}",
        "",
        f"[บัญชีโครงการทั้งหมด]({href(here, PROJECTS_URL)}) · [แผนปฏิบัติการป้องกันการทุจริต]({href(here, PLAN_URL)})",
        "",
    ]
    number = 2
    for key, heading in TEXT_FIELDS:
        if key == "outcomes":
            continue
        if key == "budget":
            lines += [f"## {number}. {heading}", "", _budget_table(p, plan.years), ""]
            if p.budget_note:
                lines += [p.budget_note, ""]
        elif key == "outputs":
            lines += [f"## {number}. ผลผลิต/ผลลัพธ์", "", "### ผลผลิต", "", p.texts["outputs"], "",
                      "### ผลลัพธ์", "", p.texts["outcomes"], ""]
        else:
            lines += [f"## {number}. {heading}", "", p.texts[key], ""]
        number += 1
    lines += ["## ผลการดำเนินงาน", ""]
    if not any(p.progress.values()):
        lines += ["ยังไม่มีการบันทึกผลการดำเนินงาน", ""]
    for fy in sorted(p.progress, reverse=True):
        lines += _year_progress(p, fy, here)
    twin = {
        "id": p.id, "catalog_id": p.catalog_id, "name": p.name, "kind": p.kind,
        "sub_objective": p.sub_objective_id, "responsible_unit": p.responsible_unit,
        "budget": {str(y): (None if v is None else str(v)) for y, v in sorted(p.budget.items())},
        "status": {str(fy): p.status_at(fy) for fy in sorted(p.progress)},
    }
    return Page(path=_md_path(here), title=p.name, body="\n".join(lines), twin=twin,
                description=f"{p.kind}ตามแผนปฏิบัติการป้องกันการทุจริต: {p.name}")


def _budget_table(p: PlanProject, years: tuple[int, ...]) -> str:
    head = "".join(f'<th scope="col">ปี {y}</th>' for y in years)
    cells = "".join(f"<td{RIGHT}>{money(p.budget[y]) if y in p.budget else 'ไม่ได้ดำเนินการ'}</td>" for y in years)
    return (f"<table>\n<caption>งบประมาณรายปี (บาท)</caption>\n<thead>\n<tr>{head}"
            f'<th scope="col">รวม</th></tr>\n</thead>\n<tbody>\n<tr>{cells}'
            f"<td{RIGHT}><strong>{money(p.budget_total)}</strong></td></tr>\n</tbody>\n</table>")


def _year_progress(p: PlanProject, fy: int, here: str) -> list[str]:
    ups = p.progress.get(fy, ())
    budget = p.budget.get(fy) if p.runs_in(fy) else None
    allowed = (format_baht(budget) if budget is not None else NO_BUDGET) if p.runs_in(fy) else "ไม่มีในแผนปีนี้"
    lines = [f"### ปีงบประมาณ {fy}", "",
             f"สถานะ: **{p.status_at(fy)}** · ใช้จ่ายจริง {format_baht(p.spent_until(fy))} · งบประมาณ {allowed}", ""]
    for u in reversed(ups):
        lines += [f"#### {format_date(u.date)}: {u.status}", "", u.done_md or "-", ""]
        if u.spent:
            lines += [f"ใช้จ่าย {format_baht(u.spent)}", ""]
        lines += _evidence_md(u.evidence, here)
    return lines


def _evidence_md(evidence: tuple[Evidence, ...], here: str) -> list[str]:
    if not evidence:
        return []
    lines = ["หลักฐาน:", ""]
    for e in evidence:
        url = e.url if e.url.startswith(("http://", "https://")) else href(here, e.url)
        if e.is_photo:  # small enough to show; lazy so that a long page stays light on phones
            lines.append(f"- {e.title}\n\n    ![{e.title}]({url}){{ loading=lazy width=320 }}")
        else:
            lines.append(f"- [{e.title}" + (f" ({e.path.rsplit('.', 1)[-1].upper()}, {format_bytes(e.size)})"
                                              if e.size else "") + f"]({url})")
    return [*lines, ""]


# --- reports --------------------------------------------------------------------------------------


def _reports_index(reports: list[Report], plan: Plan, current_fy: int) -> Page:
    here = REPORTS_URL
    lines = ["# รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต", "",
             "รายงานแต่ละฉบับสรุปจากความก้าวหน้าที่หน่วยงานบันทึกไว้ในแต่ละโครงการ "
             "รายงานรอบ 6 เดือนนับถึงวันที่ 31 มีนาคม และรายงานประจำปีนับถึงวันที่ 30 กันยายน", ""]
    if not reports:
        lines += ["ยังไม่มีรายงาน (ยังไม่มีการบันทึกความก้าวหน้าของโครงการ)", ""]
    for fy in sorted({r.fiscal_year for r in reports}, reverse=True):
        lines += [f"## ปีงบประมาณ {fy}", ""]
        for r in reports:
            if r.fiscal_year == fy:
                lines.append(f"- [{r.title}]({href(here, r.url)}) ({r.span})")
        if fy == current_fy and not any(r.fiscal_year == fy and r.period == "annual" for r in reports):
            lines.append("- รายงานประจำปีจะเผยแพร่หลังสิ้นปีงบประมาณ (30 กันยายน)")
        lines.append("")
    lines += ["## ดาวน์โหลดข้อมูล", "", _data_links(here), ""]
    return Page(path=_md_path(here), title="รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต",
                body="\n".join(lines),
                description="รายงานรอบ 6 เดือนและรายงานประจำปีของแผนปฏิบัติการป้องกันการทุจริต ทุกปีงบประมาณ")


def _report_page(r: Report, catalog: Catalog | None) -> Page:
    here = r.url
    as_of = f"ข้อมูล ณ วันที่ {format_date(r.cutoff)}"
    lines = [f"# {r.title}", "", f"ช่วงเวลา {r.span} ({as_of})", "",
             f"[รายงานทั้งหมด]({href(here, REPORTS_URL)}) · [แผนปฏิบัติการป้องกันการทุจริต]({href(here, PLAN_URL)})",
             "", "## ภาพรวม", ""]
    lines += _glance(r, here, f"{r.url}chart.svg", catalog)
    lines += ["## ผลการดำเนินงานรายโครงการ", ""]
    for dim_id, _tally in r.by_dimension:
        rows = [row for row in r.rows if row.project.dimension_id == dim_id]
        title = dimension_title(catalog, dim_id)
        lines += [f"### {escape(title)}", ""]
        if not rows:
            lines += ["ไม่มีโครงการในมิตินี้ในปีงบประมาณนี้", ""]
            continue
        head = ("<tr>" + "".join(f'<th scope="col">{h}</th>' for h in (
            "ลำดับ", "โครงการ/กิจกรรม/มาตรการ", "หน่วยงานที่รับผิดชอบ", "สถานะ", "งบประมาณ (บาท)",
            "ใช้จ่ายจริง (บาท)", "ผลการดำเนินงาน")) + "</tr>")
        body = []
        for i, row in enumerate(rows, 1):
            done = " ".join(plain_text(u.done_md) for u in row.updates) or "-"
            budget = money(row.budget) if row.scheduled else "ไม่มีในแผนปีนี้"
            link = f'<a href="{escape(href(here, row.project.url))}">{escape(row.project.name)}</a>'
            body.append(
                f"<tr><td{RIGHT}>{i}</td>"
                f'<th scope="row">{wide(link)}</th>'
                f"<td>{wide(escape(row.project.responsible_unit), 8)}</td><td>{wide(escape(row.status), 10)}</td>"
                f"<td{RIGHT}>{budget}</td><td{RIGHT}>{format_number(row.spent, 2)}</td>"
                f"<td>{wide(escape(done), 16)}</td></tr>"
            )
        lines += [f"<table>\n<caption>ผลการดำเนินงาน{escape(title)} ({as_of})</caption>\n<thead>\n{head}\n</thead>\n"
                  "<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>", ""]
    lines += ["## ดาวน์โหลดข้อมูล", "",
              f"ตารางผลการดำเนินงานทุกรอบรายงาน (กรองด้วยคอลัมน์ “ปีงบประมาณ” และ “รอบรายงาน”): "
              f"[CSV]({href(here, 'data/plan-progress.csv')}) · [JSON]({href(here, 'data/plan-progress.json')})", ""]
    twin = {
        "fiscal_year": r.fiscal_year, "period": r.period, "start": r.start.isoformat(),
        "as_of": r.cutoff.isoformat(),
        "counts": r.total.counts, "budget": str(r.total.budget), "spent": str(r.total.spent),
        "projects": [{"id": row.project.id, "name": row.project.name, "status": row.status,
                      "budget": None if row.budget is None else str(row.budget), "spent": str(row.spent)}
                     for row in r.rows],
    }
    return Page(path=_md_path(here), title=r.title, body="\n".join(lines), twin=twin,
                description=f"{r.title} ({r.span})")

