"""``content/news/<BE-date>-<slug>.md`` → :class:`~generator.model.NewsItem`.

::

    ---
    title: เทศบาลจัดกิจกรรมวันเด็กแห่งชาติ ประจำปี 2569
    date: 2569-01-10
    image: วันเด็ก-2569.jpg       # optional, beside this file
    image_alt: เด็ก ๆ ร่วมเล่นเกมที่ลานหน้าสำนักงาน   # required when image is given
    files:                         # optional attachments, as for documents
      - file: กำหนดการ.pdf
    ---
    The news text (Markdown).

The date in the file name is only for sorting the folder; the ``date:`` field is what counts
(a mismatch is reported, since one of them is a typo).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..dates import DateError, parse_date
from ..errors import Collector
from ..fields import check_keys, date_field
from ..model import NewsItem, SourceRef
from ..sanitize import check_markdown
from ..sources import iter_files, load_markdown
from ..thai import format_date, slugify
from . import frontmatter as fm
from .attachments import AttachmentResolver

FIELDS = {
    "title": "หัวข้อข่าว",
    "date": "วันที่ของข่าว",
    "image": "รูปภาพประกอบ",
    "image_alt": "คำบรรยายรูปสำหรับผู้พิการทางสายตา",
    "files": "ไฟล์แนบ",
}
_NAME_DATE = re.compile(r"^([0-9๐-๙]{4}-[0-9๐-๙]{2}-[0-9๐-๙]{2})(?:-|$)")


def load_news(content: Path, resolver: AttachmentResolver, errors: Collector) -> list[NewsItem]:
    """Every news item under ``content/news/``, newest first."""
    news: list[NewsItem] = []
    seen: dict[str, str] = {}  # id -> first file
    for path in iter_files(content / "news", ".md"):
        if path.name.lower() == "readme.md":
            continue
        item = load_news_item(path, resolver, errors)
        if item is None:
            continue
        if fm.first_to_claim(seen, item.id, path, item.id, errors, "news"):
            news.append(item)
    return sorted(news, key=lambda n: (n.date, n.id), reverse=True)


def load_news_item(path: Path, resolver: AttachmentResolver, errors: Collector) -> NewsItem | None:
    """One news file, or None after reporting what is wrong with it."""
    loaded = load_markdown(path, errors)
    if loaded is None:
        return None
    meta, body, body_line = loaded
    before = errors.error_count
    check_keys(meta, FIELDS, path, errors)
    title = fm.text(meta, "title", path, errors, required=True, example="หัวข้อข่าว")
    when = date_field(meta, "date", path, errors)
    if when is not None and (m := _NAME_DATE.match(path.stem)):
        try:
            named = parse_date(m[1])
        except DateError:
            named = None
        if named is not None and named != when:
            errors.add(path, meta.line_of("date"), "date",
                       f"วันที่ในชื่อไฟล์ ({format_date(named)}) ไม่ตรงกับช่อง date ({format_date(when)})",
                       "แก้ให้ตรงกัน: ชื่อไฟล์ขึ้นต้นด้วยวันที่ของข่าวแบบ 2569-01-10-ชื่อข่าว.md",
                       f"file-name date {named} differs from date field {when}",
                       severity="warning")
    image = None
    image_alt = fm.text(meta, "image_alt", path, errors, required=False, example="")
    if meta.get("image") not in (None, ""):
        att = resolver.resolve(meta["image"], path, meta.line_of("image"), "image", images_only=True)
        image = att.path if att else None  # content-relative; published via published_url
        if att is not None and not image_alt:
            errors.add(path, meta.line_of("image"), "image_alt",
                       "มีรูปภาพแต่ยังไม่ได้เขียนคำบรรยายรูป (image_alt) ผู้ใช้โปรแกรมอ่านหน้าจอจะไม่รู้ว่าเป็นรูปอะไร",
                       "เพิ่มบรรทัด image_alt: บอกสั้น ๆ ว่าในรูปมีอะไร เช่น นายกเทศมนตรีมอบถุงยังชีพให้ผู้สูงอายุ",
                       "image given without image_alt")
    elif image_alt:
        errors.add(path, meta.line_of("image_alt"), "image_alt", "มีคำบรรยายรูปแต่ไม่มีรูป (image)",
                   "เพิ่มบรรทัด image: ชื่อไฟล์รูป หรือลบบรรทัด image_alt", "image_alt without image",
                   severity="warning")
    files = fm.files_field(meta, path, resolver, errors, title or "")
    if not body.strip():
        errors.add(path, body_line, "body", "ข่าวนี้ยังไม่มีเนื้อหา",
                   "เขียนเนื้อข่าวใต้เส้น --- บรรทัดล่าง", "news item has no body text")
    else:
        check_markdown(body, path, body_line, "body", errors)
    if errors.error_count != before or when is None:
        return None
    return NewsItem(
        id=slugify(path.stem) or "news",
        title=title,
        date=when,
        body_md=body.strip() + "\n",
        image=image,
        image_alt=image_alt,
        attachments=files,
        source=SourceRef(errors.rel(path), 1),
    )
