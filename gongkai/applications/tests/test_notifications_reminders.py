"""Officer reminders across the 2026 National Day holiday (spec §7.3).

2026: 10月1日—7日 off, Saturday 10月10日 an adjusted working day (调休上班).
Due 10月12日 (Mon): 5 working days before is 9月29日, 1 before is
Saturday 10月10日, overdue on 10月13日.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.management import call_command

from gongkai.applications.models import ApplicationStatus, ReminderKind, ReminderSent
from gongkai.applications.notifications import daily
from gongkai.applications.notifications.reminders import (
    reminders_due,
    reminders_run,
)
from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, staff_user

from .test_notifications import make_application

pytestmark = pytest.mark.django_db

DUE = date(2026, 10, 12)


@pytest.fixture
def org():
    return OrganisationFactory.create()


@pytest.fixture
def officer(org):
    return staff_user(Role.OFFICER, org, email="officer@example.gov.cn")


@pytest.fixture
def head(org):
    return staff_user(Role.HEAD, org, email="head@example.gov.cn")


def _run(day: date) -> list[EmailMessage]:
    mail.outbox.clear()
    reminders_run(today=day)
    return list(mail.outbox)


@pytest.mark.parametrize(
    ("day", "kind"),
    [
        (date(2026, 9, 28), None),  # 6 working days left
        (date(2026, 9, 29), ReminderKind.DUE_IN_5),
        (date(2026, 10, 9), ReminderKind.DUE_IN_5),  # 2 left: catch-up
        (date(2026, 10, 10), ReminderKind.DUE_IN_1),  # 调休 Saturday
        (date(2026, 10, 11), ReminderKind.DUE_IN_1),  # Sunday: still 1 left
        (date(2026, 10, 12), ReminderKind.DUE_IN_1),  # due today
        (date(2026, 10, 13), ReminderKind.OVERDUE),
    ],
)
def test_which_reminder_is_due_on_which_day(org, day, kind):
    make_application(organisation=org, due_on=DUE)
    due = reminders_due(today=day)
    assert [r.kind for r in due] == ([kind] if kind else [])


def test_the_holiday_does_not_count_as_working_days(org):
    make_application(organisation=org, due_on=DUE)
    (reminder,) = reminders_due(today=date(2026, 9, 29))
    assert reminder.days_left == 5  # 9/30, 10/8, 10/9, 10/10 (调休), 10/12
    assert reminders_due(today=date(2026, 9, 30))[0].days_left == 4
    # In the holiday itself nothing moves: still 4 left on 10月3日.
    assert reminders_due(today=date(2026, 10, 3))[0].days_left == 4


def test_the_whole_sequence_each_reminder_once_and_escalation(org, officer, head):
    application = make_application(organisation=org, due_on=DUE, assigned_to=officer)
    sent = {
        day: _run(date(2026, *day))
        for day in [
            (9, 28), (9, 29), (9, 30), (10, 3), (10, 9),
            (10, 10), (10, 12), (10, 13), (10, 14), (10, 20),
        ]
    }  # fmt: skip
    days_with_mail = {day: msgs for day, msgs in sent.items() if msgs}
    assert list(days_with_mail) == [(9, 29), (10, 10), (10, 13)]
    five, one, overdue = (msgs[0] for msgs in days_with_mail.values())
    assert all(len(msgs) == 1 for msgs in days_with_mail.values())

    assert five.to == ["officer@example.gov.cn"] and five.cc == []
    assert "还有5个工作日" in five.subject
    assert application.tracking_code in five.subject
    assert "答复期限：2026年10月12日" in five.body
    assert application.id_number not in five.body
    assert f"http://testserver/staff/applications/{application.pk}/" in five.body

    assert one.to == ["officer@example.gov.cn"] and one.cc == []
    assert "还有1个工作日" in one.subject

    assert overdue.to == ["officer@example.gov.cn"]
    assert overdue.cc == ["head@example.gov.cn"]  # escalated to the head
    assert "已超过答复期限" in overdue.subject
    assert "抄送机构负责人" in overdue.body

    rows = ReminderSent.objects.filter(application=application)
    assert sorted(rows.values_list("kind", "sent_on")) == [
        (ReminderKind.DUE_IN_1, date(2026, 10, 10)),
        (ReminderKind.DUE_IN_5, date(2026, 9, 29)),
        (ReminderKind.OVERDUE, date(2026, 10, 13)),
    ]


def test_unassigned_goes_to_every_officer_of_the_organisation(org, officer, head):
    other = staff_user(Role.OFFICER, org, email="officer2@example.gov.cn")
    staff_user(Role.OFFICER, OrganisationFactory.create(), email="elsewhere@x.cn")
    make_application(organisation=org, due_on=DUE)
    (message,) = _run(date(2026, 9, 29))
    assert sorted(message.to) == sorted([officer.email, other.email])


def test_overdue_with_no_officer_goes_to_the_head(org, head):
    make_application(organisation=org, due_on=DUE)
    assert _run(date(2026, 9, 29)) == []  # nobody to remind: not recorded
    (message,) = _run(date(2026, 10, 13))
    assert message.to == ["head@example.gov.cn"]


def test_a_new_due_date_gets_its_own_reminders(org, officer):
    application = make_application(organisation=org, due_on=DUE)
    assert len(_run(date(2026, 9, 29))) == 1
    # Extended by 20 working days (条例第三十三条第二款): due 11月9日.
    application.due_on = date(2026, 11, 9)
    application.extension_days = 20
    application.save()
    assert _run(date(2026, 10, 13)) == []
    (message,) = _run(date(2026, 11, 2))
    assert "还有5个工作日" in message.subject


@pytest.mark.parametrize(
    "fields",
    [
        {"status": ApplicationStatus.CLOSED, "outcome": "disclosed",
         "closed_on": date(2026, 10, 9)},
        {"status": ApplicationStatus.LODGED, "received_on": None},
        {"status": ApplicationStatus.CONSULTING, "due_on": None},  # clock stopped
    ],
)  # fmt: skip
def test_closed_unconfirmed_or_paused_cases_get_no_reminder(org, officer, fields):
    make_application(organisation=org, **({"due_on": DUE} | fields))
    assert _run(date(2026, 10, 13)) == []


def test_the_command_runs_close_overdue_then_reminders(org, officer, monkeypatch):
    calls = []

    def close_overdue(*, today):
        calls.append(today)
        return 2

    monkeypatch.setattr(daily, "applications_close_overdue", close_overdue)
    make_application(organisation=org, due_on=DUE)
    out = _call("remind", "--today", "2026-09-29")
    assert out.strip() == "closed=2 reminded=1"
    assert calls == [date(2026, 9, 29)]
    assert _call("remind", "--today", "2026-09-29").strip() == "closed=2 reminded=0"


def test_the_command_calls_the_real_close_overdue(org, officer):
    make_application(organisation=org, due_on=DUE)
    assert _call("remind", "--today", "2026-10-13").strip() == "closed=0 reminded=1"


def _call(*args: str) -> str:
    from io import StringIO

    out = StringIO()
    call_command("applications", *args, stdout=out)
    return out.getvalue()
