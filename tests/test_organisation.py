"""The organisation profile: content/organisation.yml → Organisation → profile sections and pages."""

from __future__ import annotations

import json
import shutil
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from safety_helpers import copy_project, run_cli

from generator.content.organisation import contrast_ratio, find_org_type, load_organisation, org_types
from generator.errors import Collector, Problem
from generator.framework import load_framework
from generator.model import Organisation, Site
from generator.pages.profile import (
    complaint_channels_section,
    contact_section,
    executives_section,
    laws_section,
    qa_section,
    structure_section,
    tel_href,
)
from generator.pages.sections import SECTIONS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "content"
NASOMMUT = ROOT / "tests" / "fixtures" / "nasommut" / "content"
ITEMS = load_framework().items_by_id()


def _load(content: Path) -> tuple[Organisation | None, list[Problem]]:
    errors = Collector(content.parent)
    return load_organisation(content, errors), errors.problems


def _site(content: Path) -> Site:
    org, problems = _load(content)
    assert org is not None, problems

    class _Settings:
        site_url = "https://example.prongsai.invalid/"
        fiscal_year = 2569

    return Site(root=content.parent, settings=_Settings(), organisation=org)


# --- the example and the types ---------------------------------------------------------------


def test_example_loads_complete_and_without_problems() -> None:
    org, problems = _load(EXAMPLE)
    assert problems == []
    assert org is not None
    assert org.name == "เทศบาลตำบลดอนตัวอย่าง" and org.short_name == "ทต.ดอนตัวอย่าง"
    assert org.type.id == "เทศบาลตำบล" and org.type.executive == "นายกเทศมนตรี"
    assert org.fictional is True
    assert [d.name for d in org.divisions] == [
        "สำนักปลัดเทศบาล", "กองคลัง", "กองช่าง", "กองการศึกษา", "กองสาธารณสุขและสิ่งแวดล้อม"]
    groups = [p.group for p in org.executives]
    assert (groups.count("executive"), groups.count("council"), groups.count("permanent")) == (5, 3, 7)
    assert org.executives[0].position.startswith("นายกเทศมนตรี")
    assert all(p.photo and (EXAMPLE / p.photo).is_file() for p in org.executives)
    assert org.logo == "organisation/logo.svg" and org.org_chart == "organisation/org-chart.svg"
    assert org.colours == {"primary": "#1b5e20", "accent": "#8d5a00"}
    assert {c.kind for c in org.two_way_channels} >= {"line", "form"}
    assert org.complaint_channels and org.e_services and org.social and org.laws
    assert "มาตรา 50" in org.powers_md
    assert org.qa[0].date == date(2025, 11, 12)  # 12 พฤศจิกายน 2568
    # clearly example contact data: nothing that could reach a real office
    assert org.email.endswith(".invalid") and org.phone == "0 4300 0000"


def test_the_five_types_have_every_word() -> None:
    types = org_types()
    assert set(types) == {"เทศบาลนคร", "เทศบาลเมือง", "เทศบาลตำบล", "อบต.", "อบจ."}
    for t in types.values():
        empty = [k for k, v in vars(t).items() if v in ("", 0) and k != "aliases"]
        assert empty == [], f"{t.id}: {empty}"
    sao = types["อบต."]
    assert (sao.executive, sao.council, sao.ordinance, sao.permanent_head) == (
        "นายกองค์การบริหารส่วนตำบล", "สภาองค์การบริหารส่วนตำบล", "ข้อบัญญัติ", "ปลัดองค์การบริหารส่วนตำบล")
    assert types["อบจ."].executive == "นายกองค์การบริหารส่วนจังหวัด"
    assert {types[k].ordinance for k in ("เทศบาลนคร", "เทศบาลเมือง", "เทศบาลตำบล")} == {"เทศบัญญัติ"}
    assert [types[k].max_deputies for k in ("เทศบาลตำบล", "เทศบาลเมือง", "เทศบาลนคร")] == [2, 3, 4]
    assert find_org_type("องค์การบริหารส่วนตำบล") is sao and find_org_type("อบต") is sao
    assert find_org_type("ทต.") is types["เทศบาลตำบล"] and find_org_type("เทศบาลหมู่บ้าน") is None


def test_contrast_and_phone_links() -> None:
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert contrast_ratio("#1b5e20", "#ffffff") > 4.5 > contrast_ratio("#ffeb3b", "#ffffff")
    assert tel_href("0 4300 0000 ต่อ 101") == "tel:043000000,101"
    assert tel_href("๐ ๔๓๐๐ ๐๐๐๐-๒") == "tel:043000000"  # a range keeps its first number
    assert tel_href("08 1234 5678") == "tel:0812345678"
    assert tel_href("1567") == "tel:1567" and tel_href("ไม่มี") is None


# --- bad input: each mistake is a Problem at the right file, line and field --------------------

GOOD = """\
name: องค์การบริหารส่วนตำบลนาสมมุติ
type: อบต.
address: หมู่ที่ 3 ตำบลนาสมมุติ
phone: 0 4500 0000
email: info@nasommut.example.invalid
office_hours: วันจันทร์ – วันศุกร์
colours:
  primary: "#0d47a1"
channels:
  - title: LINE
    kind: line
    url: https://example.invalid/line
executives:
  - name: นายทดสอบ นาดี
    position: นายกองค์การบริหารส่วนตำบลนาสมมุติ
    photo: organisation/chief.svg
  - name: นางสาวสมมุติ ทำนา
    position: รองนายกองค์การบริหารส่วนตำบล
permanent:
  - name: นางทดลอง จัดการ
    position: ปลัดองค์การบริหารส่วนตำบล
    division: สำนักปลัด
divisions:
  - name: สำนักปลัด
powers: สรุปอำนาจหน้าที่
qa:
  - question: ถามอะไร
    answer: ตอบแบบนี้
    date: 1 มกราคม 2569
"""


def _problems(tmp_path: Path, text: str) -> list[Problem]:
    content = tmp_path / "content"
    (content / "organisation").mkdir(parents=True, exist_ok=True)
    (content / "organisation" / "chief.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (content / "organisation.yml").write_text(text, "utf-8")
    return _load(content)[1]


def _line(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_good_input_has_no_problems(tmp_path: Path) -> None:
    assert _problems(tmp_path, GOOD) == []


CASES = [
    # (what, replace this, with this, field, needle for the line (None: line 1), Thai words, severity)
    ("missing name", "name: องค์การบริหารส่วนตำบลนาสมมุติ\n", "", "name", None, "ชื่อหน่วยงาน", "error"),
    ("unknown type", "type: อบต.", "type: เทศบาลหมู่บ้าน", "type", "type:", "เทศบาลนคร, เทศบาลเมือง, เทศบาลตำบล, อบต., อบจ.", "error"),
    ("URL without scheme", "url: https://example.invalid/line", "url: www.facebook.com/nasommut",
     "channels[1].url", "url:", "https://", "error"),
    ("script URL", "url: https://example.invalid/line", "url: javascript:alert(1)",
     "channels[1].url", "url:", "ไม่ถูกต้อง", "error"),
    ("missing photo", "photo: organisation/chief.svg", "photo: organisation/chef.svg",
     "executives[1].photo", "photo:", "ไม่พบไฟล์ภาพ", "error"),
    ("photo outside content", "photo: organisation/chief.svg", "photo: ../../etc/passwd.svg",
     "executives[1].photo", "photo:", "ออกนอกโฟลเดอร์ content/", "error"),
    ("bad colour", 'primary: "#0d47a1"', 'primary: "#0d47a"', "colours.primary", "primary:", "รหัสสี", "error"),
    ("unquoted colour", 'primary: "#0d47a1"', "primary: #0d47a1", "colours.primary", "primary:", "เครื่องหมายคำพูด", "error"),
    ("pale colour", 'primary: "#0d47a1"', 'primary: "#ffeb3b"', "colours.primary", "primary:", "อ่านยาก", "warning"),
    ("unquoted phone", "phone: 0 4500 0000", "phone: 045000000", "phone", "phone:", "เครื่องหมายคำพูด", "error"),
    ("bad e-mail", "email: info@nasommut.example.invalid", "email: info at nasommut", "email", "email:", "อีเมล", "error"),
    ("misspelt field", "office_hours:", "office_hour:", "office_hour", "office_hour:", "office_hours", "error"),
    ("CE year", "date: 1 มกราคม 2569", "date: 1 มกราคม 2026", "qa[1].date", "date:", "2569", "error"),
    ("unknown division", "division: สำนักปลัด", "division: สำนักปลัดฯ", "permanent[1].division", "division:", "สำนักปลัด", "error"),
    ("script in an answer", "answer: ตอบแบบนี้", "answer: ตอบ <script>alert(1)</script>", "qa[1].answer",
     "answer:", "script", "error"),
    ("script in powers", "powers: สรุปอำนาจหน้าที่", 'powers: "[ดู](javascript:alert(1))"', "powers",
     "powers:", "javascript", "error"),
    ("title of another type", "position: นายกองค์การบริหารส่วนตำบลนาสมมุติ", "position: นายกเทศมนตรีตำบลนาสมมุติ",
     "executives[1].position", "position: นายก", "นายกเทศมนตรี", "warning"),
    ("missing position", "    position: รองนายกองค์การบริหารส่วนตำบล\n", "", "executives[2].position",
     "name: นางสาวสมมุติ", "ตำแหน่ง", "error"),
]


@pytest.mark.parametrize(("what", "old", "new", "field", "needle", "words", "severity"), CASES,
                         ids=[c[0] for c in CASES])
def test_each_mistake_is_reported_where_it_is(
        tmp_path: Path, what: str, old: str, new: str, field: str, needle: str | None, words: str,
        severity: str) -> None:
    assert old in GOOD
    text = GOOD.replace(old, new, 1)
    problems = _problems(tmp_path, text)
    found = [p for p in problems if p.field == field]
    assert found, f"{what}: no problem for {field}; got {[p.format() for p in problems]}"
    p = found[0]
    assert p.path == "content/organisation.yml"
    assert p.line == (_line(text, needle) if needle else 1)
    assert words in p.thai + p.fix
    assert p.severity == severity
    assert p.english and p.fix


def test_every_mistake_at_once_is_listed(tmp_path: Path) -> None:
    """Loaders go on after a mistake: one run lists them all."""
    text = GOOD
    for _, old, new, *_ in CASES[2:8]:
        text = text.replace(old, new, 1) if old in text else text
    fields = {p.field for p in _problems(tmp_path, text)}
    assert {"channels[1].url", "executives[1].photo", "colours.primary"} <= fields


def test_too_many_deputies_is_a_warning(tmp_path: Path) -> None:
    deputy = "  - name: นายรอง คนที่สาม\n    position: รองนายกองค์การบริหารส่วนตำบล\n"
    text = GOOD.replace("permanent:\n", deputy * 2 + "permanent:\n")
    [p] = [p for p in _problems(tmp_path, text) if p.field == "executives"]
    assert p.severity == "warning" and "ไม่เกิน 2 คน" in p.thai


def test_missing_file_is_only_a_warning(tmp_path: Path) -> None:
    errors = Collector(tmp_path)
    assert load_organisation(tmp_path / "content", errors) is None
    assert [p.severity for p in errors.problems] == ["warning"]


def test_check_command_fails_on_a_bad_profile(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p")
    yml = root / "content" / "organisation.yml"
    text = yml.read_text("utf-8").replace("type: เทศบาลตำบล", "type: เทศบาลเล็ก")
    yml.write_text(text, "utf-8")
    before = yml.read_bytes()
    rc, _, err = run_cli("--root", str(root), "check")
    assert rc == 1
    assert f"content/organisation.yml:{_line(text, 'type: เทศบาลเล็ก')} [type]" in err
    assert "ไม่รู้จักประเภทหน่วยงาน" in err
    assert yml.read_bytes() == before  # staff files are never written


# --- sections: type words, accessible markup ----------------------------------------------------


def test_sections_use_the_words_of_an_sao() -> None:
    site = _site(NASOMMUT)
    texts = {
        "executives": executives_section(site, ITEMS["executives"]),
        "structure": structure_section(site, ITEMS["structure"]),
        "laws": laws_section(site, ITEMS["laws"]),
    }
    for name, text in texts.items():
        assert "เทศมนตรี" not in text and "เทศบัญญัติ" not in text and "สภาเทศบาล" not in text, name
    assert "### สภาองค์การบริหารส่วนตำบล" in texts["executives"]
    assert "### คณะผู้บริหารองค์การบริหารส่วนตำบล" in texts["structure"]
    assert "ข้อบัญญัติ" in texts["laws"]
    # people without a photo still get a card, with no empty image
    assert texts["executives"].count('class="pr-person pr-person--no-photo"') == 4
    assert 'alt=""' not in texts["executives"]
    # the chart holds every division, with its head's name when the head is listed
    for division in ("สำนักปลัด", "กองคลัง", "กองช่าง"):
        assert division in texts["structure"]
    assert "นางสาวตัวอย่าง บัญชี" in texts["structure"]


def test_structure_nests_the_permanent_side_under_its_head() -> None:
    text = structure_section(_site(EXAMPLE), ITEMS["structure"])
    palad, deputy = text.index("ปลัดเทศบาล</span> <span"), text.index("รองปลัดเทศบาล</span>")
    office = text.index("สำนักปลัดเทศบาล</strong>")
    assert palad < deputy < office < text.index("กองคลัง</strong>")
    # nested lists: the divisions open inside the deputy's list item, inside the head's
    between = text[palad:office]
    assert between.count("<ul>") == 2 and "</li>" not in between
    assert 'alt="แผนภูมิโครงสร้างส่วนราชการของเทศบาลตำบลดอนตัวอย่าง' in text


def test_contact_and_channels() -> None:
    site = _site(EXAMPLE)
    contact = contact_section(site, ITEMS["contact"])
    assert '<a href="tel:043000000">0 4300 0000</a>' in contact
    assert 'href="mailto:saraban@dontuayang.example.invalid"' in contact
    assert "https://www.openstreetmap.org/" in contact and "<iframe" not in contact
    assert "LINE Official Account" in contact
    complaints = complaint_channels_section(site, ITEMS["complaint-channels"])
    assert "ตู้รับเรื่องร้องเรียน" in complaints and 'href="tel:1567"' in complaints
    assert "(เว็บไซต์ภายนอก)" in complaints


def test_qa_newest_first_with_thai_dates() -> None:
    text = qa_section(_site(EXAMPLE), ITEMS["qa"])
    assert text.index("ตอบเมื่อ 3 กุมภาพันธ์ 2569") < text.index("ตอบเมื่อ 12 พฤศจิกายน 2568")
    assert "ยังไม่มีคำถาม" in qa_section(_site(NASOMMUT), ITEMS["qa"])


def test_every_profile_item_has_a_section() -> None:
    profile_items = {i.id for i in ITEMS.values() if i.kind == "profile"}
    assert profile_items <= set(SECTIONS)


# --- the built site ---------------------------------------------------------------------------


class _Images(HTMLParser):
    """The <img> tags inside the page's article (Material's content area)."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.images: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        elif tag == "img" and self.depth:
            self.images.append(dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1


def _images(page: Path) -> list[dict[str, str | None]]:
    parser = _Images()
    parser.feed(page.read_text("utf-8"))
    return parser.images


def _build(tmp_path: Path, content: Path | None = None) -> Path:
    root = copy_project(tmp_path)
    if content is not None:  # swap in another municipality's profile
        (root / "content" / "organisation.yml").unlink()
        shutil.rmtree(root / "content" / "organisation")
        shutil.copy(content / "organisation.yml", root / "content" / "organisation.yml")
        shutil.copytree(content / "organisation", root / "content" / "organisation")
    rc, _, err = run_cli("--root", str(root), "build", "--out", str(root / "out"))
    assert rc == 0, err
    return root / "out"


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("example"))


def test_built_executive_page_has_alt_text_for_every_photo(example_site: Path) -> None:
    page = example_site / "basic" / "executives" / "index.html"
    images = _images(page)
    assert len(images) == 15
    for img in images:
        alt, src = img.get("alt") or "", img.get("src") or ""
        assert alt.startswith("ภาพ") and alt.endswith("(ภาพตัวอย่าง)"), alt
        assert (page.parent / src).resolve().is_file(), src
    assert images[0]["alt"] == "ภาพนายสมมุติ ดีงาม นายกเทศมนตรีตำบลดอนตัวอย่าง (ภาพตัวอย่าง)"


def test_built_profile_files_and_download(example_site: Path) -> None:
    assert (example_site / "assets" / "stylesheets" / "profile.css").is_file()
    assert (example_site / "files" / "organisation" / "logo.svg").is_file()
    data = json.loads((example_site / "data" / "organisation.json").read_text("utf-8"))
    assert data["type"] == "เทศบาลตำบล" and len(data["people"]) == 15
    assert data["people"][0]["photo"] == "https://example.prongsai.invalid/files/organisation/people/mayor.svg"
    html = (example_site / "basic" / "structure" / "index.html").read_text("utf-8")
    assert "กองสาธารณสุขและสิ่งแวดล้อม" in html and 'class="pr-tree"' in html


def test_built_sao_executive_page_says_nayok_obt(tmp_path: Path) -> None:
    out = _build(tmp_path, NASOMMUT)
    page = out / "basic" / "executives" / "index.html"
    html = page.read_text("utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    assert "นายกองค์การบริหารส่วนตำบลนาสมมุติ" in article
    assert "สภาองค์การบริหารส่วนตำบล" in article
    assert "นายกเทศมนตรี" not in article and "สภาเทศบาล" not in article
    images = _images(page)
    assert len(images) == 3 and all((img.get("alt") or "").startswith("ภาพ") for img in images)
