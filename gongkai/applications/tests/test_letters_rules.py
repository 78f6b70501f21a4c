"""The small rules letters rest on: the reconsideration body (行政复议法第二十四条),
Chinese dates, ID masking, and escaping in the PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from gongkai.applications.letters import letter_issue
from gongkai.applications.letters.dates import date_cn, date_cn_full
from gongkai.applications.letters.masking import id_mask
from gongkai.applications.letters.remedies import reconsideration_body
from gongkai.applications.models import LetterKind
from gongkai.applications.tests.letters_helpers import (
    application_make,
    docx_text,
    pdf_text,
    squash,
)
from gongkai.core.models import Organisation, OrganisationKind
from gongkai.core.tests.factories import OrganisationFactory

K = OrganisationKind


def _tree() -> dict[str, Organisation]:
    city = OrganisationFactory.create(name="甲市人民政府", kind=K.CITY_GOVERNMENT)
    county = OrganisationFactory.create(
        name="乙县人民政府", kind=K.COUNTY_GOVERNMENT, parent=city
    )
    return {
        "city": city,
        "city_office": OrganisationFactory.create(
            name="甲市人民政府办公室", kind=K.CITY_OFFICE, parent=city
        ),
        "city_department": OrganisationFactory.create(
            name="甲市教育局", kind=K.CITY_DEPARTMENT, parent=city
        ),
        "county": county,
        "county_department": OrganisationFactory.create(
            name="乙县财政局", kind=K.COUNTY_DEPARTMENT, parent=county
        ),
        "township": OrganisationFactory.create(
            name="乙县丙镇人民政府", kind=K.TOWNSHIP, parent=county
        ),
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("key", "body"),
    [
        ("city_department", "甲市人民政府"),  # same-level government
        ("city_office", "甲市人民政府"),
        ("county_department", "乙县人民政府"),
        ("township", "乙县人民政府"),  # the county government
        ("county", "甲市人民政府"),  # next-higher government
        ("city", "上一级人民政府"),  # the province is not on the platform
    ],
)
def test_reconsideration_body(key: str, body: str) -> None:
    assert reconsideration_body(_tree()[key]) == body


@pytest.mark.django_db
def test_the_body_may_be_overridden(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path
    application = application_make(_tree()["township"])
    letter = letter_issue(
        application=application,
        kind=LetterKind.REPLY,
        issued_on=dt.date(2026, 12, 1),
        extra={"outcome": "disclosed", "reconsideration_body": "某垂直管理部门"},
    )
    assert "60日内向某垂直管理部门申请行政复议" in letter.text


@pytest.mark.parametrize(
    ("day", "full"),
    [
        (dt.date(2026, 12, 1), "二〇二六年十二月一日"),
        (dt.date(2027, 1, 10), "二〇二七年一月十日"),
        (dt.date(2030, 10, 20), "二〇三〇年十月二十日"),
        (dt.date(2026, 3, 31), "二〇二六年三月三十一日"),
        (dt.date(2026, 11, 15), "二〇二六年十一月十五日"),
    ],
)
def test_chinese_dates(day: dt.date, full: str) -> None:
    assert date_cn_full(day) == full
    assert date_cn(day) == f"{day.year}年{day.month}月{day.day}日"
    assert date_cn(None) == date_cn_full(None) == ""


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("11010519491231002X", "110***********002X"),
        ("E12345678", "E******78"),
        ("H1234", "H**34"),
        ("1234", "****"),
        ("", ""),
    ],
)
def test_id_mask(number: str, masked: str) -> None:
    assert id_mask(number) == masked


@pytest.mark.django_db
def test_applicant_text_is_escaped_in_the_pdf(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path
    application = application_make(
        _tree()["city_department"], description="<b>征收</b> & <script>x</script>"
    )
    letter = letter_issue(
        application=application, kind=LetterKind.RECEIPT, issued_on=dt.date(2026, 12, 1)
    )
    raw = "<b>征收</b> & <script>x</script>"
    assert raw in letter.text  # plain text: neither escaped nor interpreted
    assert squash(raw) in squash(pdf_text(letter))
    assert squash(raw) in squash(docx_text(letter))
