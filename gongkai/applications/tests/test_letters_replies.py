"""Reply letters (答复书): for every outcome, the DOCX and the PDF state the
outcome's article and the remedies (行政复议 60日 to the named body; 行政诉讼
六个月, or — for refusals — reconsideration first, 行政复议法第二十三条)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from gongkai.applications.choices import Outcome, OutcomeGroup
from gongkai.applications.letters import letter_issue
from gongkai.applications.models import LetterKind
from gongkai.applications.tests.letters_helpers import (
    CITY_GOVERNMENT,
    RESIDENT_ID,
    application_make,
    city_department,
    docx_text,
    pdf_text,
    squash,
)

pytestmark = pytest.mark.django_db

REPLIED_ON = dt.date(2026, 11, 20)
FIRST = "应当先向行政复议机关申请行政复议"
WITHHELD = {o for o in Outcome if o.group == OutcomeGroup.WITHHELD}


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


def _reply(outcome: Outcome, **fields: Any) -> Any:
    application = application_make(
        city_department(),
        status="closed",
        outcome=outcome,
        closed_on=REPLIED_ON,
        **fields,
    )
    return letter_issue(
        application=application, kind=LetterKind.REPLY, issued_on=REPLIED_ON
    )


@pytest.mark.parametrize("outcome", list(Outcome), ids=lambda o: o.value)
def test_reply_states_article_and_remedies_in_docx_and_pdf(outcome: Outcome) -> None:
    letter = _reply(outcome, reply_reasons="经查，相关文件已归档。")
    docx, pdf = docx_text(letter), squash(pdf_text(letter))
    for text in (squash(docx), pdf):
        assert squash(outcome.article) in text
        assert "60日" in text
        assert CITY_GOVERNMENT in text
        assert "申请行政复议" in text and "行政诉讼" in text
        assert "经查，相关文件已归档。" in text
        assert "二〇二六年十一月二十日" in text
        assert RESIDENT_ID not in text
        if outcome in WITHHELD:
            assert FIRST in text
            assert "第二十三条第一款第（四）项" in text
            assert "15日" in text
            # No direct suit against a refusal: the six-month rule is named
            # only to say that it does not apply.
            assert "六个月内依法向" not in text
            assert "六个月内直接起诉的规定，不适用" in text
        else:
            assert "六个月" in text
    assert letter.title in docx


def test_every_outcome_has_its_own_paragraph() -> None:
    texts = {
        o: _reply(o).text for o in (Outcome.DISCLOSED, Outcome.UNAVAILABLE_NOT_HELD)
    }
    assert "本机关予以公开" in texts[Outcome.DISCLOSED]
    assert "该政府信息不存在" in texts[Outcome.UNAVAILABLE_NOT_HELD]


def test_partial_disclosure_says_what_was_withheld_and_why() -> None:
    letter = _reply(
        Outcome.PARTLY_DISCLOSED,
        withheld_description="补偿名单中被征收人的身份证号码和银行账号，属于个人隐私。",
        reply_basis="《中华人民共和国政府信息公开条例》第十五条",
    )
    for text in (docx_text(letter), squash(pdf_text(letter))):
        assert "不予公开的部分及理由" in text
        assert "补偿名单中被征收人的身份证号码和银行账号，属于个人隐私。" in text
        assert "本答复的依据：《中华人民共和国政府信息公开条例》第十五条" in text
        assert "六个月" in text  # the disclosed part may go to court at once
        assert (
            "对不予公开部分不服的" in text
        )  # the withheld part: reconsideration first


def test_referral_names_the_responsible_organisation() -> None:
    letter = _reply(
        Outcome.UNAVAILABLE_NOT_HELD, referred_to_name="测试市住房和城乡建设局"
    )
    assert "由测试市住房和城乡建设局负责公开" in letter.text


def test_outcome_may_come_from_extra_before_the_case_is_closed() -> None:
    application = application_make(city_department())
    letter = letter_issue(
        application=application,
        kind=LetterKind.REPLY,
        issued_on=REPLIED_ON,
        extra={"outcome": Outcome.WITHHELD_STATE_SECRET, "reasons": "该文件已定密。"},
    )
    assert "属于国家秘密" in letter.text
    assert "该文件已定密。" in letter.text
    assert FIRST in letter.text


def test_organisation_applicant_shows_its_name_not_a_person() -> None:
    letter = _reply(
        Outcome.DISCLOSED,
        applicant_type="commercial_enterprise",
        applicant_name="测试科技有限公司",
        id_type="",
        id_number="",
        credit_code="91440000000000001X",
    )
    assert letter.text.splitlines()[1] == "测试科技有限公司："


def test_closing_for_a_missed_correction_cites_the_notice() -> None:
    from gongkai.applications.models import CorrectionNotice

    application = application_make(
        city_department(),
        status="closed",
        outcome=Outcome.OTHER_CORRECTION_OVERDUE,
        closed_on=REPLIED_ON,
    )
    CorrectionNotice.objects.create(
        application=application,
        issued_on=dt.date(2026, 11, 4),
        items="请写明年份",
        deadline=dt.date(2026, 11, 18),
    )
    letter = letter_issue(
        application=application, kind=LetterKind.REPLY, issued_on=REPLIED_ON
    )
    assert "于2026年11月4日向您发出补正告知书，补正期限为2026年11月18日" in letter.text
    assert "第三十条" in letter.text
