"""Shortcuts the page generators take on large sites give the answers of the plain way: the feed
builds entries only for the newest records, the home page picks its latest documents without
sorting them all, the latest date of a dataset, tables."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from ita_fixtures import SITE_URL, complete_site

from generator.model import Column, Dataset, Document, NewsItem
from generator.pages.datasets import _month_end, latest_date
from generator.pages.feeds import MAX_ENTRIES, entries
from generator.pages.home import LATEST, _latest_documents
from generator.pages.tables import cell, table


def test_feed_keeps_every_record_of_the_oldest_kept_date_and_orders_them_by_id() -> None:
    site = complete_site()
    newest = [Document(f"a{i:03d}", "work-manual", f"ใหม่ {i}", date(2025, 1, 10), 2568) for i in range(30)]
    ties = [Document(f"b{i:03d}", "work-manual", f"วันเดียวกัน {i}", date(2025, 1, 5), 2568) for i in range(40)]
    older = [Document(f"c{i:03d}", "work-manual", f"เก่า {i}", date(2025, 1, 1), 2568) for i in range(10)]
    site.documents = older + ties[::2] + newest + ties[1::2]
    site.news = [NewsItem("n-old", "ข่าวเก่า", date(2024, 12, 1), "x"), NewsItem("n-tie", "ข่าว", date(2025, 1, 5), "x")]
    got = entries(site)
    assert len(got) == MAX_ENTRIES
    item = SITE_URL + "administration/work-manual/#"
    # newest first; on one date by id, descending: …/basic/news/n-tie/ before …/administration/…
    expected = ([item + f"a{i:03d}" for i in reversed(range(30))] + [SITE_URL + "basic/news/n-tie/"]
                + [item + f"b{i:03d}" for i in reversed(range(21, 40))])
    assert [e.id for e in got] == expected


def test_feed_of_a_small_site_has_everything() -> None:
    site = complete_site()
    assert len(entries(site)) == len(site.documents) + len(site.news) < MAX_ENTRIES


def test_latest_date_is_the_latest_contract_date_or_end_of_the_latest_month() -> None:
    cols = (Column("เดือน", "เดือน", "month", "m"), Column("วันที่สัญญา", "วันที่", "date", "d"))
    rows = ({"เดือน": date(2025, 11, 1), "วันที่สัญญา": date(2025, 11, 3)},
            {"เดือน": date(2026, 1, 1), "วันที่สัญญา": None},
            {"เดือน": date(2025, 12, 1)},
            {"วันที่สัญญา": date(2026, 2, 14)})
    assert latest_date(Dataset("x", "x", cols, rows)) == date(2026, 2, 14)
    assert latest_date(Dataset("x", "x", cols, rows[:3])) == _month_end(date(2026, 1, 1)) == date(2026, 1, 31)
    assert latest_date(Dataset("x", "x", cols, ())) is None


def test_table_cells() -> None:
    html = table("t", "ตาราง <1>", [cell("ชื่อ"), cell("เงิน", True)],
                 [[cell("ก & ข", min_em=8), cell("1,000.00 บาท", numeric=True)], [cell("ค"), cell("")]],
                 [cell("รวม"), cell(f"{Decimal('1000'):,.2f}", True)])
    assert html == (
        '<div class="table-scroll" role="region" tabindex="0" aria-labelledby="t-caption">\n'
        '<table id="t">\n<caption id="t-caption">ตาราง &lt;1&gt;</caption>\n'
        '<thead><tr><th scope="col">ชื่อ</th><th scope="col" class="num">เงิน</th></tr></thead>\n<tbody>\n'
        '<tr><th scope="row"><span style="display:block;min-width:8em">ก &amp; ข</span></th>'
        '<td class="num">1,000.00 บาท</td></tr>\n'
        '<tr><th scope="row">ค</th><td></td></tr>\n</tbody>\n'
        '<tfoot><tr><th scope="row">รวม</th><td class="num">1,000.00</td></tr></tfoot>\n</table>\n</div>\n'
    )
    assert "<tr><td>ค</td><td></td></tr>" in table("t", "c", [cell("a"), cell("b")], [[cell("ค"), cell("")]],
                                                   row_headers=False)


def test_home_lists_the_newest_documents_first_and_ties_in_list_order() -> None:
    site = complete_site()

    def doc(id_: str, title: str, day: date) -> Document:
        return Document(id_, "work-manual", title, day, 2568, body_md="x")  # a page: its id is in the link

    site.documents = [doc("old", "เก่า", date(2024, 1, 1)), *(doc(f"d{i}", "คู่มือ", date(2025, 3, 1)) for i in range(9)),
                      doc("new-a", "ก", date(2025, 3, 2)), doc("new-z", "ฮ", date(2025, 3, 2))]
    shown = re.findall(r'href="administration/work-manual/([^/"]+)/"', _latest_documents(site))
    assert LATEST == 5 and shown == ["new-z", "new-a", "d0", "d1", "d2"]  # same date: by title, then as listed
