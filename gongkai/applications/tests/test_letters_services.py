"""The letters the workflow services issue (through the CORE services and
factories): reply, extension, correction, fee and the receipt."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from gongkai.applications import services
from gongkai.applications.choices import FeeMethod, Outcome
from gongkai.applications.models import Letter, LetterKind
from gongkai.applications.tests.factories import (
    RESIDENT_ID,
    ApplicationFactory,
    head_of,
    officer_of,
)
from gongkai.applications.tests.letters_helpers import (
    CITY_GOVERNMENT,
    city_department,
    docx_text,
    pdf_text,
    squash,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


def _letter(application: Any, kind: LetterKind) -> Letter:
    return Letter.objects.get(application=application, kind=kind)


def test_a_refusal_through_the_reply_service() -> None:
    organisation = city_department()
    application = ApplicationFactory.create(
        organisation=organisation, received_on=dt.date(2026, 11, 2)
    )
    services.application_reply(
        application=application,
        actor=officer_of(organisation),
        outcome=Outcome.WITHHELD_PROCESS_INFO,
        replied_on=dt.date(2026, 11, 20),
        reasons="所申请的会议纪要为内部讨论记录。",
    )
    letter = _letter(application, LetterKind.REPLY)
    for text in (docx_text(letter), squash(pdf_text(letter))):
        assert "第十六条第二款" in text
        assert CITY_GOVERNMENT in text and "60日" in text
        assert "应当先向行政复议机关申请行政复议" in text
        assert "所申请的会议纪要为内部讨论记录。" in text
        assert RESIDENT_ID not in text
    # The stored basis defaults to the article: it is not printed twice.
    assert "本答复的依据" not in letter.text


def test_extension_letter_states_the_new_due_date() -> None:
    organisation = city_department()
    application = ApplicationFactory.create(
        organisation=organisation, received_on=dt.date(2026, 11, 2)
    )
    extended = services.application_extend(
        application=application,
        actor=head_of(organisation),
        days=10,
        reason="需要调取多个年度的档案",
        on=dt.date(2026, 11, 20),
    )
    letter = _letter(application, LetterKind.EXTENSION)
    assert extended.due_on is not None
    due = f"{extended.due_on.year}年{extended.due_on.month}月{extended.due_on.day}日"
    assert f"答复期限延长10个工作日，延长后的答复期限为{due}" in letter.text
    assert "因需要调取多个年度的档案" in squash(pdf_text(letter))


def test_correction_and_fee_letters() -> None:
    organisation = city_department()
    officer = officer_of(organisation)
    application = ApplicationFactory.create(
        organisation=organisation, received_on=dt.date(2026, 11, 2)
    )
    services.correction_notice_issue(
        application=application,
        actor=officer,
        items="请写明所需文件的年份",
        deadline=dt.date(2026, 11, 20),
        issued_on=dt.date(2026, 11, 4),
    )
    correction = _letter(application, LetterKind.CORRECTION)
    assert "1. 请写明所需文件的年份" in correction.text
    assert "2026年11月20日前" in correction.text
    other = ApplicationFactory.create(
        organisation=organisation, received_on=dt.date(2026, 11, 2)
    )
    fee = services.fee_notice_issue(
        application=other,
        actor=officer,
        method=FeeMethod.PER_PAGE,
        quantity=40,
        issued_on=dt.date(2026, 11, 5),
        notice_received_on=dt.date(2026, 11, 6),
    )
    letter = _letter(other, LetterKind.FEE)
    assert "第31至40页：10页×10元＝100元" in letter.text
    assert f"合计应缴信息处理费{fee.amount}元" in letter.text
