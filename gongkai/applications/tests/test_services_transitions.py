"""transition_apply: the table, permissions, one event + one audit, atomicity,
e-mail on commit only; referral, withdrawal, assignment, remedies, the worker."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.files.base import ContentFile

from gongkai.applications.choices import Outcome
from gongkai.applications.models import (
    Application,
    ApplicationEvent,
    ApplicationStatus,
    CorrectionNotice,
    RemedyCase,
)
from gongkai.applications.services import (
    application_assign,
    application_confirm,
    application_extend,
    application_refer,
    application_reply,
    application_withdraw,
    applications_close_overdue,
    consultation_start,
    correction_notice_issue,
    fee_notice_issue,
    remedy_decide,
    remedy_record,
)
from gongkai.core.errors import DomainError, InvalidTransition, PermissionDenied
from gongkai.core.models import AuditEvent, Organisation, Role, User
from gongkai.core.tests.factories import OrganisationFactory, staff_user

from . import services_helpers as helpers
from .factories import ApplicationFactory
from .services_helpers import audit_types, event_kinds, received

fast_letters, org = helpers.fast_letters, helpers.org
officer, head = helpers.officer, helpers.head

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_letters")]

D = dt.date
DAY = D(2026, 6, 1)


def reply(app: Application, actor: Any, **kwargs: Any) -> Application:
    values: dict[str, Any] = {"outcome": Outcome.DISCLOSED, "replied_on": D(2026, 6, 5)}
    return application_reply(application=app, actor=actor, **{**values, **kwargs})


def test_one_event_and_one_audit_record_per_transition(
    org: Organisation, officer: User
):
    app = received(org, DAY)
    events, audits = ApplicationEvent.objects.count(), AuditEvent.objects.count()
    reply(app, officer)
    assert ApplicationEvent.objects.count() == events + 1
    # One audit record for the transition (letters audit nothing of their own).
    assert audit_types(app) == ["application.reply"]
    assert AuditEvent.objects.count() >= audits + 1
    event = app.events.get(kind="replied")
    assert (event.on, event.actor, event.visible_to_applicant) == (
        D(2026, 6, 5),
        officer,
        True,
    )
    # The deadline snapshot, calendar version and legal basis (spec §1.6).
    assert event.data["due_on"] == "2026-06-30"
    assert event.data["calendar_version"] == app.calendar_version
    assert event.data["article"] == Outcome.DISCLOSED.article


def test_reply_only_from_received(org: Organisation, officer: User):
    lodged = ApplicationFactory.create(organisation=org, lodged=True)
    with pytest.raises(InvalidTransition):
        reply(lodged, officer)
    app = received(org, DAY)
    reply(app, officer)
    with pytest.raises(InvalidTransition):  # closed
        reply(app, officer)
    with pytest.raises(InvalidTransition):
        application_withdraw(application=app, actor=None, on=D(2026, 6, 6))


def test_invalid_transitions_from_paused_states(org: Organisation, officer: User):
    app = received(org, DAY)
    correction_notice_issue(
        application=app,
        actor=officer,
        items="请补充",
        deadline=D(2026, 6, 15),
        issued_on=D(2026, 6, 2),
    )
    with pytest.raises(InvalidTransition):
        reply(app, officer)
    with pytest.raises(InvalidTransition):
        consultation_start(
            application=app,
            actor=officer,
            kind="third_party",
            party="某公司",
            sent_on=D(2026, 6, 3),
        )
    with pytest.raises(InvalidTransition):
        application_confirm(application=app, actor=officer)


def test_nothing_half_stored_on_error(org: Organisation, officer: User):
    app = received(org, DAY)
    before = (ApplicationEvent.objects.count(), AuditEvent.objects.count())
    with pytest.raises(DomainError):  # a reply dated before the receipt
        reply(app, officer, replied_on=D(2026, 5, 29))
    with pytest.raises(DomainError):  # deadline before the notice
        correction_notice_issue(
            application=app,
            actor=officer,
            items="请补充",
            deadline=D(2026, 6, 1),
            issued_on=D(2026, 6, 2),
        )
    app.refresh_from_db()
    assert app.status == ApplicationStatus.RECEIVED
    assert (ApplicationEvent.objects.count(), AuditEvent.objects.count()) == before
    assert not CorrectionNotice.objects.exists()
    assert app.letters.count() == 0


def test_correction_notice_only_once(org: Organisation, officer: User):
    from gongkai.applications.services import correction_receive

    app = received(org, DAY)
    kwargs: dict[str, Any] = {
        "actor": officer,
        "items": "请补充",
        "deadline": D(2026, 6, 15),
        "issued_on": D(2026, 6, 2),
    }
    correction_notice_issue(application=app, **kwargs)
    correction_receive(application=app, actor=officer, corrected_on=D(2026, 6, 4))
    with pytest.raises(DomainError):
        correction_notice_issue(
            application=app, **{**kwargs, "issued_on": D(2026, 6, 5)}
        )


# -- permissions ----------------------------------------------------------------


def test_permissions_inside_the_services(org: Organisation, officer: User, head: User):
    app = received(org, DAY)
    stranger = staff_user(Role.OFFICER, OrganisationFactory.create())
    editor = staff_user(Role.EDITOR, org)
    for actor in (stranger, editor, head, None):
        with pytest.raises(PermissionDenied):
            reply(app, actor)
    with pytest.raises(PermissionDenied):  # extension: the head only
        application_extend(
            application=app, actor=officer, days=5, reason="材料多", on=D(2026, 6, 2)
        )
    with pytest.raises(PermissionDenied):
        application_extend(
            application=app, actor=stranger, days=5, reason="材料多", on=D(2026, 6, 2)
        )
    application_extend(
        application=app, actor=head, days=5, reason="材料多", on=D(2026, 6, 2)
    )


def test_assignment_is_internal(org: Organisation, officer: User, head: User):
    app = received(org, DAY)
    colleague = staff_user(Role.OFFICER, org)
    app = application_assign(application=app, actor=head, officer=colleague)
    assert app.assigned_to == colleague
    event = app.events.get(kind="assigned")
    assert event.visible_to_applicant is False
    with pytest.raises(DomainError):  # an officer of another organisation
        application_assign(
            application=app,
            actor=head,
            officer=staff_user(Role.OFFICER, OrganisationFactory.create()),
        )
    with pytest.raises(PermissionDenied):
        application_assign(
            application=app, actor=staff_user(Role.EDITOR, org), officer=officer
        )


# -- e-mail on commit -----------------------------------------------------------


def test_email_only_on_commit(
    org: Organisation, officer: User, django_capture_on_commit_callbacks: Any
):
    app = received(org, DAY)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        reply(app, officer)
    assert mail.outbox == []  # nothing sent inside the transaction
    assert callbacks
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [app.email]


def test_no_email_when_the_transition_fails(
    org: Organisation, head: User, django_capture_on_commit_callbacks: Any
):
    app = received(org, D(2026, 2, 10))
    mail.outbox.clear()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(DomainError),
    ):
        application_extend(
            application=app, actor=head, days=5, reason="晚了", on=D(2026, 3, 17)
        )
    assert callbacks == []
    assert mail.outbox == []


def test_extension_emails_the_applicant(
    org: Organisation, head: User, django_capture_on_commit_callbacks: Any
):
    app = received(org, D(2026, 2, 10))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        application_extend(
            application=app, actor=head, days=20, reason="需调档", on=D(2026, 3, 2)
        )
    assert len(mail.outbox) == 1


# -- confirmation, referral, withdrawal --------------------------------------------


def test_confirm_needs_a_date_for_registered_post(org: Organisation, officer: User):
    app = ApplicationFactory.create(
        organisation=org, lodged=True, channel="registered_post"
    )
    with pytest.raises(DomainError):  # signed_for_on missing
        application_confirm(application=app, actor=officer, confirmed_on=DAY)
    Application.objects.filter(pk=app.pk).update(signed_for_on=D(2026, 3, 4))
    app.refresh_from_db()
    app = application_confirm(application=app, actor=officer, confirmed_on=DAY)
    assert app.received_on == D(2026, 3, 4)
    assert audit_types(app)[-1] == "application.confirm"


def test_referral_opens_a_linked_case(org: Organisation, officer: User):
    other = OrganisationFactory.create()
    app = received(org, DAY, organisation_applicant=True)
    app = application_refer(
        application=app, actor=officer, on=D(2026, 6, 4), referred_to=other
    )
    assert (app.outcome, app.referred_to, app.referred_to_name) == (
        Outcome.UNAVAILABLE_NOT_HELD,
        other,
        other.name,
    )
    linked = Application.objects.get(referred_from=app)
    assert (linked.organisation, linked.status) == (other, ApplicationStatus.LODGED)
    assert linked.tracking_code != app.tracking_code
    for field in ("applicant_name", "credit_code", "phone", "description"):
        assert getattr(linked, field) == getattr(app, field)
    assert event_kinds(linked) == ["lodged"]
    assert app.tracking_code in linked.events.get().note
    assert app.referral == linked  # the history stays reachable through the link
    # The other office confirms it: its own receipt day and clock.
    other_officer = staff_user(Role.OFFICER, other)
    linked = application_confirm(
        application=linked, actor=other_officer, confirmed_on=D(2026, 6, 5)
    )
    assert (linked.received_on, linked.due_on) == (D(2026, 6, 5), D(2026, 7, 6))


def test_referral_needs_a_name_and_another_organ(org: Organisation, officer: User):
    app = received(org, DAY)
    with pytest.raises(DomainError):
        application_refer(application=app, actor=officer, on=D(2026, 6, 4))
    with pytest.raises(DomainError):
        application_refer(
            application=app, actor=officer, on=D(2026, 6, 4), referred_to=org
        )


def test_withdraw_before_confirmation(org: Organisation):
    app = ApplicationFactory.create(organisation=org, lodged=True)
    app = application_withdraw(application=app, actor=None, on=D(2026, 3, 3))
    assert (app.status, app.outcome, app.received_on) == (
        ApplicationStatus.CLOSED,
        Outcome.OTHER,
        D(2026, 3, 3),
    )


def test_released_files_are_stored(org: Organisation, officer: User):
    app = received(org, DAY)
    reply(app, officer, files=[ContentFile(b"%PDF-1.4 data", name="预算报告.pdf")])
    released = app.released_files.get()
    assert (released.name, released.size) == ("预算报告.pdf", 13)


# -- remedies -------------------------------------------------------------------


def test_remedy_record_and_decide(org: Organisation, officer: User):
    app = received(org, DAY)
    reply(app, officer, outcome=Outcome.WITHHELD_PROCESS_INFO)
    remedy = remedy_record(
        actor=officer,
        organisation=org,
        kind="reconsideration",
        filed_on=D(2026, 7, 10),
        application=app,
        body="测试市人民政府",
        case_number="测政复〔2026〕12号",
    )
    assert remedy.result == "pending"
    remedy = remedy_decide(
        actor=officer, remedy=remedy, result="maintained", decided_on=D(2026, 8, 20)
    )
    assert (remedy.result, remedy.decided_on) == ("maintained", D(2026, 8, 20))
    remedy = remedy_decide(
        actor=officer, remedy=remedy, result="pending", decided_on=None
    )
    assert remedy.decided_on is None
    kinds = event_kinds(app)
    assert kinds.count("remedy_recorded") == 1 and "remedy_decided" in kinds
    assert not app.events.filter(kind__startswith="remedy", visible_to_applicant=True)
    with pytest.raises(DomainError):
        remedy_decide(actor=officer, remedy=remedy, result="corrected", decided_on=None)
    with pytest.raises(PermissionDenied):
        remedy_record(
            actor=staff_user(Role.OFFICER, OrganisationFactory.create()),
            organisation=org,
            kind="litigation_direct",
            filed_on=D(2026, 7, 1),
        )
    assert RemedyCase.objects.count() == 1


# -- the worker -----------------------------------------------------------------


def test_close_overdue(org: Organisation, officer: User):
    correcting = received(org, DAY)
    correction_notice_issue(
        application=correcting,
        actor=officer,
        items="请补充",
        deadline=D(2026, 6, 15),
        issued_on=D(2026, 6, 2),
    )
    paying = received(org, DAY)
    fee = fee_notice_issue(
        application=paying,
        actor=officer,
        method="per_page",
        quantity=50,
        issued_on=D(2026, 6, 2),
        notice_received_on=D(2026, 6, 3),
    )
    untouched = received(org, DAY)
    assert applications_close_overdue(today=D(2026, 6, 15)) == 0
    assert applications_close_overdue(today=D(2026, 6, 16)) == 1
    assert applications_close_overdue(today=fee.payment_due_on) == 0
    assert applications_close_overdue(today=fee.payment_due_on + dt.timedelta(1)) == 1
    for app, outcome in (
        (correcting, Outcome.OTHER_CORRECTION_OVERDUE),
        (paying, Outcome.OTHER_FEE_UNPAID),
    ):
        app.refresh_from_db()
        assert (app.status, app.outcome) == (ApplicationStatus.CLOSED, outcome)
    untouched.refresh_from_db()
    assert untouched.status == ApplicationStatus.RECEIVED


def test_third_party_silence_leaves_the_decision_to_the_organ(
    org: Organisation, officer: User
):
    from gongkai.applications.services import consultation_answer

    app = received(org, DAY)
    consultation = consultation_start(
        application=app,
        actor=officer,
        kind="third_party",
        party="某某公司",
        sent_on=D(2026, 6, 3),
    )
    assert consultation.answer_due_on is None  # delivery not known yet
    with pytest.raises(DomainError):  # silence needs the delivery day
        consultation_answer(
            consultation=consultation,
            actor=officer,
            answered_on=D(2026, 7, 1),
            answer="silent",
        )
    consultation = consultation_answer(
        consultation=consultation,
        actor=officer,
        answered_on=D(2026, 6, 30),
        answer="silent",
        delivered_on=D(2026, 6, 5),
    )
    # 15 WD after Fri 06-05 (端午 06-19 off): 8–12, 15–18, 22–26, 29.
    assert (consultation.answer_due_on, consultation.answer) == (
        D(2026, 6, 29),
        "silent",
    )
    assert (
        "由本机关依照条例规定决定" in app.events.get(kind="consultation_answered").note
    )
    app.refresh_from_db()
    assert app.status == ApplicationStatus.RECEIVED
