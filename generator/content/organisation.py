"""``content/organisation.yml`` (+ images and ``powers.md`` in ``content/organisation/``) →
:class:`~generator.model.Organisation`.

Every mistake becomes a line-numbered Thai :class:`~generator.errors.Problem`; loading goes on
so that one ``prongsai check`` lists them all. Field names in problems are the YAML path with
1-based list positions as staff count them, e.g. ``permanent[3].photo``.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from ..errors import Collector
from ..fields import check_keys, closest, date_field, did_you_mean
from ..model import Division, Law, Link, Organisation, OrgType, Person, QAEntry, SourceRef
from ..sanitize import check_markdown
from ..sources import LDict, LList, load_markdown, load_yaml, safe_load

ORG_FILE = "organisation.yml"
#: Images and powers.md live here; they are published under ``files/organisation/``.
PROFILE_DIR = "organisation"
IMAGE_EXTS = (".svg", ".png", ".jpg", ".jpeg", ".webp")
#: Photos bigger than this are slow on a phone over a rural connection: a warning, not an error.
IMAGE_WARN_BYTES = 500 * 1024
#: The ITA asks for a *summary* of powers, not the whole act.
POWERS_WARN_CHARS = 20_000

#: Kinds of channel staff may name, with the label readers see.
LINK_KINDS: dict[str, str] = {
    "line": "LINE Official Account",
    "facebook": "Facebook",
    "messenger": "Facebook Messenger",
    "webboard": "กระดานถาม–ตอบ (เว็บบอร์ด)",
    "form": "แบบฟอร์มออนไลน์",
    "youtube": "YouTube",
    "tiktok": "TikTok",
    "instagram": "Instagram",
    "x": "X (Twitter)",
    "website": "เว็บไซต์",
    "phone": "โทรศัพท์",
    "email": "อีเมล",
    "other": "ช่องทางอื่น",
}

TOP_KEYS = (
    "fictional", "name", "short_name", "type", "province", "address", "phone", "fax", "email",
    "office_hours", "map", "logo", "colours", "channels", "social", "complaint_channels",
    "e_services", "executives", "council", "permanent", "divisions", "org_chart", "powers",
    "laws", "qa",
)
PERSON_KEYS = ("name", "position", "photo", "phone", "email", "division")
DIVISION_KEYS = ("name", "head", "units", "duties")
LINK_KEYS = ("title", "url", "kind", "description", "phone")
LAW_KEYS = ("title", "url", "note")
QA_KEYS = ("question", "answer", "date")
COLOUR_KEYS = ("primary", "accent")

_EMAIL = re.compile(r"^[^@\s]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+$")
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_DIGIT = re.compile(r"[0-9๐-๙]")


# --- organisation types -------------------------------------------------------------------


@cache
def org_types() -> dict[str, OrgType]:
    """The five types from ``data/org_types.yml``, by id."""
    text = resources.files("generator").joinpath("data/org_types.yml").read_text("utf-8")
    result: dict[str, OrgType] = {}
    for raw in safe_load(text)["types"]:
        raw = dict(raw)
        raw["aliases"] = tuple(raw.get("aliases") or ())
        result[raw["id"]] = OrgType(**raw)
    return result


def find_org_type(text: str) -> OrgType | None:
    """The type named by its id, short form, alias or full name ("อบต", "องค์การบริหารส่วนตำบล")."""
    wanted = text.strip()
    for t in org_types().values():
        if wanted in (t.id, t.short, t.full_name, *t.aliases):
            return t
    return None


def short_name_for(name: str, org_type: OrgType) -> str:
    """"เทศบาลตำบลดอนตัวอย่าง" → "ทต.ดอนตัวอย่าง" (the usual written abbreviation)."""
    if org_type.full_name and name.startswith(org_type.full_name):
        return org_type.short + name[len(org_type.full_name):].strip()
    return name


# --- colours -----------------------------------------------------------------------------


def contrast_ratio(colour_a: str, colour_b: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours (1.0 – 21.0)."""

    def luminance(hex6: str) -> float:
        channels = [int(hex6[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(colour_a), luminance(colour_b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _normalise_hex(value: str) -> str:
    value = value.lower()
    if len(value) == 4:
        value = "#" + "".join(c * 2 for c in value[1:])
    return value


#: Header text is white on the primary colour: WCAG AA for normal text. The accent marks links
#: and buttons on white: WCAG's 3:1 for user-interface components.
MIN_CONTRAST = {"primary": 4.5, "accent": 3.0}


# --- the reader ----------------------------------------------------------------------------


class _Reader:
    """Reads one organisation.yml, reporting problems against it."""

    def __init__(self, path: Path, content: Path, errors: Collector) -> None:
        self.path = path
        self.content = content
        self.errors = errors
        self.org_type: OrgType | None = None  # known once `type:` is read; used to check titles

    def add(self, line: int, field: str, thai: str, fix: str, english: str, severity: str = "error") -> None:
        self.errors.add(self.path, line, field, thai, fix, english, severity)

    # scalars

    def unknown_keys(self, d: LDict, known: tuple[str, ...], prefix: str) -> None:
        check_keys(d, known, self.path, self.errors, prefix=prefix)

    def text(self, d: LDict, key: str, field: str, label: str, required: bool = False) -> str | None:
        value = d.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.add(d.line_of(key), field, f"ยังไม่ได้กรอก{label} (ช่อง {key})",
                         f"เพิ่มบรรทัด {key}: แล้วตามด้วย{label}", f"required field {field} is missing")
            return None
        if isinstance(value, LDict | LList | bool):
            self.add(d.line_of(key), field, f"{label} (ช่อง {key}) ต้องเป็นข้อความบรรทัดเดียว",
                     f"เขียนเป็น {key}: ข้อความ", f"{field} must be text")
            return None
        return str(value).strip()

    def url(self, d: LDict, key: str, field: str, label: str, required: bool = False) -> str | None:
        value = self.text(d, key, field, label, required)
        if value is None:
            return None
        parts = urlsplit(value)
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc or re.search(r"\s", value):
            self.add(d.line_of(key), field, f"ลิงก์ “{value}” ไม่ถูกต้อง",
                     "ลิงก์ต้องขึ้นต้นด้วย https:// (หรือ http://) ตามด้วยชื่อเว็บไซต์ และไม่มีช่องว่าง "
                     "เช่น https://www.example.go.th/",
                     f"{field}: {value!r} is not an http(s) URL")
            return None
        return value

    def email(self, d: LDict, key: str, field: str, required: bool = False) -> str | None:
        value = self.text(d, key, field, "อีเมล", required)
        if value is None:
            return None
        if not _EMAIL.match(value):
            self.add(d.line_of(key), field, f"อีเมล “{value}” ไม่ถูกต้อง",
                     "เขียนอีเมลแบบ ชื่อ@โดเมน เช่น saraban@example.go.th ไม่มีช่องว่าง",
                     f"{field}: {value!r} is not an e-mail address")
            return None
        return value

    def phone(self, d: LDict, key: str, field: str, required: bool = False) -> str | None:
        if isinstance(d.get(key), int) and not isinstance(d.get(key), bool) and d[key] >= 10000:
            # YAML reads an unquoted 043000000 as a number (even octal): the digits are lost.
            self.add(d.line_of(key), field, "หมายเลขโทรศัพท์ที่เขียนติดกันโดยไม่มีเครื่องหมายคำพูด ระบบอ่านเป็นตัวเลขและเลข 0 หายไป",
                     f'เขียนเป็น {key}: "0 4300 0000" (มีเครื่องหมายคำพูด หรือเว้นวรรคระหว่างตัวเลข)',
                     f"{field} was read as the number {d[key]}; quote phone numbers")
            return None
        value = self.text(d, key, field, "หมายเลขโทรศัพท์", required)
        if value is None:
            return None
        if len(_DIGIT.findall(value)) < 3:
            self.add(d.line_of(key), field, f"หมายเลขโทรศัพท์ “{value}” ไม่มีตัวเลขพอ",
                     "เขียนหมายเลขเต็ม เช่น 0 4300 0000 หรือสายด่วน 1567",
                     f"{field}: {value!r} has fewer than 3 digits")
            return None
        return value

    def image(self, d: LDict, key: str, field: str, label: str) -> str | None:
        """A path to an image under content/organisation/; returned content-relative (posix)."""
        value = self.text(d, key, field, label)
        if value is None:
            return None
        line = d.line_of(key)
        rel = value.replace("\\", "/").strip()
        if rel.startswith("content/"):
            rel = rel[len("content/"):]
        target = (self.content / rel).resolve()
        content_root = self.content.resolve()
        if PurePosixPath(rel).is_absolute() or not target.is_relative_to(content_root):
            self.add(line, field, f"ที่อยู่ไฟล์{label} “{value}” ชี้ออกนอกโฟลเดอร์ content/",
                     f"วางไฟล์ไว้ในโฟลเดอร์ content/{PROFILE_DIR}/ แล้วเขียนเป็น {PROFILE_DIR}/ชื่อไฟล์",
                     f"{field}: {value!r} escapes content/")
            return None
        if not target.is_relative_to(content_root / PROFILE_DIR):
            self.add(line, field, f"ไฟล์{label} “{value}” ต้องอยู่ในโฟลเดอร์ content/{PROFILE_DIR}/",
                     f"ย้ายไฟล์ไปไว้ใน content/{PROFILE_DIR}/ แล้วเขียนเป็น {PROFILE_DIR}/ชื่อไฟล์",
                     f"{field}: {value!r} is not under content/{PROFILE_DIR}/")
            return None
        if target.suffix.lower() not in IMAGE_EXTS:
            self.add(line, field, f"ไฟล์{label} “{value}” ไม่ใช่ไฟล์ภาพที่ใช้ได้",
                     f"ใช้ไฟล์ภาพชนิด {', '.join(e.lstrip('.') for e in IMAGE_EXTS)}",
                     f"{field}: {value!r} is not one of {IMAGE_EXTS}")
            return None
        if not target.is_file():
            siblings = [p.name for p in target.parent.iterdir()] if target.parent.is_dir() else []
            close = closest(target.name, siblings)
            hint = f" มีไฟล์ชื่อ “{close}” อยู่ หรือหมายถึงไฟล์นั้น" if close else ""
            self.add(line, field, f"ไม่พบไฟล์{label} “{value}”{hint}",
                     f"อัปโหลดไฟล์ไปที่ content/{rel} หรือแก้ชื่อไฟล์ให้ตรง (ตัวพิมพ์เล็ก–ใหญ่ต้องตรงกัน)",
                     f"{field}: file content/{rel} not found")
            return None
        size = target.stat().st_size
        if size > IMAGE_WARN_BYTES:
            self.add(line, field, f"ไฟล์{label} “{value}” มีขนาด {size // 1024} KB ใหญ่เกินไป "
                     "ผู้ใช้โทรศัพท์จะโหลดช้า",
                     "ย่อภาพให้กว้างไม่เกิน 600 พิกเซล และมีขนาดไม่เกิน 500 KB ก่อนอัปโหลด",
                     f"{field}: image is {size} bytes (> {IMAGE_WARN_BYTES})", severity="warning")
        return target.relative_to(content_root).as_posix()

    def check_type_words(self, text: str, line: int, field: str) -> None:
        """Warn about a title that belongs to another type (นายกเทศมนตรี in an อบต., ...)."""
        own = self.org_type
        if own is None:
            return
        words = {own.executive, own.council, own.permanent_head}
        foreign = {w for t in org_types().values() for w in (t.executive, t.council, t.permanent_head)}
        word = next((w for w in sorted(foreign - words, key=len, reverse=True) if w in text), None)
        if word is not None:
            self.add(line, field, f"“{text}” ใช้คำว่า “{word}” ซึ่งไม่ใช่คำของ{own.full_name}",
                     f"{own.full_name}ใช้คำว่า {own.executive} / {own.council} / {own.permanent_head} "
                     "ตรวจว่าเลือกประเภทหน่วยงาน (type) ถูกต้อง หรือแก้ชื่อตำแหน่ง",
                     f"{text!r} uses {word!r}, a word of another organisation type than {own.id}",
                     severity="warning")

    def mapping(self, value: Any, line: int, field: str, label: str) -> LDict | None:
        if isinstance(value, LDict):
            return value
        self.add(line, field, f"{label}ต้องเขียนเป็นรายการ ชื่อช่อง: ค่า",
                 "ย่อหน้าแต่ละบรรทัดใต้หัวข้อให้เท่ากัน เช่น name: ... และ position: ...",
                 f"{field} must be a mapping")
        return None

    def entries(self, d: LDict, key: str, label: str) -> list[tuple[int, str, LDict]]:
        """The list under ``key`` as (line, field prefix, mapping) per valid entry."""
        value = d.get(key)
        if value is None:
            return []
        if not isinstance(value, LList):
            self.add(d.line_of(key), key, f"{label} (ช่อง {key}) ต้องเป็นรายการที่ขึ้นต้นแต่ละรายการด้วย -",
                     f"เขียนแต่ละรายการในบรรทัดใหม่ใต้ {key}: โดยขึ้นต้นด้วย - ", f"{key} must be a list")
            return []
        out = []
        for i, item in enumerate(value):
            prefix = f"{key}[{i + 1}]"
            entry = self.mapping(item, value.line_of(i), prefix, f"{label} รายการที่ {i + 1} ")
            if entry is not None:
                out.append((value.line_of(i), prefix, entry))
        return out

    # compound fields

    def links(self, d: LDict, key: str, label: str, need_url: bool = True) -> tuple[Link, ...]:
        links = []
        for line, prefix, e in self.entries(d, key, label):
            self.unknown_keys(e, LINK_KEYS, prefix + ".")
            title = self.text(e, "title", prefix + ".title", "ชื่อช่องทาง", required=True)
            kind = self.text(e, "kind", prefix + ".kind", "ชนิดช่องทาง") or ""
            if kind and kind not in LINK_KINDS:
                self.add(e.line_of("kind"), prefix + ".kind", f"ไม่รู้จักชนิดช่องทาง “{kind}”",
                         f"ใช้ชนิดใดชนิดหนึ่ง: {', '.join(LINK_KINDS)}",
                         f"{prefix}.kind {kind!r} unknown; known: {', '.join(LINK_KINDS)}")
                kind = "other"
            url = self.url(e, "url", prefix + ".url", "ลิงก์", required=need_url and "phone" not in e)
            phone = self.phone(e, "phone", prefix + ".phone")
            if not need_url and not ({"url", "phone"} & e.keys()) and not e.get("description"):
                self.add(line, prefix, f"{label} ({prefix}) ไม่มีลิงก์ หมายเลขโทรศัพท์ หรือคำอธิบายวิธีติดต่อ",
                         "เพิ่ม url: (ลิงก์) หรือ phone: (หมายเลขโทรศัพท์) หรือ description: (วิธีติดต่อ)",
                         f"{prefix} has no url, phone or description")
            description = self.text(e, "description", prefix + ".description", "คำอธิบาย") or ""
            if title is not None:
                links.append(Link(title=title, url=url or "", kind=kind, description=description,
                                  phone=phone or ""))
        return tuple(links)

    def people(self, d: LDict, key: str, side: str, group: str, divisions: set[str]) -> list[Person]:
        people = []
        for line, prefix, e in self.entries(d, key, "รายชื่อบุคคล"):
            self.unknown_keys(e, PERSON_KEYS, prefix + ".")
            name = self.text(e, "name", prefix + ".name", "ชื่อ–นามสกุล", required=True)
            position = self.text(e, "position", prefix + ".position", "ตำแหน่ง", required=True)
            photo = self.image(e, "photo", prefix + ".photo", "ภาพ")
            phone = self.phone(e, "phone", prefix + ".phone")
            email = self.email(e, "email", prefix + ".email")
            division = self.text(e, "division", prefix + ".division", "กอง/สำนัก")
            if division is not None and divisions and division not in divisions:
                self.add(e.line_of("division"), prefix + ".division",
                         f"ไม่พบส่วนราชการ “{division}” ในรายการ divisions{did_you_mean(division, divisions)}",
                         f"เขียนชื่อให้ตรงกับชื่อใน divisions: {', '.join(sorted(divisions))}",
                         f"{prefix}.division {division!r} is not a division name")
            if position is not None:
                self.check_type_words(position, e.line_of("position"), prefix + ".position")
            if name is not None and position is not None:
                people.append(Person(name=name, position=position, side=side, group=group, photo=photo,
                                     phone=phone, email=email, unit=division,
                                     source=SourceRef(self.errors.rel(self.path), line)))
        return people

    def divisions(self, d: LDict) -> list[Division]:
        result: list[Division] = []
        seen: set[str] = set()
        for line, prefix, e in self.entries(d, "divisions", "ส่วนราชการ"):
            self.unknown_keys(e, DIVISION_KEYS, prefix + ".")
            name = self.text(e, "name", prefix + ".name", "ชื่อส่วนราชการ", required=True)
            head = self.text(e, "head", prefix + ".head", "ตำแหน่งหัวหน้าส่วนราชการ")
            duties = self.text(e, "duties", prefix + ".duties", "หน้าที่โดยย่อ") or ""
            units: list[str] = []
            raw_units = e.get("units")
            if raw_units is not None:
                if isinstance(raw_units, LList) and all(isinstance(u, str | int) for u in raw_units):
                    units = [str(u).strip() for u in raw_units if str(u).strip()]
                else:
                    self.add(e.line_of("units"), prefix + ".units",
                             "ช่อง units ต้องเป็นรายชื่องานหรือฝ่าย บรรทัดละหนึ่งชื่อ ขึ้นต้นด้วย -",
                             "เขียนแต่ละงานในบรรทัดใหม่ เช่น - งานธุรการ",
                             f"{prefix}.units must be a list of names")
            if name is None:
                continue
            self.check_type_words(name, e.line_of("name"), prefix + ".name")
            if name in seen:
                self.add(e.line_of("name"), prefix + ".name", f"ชื่อส่วนราชการ “{name}” ซ้ำกัน",
                         "รวมเป็นรายการเดียว หรือแก้ชื่อให้ต่างกัน", f"duplicate division {name!r}")
                continue
            seen.add(name)
            result.append(Division(name=name, head=head, duties=duties, units=tuple(units),
                                   source=SourceRef(self.errors.rel(self.path), line)))
        return result

    def colours(self, d: LDict) -> dict[str, str]:
        if "colours" not in d:
            return {}
        c = self.mapping(d["colours"], d.line_of("colours"), "colours", "สีของเว็บไซต์ (colours) ")
        if c is None:
            return {}
        self.unknown_keys(c, COLOUR_KEYS, "colours.")
        result = {}
        for key in COLOUR_KEYS:
            if key not in c:
                continue
            field, line, value = f"colours.{key}", c.line_of(key), c[key]
            if value is None:
                # `primary: #1b5e20` unquoted: YAML reads everything after # as a comment.
                self.add(line, field, f"ไม่พบรหัสสีในช่อง {key} (เครื่องหมาย # ต้องอยู่ในเครื่องหมายคำพูด)",
                         f'เขียนเป็น {key}: "#1b5e20" โดยมีเครื่องหมายคำพูดครอบรหัสสี',
                         f"{field} is empty (unquoted # starts a YAML comment)")
                continue
            text = str(value).strip()
            if not _HEX.match(text):
                self.add(line, field, f"รหัสสี “{text}” ไม่ถูกต้อง",
                         f'เขียนรหัสสีแบบเลขฐานสิบหก 6 หลักในเครื่องหมายคำพูด เช่น {key}: "#1b5e20"',
                         f"{field}: {text!r} is not a #rrggbb colour")
                continue
            hex6 = _normalise_hex(text)
            ratio = contrast_ratio(hex6, "#ffffff")
            if ratio < MIN_CONTRAST[key]:
                use = "ตัวอักษรสีขาวบนแถบหัวเว็บ" if key == "primary" else "ลิงก์และปุ่มบนพื้นขาว"
                self.add(line, field,
                         f"สี {text} ตัดกับสีขาวเพียง {ratio:.1f}:1 ต่ำกว่า {MIN_CONTRAST[key]}:1 "
                         f"ทำให้{use}อ่านยาก",
                         "เลือกสีที่เข้มขึ้น (ตรวจได้ที่เครื่องมือตรวจความต่างของสี contrast checker)",
                         f"{field}: contrast {ratio:.2f}:1 with white is below {MIN_CONTRAST[key]}:1",
                         severity="warning")
            result[key] = hex6
        return result

    def powers(self, d: LDict) -> str:
        value = self.text(d, "powers", "powers", "สรุปอำนาจหน้าที่")
        line = d.line_of("powers")
        if value is None:
            self.add(line, "powers", "ยังไม่มีสรุปอำนาจหน้าที่ (ผู้ประเมิน ITA ตรวจหัวข้อนี้)",
                     f"เขียนสรุปในไฟล์ content/{PROFILE_DIR}/powers.md แล้วเพิ่มบรรทัด "
                     f"powers: {PROFILE_DIR}/powers.md", "powers summary is missing", severity="warning")
            return ""
        if "\n" not in value and value.lower().endswith(".md"):
            rel = value.removeprefix("content/")
            path = (self.content / rel).resolve()
            if not path.is_relative_to(self.content.resolve()) or not path.is_file():
                self.add(line, "powers", f"ไม่พบไฟล์สรุปอำนาจหน้าที่ “{value}”",
                         f"สร้างไฟล์ content/{PROFILE_DIR}/powers.md หรือแก้ชื่อไฟล์ให้ตรง",
                         f"powers file content/{rel} not found")
                return ""
            loaded = load_markdown(path, self.errors)
            if loaded is None:
                return ""
            _, body, first = loaded
            check_markdown(body, path, first, "powers", self.errors)
            md, where, where_line = body, path, first
        else:
            check_markdown(value, self.path, line + 1 if "\n" in value else line, "powers", self.errors)
            md, where, where_line = value, self.path, line
        if len(md) > POWERS_WARN_CHARS:
            self.errors.add(where, where_line, "powers",
                            f"สรุปอำนาจหน้าที่ยาว {len(md):,} ตัวอักษร ดูเหมือนคัดลอกกฎหมายทั้งฉบับ",
                            "ผู้ประเมิน ITA ต้องการสรุป ไม่ใช่กฎหมายทั้งฉบับ ให้สรุปเป็นข้อ ๆ "
                            "แล้วใส่ลิงก์กฎหมายฉบับเต็มไว้ในช่อง laws",
                            f"powers summary is {len(md)} characters: a summary is expected",
                            severity="warning")
        return md.strip() + "\n"

    def laws(self, d: LDict) -> tuple[Law, ...]:
        laws = []
        for _line, prefix, e in self.entries(d, "laws", "กฎหมายที่เกี่ยวข้อง"):
            self.unknown_keys(e, LAW_KEYS, prefix + ".")
            title = self.text(e, "title", prefix + ".title", "ชื่อกฎหมาย", required=True)
            url = self.url(e, "url", prefix + ".url", "ลิงก์กฎหมาย")
            note = self.text(e, "note", prefix + ".note", "หมายเหตุ") or ""
            if title is not None:
                laws.append(Law(title=title, url=url, note=note))
        return tuple(laws)

    def qa(self, d: LDict) -> tuple[QAEntry, ...]:
        entries = []
        for line, prefix, e in self.entries(d, "qa", "คำถาม–คำตอบ"):
            self.unknown_keys(e, QA_KEYS, prefix + ".")
            question = self.text(e, "question", prefix + ".question", "คำถาม", required=True)
            answer = self.text(e, "answer", prefix + ".answer", "คำตอบ", required=True)
            when = date_field(e, "date", self.path, self.errors, field=prefix + ".date")
            if answer is not None:
                first = e.line_of("answer") + (1 if "\n" in answer else 0)  # a block starts below
                check_markdown(answer, self.path, first, prefix + ".answer", self.errors)
            if question is not None and answer is not None and when is not None:
                entries.append(QAEntry(question=question, answer_md=answer, date=when,
                                       source=SourceRef(self.errors.rel(self.path), line)))
        return tuple(entries)


# --- checks that need the whole profile ------------------------------------------------------


def _check_deputies(r: _Reader, d: LDict, org_type: OrgType, executives: list[Person]) -> None:
    deputies = [p for p in executives if org_type.deputy and p.position.startswith(org_type.deputy)]
    if org_type.max_deputies and len(deputies) > org_type.max_deputies:
        r.add(d.line_of("executives"), "executives",
              f"มี{org_type.deputy} {len(deputies)} คน แต่กฎหมายให้{org_type.full_name}มีได้ไม่เกิน "
              f"{org_type.max_deputies} คน",
              "ตรวจรายชื่อและประเภทหน่วยงาน (type) อีกครั้ง",
              f"{len(deputies)} deputies; {org_type.id} may have at most {org_type.max_deputies}",
              severity="warning")


# --- entry point ---------------------------------------------------------------------------


def load_organisation(content: Path, errors: Collector) -> Organisation | None:
    """Read ``content/organisation.yml``; return None when it is missing or unusable."""
    path = content / ORG_FILE
    if not path.exists():
        errors.add(path, 0, "", "ไม่พบไฟล์ข้อมูลหน่วยงาน content/organisation.yml",
                   "คัดลอกไฟล์ organisation.yml จากตัวอย่าง แล้วแก้เป็นข้อมูลของหน่วยงาน",
                   "content/organisation.yml is missing", severity="warning")
        return None
    data = load_yaml(path, errors)
    if data is None:
        return None
    r = _Reader(path, content, errors)
    if not isinstance(data, LDict):
        r.add(1, "", "ไฟล์ข้อมูลหน่วยงานต้องเป็นรายการ ชื่อช่อง: ค่า",
              "ดูรูปแบบจากไฟล์ตัวอย่าง แต่ละบรรทัดเป็น ชื่อช่อง: ค่า", "organisation.yml must be a mapping")
        return None
    r.unknown_keys(data, TOP_KEYS, "")

    name = r.text(data, "name", "name", "ชื่อหน่วยงาน", required=True)
    type_text = r.text(data, "type", "type", "ประเภทหน่วยงาน", required=True)
    org_type = find_org_type(type_text) if type_text else None
    r.org_type = org_type
    if type_text and org_type is None:
        r.add(data.line_of("type"), "type", f"ไม่รู้จักประเภทหน่วยงาน “{type_text}”",
              f"เลือกประเภทใดประเภทหนึ่ง: {', '.join(org_types())}",
              f"unknown organisation type {type_text!r}; valid: {', '.join(org_types())}")
    if name and org_type and not name.startswith(org_type.full_name):
        r.add(data.line_of("name"), "name",
              f"ชื่อ “{name}” ไม่ได้ขึ้นต้นด้วย “{org_type.full_name}” ตามประเภทหน่วยงาน ({org_type.id})",
              "ตรวจชื่อเต็มของหน่วยงานและช่อง type ว่าตรงกัน",
              f"name {name!r} does not start with the type name {org_type.full_name!r}", severity="warning")

    address = r.text(data, "address", "address", "ที่อยู่", required=True)
    phone = r.phone(data, "phone", "phone", required=True)
    email = r.email(data, "email", "email", required=True)
    office_hours = r.text(data, "office_hours", "office_hours", "วันและเวลาทำการ", required=True)
    fax = r.phone(data, "fax", "fax")
    province = r.text(data, "province", "province", "จังหวัด") or ""
    map_url = r.url(data, "map", "map", "ลิงก์แผนที่")
    short_name = r.text(data, "short_name", "short_name", "ชื่อย่อ")
    fictional = data.get("fictional", False)
    if not isinstance(fictional, bool):
        r.add(data.line_of("fictional"), "fictional", "ช่อง fictional ต้องเป็น true หรือ false",
              "เขียน fictional: true สำหรับข้อมูลตัวอย่าง หรือลบบรรทัดนี้", "fictional must be a boolean")
        fictional = False

    logo = r.image(data, "logo", "logo", "ตราสัญลักษณ์")
    colours = r.colours(data)
    org_chart = r.image(data, "org_chart", "org_chart", "แผนภูมิโครงสร้าง")

    channels = r.links(data, "channels", "ช่องทางสอบถาม")
    if not channels:
        r.add(data.line_of("channels") if "channels" in data else 0, "channels",
              "ยังไม่มีช่องทางสอบถามแบบสองทาง (เช่น LINE Official Account, Facebook, เว็บบอร์ด, แบบฟอร์ม) "
              "ซึ่งผู้ประเมิน ITA ตรวจในหัวข้อข้อมูลการติดต่อ",
              "เพิ่มช่อง channels: พร้อมอย่างน้อยหนึ่งรายการที่มี title:, kind: และ url:",
              "no two-way channel (ITA o3 asks for one)", severity="warning")
    social = r.links(data, "social", "เครือข่ายสังคมออนไลน์")
    complaint_channels = r.links(data, "complaint_channels", "ช่องทางร้องเรียน", need_url=False)
    e_services = r.links(data, "e_services", "บริการออนไลน์ (E-Service)")

    divisions = r.divisions(data)
    division_names = {dv.name for dv in divisions}
    executives = r.people(data, "executives", "political", "executive", division_names)
    council = r.people(data, "council", "political", "council", division_names)
    permanent = r.people(data, "permanent", "permanent", "permanent", division_names)
    for key, label, group in (("executives", "ผู้บริหารฝ่ายการเมือง", executives),
                              ("permanent", "ผู้บริหารฝ่ายประจำ", permanent)):
        if not group:
            r.add(data.line_of(key) if key in data else 0, key,
                  f"ยังไม่มีรายชื่อ{label} ซึ่งผู้ประเมิน ITA ตรวจในหัวข้อข้อมูลผู้บริหาร",
                  f"เพิ่มช่อง {key}: พร้อมรายชื่อ แต่ละคนมี name:, position:, photo: และ phone: หรือ email:",
                  f"{key} list is empty", severity="warning")

    powers_md = r.powers(data)
    laws = r.laws(data)
    qa = r.qa(data)

    if org_type is not None:
        _check_deputies(r, data, org_type, executives)

    if not (name and org_type and address and phone and email and office_hours):
        return None
    return Organisation(
        name=name,
        short_name=short_name or short_name_for(name, org_type),
        type=org_type,
        address=address,
        phone=phone,
        email=email,
        office_hours=office_hours,
        map_url=map_url,
        fax=fax,
        province=province,
        logo=logo,
        colours=colours,
        fictional=fictional,
        two_way_channels=channels,
        social=social,
        complaint_channels=complaint_channels,
        e_services=e_services,
        executives=tuple(executives + council + permanent),
        divisions=tuple(divisions),
        org_chart=org_chart,
        powers_md=powers_md,
        laws=laws,
        qa=qa,
    )
