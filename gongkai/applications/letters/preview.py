"""A sample case for previewing a template in the back office (nothing is
saved: the application, fee and consultation are unsaved instances)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.models import Organisation

from ..choices import ApplicantType, Channel, ConsultationKind, FeeMethod
from ..fees import fee_quote
from ..models import (
    Application,
    ApplicationStatus,
    Consultation,
    Delivery,
    FeeDecision,
    LetterTemplate,
    RequestForm,
)

SAMPLE_DAY = dt.date(2026, 12, 1)


def preview_application(organisation: Organisation) -> Application:
    return Application(
        tracking_code="GK-SAMPLE-0001",
        organisation=organisation,
        status=ApplicationStatus.RECEIVED,
        channel=Channel.ONLINE,
        applicant_type=ApplicantType.NATURAL_PERSON,
        applicant_name=_("张三"),
        id_type="resident_id",
        id_number="11010519491231002X",
        phone="13800138000",
        address=_("某市某区某路1号"),
        description=_("2025年本市旧城改造项目的征收补偿方案"),
        doc_title=_("旧城改造征收补偿方案"),
        form=RequestForm.ELECTRONIC,
        delivery=Delivery.ONLINE,
        lodged_at=timezone.make_aware(dt.datetime(2026, 11, 2, 10)),
        received_on=dt.date(2026, 11, 2),
        due_on=dt.date(2026, 11, 30),
        extension_days=20,
        reply_reasons=_("（此处为承办人填写的理由）"),
        reply_basis="",
        withheld_description=_("（此处为不予公开的部分及理由）"),
    )


def _sample_fee(application: Application) -> FeeDecision:
    quote = fee_quote(method=FeeMethod.PER_PAGE, quantity=120)
    return FeeDecision(
        application=application,
        method=quote.method,
        quantity=quote.quantity,
        amount=quote.amount,
        breakdown=[
            {"first": b.first, "last": b.last, "rate": b.rate} for b in quote.bands
        ],
        issued_on=SAMPLE_DAY,
        notice_received_on=SAMPLE_DAY,
        payment_due_on=dt.date(2026, 12, 29),
    )


def preview_extra(application: Application, template: LetterTemplate) -> dict[str, Any]:
    """What the calling services would pass, with sample values."""
    return {
        "outcome": template.outcome or "other",
        "items": _("请写明所需信息的年份\n请提供身份证明"),
        "deadline": dt.date(2026, 12, 15),
        "days": 20,
        "reason": _("申请的信息涉及多个年度的档案"),
        "due_on": dt.date(2026, 12, 29),
        "fee": _sample_fee(application),
        "consultation": Consultation(
            application=application,
            kind=ConsultationKind.THIRD_PARTY,
            party=_("某某有限公司"),
            sent_on=SAMPLE_DAY,
            answer_due_on=dt.date(2026, 12, 22),
        ),
        "track_url": "/apply/track/",
    }
