"""The data model: what a municipality's portal is made of, independent of any renderer.

Loaders (``generator.content``, ``generator.catalog``, ``generator.plan``) build these from
files; page generators (``generator.pages``) turn them into Markdown. Nothing here knows about
MkDocs, HTML or file layout of the output, so the renderer can be swapped without touching it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .thai import fiscal_year


def split_suffix(name: str) -> tuple[str, str]:
    """``(stem, suffix)`` of a file name exactly as pathlib splits it ("a.tar.gz" → "a.tar",
    ".gz"; ".profile" and "a." have no suffix), without building a Path: loaders and pages do
    this for every one of thousands of attachments."""
    i = name.rfind(".")
    if 0 < i < len(name) - 1:
        return name[:i], name[i:]
    return name, ""


@dataclass(frozen=True)
class SourceRef:
    """Where a record came from, for error messages and "edit this" links."""

    path: str  # project-relative, forward slashes
    line: int = 0


@dataclass(frozen=True)
class OrgType:
    """A type of อปท. and the words that change with it (นายกเทศมนตรี / นายก อบต., ...)."""

    id: str  # เทศบาลนคร | เทศบาลเมือง | เทศบาลตำบล | อบต. | อบจ.
    full_name: str  # องค์การบริหารส่วนตำบล
    executive: str  # นายกเทศมนตรี | นายกองค์การบริหารส่วนตำบล
    council: str  # สภาเทศบาล | สภาองค์การบริหารส่วนตำบล
    ordinance: str  # เทศบัญญัติ | ข้อบัญญัติ
    permanent_head: str  # ปลัดเทศบาล | ปลัดองค์การบริหารส่วนตำบล
    # More words, all from generator/data/org_types.yml (see there for their meaning).
    short: str = ""  # ทต. | อบต.
    deputy: str = ""  # รองนายกเทศมนตรี
    executive_secretary: str = ""
    executive_adviser: str = ""
    executive_team: str = ""  # คณะผู้บริหารเทศบาล
    council_president: str = ""
    council_vice_president: str = ""
    council_secretary: str = ""
    council_member: str = ""
    deputy_permanent_head: str = ""
    permanent_office: str = ""  # สำนักปลัดเทศบาล | สำนักปลัด
    staff: str = ""  # พนักงานเทศบาล | พนักงานส่วนตำบล
    budget_ordinance: str = ""
    governing_law: str = ""
    max_deputies: int = 0
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Person:
    name: str
    position: str
    side: str  # "political" | "permanent"
    photo: str | None = None  # content-relative path
    phone: str | None = None
    email: str | None = None
    unit: str | None = None
    source: SourceRef | None = None
    group: str = ""  # "executive" | "council" | "permanent": where the person sits in the chart


@dataclass(frozen=True)
class Division:
    name: str
    head: str | None = None  # a position or a name
    duties: str = ""
    units: tuple[str, ...] = ()
    source: SourceRef | None = None


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    kind: str = ""  # line | facebook | webboard | form | e-service | youtube | ...
    description: str = ""
    phone: str = ""  # for channels reached by phone (a hotline); url may then be ""


@dataclass(frozen=True)
class Law:
    title: str
    url: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Organisation:
    """The organisation profile (content/organisation.yml)."""

    name: str  # full official name, e.g. "เทศบาลตำบลบ้านตัวอย่าง"
    short_name: str
    type: OrgType
    address: str
    phone: str
    email: str
    office_hours: str
    map_url: str | None = None
    fax: str | None = None
    province: str = ""
    logo: str | None = None  # content-relative path
    colours: dict[str, str] = field(default_factory=dict)  # primary, accent (hex)
    fictional: bool = False  # example data: every page says so
    two_way_channels: tuple[Link, ...] = ()  # LINE OA, web board, form (o3)
    social: tuple[Link, ...] = ()
    complaint_channels: tuple[Link, ...] = ()
    e_services: tuple[Link, ...] = ()
    executives: tuple[Person, ...] = ()
    divisions: tuple[Division, ...] = ()
    org_chart: str | None = None  # content-relative image path
    powers_md: str = ""  # summary of powers (Markdown)
    laws: tuple[Law, ...] = ()
    qa: tuple[QAEntry, ...] = ()  # questions answered on the Q&A page (การปฏิสัมพันธ์ข้อมูล)


@dataclass(frozen=True)
class QAEntry:
    question: str
    answer_md: str
    date: date  # when it was answered (CE; rendered in BE)
    source: SourceRef | None = None


@dataclass(frozen=True)
class Attachment:
    """A file published with a document (PDF, XLSX, DOCX, image), stored under content/."""

    path: str  # content-relative source path, forward slashes
    title: str
    size: int  # bytes
    url: str  # site-relative URL where the file is published

    @property
    def ext(self) -> str:
        return split_suffix(self.path.rpartition("/")[2])[1].lower().lstrip(".")


@dataclass(frozen=True)
class Document:
    """One dated entry in an item's register."""

    id: str  # unique within the item: the file stem, slugified
    item_id: str
    title: str
    date: date  # CE date; rendered in BE
    fiscal_year: int  # BE
    attachments: tuple[Attachment, ...] = ()
    body_md: str = ""  # staff-written Markdown (sanitised before rendering)
    link: str | None = None  # an external link (e.g. e-GP)
    summary: str = ""
    source: SourceRef | None = None

    @property
    def has_page(self) -> bool:
        """Documents with a body get their own page; others are a row linking to their files."""
        return bool(self.body_md.strip())


@dataclass(frozen=True)
class NewsItem:
    id: str
    title: str
    date: date
    body_md: str
    image: str | None = None
    image_alt: str = ""
    attachments: tuple[Attachment, ...] = ()
    source: SourceRef | None = None

    @property
    def fiscal_year(self) -> int:
        return fiscal_year(self.date)


@dataclass(frozen=True)
class Dataset:
    """A structured table (procurement, complaint statistics, ...) with its column dictionary.

    ``rows`` hold typed values (Decimal, date, int, str); ``columns`` name them in order.
    Import and export use the same CSV columns.
    """

    id: str  # procurement | procurement-plan | complaints | service-statistics
    title: str
    columns: tuple[Column, ...]
    rows: tuple[dict[str, Any], ...]
    sources: tuple[SourceRef, ...] = ()


@dataclass(frozen=True)
class Column:
    key: str  # CSV header (Thai) and JSON key
    title: str
    type: str  # text | int | money | date | month
    description: str
    required: bool = True


@dataclass
class Site:
    """Everything loaded for one build. Filled by loaders; read by page generators."""

    root: Path  # project root (holds content/, catalog/)
    settings: Any  # generator.config.Settings
    organisation: Organisation | None = None
    documents: list[Document] = field(default_factory=list)
    news: list[NewsItem] = field(default_factory=list)
    datasets: dict[str, Dataset] = field(default_factory=dict)
    catalog: Any = None  # generator.catalog.model.Catalog
    plan: Any = None  # generator.plan.model.Plan
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def current_fiscal_year(self) -> int:
        """The fiscal year (BE) treated as current: the setting, else the build date's."""
        from .config import build_date

        return self.settings.fiscal_year or fiscal_year(build_date())

    # Index of documents by item, built on first use; page generators ask for each item several
    # times, and a portal can hold 10,000 documents. Rebuilt if the list is replaced or grows.
    _by_item: dict[str, list[Document]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _by_item_key: tuple[int, int] = field(default=(0, -1), init=False, repr=False, compare=False)

    def documents_for(self, item_id: str) -> list[Document]:
        """An item's documents, newest first (a new list: callers may change it)."""
        key = (id(self.documents), len(self.documents))
        if key != self._by_item_key:
            index: dict[str, list[Document]] = {}
            for d in self.documents:
                index.setdefault(d.item_id, []).append(d)
            for docs in index.values():
                docs.sort(key=lambda d: (d.date, d.title), reverse=True)
            self._by_item, self._by_item_key = index, key
        return list(self._by_item.get(item_id, ()))


@dataclass(frozen=True)
class Page:
    """One finished Markdown page handed to the renderer.

    ``path`` is docs-relative (``basic/structure/index.md``); ``nav`` says whether it appears in
    the navigation (records never do: see issue #3). ``twin`` is the page's machine-readable
    twin, written beside it as ``index.json``.
    """

    path: str
    title: str
    body: str
    nav: bool = False
    description: str = ""
    twin: Any = None
    hide: tuple[str, ...] = ()  # Material front-matter "hide" (navigation, toc)
    template: str | None = None


@dataclass(frozen=True)
class OutputFile:
    """A non-page file of the site: an attachment copied from content/, or a generated CSV/JSON."""

    path: str  # site-relative
    data: bytes | None = None
    source: Path | None = None
