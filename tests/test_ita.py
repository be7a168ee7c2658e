"""ITA/OIT: the lists as data, the period rules, the page and ``prongsai check --ita``."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from ita_fixtures import ROOT, SITE_URL, complaints, complete_site, organisation

from generator.cli import main
from generator.errors import Collector
from generator.ita import assess, ita_lists, load_ita_lists
from generator.model import Document, Person, Site
from generator.pages import ita as ita_pages


def status_of(site: Site, code: str, year: int = 2569) -> str:
    a = assess(site, ita_lists(site).years[year])
    return next(i.status for i in a.items if i.item.code == code)


def test_shared_lists_have_26_items_in_order_and_every_topic_exists() -> None:
    errors = Collector(ROOT)
    lists = load_ita_lists(ROOT, errors)
    assert errors.problems == []
    for year in (2568, 2569):
        items = lists.years[year].items
        assert [i.code for i in items] == [f"o{n}" for n in range(1, 27)]
    # titles from domain.md §4 that were never seen are marked for staff
    low = {i.code for i in lists.years[2569].items if i.confidence == "low"}
    assert low == {"o6", "o7"}
    assert lists.years[2569].items[17].title == "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"


def test_complete_site_meets_all_26_items_of_2569() -> None:
    a = assess(complete_site(), ita_lists(complete_site()).years[2569])
    assert [(i.item.code, i.status) for i in a.items if i.status != "met"] == []
    o18 = a.items[17]
    assert o18.url == SITE_URL + "transparency/complaint-statistics/"
    assert "2569" in o18.description and "{year}" not in o18.description
    assert a.items[6].description.endswith("2568")  # o7 reports on the previous fiscal year


def test_removing_current_complaint_statistics_makes_o18_missing() -> None:
    site = complete_site()
    site.datasets["complaints"] = complaints([date(2024, 10, 1), date(2024, 11, 1)])  # FY 2568 only
    a = assess(site, ita_lists(site).years[2569])
    bad = {i.item.code: i for i in a.items if i.status != "met"}
    assert list(bad) == ["o18"]
    assert bad["o18"].status == "missing"
    topic = bad["o18"].topics[0]
    assert "ตุลาคม 2568" in topic.missing and "มีนาคม 2569" in topic.missing
    assert topic.where == "content/data/complaints/"
    del site.datasets["complaints"]
    # a scanned report cannot show which months it covers: the monthly table is what counts
    site.documents.append(Document("report", "complaint-statistics", "รายงานสถิติ", date(2025, 12, 1), 2569))
    assert status_of(site, "o18") == "missing"


def test_one_month_lacking_is_named_and_zero_months_count() -> None:
    site = complete_site()
    site.datasets["complaints"] = complaints([date(2025, 10, 1), date(2025, 11, 1), date(2025, 12, 1),
                                              date(2026, 1, 1), date(2026, 3, 1)])
    a = assess(site, ita_lists(site).years[2569])
    o18 = a.items[17]
    assert o18.status == "missing"
    assert "กุมภาพันธ์ 2569" in o18.topics[0].missing and "มีนาคม" not in o18.topics[0].missing


def test_monthly_procurement_file_without_rows_counts_as_reported() -> None:
    site = complete_site()
    ds = site.datasets["procurement"]
    assert len(ds.rows) == 1  # only October has purchases; five month files are header-only
    assert status_of(site, "o11") == "met"
    site.datasets["procurement"] = replace(ds, sources=ds.sources[:-1])  # no file for March
    assert status_of(site, "o11") == "missing"


def test_register_with_only_an_older_year_is_out_of_date() -> None:
    site = complete_site()
    site.documents = [d for d in site.documents if d.item_id != "ethics-code"]
    site.documents.append(Document("code-2567", "ethics-code", "ประมวลจริยธรรม", date(2024, 1, 10), 2567))
    assert status_of(site, "o15") == "out_of_date"
    site.documents = [d for d in site.documents if d.item_id != "ethics-code"]
    assert status_of(site, "o15") == "missing"


def test_reports_need_the_previous_fiscal_year() -> None:
    site = complete_site()
    old = [d for d in site.documents if d.item_id == "hr-report"]
    assert [d.fiscal_year for d in old] == [2568]
    assert status_of(site, "o14") == "met"
    site.documents = [d for d in site.documents if d.item_id != "hr-report"]
    site.documents.append(Document("hr-2566", "hr-report", "รายงาน", date(2023, 1, 10), 2566))
    assert status_of(site, "o14") == "out_of_date"
    # the 2568 list assesses fiscal year 2568: its o15 (HR report) wants 2567, o16 (ethics) 2568
    assert status_of(site, "o15", 2568) == "out_of_date"
    assert status_of(site, "o16", 2568) == "missing"  # only a newer (2569) code: not the one assessed


def test_executives_need_both_sides_photo_and_contact() -> None:
    site = complete_site()
    assert site.organisation is not None
    mayor = Person("นายสมชาย ใจดี", "นายกเทศมนตรี", "political", photo=None, phone="0 4400 0001")
    site.organisation = organisation(executives=(mayor,))
    a = assess(site, ita_lists(site).years[2569])
    o2 = a.items[1]
    assert o2.status == "missing"
    text = o2.topics[0].missing
    assert "ฝ่ายประจำ" in text and "นายสมชาย ใจดี ไม่มีรูปถ่าย" in text
    assert a.items[0].status == "missing"  # o1 structure also needs both sides


def test_o3_needs_a_two_way_channel() -> None:
    site = complete_site()
    site.organisation = organisation(two_way_channels=())
    assert status_of(site, "o3") == "missing"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_list_mistakes_are_reported_with_line_and_suggestion(tmp_path: Path) -> None:
    write(tmp_path / "content/ita/2599.yml", """year: 2599
items:
  - code: o1
    title: โครงสร้าง
    topics: [structur]
  - code: o2
    title: ผู้บริหาร
    topics: [executives]
    period: yearly
  - code: o2
    title: ซ้ำ
    topics: [news]
  - code: 3
    title: เลขผิด
    topics: [news]
  - code: o4
    titel: สะกดผิด
    topics: [news]
""")
    errors = Collector(tmp_path)
    lists = load_ita_lists(tmp_path, errors)
    found = {(p.line, p.field): p for p in errors.problems}
    assert found[(5, "topics")].english.endswith("did you mean 'structure'?")
    assert "structure" in found[(5, "topics")].fix
    assert "current" in found[(9, "period")].fix
    assert "ซ้ำ" in found[(10, "code")].thai
    assert "o1" in found[(13, "code")].fix
    assert "title" in found[(17, "titel")].fix
    assert all(p.path == "content/ita/2599.yml" for p in errors.problems)
    assert [i.code for i in lists.years[2599].items] == ["o2"]


def test_municipality_corrects_one_item_and_adds_a_year(tmp_path: Path) -> None:
    """The shipped lists need nothing in the project; content/ita/ corrects them field by field."""
    write(tmp_path / "content/ita/2569.yml", """items:
  - code: o6
    title: แผนการดำเนินงานและแผนการใช้จ่ายงบประมาณประจำปี
    confidence: high
""")
    write(tmp_path / "content/ita/2570.yml", """year: 2570
items:
  - {code: o1, title: โครงสร้าง, topics: [structure, powers]}
""")
    errors = Collector(tmp_path)
    lists = load_ita_lists(tmp_path, errors)
    assert errors.problems == []
    o6 = lists.years[2569].items[5]
    assert o6.title == "แผนการดำเนินงานและแผนการใช้จ่ายงบประมาณประจำปี"
    assert o6.confidence == "high" and o6.topics == ("operation-plan", "spending-plan")
    assert o6.source is not None and o6.source.path == "content/ita/2569.yml"
    assert len(lists.years[2569].items) == 26
    assert [i.code for i in lists.years[2570].items] == ["o1"]


def test_year_page_has_absolute_links_status_text_and_twin() -> None:
    site = complete_site()
    site.datasets["complaints"] = complaints([])
    pages = {p.path: p for p in ita_pages.generate(site)}
    page = pages["ita/2569/index.md"]
    rows = [line for line in page.body.splitlines() if line.startswith("| o")]
    assert len(rows) == 26
    o18 = next(r for r in rows if r.startswith("| o18 |"))
    # the address text may wrap after each "/" (<wbr>, no character added)
    assert f"[{SITE_URL}transparency/complaint-statistics/](../../transparency/complaint-statistics/index.md)" in (
        o18.replace("<wbr>", ""))
    assert o18.rstrip(" |").endswith("✘ ยังไม่มีข้อมูล")
    assert sum("✔ ครบถ้วน" in r for r in rows) == 25
    assert page.twin["summary"] == {"met": 25, "missing": 1, "out_of_date": 0}
    assert page.twin["items"][17]["url"] == SITE_URL + "transparency/complaint-statistics/"
    assert "o6" in page.body.split("หมายเหตุสำหรับเจ้าหน้าที่")[1]  # low-confidence titles, for staff
    assert pages["ita/index.md"].nav and "2569 (ปีปัจจุบัน)" in pages["ita/index.md"].body


def test_check_ita_strict_exits_non_zero_and_writes_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "content/site.yml", "portal:\n  site_url: https://t.invalid/\n  fiscal_year: 2569\n")
    write(tmp_path / "content/ita/2599.yml", """year: 2599
items:
  - {code: o1, title: หน้ารายการ ITA, topics: [ita]}
  - {code: o2, title: สถิติเรื่องร้องเรียน, topics: [complaint-statistics]}
""")
    report = tmp_path / "out/ita.json"
    rc = main(["--root", str(tmp_path), "check", "--ita", "2599", "--strict", "--json", str(report)])
    out = capsys.readouterr().out
    assert rc == 1
    assert "o2 ✘ ยังไม่มีข้อมูล" in out and "content/data/complaints/" in out
    data = json.loads(report.read_text("utf-8"))
    assert [i["status"] for i in data["items"]] == ["met", "missing"]
    assert data["items"][0]["url"] == "https://t.invalid/ita/"
    assert main(["--root", str(tmp_path), "check", "--ita", "2599"]) == 0  # not strict: report only
    assert (tmp_path / "build/ita-2599.json").exists()
    assert main(["--root", str(tmp_path), "check", "--ita", "2598"]) == 1
    assert "ไม่มีรายการ ITA ของปี 2598" in capsys.readouterr().err
    # the shipped lists are there without any file in the project
    assert main(["--root", str(tmp_path), "check", "--ita", "2569", "--strict"]) == 1
    assert "สรุป: ครบถ้วน" in capsys.readouterr().out


def test_plan_items_are_met_from_the_plan_data() -> None:
    """The plan (generator.plan) stands for its register: budgets per year, progress per year."""
    from types import SimpleNamespace

    site = complete_site()
    site.documents = [d for d in site.documents if not d.item_id.startswith("action-plan")]
    assert status_of(site, "o23") == "missing" and status_of(site, "o24") == "missing"
    project = SimpleNamespace(budget={2568: None, 2569: 1000})
    site.plan = SimpleNamespace(projects=(project,), years_with_progress=lambda: [2568])
    assert status_of(site, "o23") == "met"  # budgeted in 2569
    assert status_of(site, "o24") == "met"  # progress recorded for 2568: the annual report exists
    site.plan = SimpleNamespace(projects=(SimpleNamespace(budget={2567: 5}),), years_with_progress=lambda: [2566])
    assert status_of(site, "o23") == "out_of_date" and status_of(site, "o24") == "out_of_date"

