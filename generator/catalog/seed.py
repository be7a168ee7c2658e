"""Parse the seed text (NACC guide, chapter 5, converted from PDF) into the catalog.

The text is a PDF conversion with noise: running page headers, stray ``<p>`` and ``**``, list
markers written "- 1)", sentences broken across lines, typos. This module turns it into plain
data (:class:`SeedCatalog`); :mod:`.importer` writes that as YAML. Everything seed-specific
(noise lines, typo fixes, fill-in markers) is in the tables at the top, so a reviewer can see
every liberty taken with the text.

Structure of the seed: a summary table (counts per objective/sub-objective), then per dimension
a heading "มิติที่ N ..." (misspelt "มติที่" in the seed), objective headings "1.1 ...",
sub-objective headings "1.1.1 ...", and projects, each starting with "1. ชื่อโครงการ : <title>"
and numbered fields 2–9 (see :data:`FIELD_HEADINGS`).

Thai has no full stop, so broken lines are found from the layout: a line that does not start
a list item continues the previous one when there is no blank line between them, when it starts
with "พ.ศ.", or when the previous line is a list item as long as a full PDF line (the PDF wrapped
it). Otherwise it is a new paragraph — inside the enclosing numbered step when it follows that
step's sub-items ("... เป็นต้น").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from ..thai import thai_digits_to_arabic

# --- seed-specific tables ------------------------------------------------------------------

#: Running page headers and footers of the PDF: whole lines that are dropped.
NOISE_LINES: tuple[re.Pattern[str], ...] = (
    re.compile(r"^บทที่ 5( ตัวอย่างโครงการ/กิจกรรม/มาตรการ)?$"),
    re.compile(r"^ตามแผนปฏิบัติการป้องกันการทุจริต เพื่อยกระดับคุณธรรมและความโปร่งใส"
               r"สำหรับองค์กรปกครองส่วนท้องถิ่น \(พ\.ศ\. 2566 – 2570\)( หน้า)?$"),
    re.compile(r"^หน้า\s*\d*$"),
    re.compile(r"^#####$"),
)

#: Fill-in markers and the example municipality's name → named placeholders, longest first
#: (typo variants included, as they appear in the seed). See catalog/placeholders.yml.
PLACEHOLDER_TEXT: tuple[tuple[str, str], ...] = tuple(
    sorted(
        {
            "ระบุชื่อองค์กรปกครองส่วนท้องถิ่น": "org_name",
            "ระบุชื่อ องค์กรปกครองส่วนท้องถิ่น": "org_name",
            "ระบุงค์กรปกครองส่วนท้องถิ่น": "org_name",  # "ระบุองค์กร..." misspelt
            "องค์การบริหารส่วนตำบลxxx": "org_name",
            "ระบุงบประมาณที่ใช้ดำเนินการ": "budget",
            "ระบบงบประมาณที่ใช้ดำเนินการ": "budget",  # typo for ระบุ
            "ระบุชื่อหน่วยงานที่รับผิดชอบดำเนินการ": "responsible_unit",
            "ระบุนหน่วยงานที่รับผิดชอบดำเนินการ": "responsible_unit",
            "ระบุหน่วยงานที่รับผิดชอบดำเนินการ": "responsible_unit",
            "ระบหน่วยงานที่รับผิดชอบดำเนินการ": "responsible_unit",
            "ระบุนักงานที่รับผิดชอบดำเนินการ": "responsible_unit",  # "ระบุหน่วยงาน..." garbled
            "ระบุนักเรียนที่รับผิดชอบดำเนินการ": "responsible_unit",  # ditto
            "ระบุหน่วยงานที่รับผิดชอบ": "responsible_unit",
            "ระบุจำนวนกลุ่มเป้าหมาย": "target_count",
            "ระบุจำนวน กลุ่มเป้าหมาย": "target_count",
            "ระบือกลุ่มเป้าหมาย": "target_count",  # "ระบุ(จำนวน)กลุ่มเป้าหมาย"
            "ระบือโรงเรียน": "school_name",  # "ระบุ(ชื่อ)โรงเรียน"
            "ระบุจำนวนเด็กและเยาวชนที่เข้ารับการฝึกอบรม": "trainee_count",
            "ระบุจำนวนคำขวัญที่ผ่านการคัดเลือก": "slogan_count",
            "ระบุจำนวนประชาชนที่เป็นเครือข่าย": "network_count",
        }.items(),
        key=lambda kv: (-len(kv[0]), kv[0]),
    )
)

#: Typos in headings and running text, fixed on import (within one line of the seed; each
#: occurs once unless noted). Only sure corrections: a wrong word whose right one is plain from
#: the sentence. Left as in the seed because the intended word is a guess: "ไม่ซ้ำนำ" (3.1.1-01,
#: perhaps ไม่ชี้นำ), "คุณวุฒิ/วิญญูติ" (3.1.1-02), "การแปรรูปตรางข้อบัญญัติ" (4.2.2-01, perhaps
#: การแปรญัตติร่างข้อบัญญัติ).
TEXT_FIXES: tuple[tuple[str, str], ...] = (
    ("มติที่", "มิติที่"),
    ("เจตนาารมณ์", "เจตนารมณ์"),
    ("ธรรมมาภิบาล", "ธรรมาภิบาล"),  # 2.2.3-01
    ("ประโยชน์ที่มีขอบ", "ประโยชน์ที่มิชอบ"),  # 1.1.1-03
    ("NO Gift Policy", "No Gift Policy"),  # 2.2.2-01, 11 times (the usual spelling)
    ("การเรียไร", "การเรี่ยไร"),  # 1.1.1-03
    ("ต่อนหน้าที่", "ต่อหน้าที่"),  # 1.1.3-01
    ("ทศนคติ", "ทัศนคติ"),  # 1.2.2-01
    ("ช้อร้องเรียน", "ข้อร้องเรียน"),  # 2.2.2-14
    ("ผู้บริหารต้องถินมอบอำนาจ", "ผู้บริหารท้องถิ่นมอบอำนาจ"),  # 2.3.3-02
    ("ประพตติมิชอบ", "ประพฤติมิชอบ"),  # 4.1.3-01
    ("อีเมลล์", "อีเมล"),  # 2.2.2-13
    ("กฏระเบียบ", "กฎระเบียบ"),  # 2.2.2-04 (ฏ for ฎ)
    ("โดยทั้เทียมกัน", "โดยเท่าเทียมกัน"),  # 1.1.3-04
    ("ซึ่งนายองค์กรปกครองส่วนท้องถิ่น", "ซึ่งนายกองค์กรปกครองส่วนท้องถิ่น"),  # 2.2.2-06
)

#: Framework titles where the body heading of the seed is wrong and the summary table right.
TITLE_ERRATA: dict[str, str] = {
    # body "การสร้างจิตสำนึก…": the 2566–2570 summary table (and 1.1) say "การเสริมสร้าง…"
    "1.2": "การเสริมสร้างจิตสำนึกและความตระหนักแก่ประชาชนทุกภาคส่วนในท้องถิ่น",
    "1.3": "การเสริมสร้างจิตสำนึกและความตระหนักแก่เด็กและเยาวชน",
    # body drops "ความ" ("ให้มีจิตสาธารณะ และรับผิดชอบ…")
    "1.3.2": "เสริมสร้างจิตสำนึกและความตระหนักให้มีจิตสาธารณะ และความรับผิดชอบต่อส่วนรวม",
    # body drops "การบริหาร" (cf. 2.1.1 and 2.1.2)
    "2.1.3": "การเปิดเผยข้อมูลการบริหารและพัฒนาทรัพยากรบุคคล",
    # body has stray spaces from the PDF layout ("หรือ การดำเนินการ", "ชุมชนและ ประชาชน")
    "2.3.3": "มีการกระจายอำนาจการตัดสินใจเกี่ยวกับการสั่ง อนุญาต อนุมัติ ปฏิบัติราชการแทน "
    "หรือการดำเนินการอื่นใดของผู้มีอำนาจในองค์กรปกครองส่วนท้องถิ่น "
    "เพื่อให้เกิดประโยชน์สูงสุดต่อชุมชนและประชาชน",
    "4.1.1": "มีการจัดทำและรายงานการจัดทำระบบตรวจสอบภายใน",  # body: "รายงานการ จัดทำ"
}

#: The seed lists one project under objective 3.2 after all three sub-objective headings
#: (3.2.1–3.2.3) and counts it once for 3.2: it serves all three.
SHARED_SUB_OBJECTIVES: dict[str, tuple[str, ...]] = {"3.2.1": ("3.2.2", "3.2.3")}

#: The project fields 2–9: heading keyword → field name.
FIELD_HEADINGS: tuple[tuple[str, str], ...] = (
    ("หลักการและเหตุผล", "rationale"),
    ("วัตถุประสงค์", "objectives"),
    ("กลุ่มเป้าหมาย", "target_group"),
    ("วิธีดำเนินการ", "method"),
    ("วิธีการดำเนินการ", "method"),
    ("วิธีดำเนินงาน", "method"),
    ("วิธีการดำเนินงาน", "method"),
    ("ระยะเวลา", "duration"),
    ("งบประมาณ", "budget"),
    ("ผู้รับผิดชอบ", "responsible_unit"),
    ("ผลผลิต", "results"),
)

KIND_WORDS = ("โครงการ", "กิจกรรม", "มาตรการ")

#: A PDF line at least this wide (in base characters) was wrapped by the PDF, not ended.
WRAPPED_WIDTH = 60

#: Words that start a new phrase when a broken line is joined: join with a space before them.
SPACE_BEFORE = ("จำนวน", "พ.ศ.", "อย่างน้อย", "ได้รับ", "มอบหมาย", "คนเก่ง", "และ", "ระบุ")

# --- data -------------------------------------------------------------------------------


@dataclass
class Para:
    text: str


@dataclass
class Item:
    ordered: bool
    number: int  # 0 for bullets
    level: int  # 1 = top level
    text: str
    line: int
    children: list[Para | ListBlock] = field(default_factory=list)
    parent: Item | None = None
    paren: bool = False  # labelled "(1)" in the seed
    top_label: bool = False  # labelled "N)" (not "N.M)"): may continue a restarted list


@dataclass
class ListBlock:
    ordered: bool
    items: list[Item] = field(default_factory=list)


Block = Para | ListBlock


@dataclass
class SeedProject:
    sub_objective: str
    ordinal: int
    line: int
    name: str
    fields: dict[str, str]  # rationale … outcomes, as Markdown

    @property
    def id(self) -> str:
        return f"{self.sub_objective}-{self.ordinal:02d}"

    @property
    def kind(self) -> str:
        """From the title's first word; the seed heads every entry "ชื่อโครงการ", so a title
        without a kind word is a โครงการ."""
        head = self.name.lstrip("“\"' ")
        return next((k for k in KIND_WORDS if head.startswith(k)), "โครงการ")


@dataclass
class SeedNode:
    id: str
    title: str
    count: int | None = None


@dataclass
class SeedCatalog:
    dimensions: list[SeedNode]
    objectives: list[SeedNode]
    sub_objectives: list[SeedNode]
    projects: list[SeedProject]
    warnings: list[str]


# --- line clean-up ------------------------------------------------------------------------


def width(text: str) -> int:
    """Display width: base characters only (Thai vowel and tone marks take no column)."""
    return sum(1 for c in text if unicodedata.category(c) != "Mn")


def clean_line(line: str) -> str:
    line = line.replace("<p>", " ").replace("</p>", " ").replace("**", "")
    line = unicodedata.normalize("NFC", line)
    for wrong, right in TEXT_FIXES:
        line = line.replace(wrong, right)
    return re.sub(r"[ \u00a0]+", " ", line).strip()


def example_name(text: str, min_count: int = 10) -> str | None:
    """The example municipality the guide names where each adopter's own name goes.

    Found, not written here (no municipality is named in the generator): the name after a type
    word ("เทศบาลตำบล…") that at least 80% of that type word's many occurrences share.
    """
    from ..content.organisation import org_types

    compact = re.sub(r"[ \u00a0]", "", text)  # the PDF put spaces inside names
    best: tuple[int, str] | None = None
    for type_word in {t.full_name for t in org_types().values()}:
        tails = [compact[m.end(): m.end() + 30] for m in re.finditer(re.escape(type_word), compact)]
        tails = [t for t in tails if t and "\u0e01" <= t[0] <= "\u0e7f"]
        if len(tails) < min_count:
            continue
        name = ""
        for n in range(1, 31):
            counts = Counter(t[:n] for t in tails if len(t) >= n)
            if not counts:
                break
            top, k = counts.most_common(1)[0]
            if k < 0.8 * len(tails):
                break
            name = top
        if name and (best is None or len(tails) > best[0]):
            best = (len(tails), type_word + name)
    return best[1] if best else None


def example_name_pattern(name: str | None) -> re.Pattern[str] | None:
    """The name, also where the PDF layout put a space inside it."""
    return re.compile(r"\s?".join(map(re.escape, name))) if name else None


def apply_placeholders(text: str, example: re.Pattern[str] | None) -> str:
    if example is not None:
        text = example.sub("{{org_name}}", text)
    for seed_text, name in PLACEHOLDER_TEXT:
        text = text.replace(seed_text, "{{" + name + "}}")
    return text


def join_broken(before: str, after: str) -> str:
    """Join a line broken by the PDF. Thai words run together, so a break inside a phrase takes
    no space; a space goes between non-Thai text and before words that open a phrase."""
    if not before:
        return after
    last, first = before[-1], after[0]
    thai = re.compile(r"[\u0E00-\u0E7F]")
    if thai.match(last) and thai.match(first) and not after.startswith(SPACE_BEFORE):
        return before + after
    return before + " " + after


# --- list structure -------------------------------------------------------------------------

_ITEM = re.compile(
    r"^(?:-\s*)?(?:(?P<num>\d+(?:\.\d+){0,2})\s*[).]|\((?P<paren>\d+)\))\s*(?P<text>.*)$"
)
_BULLET = re.compile(r"^[-•]\s*(?P<text>.+)$")
_TABLE_ROW = re.compile(r"^-?\s*\|(?P<cells>.*)\|\s*$")


@dataclass
class _Line:
    no: int
    text: str
    adjacent: bool  # no blank line before it
    raw_width: int


class _ListBuilder:
    """Builds blocks (paragraphs and nested lists) from the lines of one field."""

    def __init__(self, warnings: list[str]) -> None:
        self.root: list[Block] = []
        self.last: Item | Para | None = None
        self.last_container: Item | None = None  # where self.last lives (None = root)
        self.last_width = 0
        self.warnings = warnings

    def children_of(self, container: Item | None) -> list[Block]:
        return self.root if container is None else container.children

    def add_para(self, text: str, container: Item | None) -> None:
        para = Para(text)
        self.children_of(container).append(para)
        self.last, self.last_container = para, container

    def append_item(self, item: Item, container: Item | None) -> None:
        blocks = self.children_of(container)
        if blocks and isinstance(blocks[-1], ListBlock) and blocks[-1].ordered == item.ordered:
            blocks[-1].items.append(item)
        else:
            blocks.append(ListBlock(item.ordered, [item]))
        item.parent = container
        self.last, self.last_container = item, container

    def last_item(self) -> Item | None:
        if isinstance(self.last, Item):
            return self.last
        return self.last_container

    def open_at(self, level: int) -> Item | None:
        """The most recent item at ``level`` on the path from the last item to the root."""
        node = self.last_item()
        while node is not None and node.level > level:
            node = node.parent
        return node if node is not None and node.level == level else None

    @staticmethod
    def last_top(blocks: list[Block]) -> bool:
        return bool(blocks) and isinstance(blocks[-1], ListBlock) and blocks[-1].items[-1].top_label

    @staticmethod
    def last_number(blocks: list[Block]) -> int | None:
        if blocks and isinstance(blocks[-1], ListBlock) and blocks[-1].ordered:
            return blocks[-1].items[-1].number
        return None

    def add_numbered(self, label: str, text: str, line: int) -> None:
        parts = [int(p) for p in label.split(".")]
        number, level = parts[-1], len(parts)
        if level > 1:
            parent = self.open_at(level - 1)
            if parent is None:  # "2.1)" with no "2)" before it: keep it at the top
                self.warnings.append(f"line {line}: {label}) has no parent item")
                self.append_item(Item(True, number, 1, text, line), None)
            else:
                self.append_item(Item(True, number, level, text, line), parent)
            return
        # A top-level label continues the innermost open list that it follows in number.
        if number > 1:
            node = self.last_item()
            while node is not None:
                if self.last_number(node.children) == number - 1 and self.last_top(node.children):
                    self.append_item(Item(True, number, node.level + 1, text, line, top_label=True), node)
                    return
                node = node.parent
            if self.last_number(self.root) == number - 1:
                self.append_item(Item(True, number, 1, text, line, top_label=True), None)
                return
        if number == 1 and self.last is not None:
            # A list that starts again at 1 after a step ("3) … ดังนี้ 1) … 5)") or after a
            # paragraph inside a step belongs to that step.
            if isinstance(self.last, Para):
                owner = self.last_container
            else:
                owner = self.last_item()
                while owner is not None and (owner.paren or not owner.ordered):
                    owner = owner.parent
            if owner is not None:
                self.append_item(Item(True, number, owner.level + 1, text, line, top_label=True), owner)
                return
        if self.last_number(self.root) not in (None, number - 1):
            self.warnings.append(f"line {line}: item {number}) does not follow the list before it")
        self.append_item(Item(True, number, 1, text, line, top_label=True), None)

    def add_sub_numbered(self, number: int, text: str, line: int) -> None:
        """"(1)" items: one level below the numbered step they follow."""
        node = self.last_item()
        while node is not None and (node.paren or not node.ordered):
            node = node.parent
        level = node.level + 1 if node is not None else 1
        self.append_item(Item(True, number, level, text, line, paren=True), node)

    def add_bullet(self, text: str, line: int) -> None:
        if isinstance(self.last, Item):
            if self.last.ordered:  # bullets after a numbered step are its sub-items
                self.append_item(Item(False, 0, self.last.level + 1, text, line), self.last)
            else:
                self.append_item(Item(False, 0, self.last.level, text, line), self.last.parent)
        elif isinstance(self.last, Para) and self.last_container is not None:
            c = self.last_container
            self.append_item(Item(False, 0, c.level + 1, text, line), c)
        else:
            self.append_item(Item(False, 0, 1, text, line), None)

    def add_text(self, ln: _Line) -> None:
        last = self.last
        if last is None:
            self.add_para(ln.text, None)
        elif (
            ln.adjacent
            or ln.text.startswith("พ.ศ.")
            or (isinstance(last, Item) and self.last_width >= WRAPPED_WIDTH)
        ):
            last.text = join_broken(last.text, ln.text)
        elif isinstance(last, Item):
            # after a short step: a paragraph in the enclosing step ("... เป็นต้น"), or at the top
            self.add_para(ln.text, last.parent)
        else:
            self.add_para(ln.text, self.last_container)

    def feed(self, ln: _Line) -> None:
        row = _TABLE_ROW.match(ln.text)
        if row:
            cells = [c.strip() for c in row.group("cells").split("|")]
            if any(cells) and not all(re.fullmatch(r"-*", c) for c in cells):
                self.feed(_Line(ln.no, " ".join(c for c in cells if c), False, 0))
            return
        m = _ITEM.match(ln.text)
        if m and m.group("text"):
            text = m.group("text").strip()
            if m.group("paren"):
                self.add_sub_numbered(int(m.group("paren")), text, ln.no)
            else:
                self.add_numbered(m.group("num"), text, ln.no)
        elif (b := _BULLET.match(ln.text)) is not None:
            self.add_bullet(b.group("text").strip(), ln.no)
        else:
            self.add_text(ln)
        self.last_width = ln.raw_width


def build_blocks(lines: list[_Line], warnings: list[str]) -> list[Block]:
    builder = _ListBuilder(warnings)
    for ln in lines:
        builder.feed(ln)
    return builder.root


# --- Markdown -----------------------------------------------------------------------------

_NEEDS_ESCAPE = re.compile(r"^(\d+)([.)])(\s)|^([-+*#>])(\s)")


def _escape_start(text: str) -> str:
    """A paragraph that happens to start like a list item or heading stays a paragraph."""
    return _NEEDS_ESCAPE.sub(lambda m: (m.group(1) or "") + "\\" + (m.group(2) or m.group(4)) + (m.group(3) or m.group(5)), text)


def to_markdown(blocks: list[Block], indent: str = "") -> list[str]:
    out: list[str] = []
    for i, block in enumerate(blocks):
        if i:
            out.append("")
        if isinstance(block, Para):
            out.append(indent + _escape_start(block.text))
        else:
            out.extend(_list_markdown(block, indent))
    return out


def _list_markdown(lb: ListBlock, indent: str) -> list[str]:
    loose = any(isinstance(c, Para) for it in lb.items for c in it.children)
    out: list[str] = []
    for j, item in enumerate(lb.items):
        if j and loose:
            out.append("")
        marker = f"{item.number}." if lb.ordered else "-"
        out.append(f"{indent}{marker} {item.text}")
        for k, child in enumerate(item.children):
            if k or isinstance(child, Para):
                out.append("")
            out.extend(to_markdown([child], indent + "    "))
    return out


def blocks_text(blocks: list[Block]) -> str:
    return "\n".join(to_markdown(blocks)).strip()


# --- the parser -----------------------------------------------------------------------------

_DIMENSION = re.compile(r"^มิติที่\s*(\d)\s+(.+)$")
_OBJECTIVE = re.compile(r"^(\d\.\d)\s+(\D.*)$")
_SUB_OBJECTIVE = re.compile(r"^(\d\.\d\.\d)\s+(\D.*)$")
_PROJECT = re.compile(r"^1\s*\.\s*(?:ชื่อโครงการ|โครงการ)\s*:\s*(.+)$")
_FIELD = re.compile(r"^(\d{1,2})\s*\.\s*(.+)$")


def _field_of(heading: str) -> str | None:
    text = heading.strip()
    for keyword, name in FIELD_HEADINGS:
        if text.startswith(keyword):
            return name
    return None


def parse_summary(lines: list[str]) -> tuple[dict[str, int], dict[str, int], list[str]]:
    """Counts from the summary table: per objective/sub-objective id, and per dimension.

    A row's cells hold several ids and several "N โครงการ" in the same order; where a row gives
    one count for several ids it is the objective's. Ids that contradict their row (the seed's
    "3.3.2" in the row of 3.1) are corrected to the row's objective.
    """
    counts: dict[str, int] = {}
    totals: dict[str, int] = {}
    warnings: list[str] = []
    for raw in lines:
        line = clean_line(raw.replace("\t", " \t "))
        m = re.search(r"รวม มิติที่ (\d)\s*\t\s*\t\s*(\d+) โครงการ", line)
        if m:
            totals[m.group(1)] = int(m.group(2))
            continue
        cells = [c.strip() for c in line.split("\t")]
        ids = re.findall(r"(?<![\d.])(\d\.\d(?:\.\d)?)\s", " ".join(cells[:-1]) + " ")
        nums = [int(n) for n in re.findall(r"(\d+) โครงการ", " ".join(cells[1:]))]
        if not ids or not nums:
            continue
        objective = ids[0] if ids[0].count(".") == 1 else ids[0].rsplit(".", 1)[0]
        fixed = []
        for id_ in ids:
            if id_.count(".") == 2 and not id_.startswith(objective + "."):
                right = objective + "." + id_.rsplit(".", 1)[1]
                warnings.append(f"summary table: {id_} read as {right}")
                id_ = right
            fixed.append(id_)
        pairs = zip(fixed, nums, strict=False) if len(nums) == len(fixed) else [(fixed[0], nums[0])]
        for id_, n in pairs:
            counts[id_] = n
    return counts, totals, warnings


def parse_seed(text: str) -> SeedCatalog:
    raw_lines = text.replace("\r\n", "\n").split("\n")
    # The summary table ends at the first "#####" line.
    body_start = next(i for i, ln in enumerate(raw_lines) if ln.strip() == "#####")
    counts, totals, warnings = parse_summary(raw_lines[:body_start])
    example = example_name_pattern(example_name(text))

    dims: list[SeedNode] = []
    objs: list[SeedNode] = []
    subs: list[SeedNode] = []
    projects: list[SeedProject] = []
    current_sub: str | None = None
    ordinals: dict[str, int] = {}
    project: dict[str, object] | None = None
    field_lines: dict[str, list[_Line]] = {}
    current_field: str | None = None
    blank_before = True

    def finish() -> None:
        nonlocal project
        if project is None:
            return
        fields: dict[str, str] = {}
        results = field_lines.pop("results", [])
        outputs, outcomes = _split_results(results)
        field_lines["outputs"], field_lines["outcomes"] = outputs, outcomes
        for name, lines in field_lines.items():
            fields[name] = apply_placeholders(blocks_text(build_blocks(lines, warnings)), example)
        sub = str(project["sub"])
        ordinals[sub] = ordinals.get(sub, 0) + 1
        projects.append(
            SeedProject(sub, ordinals[sub], int(str(project["line"])), str(project["name"]), fields)
        )
        project = None

    for index in range(body_start, len(raw_lines)):
        no = index + 1
        raw = raw_lines[index]
        if "ผลลัพธ์" in raw and re.search(r"\S\s*\*\*ผลลัพธ์\*\*", raw):
            # one project has "... **ผลลัพธ์**" run into the outputs line
            before, _, after = raw.partition("**ผลลัพธ์**")
            pieces = [before, "", "ผลลัพธ์", ""] + ([after] if after.strip() else [])
        else:
            pieces = [raw]
        for piece in pieces:
            line = clean_line(piece)
            if not line or any(p.match(line) for p in NOISE_LINES):
                if not line:
                    blank_before = True
                continue
            adjacent = not blank_before
            blank_before = False
            line = thai_digits_to_arabic(line) if re.match(r"^-?\s*[๐-๙]", line) else line

            m = _DIMENSION.match(line)
            if m and (project is None or current_field in (None, "results")):
                finish()
                dims.append(SeedNode(m.group(1), m.group(2).strip(), totals.get(m.group(1))))
                current_field = None
                continue
            m = _SUB_OBJECTIVE.match(line)
            if m and (project is None or current_field == "results"):
                finish()
                sid = m.group(1)
                subs.append(SeedNode(sid, TITLE_ERRATA.get(sid, m.group(2).strip()), counts.get(sid)))
                current_sub, current_field = sid, None
                continue
            m = _OBJECTIVE.match(line)
            if m and (project is None or current_field == "results"):
                finish()
                oid = m.group(1)
                objs.append(SeedNode(oid, TITLE_ERRATA.get(oid, m.group(2).strip()), counts.get(oid)))
                current_field = None
                continue
            m = _PROJECT.match(line)
            if m:
                finish()
                if current_sub is None:
                    raise ValueError(f"line {no}: project before any sub-objective heading")
                # The 3.2 project comes after all three 3.2.x headings: it is filed under 3.2.1.
                sub = current_sub
                for first, also in SHARED_SUB_OBJECTIVES.items():
                    if current_sub in also:
                        sub = first
                project = {"sub": sub, "line": no, "name": apply_placeholders(m.group(1).strip(), example)}
                field_lines = {}
                current_field = None
                continue
            m = _FIELD.match(line)
            if m and project is not None and 2 <= int(m.group(1)) <= 10:
                name = _field_of(m.group(2))
                if name is not None and name not in field_lines:
                    current_field = name
                    field_lines[name] = []
                    continue
            if project is None or current_field is None:
                warnings.append(f"line {no}: text outside a project field dropped: {line[:40]}")
                continue
            field_lines[current_field].append(_Line(no, line, adjacent, width(line)))
    finish()
    return SeedCatalog(dims, objs, subs, projects, warnings)


def _split_results(lines: list[_Line]) -> tuple[list[_Line], list[_Line]]:
    """Field 9 holds "ผลผลิต" (outputs) then "ผลลัพธ์" (outcomes) sub-headings."""
    outputs: list[_Line] = []
    outcomes: list[_Line] = []
    target = outputs
    for ln in lines:
        head = ln.text.rstrip(" :")
        if head == "ผลผลิต":
            target = outputs
            continue
        if head == "ผลลัพธ์":
            target = outcomes
            continue
        target.append(ln)
    return outputs, outcomes
