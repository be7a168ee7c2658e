from datetime import date
from decimal import Decimal

import pytest

from generator.dates import DateError, parse_date, parse_fiscal_year
from generator.thai import fiscal_year, format_baht, format_date, parse_amount, slugify


def test_fiscal_year_boundaries() -> None:
    assert fiscal_year(date(2025, 9, 30)) == 2568
    assert fiscal_year(date(2025, 10, 1)) == 2569
    assert fiscal_year(date(2026, 9, 30)) == 2569


def test_official_date_style() -> None:
    assert format_date(date(2026, 11, 25)) == "25 พฤศจิกายน 2569"
    assert format_date(date(2026, 11, 25), short=True) == "25 พ.ย. 2569"


@pytest.mark.parametrize(
    "text", ["2569-03-15", "15/03/2569", "15 มีนาคม 2569", "15 มี.ค. 2569", "๑๕ มีนาคม ๒๕๖๙", "๒๕๖๙-๐๓-๑๕"]
)
def test_parse_date_forms(text: str) -> None:
    assert parse_date(text) == date(2026, 3, 15)


def test_impossible_date_is_refused_in_thai() -> None:
    with pytest.raises(DateError) as exc:
        parse_date("2569-02-31")
    assert "ไม่มีอยู่จริง" in exc.value.thai


def test_ce_year_is_refused_with_the_be_year() -> None:
    with pytest.raises(DateError) as exc:
        parse_date("2025-03-15")
    assert "2568" in exc.value.fix


def test_twice_converted_year_is_refused() -> None:
    with pytest.raises(DateError) as exc:
        parse_date("3112-03-15")
    assert "2569" in exc.value.fix


def test_fiscal_year_accepts_thai_digits() -> None:
    assert parse_fiscal_year("๒๕๖๙") == 2569


def test_baht() -> None:
    assert format_baht(Decimal("1234567")) == "1,234,567.00 บาท"
    assert format_baht(None) == "ไม่ใช้งบประมาณ"
    assert parse_amount("๑,๒๓๔.๕ บาท") == Decimal("1234.50")


@pytest.mark.parametrize("text", ["nan", "Infinity", "-inf"])
def test_amount_refuses_what_decimal_reads_but_is_no_amount(text: str) -> None:
    with pytest.raises(ValueError, match="ไม่ใช่จำนวนเงิน"):
        parse_amount(text)


def test_slug_keeps_thai_marks() -> None:
    assert slugify("กิจกรรม ทดสอบ") == "กิจกรรม-ทดสอบ"
    assert slugify("Report 2569.PDF") == "report-2569-pdf"
