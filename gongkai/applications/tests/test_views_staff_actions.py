"""Back office: each action's form — happy path, and bad input → 400 with a
Chinese message and nothing stored."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from gongkai.applications.models import (
    Application,
    ApplicationEvent,
    ApplicationStatus,
    RemedyCase,
)
from gongkai.applications.workflow import Action
from gongkai.core.models import Organisation
from gongkai.core.tests.factories import OrganisationFactory

from .factories import ApplicationFactory, head_of, officer_of
from .services_helpers import fast_letters  # noqa: F401
from .staff_helpers import RECEIVED, action_url, detail_url, post_action

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_letters")]

D = dt.date


@pytest.fixture
def org() -> Organisation:
    return OrganisationFactory.create()


@pytest.fixture
def officer_client(org: Organisation) -> Client:
    client = Client()
    client.force_login(officer_of(org))
    return client


@pytest.fixture
def head_client(org: Organisation) -> Client:
    client = Client()
    client.force_login(head_of(org))
    return client


@pytest.fixture
def case(org: Organisation) -> Application:
    return ApplicationFactory.create(organisation=org, received_on=RECEIVED)


def _ok(response: Any, case: Application) -> Application:
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == detail_url(case)
    case.refresh_from_db()
    return case


def _refused(response: Any, case: Application, status: int = 400) -> str:
    assert response.status_code == status
    events_before = case.events.count()
    case.refresh_from_db()
    assert case.events.count() == events_before
    return str(response.content.decode())


def _notice(
    client: Client, case: Application, issued_on: D, deadline: D, items: str = "请补充"
) -> Any:
    """POST the correction notice form."""
    data = {"issued_on": issued_on, "items": items, "deadline": deadline}
    return post_action(client, case, Action.CORRECTION_NOTICE, data)


def _consultation(delivered_on: D) -> dict[str, Any]:
    """The consultation form: a third party, letter sent 11-05."""
    return {
        "kind": "third_party",
        "party": "某某公司",
        "sent_on": D(2026, 11, 5),
        "delivered_on": delivered_on,
    }


def _fee_notice(quantity: int, **extra: str) -> dict[str, Any]:
    """The fee notice form per page: issued 11-05, received 11-06."""
    return {
        "method": "per_page",
        "quantity": quantity,
        "issued_on": D(2026, 11, 5),
        "notice_received_on": D(2026, 11, 6),
        **extra,
    }


def test_confirm_online_application(org: Organisation, officer_client: Client) -> None:
    lodged = ApplicationFactory.create(organisation=org, lodged=True)
    response = post_action(
        officer_client, lodged, Action.CONFIRM, {"confirmed_on": D(2026, 11, 3)}
    )
    lodged = _ok(response, lodged)
    assert lodged.status == ApplicationStatus.RECEIVED
    assert lodged.received_on == D(2026, 11, 3)
    assert lodged.due_on is not None


def test_confirm_bad_date(org: Organisation, officer_client: Client) -> None:
    lodged = ApplicationFactory.create(organisation=org, lodged=True)
    response = post_action(
        officer_client, lodged, Action.CONFIRM, {"confirmed_on": "2026-13-40"}
    )
    body = _refused(response, lodged)
    assert "提交的内容有误" in body
    lodged.refresh_from_db()
    assert lodged.status == ApplicationStatus.LODGED


def test_confirm_twice_is_409(case: Application, officer_client: Client) -> None:
    # Posting an action the transition table does not allow in this status.
    response = post_action(
        officer_client, case, Action.CONFIRM, {"confirmed_on": RECEIVED}
    )
    body = _refused(response, case, 409)
    assert "不能确认收到申请" in body


def test_assign(org: Organisation, case: Application, officer_client: Client) -> None:
    other = officer_of(org)
    case = _ok(
        post_action(officer_client, case, Action.ASSIGN, {"officer": other.pk}), case
    )
    assert case.assigned_to == other


def test_assign_outsider_refused(case: Application, officer_client: Client) -> None:
    outsider = officer_of(OrganisationFactory.create())
    response = post_action(
        officer_client, case, Action.ASSIGN, {"officer": outsider.pk}
    )
    _refused(response, case)
    case.refresh_from_db()
    assert case.assigned_to is None


def test_correction_cycle(case: Application, officer_client: Client) -> None:
    response = _notice(
        officer_client, case, D(2026, 11, 4), D(2026, 11, 18), "请写明文件名称"
    )
    case = _ok(response, case)
    assert case.status == ApplicationStatus.CORRECTION_REQUESTED
    assert case.due_on is None
    response = post_action(
        officer_client,
        case,
        Action.CORRECTION_RECEIVE,
        {"corrected_on": D(2026, 11, 10), "text": "文件名称：……"},
    )
    case = _ok(response, case)
    assert case.status == ApplicationStatus.RECEIVED
    assert case.due_on == D(2026, 12, 8)  # 20 WD counted again from 10 November


def test_correction_notice_late_warns(
    case: Application, officer_client: Client
) -> None:
    _ok(_notice(officer_client, case, D(2026, 11, 20), D(2026, 11, 30)), case)
    page = officer_client.get(detail_url(case)).content.decode()
    assert "超过收到申请后7个工作日" in page or "超过7个工作日发出" in page


def test_correction_notice_form_warns_before(
    case: Application, officer_client: Client
) -> None:
    page = officer_client.get(detail_url(case)).content.decode()
    assert (
        "7个工作日内（2026年11月11日前）" in page
        or "2026-11-11" in page
        or "11月11日" in page
    )


def test_correction_notice_bad_input(case: Application, officer_client: Client) -> None:
    response = _notice(officer_client, case, D(2026, 11, 4), D(2026, 11, 1), "")
    body = _refused(response, case)
    assert "补正期限不能早于通知日期" in body
    assert not hasattr(Application.objects.get(pk=case.pk), "correction_notice")


def test_correction_expire(case: Application, officer_client: Client) -> None:
    _ok(_notice(officer_client, case, D(2026, 11, 4), D(2026, 11, 11)), case)
    case = _ok(
        post_action(
            officer_client, case, Action.CORRECTION_EXPIRE, {"on": D(2026, 11, 12)}
        ),
        case,
    )
    assert case.status == ApplicationStatus.CLOSED
    assert case.outcome == "other_correction_overdue"


def test_consultation_start_and_answer(
    case: Application, officer_client: Client
) -> None:
    response = post_action(
        officer_client, case, Action.CONSULTATION_START, _consultation(D(2026, 11, 6))
    )
    case = _ok(response, case)
    assert case.status == ApplicationStatus.CONSULTING
    response = post_action(
        officer_client,
        case,
        Action.CONSULTATION_ANSWER,
        {"answered_on": D(2026, 11, 12), "answer": "consents"},
    )
    case = _ok(response, case)
    assert case.status == ApplicationStatus.RECEIVED
    assert case.consultations.get().answer == "consents"


def test_consultation_bad_dates(case: Application, officer_client: Client) -> None:
    response = post_action(
        officer_client, case, Action.CONSULTATION_START, _consultation(D(2026, 11, 4))
    )
    assert "送达日期不能早于发函日期" in _refused(response, case)
    assert not case.consultations.exists()


def test_extension_by_head(case: Application, head_client: Client) -> None:
    response = post_action(
        head_client,
        case,
        Action.EXTEND,
        {"on": D(2026, 11, 20), "days": 20, "reason": "需要调取档案"},
    )
    case = _ok(response, case)
    assert case.extension_days == 20
    assert case.due_on == D(2026, 12, 28)


def test_extension_too_long(case: Application, head_client: Client) -> None:
    response = post_action(
        head_client,
        case,
        Action.EXTEND,
        {"on": D(2026, 11, 20), "days": 21, "reason": "x"},
    )
    _refused(response, case)
    case.refresh_from_db()
    assert case.extension_days == 0


def test_extension_after_due_date_refused(
    case: Application, head_client: Client
) -> None:
    response = post_action(
        head_client,
        case,
        Action.EXTEND,
        {"on": D(2026, 12, 1), "days": 10, "reason": "x"},
    )
    body = _refused(response, case)
    assert "原答复期限" in body
    assert not case.events.filter(kind="extended").exists()


def test_extension_not_for_officer(case: Application, officer_client: Client) -> None:
    response = post_action(
        officer_client,
        case,
        Action.EXTEND,
        {"on": D(2026, 11, 20), "days": 5, "reason": "x"},
    )
    _refused(response, case, 403)


def test_fee_notice_preview_then_confirm(
    case: Application, officer_client: Client
) -> None:
    data = _fee_notice(120)
    preview = post_action(officer_client, case, Action.FEE_NOTICE, data)
    assert preview.status_code == 200
    body = preview.content.decode()
    # 1–30 free, 31–100 at 10 元, 101–120 at 20 元 = 700 + 400.
    assert "合计 1100 元" in body
    assert "确认并发出收费通知" in body
    case.refresh_from_db()
    assert case.status == ApplicationStatus.RECEIVED
    assert not hasattr(case, "fee")
    case = _ok(
        post_action(
            officer_client, case, Action.FEE_NOTICE, {**data, "confirmed": "True"}
        ),
        case,
    )
    assert case.status == ApplicationStatus.AWAITING_FEE
    assert case.fee.amount == 1100
    response = post_action(
        officer_client,
        case,
        Action.FEE_PAY,
        {"paid_on": D(2026, 11, 10), "receipt_number": "NO.2026001"},
    )
    case = _ok(response, case)
    assert case.status == ApplicationStatus.RECEIVED
    assert case.fee.receipt_number == "NO.2026001"


def test_fee_notice_free_refused(case: Application, officer_client: Client) -> None:
    data = _fee_notice(10, confirmed="True")
    body = _refused(post_action(officer_client, case, Action.FEE_NOTICE, data), case)
    assert "不收取" in body


def test_fee_payment_needs_receipt_number(
    case: Application, officer_client: Client
) -> None:
    data = _fee_notice(50, confirmed="True")
    case = _ok(post_action(officer_client, case, Action.FEE_NOTICE, data), case)
    response = post_action(
        officer_client, case, Action.FEE_PAY, {"paid_on": D(2026, 11, 9)}
    )
    _refused(response, case)
    case.refresh_from_db()
    assert case.status == ApplicationStatus.AWAITING_FEE


def test_reply_partly_disclosed_with_files(
    case: Application, officer_client: Client
) -> None:
    upload = SimpleUploadedFile("预算报告.pdf", b"%PDF-1.4 released", "application/pdf")
    response = officer_client.post(
        action_url(case, Action.REPLY),
        {
            "reply-replied_on": "2026-11-20",
            "reply-outcome": "partly_disclosed",
            "reply-reasons": "部分内容涉及商业秘密",
            "reply-withheld_description": "第三页供应商报价",
            "reply-attachments": upload,
        },
    )
    case = _ok(response, case)
    assert case.status == ApplicationStatus.CLOSED
    assert case.outcome == "partly_disclosed"
    assert "第三十七条" in case.reply_basis  # prefilled from the outcome
    assert case.released_files.count() == 1
    assert case.letters.filter(kind="reply").exists()


def test_reply_partly_needs_withheld(case: Application, officer_client: Client) -> None:
    response = post_action(
        officer_client,
        case,
        Action.REPLY,
        {"replied_on": D(2026, 11, 20), "outcome": "partly_disclosed"},
    )
    assert "部分公开须写明不予公开的部分及理由" in _refused(response, case)
    case.refresh_from_db()
    assert case.status == ApplicationStatus.RECEIVED


def test_reply_unknown_outcome(case: Application, officer_client: Client) -> None:
    response = post_action(
        officer_client,
        case,
        Action.REPLY,
        {"replied_on": D(2026, 11, 20), "outcome": "maybe"},
    )
    _refused(response, case)


def test_reply_form_groups_outcomes(case: Application, officer_client: Client) -> None:
    body = officer_client.get(detail_url(case)).content.decode()
    assert '<optgroup label="不予公开">' in body
    assert "R13 本机关不掌握相关政府信息" in body


def test_referral_inside_the_system(
    org: Organisation, case: Application, officer_client: Client
) -> None:
    target = OrganisationFactory.create()
    response = post_action(
        officer_client,
        case,
        Action.REFER,
        {"on": D(2026, 11, 9), "referred_to": target.pk},
    )
    case = _ok(response, case)
    assert case.status == ApplicationStatus.CLOSED
    assert case.referred_to == target
    assert Application.objects.filter(organisation=target, referred_from=case).exists()


def test_referral_needs_one_of_two(case: Application, officer_client: Client) -> None:
    response = post_action(officer_client, case, Action.REFER, {"on": D(2026, 11, 9)})
    assert "二选一" in _refused(response, case)


def test_referral_by_name(case: Application, officer_client: Client) -> None:
    response = post_action(
        officer_client,
        case,
        Action.REFER,
        {"on": D(2026, 11, 9), "referred_to_name": "某省某厅"},
    )
    case = _ok(response, case)
    assert case.referred_to_name == "某省某厅"


def test_withdrawal(case: Application, officer_client: Client) -> None:
    case = _ok(
        post_action(
            officer_client,
            case,
            Action.WITHDRAW,
            {"on": D(2026, 11, 9), "note": "电话撤回"},
        ),
        case,
    )
    assert case.status == ApplicationStatus.CLOSED


def test_remedy_record_and_decide(case: Application, officer_client: Client) -> None:
    from django.urls import reverse

    _ok(
        post_action(
            officer_client,
            case,
            Action.REPLY,
            {"replied_on": D(2026, 11, 20), "outcome": "unavailable_not_held"},
        ),
        case,
    )
    url = reverse("staff:application_remedy_record", args=[case.pk])
    response = officer_client.post(
        url,
        {
            "remedy-kind": "reconsideration",
            "remedy-filed_on": "2026-11-25",
            "remedy-body": "鹤城市人民政府",
            "remedy-case_number": "鹤复〔2026〕1号",
        },
    )
    _ok(response, case)
    remedy = RemedyCase.objects.get(application=case)
    assert remedy.result == "pending"
    bad = officer_client.post(url, {"remedy-kind": "nonsense", "remedy-filed_on": "x"})
    assert bad.status_code == 400
    assert RemedyCase.objects.count() == 1
    decide = reverse("staff:application_remedy_decide", args=[case.pk, remedy.pk])
    response = officer_client.post(
        decide,
        {
            f"remedy-{remedy.pk}-result": "maintained",
            f"remedy-{remedy.pk}-decided_on": "2026-11-30",
        },
    )
    _ok(response, case)
    remedy.refresh_from_db()
    assert remedy.result == "maintained"


def test_get_on_action_url_not_allowed(
    case: Application, officer_client: Client
) -> None:
    assert officer_client.get(action_url(case, Action.REPLY)).status_code == 405
    assert ApplicationEvent.objects.filter(application=case).count() == 2


def _status_for(action: Action, org: Organisation) -> Application:
    """A case in a status where `action` is allowed."""
    from gongkai.applications.models import Consultation, CorrectionNotice, FeeDecision

    if action == Action.CONFIRM:
        return ApplicationFactory.create(organisation=org, lodged=True)
    case = ApplicationFactory.create(organisation=org, received_on=RECEIVED)
    status = {
        Action.CORRECTION_RECEIVE: ApplicationStatus.CORRECTION_REQUESTED,
        Action.CORRECTION_EXPIRE: ApplicationStatus.CORRECTION_REQUESTED,
        Action.CONSULTATION_ANSWER: ApplicationStatus.CONSULTING,
        Action.FEE_PAY: ApplicationStatus.AWAITING_FEE,
        Action.FEE_EXPIRE: ApplicationStatus.AWAITING_FEE,
    }.get(action)
    if status is not None:
        Application.objects.filter(pk=case.pk).update(status=status)
    if action == Action.CONSULTATION_ANSWER:
        Consultation.objects.create(
            application=case, kind="third_party", party="某公司", sent_on=RECEIVED
        )
    if action in (Action.CORRECTION_RECEIVE, Action.CORRECTION_EXPIRE):
        CorrectionNotice.objects.create(
            application=case, issued_on=RECEIVED, items="x", deadline=RECEIVED
        )
    if action in (Action.FEE_PAY, Action.FEE_EXPIRE):
        FeeDecision.objects.create(
            application=case,
            method="per_page",
            quantity=50,
            amount=200,
            issued_on=RECEIVED,
            notice_received_on=RECEIVED,
            payment_due_on=RECEIVED,
        )
    case.refresh_from_db()
    return case


@pytest.mark.parametrize("action", list(Action))
def test_every_action_rejects_a_bad_date(
    org: Organisation, officer_client: Client, head_client: Client, action: Action
) -> None:
    """Each action's form: an impossible date → 400, a Chinese message, no change."""
    from gongkai.applications.views.staff.action_table import ACTION_STEPS

    case = _status_for(action, org)
    before = (case.status, case.events.count(), case.due_on)
    client = head_client if action == Action.EXTEND else officer_client
    step = ACTION_STEPS[action]
    dates = [
        name
        for name, field in step.form(application=case).fields.items()
        if field.__class__.__name__ == "DateField" and field.required
    ]
    data = {name: "2026-02-30" for name in dates}
    if action == Action.ASSIGN:
        data = {"officer": "999999"}
    response = post_action(client, case, action, data)
    assert response.status_code == 400, action
    body = response.content.decode()
    assert "提交的内容有误" in body
    assert "errorlist" in body
    case.refresh_from_db()
    assert (case.status, case.events.count(), case.due_on) == before
