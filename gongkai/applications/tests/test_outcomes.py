"""Every outcome (annual report Table 3 rows R3–R23) reached end to end."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.applications.choices import Outcome
from gongkai.applications.models import (
    Application,
    ApplicationStatus,
    ConsultationAnswer,
    LetterKind,
)
from gongkai.applications.services import (
    application_refer,
    application_reply,
    application_withdraw,
    consultation_answer,
    consultation_start,
    correction_expire,
    correction_notice_issue,
    correction_receive,
    fee_expire,
    fee_notice_issue,
)
from gongkai.core.errors import DomainError
from gongkai.core.models import Organisation, User

from . import services_helpers as helpers
from .services_helpers import audit_types, event_kinds, received

fast_letters, org, officer = helpers.fast_letters, helpers.org, helpers.officer

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_letters")]

D = dt.date
RECEIVED = D(2026, 6, 1)

PROCEDURE = {
    Outcome.OTHER_CORRECTION_OVERDUE,
    Outcome.OTHER_FEE_UNPAID,
    Outcome.UNAVAILABLE_UNCLEAR_AFTER_CORRECTION,
}
REPLIED = [o for o in Outcome if o not in PROCEDURE]


def _assert_closed(app: Application, outcome: Outcome, on: dt.date) -> None:
    app.refresh_from_db()
    assert app.status == ApplicationStatus.CLOSED
    assert app.outcome == outcome
    assert app.closed_on == on
    assert app.letters.filter(kind=LetterKind.REPLY).count() == 1


@pytest.mark.parametrize("outcome", REPLIED, ids=lambda o: o.value)
def test_reply_with_each_outcome(org: Organisation, officer: User, outcome: Outcome):
    app = received(org, RECEIVED)
    withheld = "第3页涉及个人隐私" if outcome == Outcome.PARTLY_DISCLOSED else ""
    reasons = "说明理由" if not outcome.article else ""
    application_reply(
        application=app,
        actor=officer,
        outcome=outcome,
        replied_on=D(2026, 6, 10),
        withheld_description=withheld,
        reasons=reasons,
    )
    _assert_closed(app, outcome, D(2026, 6, 10))
    assert app.reply_basis == outcome.article or outcome.article == ""
    assert event_kinds(app)[-1] == "replied"
    assert audit_types(app)[-1] == "application.reply"


def test_reply_keeps_a_given_legal_basis(org: Organisation, officer: User):
    app = received(org, RECEIVED)
    application_reply(
        application=app,
        actor=officer,
        outcome=Outcome.WITHHELD_STATE_SECRET,
        replied_on=D(2026, 6, 3),
        basis="《中华人民共和国保守国家秘密法》第二条",
    )
    app.refresh_from_db()
    assert app.reply_basis == "《中华人民共和国保守国家秘密法》第二条"


def test_partial_disclosure_requires_what_was_withheld(
    org: Organisation, officer: User
):
    app = received(org, RECEIVED)
    with pytest.raises(DomainError):
        application_reply(
            application=app,
            actor=officer,
            outcome=Outcome.PARTLY_DISCLOSED,
            replied_on=D(2026, 6, 3),
        )
    app.refresh_from_db()
    assert app.status == ApplicationStatus.RECEIVED
    assert app.letters.count() == 0


@pytest.mark.parametrize(
    "outcome", [Outcome.OTHER_CORRECTION_OVERDUE, Outcome.OTHER_FEE_UNPAID]
)
def test_procedure_outcomes_are_not_replied_directly(
    org: Organisation, officer: User, outcome: Outcome
):
    app = received(org, RECEIVED)
    with pytest.raises(DomainError):
        application_reply(
            application=app, actor=officer, outcome=outcome, replied_on=RECEIVED
        )


def test_unclear_after_correction(org: Organisation, officer: User):
    app = received(org, RECEIVED)
    with pytest.raises(DomainError):  # only after a correction
        application_reply(
            application=app,
            actor=officer,
            outcome=Outcome.UNAVAILABLE_UNCLEAR_AFTER_CORRECTION,
            replied_on=D(2026, 6, 3),
        )
    correction_notice_issue(
        application=app,
        actor=officer,
        items="请说明所需信息的文件名称或发文字号",
        deadline=D(2026, 6, 15),
        issued_on=D(2026, 6, 3),
    )
    correction_receive(application=app, actor=officer, corrected_on=D(2026, 6, 8))
    application_reply(
        application=app,
        actor=officer,
        outcome=Outcome.UNAVAILABLE_UNCLEAR_AFTER_CORRECTION,
        replied_on=D(2026, 6, 12),
    )
    _assert_closed(app, Outcome.UNAVAILABLE_UNCLEAR_AFTER_CORRECTION, D(2026, 6, 12))
    assert app.reply_basis.endswith("第三十条")


def test_correction_overdue(org: Organisation, officer: User):
    app = received(org, RECEIVED)
    correction_notice_issue(
        application=app,
        actor=officer,
        items="请提供身份证明",
        deadline=D(2026, 6, 15),
        issued_on=D(2026, 6, 3),
    )
    with pytest.raises(DomainError):  # the deadline has not passed
        correction_expire(application=app, actor=officer, on=D(2026, 6, 15))
    correction_expire(application=app, actor=None, on=D(2026, 6, 16))
    _assert_closed(app, Outcome.OTHER_CORRECTION_OVERDUE, D(2026, 6, 16))
    assert audit_types(app)[-1] == "application.correction_expire"


def test_fee_unpaid(org: Organisation, officer: User):
    app = received(org, RECEIVED)
    fee = fee_notice_issue(
        application=app,
        actor=officer,
        method="per_page",
        quantity=120,
        issued_on=D(2026, 6, 3),
        notice_received_on=D(2026, 6, 4),
    )
    # 20 WD after Thu 06-04, skipping 端午 Fri 06-19.
    assert fee.payment_due_on == D(2026, 7, 3)
    with pytest.raises(DomainError):
        fee_expire(application=app, actor=None, on=D(2026, 7, 3))
    fee_expire(application=app, actor=None, on=D(2026, 7, 6))
    _assert_closed(app, Outcome.OTHER_FEE_UNPAID, D(2026, 7, 6))


def test_referral_is_not_held(org: Organisation, officer: User):
    app = received(org, RECEIVED)
    application_refer(
        application=app,
        actor=officer,
        on=D(2026, 6, 5),
        referred_to_name="某省某市住房和城乡建设局",
    )
    _assert_closed(app, Outcome.UNAVAILABLE_NOT_HELD, D(2026, 6, 5))
    assert app.referred_to_name == "某省某市住房和城乡建设局"
    assert app.referred_to is None


def test_withdrawal_is_other(org: Organisation, officer: User):
    app = received(org, RECEIVED)
    application_withdraw(application=app, actor=None, on=D(2026, 6, 4))
    app.refresh_from_db()
    assert (app.status, app.outcome) == (ApplicationStatus.CLOSED, Outcome.OTHER)
    assert event_kinds(app)[-1] == "withdrawn"


def test_withheld_third_party_after_objection(org: Organisation, officer: User):
    app = received(org, RECEIVED)
    consultation = consultation_start(
        application=app,
        actor=officer,
        kind="third_party",
        party="某某建材有限公司",
        sent_on=D(2026, 6, 5),
        delivered_on=D(2026, 6, 8),
    )
    consultation_answer(
        consultation=consultation,
        actor=officer,
        answered_on=D(2026, 6, 24),
        answer=ConsultationAnswer.OBJECTS,
        note="涉及商业秘密",
    )
    application_reply(
        application=app,
        actor=officer,
        outcome=Outcome.WITHHELD_THIRD_PARTY,
        replied_on=D(2026, 7, 1),
    )
    _assert_closed(app, Outcome.WITHHELD_THIRD_PARTY, D(2026, 7, 1))


def test_every_outcome_is_covered_here():
    covered = set(REPLIED) | PROCEDURE
    assert covered == set(Outcome)
    assert len(covered) == 21
