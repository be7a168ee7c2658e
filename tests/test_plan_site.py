"""The example plan (content/plan/), built into tmp_path: the overview's totals, the 2568 reports,
no fill-in marker on any plan page, and ``prongsai check`` on a broken copy.

Expected numbers are computed here from the YAML files directly (plain PyYAML, no Prongsai
loader), so a bug in the loader or the aggregation cannot hide itself.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter, defaultdict
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from generator import cli
from generator.build import build

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "content" / "plan"
YEARS = (2566, 2567, 2568, 2569, 2570)
NO_BUDGET = "ไม่ใช้งบประมาณ"
NOT_STARTED = "ยังไม่ดำเนินการ"


def raw_projects() -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text("utf-8")) for p in sorted((PLAN / "projects").glob("*.yml"))}


def dimension_of(pid: str, data: dict) -> str:
    return str(data["sub_objective"]).split(".")[0] if pid.startswith("own-") else pid.split(".")[0]


def amount(value: object) -> float:
    return 0.0 if value == NO_BUDGET else float(str(value).replace(",", ""))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("plan") / "site"
    build(ROOT, out)
    return out


class Tables(HTMLParser):
    """Rows of every table: each row is (cell texts, link targets)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[list[str], list[str]]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append(([], []))
        elif tag in ("td", "th"):
            self.cell = []
        elif tag == "a" and self.rows and self.cell is not None:
            self.rows[-1][1].append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None and self.rows:
            self.rows[-1][0].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def table_rows(html_file: Path) -> list[tuple[list[str], list[str]]]:
    parser = Tables()
    parser.feed(html_file.read_text("utf-8"))
    return parser.rows


def number(text: str) -> float:
    return float(text.replace(",", ""))


def test_example_adopts_enough_projects_in_every_dimension() -> None:
    projects = raw_projects()
    adopted = [pid for pid in projects if not pid.startswith("own-")]
    own = [pid for pid in projects if pid.startswith("own-")]
    assert len(adopted) >= 20 and len(own) >= 1
    assert {dimension_of(pid, d) for pid, d in projects.items()} == {"1", "2", "3", "4"}


def test_overview_totals_equal_the_sum_of_project_budgets(site: Path) -> None:
    projects = raw_projects()
    per_dim: dict[str, list[float]] = defaultdict(lambda: [0.0] * len(YEARS))
    count_dim: dict[str, list[int]] = defaultdict(lambda: [0] * len(YEARS))
    for pid, data in projects.items():
        for year, value in data["budget"].items():
            i = YEARS.index(int(year))
            per_dim[dimension_of(pid, data)][i] += amount(value)
            count_dim[dimension_of(pid, data)][i] += 1
    rows = table_rows(site / "anti-corruption" / "action-plan" / "index.html")
    by_label: dict[str, list[str]] = {}
    for cells, _ in rows:  # the overview is the page's first table; later ones repeat "รวมทั้งสิ้น"
        if cells and cells[0].startswith("รวม"):
            by_label.setdefault(cells[0], cells)
    for dim in ("1", "2", "3", "4"):
        cells = by_label[f"รวมมิติที่ {dim}"]
        assert [int(number(c)) for c in cells[1:11:2]] == count_dim[dim]
        assert [number(c) for c in cells[2:11:2]] == pytest.approx(per_dim[dim])
        assert number(cells[11]) == pytest.approx(sum(per_dim[dim]))
    total = by_label["รวมทั้งสิ้น"]
    assert [number(c) for c in total[2:11:2]] == pytest.approx([sum(d[i] for d in per_dim.values()) for i in range(5)])
    assert [int(number(c)) for c in total[1:11:2]] == [sum(1 for d in projects.values() if y in d["budget"]) for y in YEARS]
    assert number(total[11]) == pytest.approx(sum(amount(v) for d in projects.values() for v in d["budget"].values()))


def expected_status(data: dict, fy: int, cutoff: date) -> str:
    """The status of the latest update on or before the cut-off (BE dates, as YAML reads them)."""
    ups = [u for u in (data.get("progress") or {}).get(fy, []) if u["date"] <= cutoff]
    return max(ups, key=lambda u: u["date"])["status"] if ups else NOT_STARTED


@pytest.mark.parametrize(("slug", "cutoff"), [("6-months", date(2568, 3, 31)), ("annual", date(2568, 9, 30))])
def test_2568_reports_show_each_projects_status(site: Path, slug: str, cutoff: date) -> None:
    page = site / "anti-corruption" / "action-plan" / "reports" / "2568" / slug / "index.html"
    rows = {links[0].rstrip("/").split("/")[-1]: cells for cells, links in table_rows(page) if links}
    projects = {pid: d for pid, d in raw_projects().items() if 2568 in d["budget"] or 2568 in (d.get("progress") or {})}
    assert set(rows) == set(projects)
    statuses = Counter()
    for pid, data in projects.items():
        want = expected_status(data, 2568, cutoff)
        assert rows[pid][3] == want, pid
        statuses[want] += 1
    # the first half and the whole year really differ in the example
    assert len(statuses) >= 2
    text = page.read_text("utf-8")
    for status, n in statuses.items():
        assert f"{status} {n}" in text


def test_6_month_report_of_the_current_year_is_meaningful(site: Path) -> None:
    page = site / "anti-corruption" / "action-plan" / "reports" / "2569" / "6-months" / "index.html"
    rows = [cells for cells, links in table_rows(page) if links]
    assert {c[3] for c in rows} == {NOT_STARTED, "อยู่ระหว่างดำเนินการ", "ดำเนินการแล้ว"}
    # the annual report of the current year (2569) is not published before the year ends
    assert not (site / "anti-corruption" / "action-plan" / "reports" / "2569" / "annual").exists()
    chart = (page.parent / "chart.svg").read_text("utf-8")
    assert chart.startswith("<svg") and "<script" not in chart and "href" not in chart


MARKER = re.compile(r"\{\{|ระบุ(?:ชื่อ|จำนวน|งบประมาณ|หน่วยงาน)|xxx|โคกก่อ")


def test_no_placeholder_marker_or_example_name_on_any_plan_page(site: Path) -> None:
    # "ระบุ" alone is ordinary Thai ("พร้อมระบุผู้รับผิดชอบ" in the catalog text); the seed's
    # fill-in markers are "ระบุ" + what to fill (ชื่อ/จำนวน/งบประมาณ/หน่วยงาน ...).
    pages = [p for p in (site / "anti-corruption").rglob("*") if p.suffix in (".html", ".json", ".svg")
             and p.relative_to(site).parts[1].startswith("action-plan")]
    assert len(pages) > 30
    for p in pages:
        text = p.read_text("utf-8")
        if p.suffix == ".html":  # the content, not the theme's script
            text = re.search(r"<article.*?</article>", text, re.S).group(0)  # type: ignore[union-attr]
        m = MARKER.search(text)
        assert m is None, f"{p.relative_to(site)}: {text[max(0, m.start() - 80):m.end() + 40]}"
    project = (site / "anti-corruption" / "action-plan" / "1.1.1-01" / "index.html").read_text("utf-8")
    assert "เทศบาลตำบลดอนตัวอย่าง" in project and "จำนวน 60 คน" in project
    for name in ("law-training-2568.jpg", "law-training-report-2568.pdf"):
        assert (site / "files" / "plan" / "evidence" / "2568" / name).is_file()


def test_plan_datasets_are_published(site: Path) -> None:
    for ds in ("plan", "plan-budget", "plan-progress"):
        assert (site / "data" / f"{ds}.csv").is_file() and (site / "data" / f"{ds}.json").is_file()


def test_check_flags_an_unfilled_budget_and_placeholder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "catalog", tmp_path / "catalog")
    path = tmp_path / "content" / "plan" / "projects" / "1.1.1-01.yml"
    text = path.read_text("utf-8")
    text = text.replace("  2569: 20000\n", "  2569:\n").replace("  target_count: 60\n", "  other_count: 60\n")
    path.write_text(text, "utf-8")
    lines = text.splitlines()
    budget_line = lines.index("  2569:") + 1
    values_line = lines.index("values:") + 1
    assert cli.main(["--root", str(tmp_path), "check"]) == 1
    err = capsys.readouterr().err
    assert f"content/plan/projects/1.1.1-01.yml:{budget_line} [budget]: ยังไม่ได้กรอกงบประมาณปี 2569" in err
    assert f"content/plan/projects/1.1.1-01.yml:{values_line} [values.target_count]: ยังไม่ได้กรอกช่อง {{{{target_count}}}}" in err
    # the misspelt name is pointed out on its own line, with the name that was meant
    assert f"content/plan/projects/1.1.1-01.yml:{values_line + 1} [values.other_count]" in err
    assert "ช่องที่ยังไม่ได้กรอกคือ target_count" in err


def test_chart_and_table_hold_the_same_numbers(site: Path) -> None:
    report = site / "anti-corruption" / "action-plan" / "reports" / "2568" / "annual"
    svg = (report / "chart.svg").read_text("utf-8")
    chart_totals = [int(n) for n in re.findall(r">(\d+) โครงการ</text>", svg)]
    rows = [cells for cells, _ in table_rows(report / "index.html") if cells and cells[0].startswith("มิติที่ ")]
    table_totals = [int(cells[4]) for cells in rows if len(cells) == 7]  # the per-status table
    assert chart_totals == [t for t in table_totals if t] and sum(chart_totals) >= 20
    img = re.search(r'<img src="chart.svg" width="640" height="(\d+)" alt="([^"]+)"',
                    (report / "index.html").read_text("utf-8"))
    assert img and 'viewBox="0 0 640 ' + img.group(1) + '"' in svg and "ตาราง" in img.group(2)
