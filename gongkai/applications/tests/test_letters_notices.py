"""Notices: correction (补正), extension (延期), fee (收费), consultation
(征求意见函) and the receipt (受理回执) state their key facts in both formats."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from gongkai.applications.choices import ConsultationKind, FeeMethod
from gongkai.applications.letters import letter_issue
from gongkai.applications.models import (
    Consultation,
    CorrectionNotice,
    FeeDecision,
    Letter,
    LetterKind,
)
from gongkai.applications.tests.letters_helpers import (
    application_make,
    city_department,
    docx_text,
    pdf_text,
    squash,
)

pytestmark = pytest.mark.django_db

ON = dt.date(2026, 11, 5)


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


def _both(letter: Letter) -> tuple[str, str]:
    return squash(docx_text(letter)), squash(pdf_text(letter))


def _contains(letter: Letter, *facts: str) -> None:
    for text in _both(letter):
        for fact in facts:
            assert squash(fact) in text, fact


def test_correction_notice_lists_items_and_deadline() -> None:
    application = application_make(city_department(), status="correction_requested")
    CorrectionNotice.objects.create(
        application=application,
        issued_on=ON,
        items="请写明所需文件的年份\n请提供身份证明复印件",
        deadline=dt.date(2026, 11, 19),
    )
    letter = letter_issue(
        application=application, kind=LetterKind.CORRECTION, issued_on=ON
    )
    assert letter.title == "政府信息公开申请补正告知书"
    _contains(
        letter,
        "1. 请写明所需文件的年份",
        "2. 请提供身份证明复印件",
        "请您于2026年11月19日前",
        "第三十条",
        "视为放弃申请",
        "二〇二六年十一月五日",
    )


def test_correction_items_from_extra_win() -> None:
    application = application_make(city_department())
    letter = letter_issue(
        application=application,
        kind=LetterKind.CORRECTION,
        issued_on=ON,
        extra={"items": "请明确项目名称", "deadline": dt.date(2026, 11, 20)},
    )
    assert "1. 请明确项目名称" in letter.text
    assert "2026年11月20日前" in letter.text


def test_extension_notice_states_days_and_new_due_date() -> None:
    application = application_make(
        city_department(), extension_days=20, due_on=dt.date(2026, 12, 29)
    )
    letter = letter_issue(
        application=application,
        kind=LetterKind.EXTENSION,
        issued_on=ON,
        extra={"days": 20, "reason": "申请的信息涉及多个年度的档案，需要调档查阅"},
    )
    _contains(
        letter,
        "因申请的信息涉及多个年度的档案，需要调档查阅",
        "答复期限延长20个工作日",
        "延长后的答复期限为2026年12月29日",
        "第三十三条第二款",
        "政府信息公开工作机构负责人同意",
    )


def test_fee_notice_states_method_tiers_amount_and_payment() -> None:
    application = application_make(city_department(), status="awaiting_fee")
    FeeDecision.objects.create(
        application=application,
        method=FeeMethod.PER_PAGE,
        quantity=120,
        amount=1100,
        breakdown=[
            {"first": 1, "last": 30, "rate": 0, "subtotal": 0},
            {"first": 31, "last": 100, "rate": 10, "subtotal": 700},
            {"first": 101, "last": 120, "rate": 20, "subtotal": 400},
        ],
        issued_on=ON,
        notice_received_on=dt.date(2026, 11, 6),
        payment_due_on=dt.date(2026, 12, 4),
    )
    letter = letter_issue(application=application, kind=LetterKind.FEE, issued_on=ON)
    _contains(
        letter,
        "计收方式为按量计收",
        "计费数量为120页",
        "第1至30页：30页×0元＝0元",
        "第31至100页：70页×10元＝700元",
        "第101至120页：20页×20元＝400元",
        "合计应缴信息处理费1100元",
        "请您于2026年12月4日前缴纳",
        "缴费方式",
        "国办函〔2020〕109号",
    )


def test_fee_notice_per_piece_without_stored_bands_uses_the_tariff() -> None:
    application = application_make(city_department(), status="awaiting_fee")
    FeeDecision.objects.create(
        application=application,
        method=FeeMethod.PER_PIECE,
        quantity=3,
        pieces_before=10,
        amount=300,
        breakdown=[],
        issued_on=ON,
        notice_received_on=ON,
        payment_due_on=dt.date(2026, 12, 3),
    )
    letter = letter_issue(
        application=application,
        kind=LetterKind.FEE,
        issued_on=ON,
        extra={"how_to_pay": "通过本市非税收入缴款平台缴纳"},
    )
    assert "第11至13件：3件×100元＝300元" in letter.text
    assert "本月此前已提出10件申请" in letter.text
    assert "缴费方式：通过本市非税收入缴款平台缴纳" in letter.text


@pytest.mark.parametrize("kind", list(ConsultationKind))
def test_consultation_letter_to_the_party_never_names_the_applicant(
    kind: ConsultationKind,
) -> None:
    application = application_make(city_department(), status="consulting")
    Consultation.objects.create(
        application=application,
        kind=kind,
        party="测试房地产开发有限公司",
        sent_on=ON,
        delivered_on=ON,
        answer_due_on=dt.date(2026, 11, 26),
    )
    letter = letter_issue(
        application=application, kind=LetterKind.CONSULTATION, issued_on=ON
    )
    _contains(
        letter,
        "测试房地产开发有限公司：",
        "15个工作日内",
        "（即2026年11月26日前）",
        application.description,
    )
    article = "第三十四条" if kind == ConsultationKind.CO_PRODUCER else "第三十二条"
    silence = "视为同意公开" if kind == ConsultationKind.CO_PRODUCER else "决定是否公开"
    _contains(letter, article, silence)
    for text in _both(letter):
        assert "张三" not in text
        assert application.tracking_code not in text


def test_receipt_of_an_online_application_awaiting_confirmation() -> None:
    application = application_make(
        city_department(), status="lodged", received_on=None, due_on=None
    )
    letter = letter_issue(
        application=application,
        kind=LetterKind.RECEIPT,
        issued_on=ON,
        extra={"track_url": "http://testserver/apply/track/"},
    )
    _contains(
        letter,
        f"查询码：{application.tracking_code}",
        "双方确认之日为收到申请之日",
        "20个工作日内予以答复",
        "最长不超过20个工作日",
        "7个工作日内一次性告知",
        "http://testserver/apply/track/",
    )


def test_receipt_of_a_received_application_states_the_due_date() -> None:
    application = application_make(
        city_department(),
        received_on=dt.date(2026, 11, 2),
        due_on=dt.date(2026, 11, 30),
    )
    letter = letter_issue(
        application=application, kind=LetterKind.RECEIPT, issued_on=ON
    )
    _contains(letter, "本机关收到申请之日为2026年11月2日", "答复期限为2026年11月30日")
