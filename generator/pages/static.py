"""Two notices every portal publishes, linked from the footer and kept out of the navigation:

- ``accessibility/`` — การเข้าถึงเว็บไซต์ (accessibility statement): what the site does for
  people with disabilities and on phones, how it is tested, known limits, how to report a problem;
- ``privacy/`` — ประกาศความเป็นส่วนตัว (privacy notice under the PDPA, พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล
  พ.ศ. 2562): what the site collects (nothing beyond the web server's log), what personal data it
  publishes and why, the reader's rights, whom to contact.

The texts are the same for every organisation; its name, type and contacts come from
``content/organisation.yml``. They describe what Prongsai does (no cookies, no trackers, no
requests to other hosts, automatic accessibility tests): keep them true when that changes.

Each page says when its text last changed ("ปรับปรุงล่าสุด …"): a fixed date below, not the build
date, which would tell readers the notice changes every time the site is built. Set it to the
day you change the text (``tests/test_static_pages.py`` fails until you do).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ..model import Organisation, OutputFile, Page, Site
from ..thai import format_date

ACCESSIBILITY_PATH = "accessibility/index.md"
PRIVACY_PATH = "privacy/index.md"
ACCESSIBILITY_TITLE = "การเข้าถึงเว็บไซต์"

#: The day each text below last changed (CE). Change it with the text, never for a rebuild.
ACCESSIBILITY_UPDATED = date(2026, 11, 25)
PRIVACY_UPDATED = date(2026, 11, 25)


def generate(site: Site) -> Iterable[Page | OutputFile]:
    org = site.organisation
    yield Page(
        path=ACCESSIBILITY_PATH,
        title=ACCESSIBILITY_TITLE,
        body=accessibility_md(org),
        description="การเข้าถึงเว็บไซต์สำหรับทุกคน มาตรฐานที่ใช้ วิธีทดสอบ ข้อจำกัด และช่องทางแจ้งปัญหา",
        hide=("navigation",),
    )
    yield Page(
        path=PRIVACY_PATH,
        title="ประกาศความเป็นส่วนตัว",
        body=privacy_md(org),
        description="ข้อมูลส่วนบุคคลที่เว็บไซต์นี้เก็บและเผยแพร่ และสิทธิของเจ้าของข้อมูลตามกฎหมายคุ้มครองข้อมูลส่วนบุคคล",
        hide=("navigation",),
    )


def _md(text: str) -> str:
    """Data written into Markdown as plain text (no markup, no HTML)."""
    for ch in "\\`*_[]<>#|":
        text = text.replace(ch, "\\" + ch)
    return text


def _name(org: Organisation | None) -> str:
    return _md(org.name) if org else "หน่วยงาน"


def _contact_lines(org: Organisation | None) -> str:
    if org is None:
        return ""
    lines = [f"- **{_md(org.name)}** {_md(org.address)}"]
    if org.phone:
        lines.append(f"- โทรศัพท์ {_md(org.phone)}")
    if org.email:
        lines.append(f"- อีเมล <{org.email}>")
    if org.office_hours:
        lines.append(f"- เวลาทำการ {_md(org.office_hours)}")
    return "\n".join(lines) + "\n"


def _updated(when: date) -> str:
    return f"ปรับปรุงล่าสุด {format_date(when)}"


def accessibility_md(org: Organisation | None) -> str:
    name = _name(org)
    return f"""# {ACCESSIBILITY_TITLE}

{name}ต้องการให้ทุกคนใช้เว็บไซต์นี้ได้ ทั้งผู้ที่ใช้โทรศัพท์มือถือหรืออินเทอร์เน็ตที่ช้า ผู้สูงอายุ
ผู้มีความบกพร่องทางการมองเห็น การได้ยิน หรือการเคลื่อนไหว และผู้ที่ใช้โปรแกรมอ่านหน้าจอ

## มาตรฐานที่ใช้

เว็บไซต์นี้ออกแบบตามแนวทางการพัฒนาเว็บไซต์ที่ทุกคนเข้าถึงได้ WCAG 2.1 ระดับ AA
ซึ่งครอบคลุมแนวทางการออกแบบเว็บไซต์ภาครัฐที่ทุกคนเข้าถึงได้ (TWCAG) และ มอก. 2565-2555

## สิ่งที่ท่านทำได้บนเว็บไซต์นี้

- ใช้งานด้วยแป้นพิมพ์ได้ทุกหน้า กดปุ่ม Tab เพื่อเลื่อนไปทีละลิงก์ ตำแหน่งที่เลือกอยู่มีกรอบสีเหลืองและดำเห็นชัด
  และกด Tab ครั้งแรกจะพบลิงก์ "ข้ามไปยังเนื้อหา"
- ขยายตัวอักษรได้ถึง 200% (กด Ctrl และ + หรือถ่างนิ้วบนโทรศัพท์) โดยเนื้อหาไม่ขาดหาย
- อ่านด้วยโปรแกรมอ่านหน้าจอ เช่น NVDA, VoiceOver หรือ TalkBack หน้าเว็บระบุภาษาไทย มีหัวข้อเรียงลำดับ
  และรูปภาพมีคำอธิบาย
- ตารางมีแถวหัวตาราง บนโทรศัพท์ตารางที่กว้างเลื่อนดูด้านข้างได้โดยหน้าเว็บไม่เสียรูป
- ลิงก์ไปยังไฟล์แนบบอกชนิดและขนาดของไฟล์ก่อนดาวน์โหลด
- พิมพ์หน้าเว็บลงกระดาษ A4 ได้ โดยไม่มีเมนูและแถบค้นหา และแสดงที่อยู่ของไฟล์แนบไว้ท้ายลิงก์
- ตัวอักษรและพื้นหลังมีความต่างของสีตามเกณฑ์ และไม่ใช้สีเพียงอย่างเดียวในการสื่อความหมาย

## วิธีที่เราตรวจสอบ

เว็บไซต์นี้สร้างด้วยโปรแกรมโอเพนซอร์ส Prongsai (โปร่งใส) ซึ่งทุกครั้งที่ปรับปรุงโปรแกรม ระบบทดสอบอัตโนมัติจะเปิดหน้าเว็บทุกประเภท
ด้วยเบราว์เซอร์ที่ความกว้างของโทรศัพท์และของคอมพิวเตอร์ แล้วตรวจด้วยเครื่องมือ axe-core
โปรแกรมฉบับที่พบปัญหาร้ายแรงจะไม่ผ่านการทดสอบ อย่างไรก็ดี การทดสอบอัตโนมัติตรวจได้ไม่ทุกเรื่อง
จึงยินดีรับฟังปัญหาจากผู้ใช้งานจริง

## ข้อจำกัดที่ทราบ

- เอกสาร PDF บางฉบับเป็นภาพสแกนจากกระดาษ โปรแกรมอ่านหน้าจออ่านไม่ได้ หากต้องการเอกสารฉบับที่อ่านได้
  หรือในรูปแบบอื่น โปรดติดต่อเจ้าหน้าที่ตามช่องทางด้านล่าง
- บริการที่ลิงก์ออกไปยังเว็บไซต์อื่น (เช่น ระบบจัดซื้อจัดจ้างภาครัฐ หรือแบบฟอร์มออนไลน์) อยู่นอกการดูแลของเว็บไซต์นี้

## แจ้งปัญหาการใช้งาน

หากพบส่วนใดของเว็บไซต์ที่ใช้งานไม่ได้ หรือต้องการข้อมูลในรูปแบบอื่น โปรดแจ้ง
โดยระบุหน้าเว็บและปัญหาที่พบ เจ้าหน้าที่จะติดต่อกลับในวันทำการ

{_contact_lines(org)}
{_updated(ACCESSIBILITY_UPDATED)}
"""


def privacy_md(org: Organisation | None) -> str:
    name = _name(org)
    return f"""# ประกาศความเป็นส่วนตัว

ประกาศนี้อธิบายว่าเว็บไซต์ของ{name}เก็บและเผยแพร่ข้อมูลส่วนบุคคลใดบ้าง เพื่ออะไร
และท่านมีสิทธิอย่างไรตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562

## ผู้ควบคุมข้อมูลส่วนบุคคล

{_contact_lines(org)}
## ข้อมูลที่เว็บไซต์นี้เก็บจากผู้เข้าชม

- เว็บไซต์นี้**ไม่ใช้คุกกี้** ไม่มีระบบสถิติหรือโฆษณาของบริษัทอื่น และไม่ดึงฟอนต์ สคริปต์ หรือรูปภาพจากเว็บไซต์อื่น
  ผู้ให้บริการรายอื่นจึงไม่ทราบว่าท่านเปิดหน้าใด
- การค้นหาทำงานในเบราว์เซอร์ของท่าน ระบบไม่ได้บันทึกคำค้นแยกเป็นรายบุคคล
- เครื่องแม่ข่ายที่ให้บริการเว็บไซต์อาจบันทึกข้อมูลการเข้าถึงตามปกติ เช่น หมายเลขไอพี วันเวลา และหน้าที่เปิด
  เพื่อดูแลความปลอดภัยของระบบ และเก็บไว้ตามระยะเวลาที่พระราชบัญญัติว่าด้วยการกระทำความผิดเกี่ยวกับคอมพิวเตอร์กำหนด
- เบราว์เซอร์ของท่านอาจจดจำการตั้งค่าการแสดงผลไว้ในเครื่องของท่านเอง ข้อมูลนี้ไม่ถูกส่งมายังหน่วยงาน

## ข้อมูลส่วนบุคคลที่เผยแพร่บนเว็บไซต์

- ชื่อ ตำแหน่ง รูปถ่าย และช่องทางติดต่อของผู้บริหารและเจ้าหน้าที่ เผยแพร่ตามพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540
  และเกณฑ์การประเมินคุณธรรมและความโปร่งใส (ITA) เพื่อให้ประชาชนติดต่อและตรวจสอบการทำงานได้
- รายงานเรื่องร้องเรียน เอกสารจัดซื้อจัดจ้าง และเอกสารบุคลากร เผยแพร่โดยไม่เปิดเผยเลขประจำตัวประชาชน ที่อยู่
  หรือข้อมูลอื่นที่ระบุตัวประชาชนผู้เกี่ยวข้องได้ และระบบตรวจหาเลขประจำตัวประชาชนในเอกสารทุกครั้งก่อนเผยแพร่
- ข้อมูลของผู้ร้องเรียนเก็บเป็นความลับ และไม่เผยแพร่บนเว็บไซต์

## เมื่อท่านติดต่อผ่านช่องทางอื่น

ช่องทางสอบถาม ร้องเรียน และบริการออนไลน์บางช่องทางเป็นบริการของผู้ให้บริการรายอื่น (เช่น LINE, Facebook
หรือแบบฟอร์มออนไลน์) ข้อมูลที่ท่านส่งผ่านช่องทางเหล่านั้นอยู่ภายใต้นโยบายความเป็นส่วนตัวของผู้ให้บริการนั้นด้วย
หน่วยงานใช้ข้อมูลที่ได้รับเพื่อตอบคำถามหรือดำเนินการตามเรื่องที่ท่านแจ้งเท่านั้น

## สิทธิของท่าน

ท่านมีสิทธิขอเข้าถึงและขอรับสำเนาข้อมูลส่วนบุคคลของท่าน ขอแก้ไขให้ถูกต้อง ขอให้ลบหรือระงับการใช้
และคัดค้านการเก็บหรือเผยแพร่ข้อมูล ตามที่กฎหมายกำหนด โดยติดต่อหน่วยงานตามช่องทางข้างต้น
หากเห็นว่าหน่วยงานปฏิบัติไม่เป็นไปตามกฎหมาย ท่านร้องเรียนต่อสำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคลได้

{_updated(PRIVACY_UPDATED)}
"""
