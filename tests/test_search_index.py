"""The search index builder (generator/search/): what it reads from pages, the keys it makes,
and that it is deterministic and leaves the pages alone. The browser side is tested in
tests/browser/test_search.py."""

from __future__ import annotations

import hashlib
import json
import random
import shutil
from pathlib import Path

import pytest

from generator.search import extract as extract_module
from generator.search.extract import extract
from generator.search.index import INDEX_DIR, MAX_TEXT, build_index, collect_pages, index_site
from generator.search.normalize import JOINERS, ZERO_WIDTH, grams, normalize, normalize_text, shard_of

PAGE = """<!doctype html><html lang="th"><head><title>แผนการจัดซื้อจัดจ้าง - เทศบาลตำบลดอนตัวอย่าง</title></head>
<body><nav class="md-nav">เมนู ข้อมูลพื้นฐาน</nav>
<article class="md-content__inner md-typeset">
<h1 id="x">แผนการจัดซื้อจัดจ้าง<a class="headerlink" href="#x">¶</a></h1>
<p>ประจำปีงบประมาณ ๒๕๖๙</p>
<h2>เอกสาร</h2>
<ul><li><a href="/files/a.pdf">ประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง (PDF)</a></li></ul>
<div data-search-exclude>ไม่ต้องค้นหา</div>
<script>var secret = "โค้ด";</script>
</article></body></html>"""


def test_extract_reads_the_article_only() -> None:
    page = extract("budget/procurement-plan/", PAGE)
    assert page is not None
    assert page.title == "แผนการจัดซื้อจัดจ้าง"  # h1 without the permalink sign
    assert page.headings == ["เอกสาร"]
    assert "ประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง (PDF)" in page.body  # attachment title (link text)
    assert "ประจำปีงบประมาณ ๒๕๖๙" in page.body
    for absent in ("เมนู", "ไม่ต้องค้นหา", "โค้ด", "¶"):
        assert absent not in page.body


def test_noindex_pages_are_left_out() -> None:
    html = PAGE.replace("<head>", '<head><meta name="robots" content="noindex">')
    assert extract("x/", html) is None


def test_normalize_joins_thai_phrases_and_maps_back() -> None:
    text = "E-Service ป.ป.ช. การบริหาร ราชการ ๒๕๖๙ ทํางาน"
    s, m = normalize(text)
    assert s == "eservice ปปชการบริหารราชการ 2569 ทำงาน"
    assert len(m) == len(s)
    # every normalised character points at the original character it came from
    assert text[m[s.index("ราชการ")] : m[s.index("ราชการ") + 5] + 1] == "ราชการ"
    # tone mark typed before the vowel (as PDFs write it) normalises like the proper order
    assert normalize("ท\u0e48\u0e35")[0] == normalize("ท\u0e35\u0e48")[0]
    # zero-width spaces (from segmenters or PDFs) never split a word
    assert normalize("ร้อง\u200bเรียน")[0] == "ร้องเรียน"


def test_fast_normalize_text_equals_normalize() -> None:
    """The index builder's regex version and the character loop (mirrored in search.js) agree."""
    alphabet = list("aZ09 .\n_/()ฯๆ฿๏éİ中") + sorted(JOINERS) + sorted(ZERO_WIDTH) + ["\u0e4d\u0e32"]
    alphabet += [chr(cp) for cp in range(0x0E01, 0x0E5C)] + ["\u0e48", "\u0e34", "\u0e4c"] * 4
    rng = random.Random(8)
    samples = ["", " - ", "E-Service ป.ป.ช. ๒๕๖๙ ทํางาน", "ท\u0e48\u0e35 ร้อง\u200bเรียน", PAGE]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14))) for _ in range(20_000)]
    for text in samples:
        assert normalize_text(text) == normalize(text)[0], repr(text)


def test_extract_reads_only_head_and_article_but_equals_a_full_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """The navigation is skipped without parsing, with the same result as parsing it: also for a
    page whose article does not close, or with a title outside the article."""
    no_h1 = PAGE.replace("<h1 ", "<h6 ").replace("</h1>", "</h6>")
    pages = [
        PAGE,
        PAGE.replace("</article>", "</div></article>").replace("</body>", "<footer><p>ท้ายหน้า</p></footer></body>"),
        PAGE.replace("</article>", "<div></article>").replace("</body>", "<footer><p>ท้ายหน้า</p></footer></body>"),
        no_h1.replace("</article>", "</article><svg><title>อื่น</title></svg>"),
        no_h1.replace("<nav ", "<svg><title>อื่น</title></svg><nav "),
    ]
    fast = [extract("x/", html) for html in pages]
    monkeypatch.setattr(extract_module, "_feed", lambda parser, html: parser.feed(html))
    assert fast == [extract("x/", html) for html in pages]
    assert fast[2] is not None and "ท้ายหน้า" in fast[2].body


_TRICKY_ARTICLES = [
    '<p title="a > b" class=x>ข้อ &amp; ความ&nbsp;ไทย</p><br/><BR><IMG SRC=a.png ALT="รูป">',
    '<h2 id="h">หัวข้อ<a class="header&#108;ink" href="#h">¶</a></h2><p>ต่อ</p>',
    '<div DATA-SEARCH-EXCLUDE>ซ่อน</div><div data-search-exclude="">ซ่อนด้วย</div><p>แสดง</p>',
    '<!-- ความเห็น <p>ไม่ใช่</p> --><p>หลังความเห็น</p><script>if (a < b) { x = "</p>"; }</script>',
    '<svg viewBox="0 0 1 1"><path d="M0 0"/><title>ไอคอน</title></svg><p>ถัดไป</p>',
    '<table><tr><td>1</td><td>\xa0\t2 </td></tr></table><p>&lt;b&gt; &#3585; &#x0E02;</p>',
    '<p><a href=/path/>ลิงก์</a><a href="x"/>ปิดเอง<span/>ต่อ</p><h3/>หลังหัวข้อว่าง',
    '<h2>หัว<style>p { color: red }</style>ข้อ</h2><div class="a headerlink b">ข้าม</div>',
]


@pytest.mark.parametrize("article", _TRICKY_ARTICLES)
def test_the_fast_reader_gives_what_htmlparser_gives(monkeypatch: pytest.MonkeyPatch, article: str) -> None:
    """Pages are read by one regular expression (search/extract.py, _read_fast), not HTMLParser's
    tokenizer: both must give the extractor the same text, headings and title."""
    html = PAGE.replace("<p>ประจำปีงบประมาณ ๒๕๖๙</p>", article)
    assert extract_module._read_fast(extract_module._Extractor(), html[html.index("<article"):])  # taken
    fast = extract("x/", html)
    monkeypatch.setattr(extract_module, "_read_fast", lambda parser, html: False)
    assert fast == extract("x/", html)


@pytest.mark.parametrize("markup", ["<p>a < b</p>", "<p>x</p><![CDATA[y]]>", "<?php echo 1 ?><p>x</p>", "<p>x</p <b>"])
def test_markup_the_fast_reader_does_not_know_goes_to_htmlparser(monkeypatch: pytest.MonkeyPatch, markup: str) -> None:
    html = PAGE.replace("<p>ประจำปีงบประมาณ ๒๕๖๙</p>", markup)
    assert not extract_module._read_fast(extract_module._Extractor(), html[html.index("<article"):])
    fast = extract("x/", html)
    monkeypatch.setattr(extract_module, "_read_fast", lambda parser, html: False)
    assert fast == extract("x/", html)


def test_keys_cover_substrings_short_terms_and_lone_digits() -> None:
    keys = grams(normalize("งบประมาณ 2 มิติที่")[0])
    assert "งบป" in keys and "ประ" in keys
    assert "าณ " in keys  # a token's last two letters, so "าณ"-ending queries find it
    assert "2 " in keys  # a lone digit is a key
    # the browser looks two-letter queries up by prefix within one shard
    assert shard_of("งบป", 64) == shard_of("งบ ", 64)


def _site(tmp: Path) -> Path:
    site = tmp / "site"
    for i, url in enumerate(["", "budget/procurement-plan/", "basic/news/"]):
        target = site / url / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(PAGE.replace("แผนการจัดซื้อจัดจ้าง<a", f"หน้า {i}<a"), "utf-8")
    (site / "404.html").write_text(PAGE, "utf-8")
    (site / "search").mkdir()
    (site / "search" / "search_index.json").write_text("{}", "utf-8")
    return site


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_index_is_deterministic_and_leaves_pages_alone(tmp_path: Path) -> None:
    a = _site(tmp_path / "a")
    pages_before = {k: v for k, v in _digest(a).items() if k.endswith(".html")}
    stats = index_site(a)
    assert stats.pages == 3  # 404.html is not a page to find
    assert {k: v for k, v in _digest(a).items() if k.endswith(".html")} == pages_before
    assert not (a / "search" / "search_index.json").exists()  # Material's whole-site index is gone
    b = tmp_path / "b" / "site"
    shutil.copytree(_site(tmp_path / "c"), b)
    index_site(b)
    index_site(b)  # re-indexing replaces, never accumulates
    assert _digest(a / INDEX_DIR) == _digest(b / INDEX_DIR)


def test_index_files_find_a_compound_inside_text(tmp_path: Path) -> None:
    site = _site(tmp_path)
    files = build_index(collect_pages(site))
    meta = json.loads(files["docs.json"])
    assert [d[0] for d in meta["docs"]] == ["", "basic/news/", "budget/procurement-plan/"]  # sorted
    key = "ซื้"  # a trigram inside จัดซื้อจัดจ้าง, which has no spaces around its words
    shard = json.loads(files[f"g/{shard_of(key, meta['shards'])}.json"])
    flat = shard[key]
    docs, doc = [], 0
    for delta in flat[::2]:
        doc += delta
        docs.append(doc)
    assert docs == [0, 1, 2]


def test_long_page_text_is_cut_in_the_files_but_indexed_whole(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "long").mkdir(parents=True)
    body = "ก" * (MAX_TEXT + 10) + " ท้ายสุดพิเศษ"
    (site / "long" / "index.html").write_text(
        f"<html><body><article><h1>ยาว</h1><p>{body}</p></article></body></html>", "utf-8"
    )
    files = build_index(collect_pages(site))
    text = json.loads(files["f/0.json"])
    assert text["cut"] is True and len(text["b"]) == MAX_TEXT
    meta = json.loads(files["docs.json"])
    assert "ศษ " in json.loads(files[f"g/{shard_of('ศษ ', meta['shards'])}.json"])  # the tail is indexed


@pytest.mark.parametrize("into_site", [False, True])
def test_pages_added_in_any_order_give_the_same_index(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, into_site: bool) -> None:
    """The indexer takes pages that come in URL order straight into its postings and ranks the
    rest at the end: every order must give the files of build_index. Given the site's folder, it
    writes text files (and empty shard files, as their number grows) while pages come: the end
    result is the same, and replaces an earlier index."""
    from generator.search import index as index_module
    from generator.search.index import Indexer

    monkeypatch.setattr(index_module, "SHARD_TARGET_BYTES", 100)  # many shards, more as pages come
    pages = [extract(f"p/{n:02d}/", PAGE.replace("๒๕๖๙", f"๒๕{n:02d} คำ{n % 3}")) for n in range(12)]
    expected = build_index([p for p in pages if p is not None])
    assert json.loads(expected["docs.json"])["shards"] > 16
    orders = [list(range(12)), list(range(11, -1, -1)), [0, 1, 2, 5, 3, 4, 6, 7, 8, 9, 10, 11], [1, 0, *range(2, 12)]]
    for n, order in enumerate(orders):
        site = tmp_path / f"site{n}"
        (site / INDEX_DIR / "g").mkdir(parents=True)
        (site / INDEX_DIR / "g" / "4095.json").write_text("{}", "utf-8")  # an earlier index
        indexer = Indexer(site) if into_site else Indexer()
        for i in order:
            page = pages[i]
            assert page is not None
            indexer.add(page)
        stats = indexer.write(site)
        written = {p.relative_to(site / INDEX_DIR).as_posix(): p.read_text("utf-8")
                   for p in (site / INDEX_DIR).rglob("*") if p.is_file()}
        assert written == expected, order
        assert stats.bytes == sum(len(text.encode()) for text in expected.values())
