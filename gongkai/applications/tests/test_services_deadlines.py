"""Due dates stored by the services (spec §7.5), across holidays with 调休.

Each expected date is counted by hand from the 2026 schedule (spec §7.3):
Spring Festival off Feb 15–23 with Sat Feb 14 and Sat Feb 28 working;
端午 Fri Jun 19 off; Mid-Autumn Sep 25–27; National Day Oct 1–7 with
Sun Sep 20 and Sat Oct 10 working.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.utils import timezone

from gongkai.applications.choices import Channel
from gongkai.applications.models import Application, ConsultationAnswer
from gongkai.applications.services import (
    application_confirm,
    application_extend,
    consultation_answer,
    consultation_start,
    correction_notice_issue,
    correction_receive,
    fee_notice_issue,
    fee_payment_record,
)
from gongkai.core.errors import DomainError
from gongkai.core.models import AuditEvent, Organisation, Role, StoredDeadline, User
from gongkai.core.tests.factories import OrganisationFactory, staff_user
from gongkai.core.workdays import calendar_version

from . import services_helpers as helpers
from .factories import ApplicationFactory
from .services_helpers import Day, calendar_year_enter, enter_2027, received

fast_letters, org = helpers.fast_letters, helpers.org
officer, head = helpers.officer, helpers.head

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_letters")]

D = dt.date


def stored(app: Application) -> StoredDeadline:
    return StoredDeadline.objects.get(owner_kind="application", owner_id=str(app.pk))


# (name, received_on, expected due) for receipt-only cases.
PLAIN = [
    ("A", D(2025, 9, 26), D(2025, 10, 30)),
    ("B", D(2026, 2, 10), D(2026, 3, 16)),
    ("D without suspension", D(2026, 6, 1), D(2026, 6, 30)),
    ("N", D(2026, 10, 8), D(2026, 11, 4)),
]


@pytest.mark.parametrize(("name", "day", "due"), PLAIN, ids=[p[0] for p in PLAIN])
def test_receipt_sets_the_due_date(org: Organisation, name: str, day: D, due: D):
    app = received(org, day)
    app.refresh_from_db()
    assert (app.due_on, app.due_provisional) == (due, False)
    assert app.calendar_version == calendar_version()
    assert stored(app).due_on == due


# Extension (条例第三十三条): A across 国庆+中秋 2025, B across 春节 2026.
EXTENDED = [
    ("A extended", D(2025, 9, 26), D(2025, 10, 30), D(2025, 11, 27)),
    ("B extended", D(2026, 2, 10), D(2026, 3, 2), D(2026, 4, 14)),
]


@pytest.mark.parametrize(
    ("name", "day", "on", "due"), EXTENDED, ids=[e[0] for e in EXTENDED]
)
def test_extension(org: Organisation, head: User, name: str, day: D, on: D, due: D):
    app = received(org, day)
    app = application_extend(
        application=app, actor=head, days=20, reason="需要调取档案", on=on
    )
    assert (app.due_on, app.extension_days) == (due, 20)
    assert stored(app).due_on == due
    assert app.letters.filter(kind="extension").count() == 1


def test_online_lodged_on_a_holiday_is_received_when_confirmed(
    org: Organisation, officer: User
):
    # Example N: lodged Sat 2026-10-03 (National Day), confirmed Thu 10-08.
    app = ApplicationFactory.create(organisation=org, lodged=True)
    Application.objects.filter(pk=app.pk).update(
        lodged_at=timezone.make_aware(dt.datetime(2026, 10, 3, 21, 15))
    )
    app = application_confirm(
        application=app, actor=officer, confirmed_on=D(2026, 10, 8)
    )
    assert (app.received_on, app.due_on) == (D(2026, 10, 8), D(2026, 11, 4))
    assert app.channel == Channel.ONLINE


def test_correction_example_c(org: Organisation, officer: User):
    app = received(org, D(2026, 4, 28))
    notice = correction_notice_issue(
        application=app,
        actor=officer,
        items="请补充所需信息的时间范围",
        deadline=D(2026, 5, 25),
        issued_on=D(2026, 5, 11),  # 7th WD (Sat 05-09 is a working day)
    )
    assert notice.late is False
    app.refresh_from_db()
    assert app.due_on is None  # the count stops while waiting for the correction
    app = correction_receive(
        application=app, actor=officer, corrected_on=D(2026, 5, 12)
    )
    assert app.due_on == D(2026, 6, 9)


def test_correction_restart_across_national_day(org: Organisation, officer: User):
    app = received(org, D(2026, 9, 21))
    correction_notice_issue(
        application=app,
        actor=officer,
        items="请明确所需文件的名称",
        deadline=D(2026, 10, 20),
        issued_on=D(2026, 9, 24),
    )
    app = correction_receive(
        application=app, actor=officer, corrected_on=D(2026, 9, 29)
    )
    # 20 WD from Tue 09-29: 09-30; Oct 8, 9, Sat 10, 12–16, 19–23, 26–30; Nov 2.
    assert app.due_on == D(2026, 11, 2)


def test_late_correction_notice_is_marked_but_allowed(org: Organisation, officer: User):
    app = received(org, D(2026, 4, 28))
    notice = correction_notice_issue(
        application=app,
        actor=officer,
        items="请补充身份证明",
        deadline=D(2026, 5, 26),
        issued_on=D(2026, 5, 12),  # the 8th WD
    )
    assert notice.late is True


def test_consultation_example_d(org: Organisation, officer: User):
    app = received(org, D(2026, 6, 1))
    consultation = consultation_start(
        application=app,
        actor=officer,
        kind="third_party",
        party="某某建材有限公司",
        sent_on=D(2026, 6, 5),
        delivered_on=D(2026, 6, 8),
    )
    assert consultation.answer_due_on == D(2026, 6, 30)
    consultation_answer(
        consultation=consultation,
        actor=officer,
        answered_on=D(2026, 6, 24),
        answer=ConsultationAnswer.CONSENTS,
    )
    app.refresh_from_db()
    assert app.due_on == D(2026, 7, 17)


def test_consultation_pause_across_spring_festival(org: Organisation, officer: User):
    app = received(org, D(2026, 2, 2))
    consultation = consultation_start(
        application=app,
        actor=officer,
        kind="co_producer",
        party="测试市财政局",
        sent_on=D(2026, 2, 4),
        delivered_on=D(2026, 2, 5),
    )
    # 15 WD from Thu 02-05: 6, 9–13, Sat 14, 24–27, Sat 28, Mar 2–4.
    assert consultation.answer_due_on == D(2026, 3, 4)
    with pytest.raises(DomainError):  # silence only once the 15 WD are over
        consultation_answer(
            consultation=consultation,
            actor=officer,
            answered_on=D(2026, 3, 4),
            answer=ConsultationAnswer.SILENT,
        )
    consultation_answer(
        consultation=consultation,
        actor=officer,
        answered_on=D(2026, 3, 5),
        answer=ConsultationAnswer.SILENT,
    )
    app.refresh_from_db()
    # 1 WD used (02-03); paused 02-04 → 03-05; 19 WD: 03-06, 9–13, 16–20,
    # 23–27, 30, 31, Apr 1.
    assert app.due_on == D(2026, 4, 1)
    assert "视为同意" in app.events.get(kind="consultation_answered").note


def test_consultation_answer_in_the_festival(org: Organisation, officer: User):
    app = received(org, D(2026, 2, 2))
    consultation = consultation_start(
        application=app,
        actor=officer,
        kind="third_party",
        party="某某物业公司",
        sent_on=D(2026, 2, 4),
        delivered_on=D(2026, 2, 5),
    )
    consultation_answer(
        consultation=consultation,
        actor=officer,
        answered_on=D(2026, 2, 24),
        answer=ConsultationAnswer.OBJECTS,
    )
    app.refresh_from_db()
    # 02-03 counted; 02-04 → 02-24 paused; 02-25, 26, 27, Sat 28, Mar 2–6,
    # 9–13, 16–20 → the 20th WD is Fri 03-20.
    assert app.due_on == D(2026, 3, 20)


def test_fee_example_e_across_mid_autumn_and_national_day(
    org: Organisation, officer: User
):
    app = received(org, D(2026, 9, 8))
    fee = fee_notice_issue(
        application=app,
        actor=officer,
        method="per_page",
        quantity=250,
        issued_on=D(2026, 9, 10),
        notice_received_on=D(2026, 9, 11),
    )
    assert (fee.amount, fee.payment_due_on) == (4700, D(2026, 10, 15))
    assert StoredDeadline.objects.get(
        owner_kind="application.fee_payment", owner_id=str(fee.pk)
    ).due_on == D(2026, 10, 15)
    app.refresh_from_db()
    assert app.due_on is None
    app = fee_payment_record(
        application=app, actor=officer, paid_on=D(2026, 10, 15), receipt_number="No.1"
    )
    # 1 WD used (09-09), paused 09-10 → 10-15, 19 WD from Fri 10-16.
    assert app.due_on == D(2026, 11, 11)


def test_extension_rules(org: Organisation, officer: User, head: User):
    app = received(org, D(2026, 2, 10))
    with pytest.raises(DomainError):  # after the original due date (03-16)
        application_extend(
            application=app, actor=head, days=10, reason="材料较多", on=D(2026, 3, 17)
        )
    with pytest.raises(DomainError):  # more than 20 WD
        application_extend(
            application=app, actor=head, days=21, reason="材料较多", on=D(2026, 3, 2)
        )
    app = application_extend(
        application=app, actor=head, days=5, reason="材料较多", on=D(2026, 3, 16)
    )
    with pytest.raises(DomainError):  # only once
        application_extend(
            application=app, actor=head, days=5, reason="再次延期", on=D(2026, 3, 18)
        )
    # 5 WD after Mon 03-16.
    assert app.due_on == D(2026, 3, 23)


def test_provisional_2027_then_recomputed_when_the_year_is_entered(
    org: Organisation,
):
    # Example M: only 12 WD remain in 2026; the calendar lacks 2027.
    app = received(org, D(2026, 12, 15))
    app.refresh_from_db()
    assert (app.due_on, app.due_provisional) == (D(2027, 1, 12), True)
    assert stored(app).provisional is True
    enter_2027(staff_user(Role.ADMIN, OrganisationFactory.create()))
    app.refresh_from_db()
    # 2027-01-01 is now a holiday: one day later, and exact.
    assert (app.due_on, app.due_provisional) == (D(2027, 1, 13), False)
    assert app.calendar_version == calendar_version()
    assert stored(app).provisional is False


def test_provisional_fee_payment_recomputed_too(org: Organisation, officer: User):
    app = received(org, D(2026, 12, 15))
    fee = fee_notice_issue(
        application=app,
        actor=officer,
        method="per_page",
        quantity=40,
        issued_on=D(2026, 12, 16),
        notice_received_on=D(2026, 12, 17),
    )
    # Weekends only: 18, 21–25, 28–31 (10), Jan 1, 4–8, 11–14 → Thu 01-14.
    assert fee.payment_due_on == D(2027, 1, 14)
    enter_2027(staff_user(Role.ADMIN, OrganisationFactory.create()))
    fee.refresh_from_db()
    assert fee.payment_due_on == D(2027, 1, 15)


def _resave_2026(change: Callable[[list[Day]], list[Day]]) -> None:
    """Save the 2026 schedule again with `change` applied to its days."""
    from gongkai.core.models import CalendarYear

    year = CalendarYear.objects.get(year=2026)
    days: list[Day] = [(d.date, d.kind, d.holiday_name) for d in year.days.all()]
    admin = staff_user(Role.ADMIN, OrganisationFactory.create())
    source = year.source_doc_number or "国办发明电〔2025〕7号"
    calendar_year_enter(admin, 2026, source, change(days))


def test_calendar_edit_of_a_known_year_recomputes_open_cases(org: Organisation):
    app = received(org, D(2026, 6, 1))
    assert app.due_on == D(2026, 6, 30)
    _resave_2026(lambda days: [*days, (D(2026, 6, 15), "holiday_off", "测试")])
    app.refresh_from_db()
    assert app.due_on == D(2026, 7, 1)


def test_closed_cases_keep_their_due_date_unless_provisional(
    org: Organisation, officer: User
):
    from gongkai.applications.services import application_reply

    exact = received(org, D(2026, 6, 1))
    pending = received(org, D(2026, 12, 15))
    for app, on in ((exact, D(2026, 6, 2)), (pending, D(2026, 12, 16))):
        application_reply(
            application=app, actor=officer, outcome="disclosed", replied_on=on
        )
    owners = StoredDeadline.objects.filter(owner_kind="application")
    assert list(owners.values_list("owner_id", flat=True)) == [str(pending.pk)]
    exact.refresh_from_db()
    assert exact.due_on == D(2026, 6, 30)


def test_confirmation_on_a_weekend_of_an_unknown_year(org: Organisation, officer: User):
    app = ApplicationFactory.create(organisation=org, lodged=True)
    Application.objects.filter(pk=app.pk).update(
        lodged_at=timezone.make_aware(dt.datetime(2027, 1, 2, 9, 0))
    )
    app.refresh_from_db()
    app = application_confirm(
        application=app, actor=officer, confirmed_on=D(2027, 1, 2)
    )
    # Sat 2027-01-02 → Mon 01-04 (weekends only), 20 weekdays → Mon 02-01.
    assert (app.received_on, app.due_on, app.due_provisional) == (
        D(2027, 1, 4),
        D(2027, 2, 1),
        True,
    )


def test_a_calendar_edit_never_fails_on_an_old_case(org: Organisation, head: User):
    app = received(org, D(2026, 9, 28))
    assert app.due_on == D(2026, 10, 30)
    app = application_extend(
        application=app, actor=head, days=5, reason="材料多", on=D(2026, 10, 30)
    )
    assert app.due_on == D(2026, 11, 6)
    # Without Oct 5–7 off the original period would have ended on 10-27,
    # before the extension was decided: the stored date is kept.
    removed = {D(2026, 10, 5), D(2026, 10, 6), D(2026, 10, 7)}
    _resave_2026(lambda days: [d for d in days if d[0] not in removed])
    app.refresh_from_db()
    assert app.due_on == D(2026, 11, 6)
    assert stored(app).due_on == D(2026, 11, 6)
    kept = AuditEvent.objects.filter(
        event_type="application.deadline_recomputed", target_id=str(app.pk)
    ).last()
    assert kept is not None and "kept" in (kept.after or {})
