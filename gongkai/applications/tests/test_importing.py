"""`manage.py applications import`: historical cases, all lines or none."""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import json
from datetime import date as D
from datetime import timedelta
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from gongkai.applications.importing import (
    ImportRejected,
    applications_import_file,
)
from gongkai.applications.models import (
    Application,
    ApplicationEvent,
    ApplicationStatus,
    Consultation,
    CorrectionNotice,
    FeeDecision,
)
from gongkai.applications.models import ApplicationEventKind as K
from gongkai.core.audit import audit_verify
from gongkai.core.audit_types import AuditEventType
from gongkai.core.models import AuditEvent, Organisation
from gongkai.core.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

TODAY = D(2026, 12, 1)


@pytest.fixture
def org() -> Organisation:
    return OrganisationFactory.create()


def line(org: Organisation, /, **overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "org": org.credit_code,
        "applicant_type": "natural_person",
        "received_on": "2026-06-01",
        "channel": "in_person",
        "outcome": "disclosed",
        "closed_on": "2026-06-20",
    }
    base.update(overrides)
    return {k: v for k, v in base.items() if v is not ...}


def write(tmp_path: Path, rows: list[Any], name: str = "cases.jsonl") -> Path:
    path = tmp_path / name
    text = [
        r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows
    ]
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    return path


def by_line(number: int) -> Application:
    event = ApplicationEvent.objects.get(kind=K.RECEIVED, data__line=number)
    return event.application


# Spec §7.5 worked examples (see test_deadlines), as import lines.
HAPPY: list[dict[str, Any]] = [
    {},  # 1: closed, no pause; A-like: due 2026-06-30
    {  # 2: D, open, consultation answered → due 2026-07-17
        "outcome": None,
        "closed_on": None,
        "pauses": [
            {
                "kind": "consultation",
                "start": "2026-06-05",
                "end": "2026-06-24",
                "delivered_on": "2026-06-08",
            },
        ],
    },
    {  # 3: C, correction restarts the count → due 2026-06-09
        "received_on": "2026-04-28",
        "closed_on": "2026-06-05",
        "outcome": "partly_disclosed",
        "pauses": [
            {
                "kind": "correction",
                "start": "2026-05-11",
                "end": "2026-05-12",
                "deadline": "2026-05-25",
            },
        ],
    },
    {  # 4: E, fee pause from the fee object → due 2026-11-11
        "received_on": "2026-09-08",
        "closed_on": "2026-11-02",
        "applicant_type": "commercial_enterprise",
        "channel": "registered_post",
        "fee": {
            "method": "per_page",
            "quantity": 120,
            "issued_on": "2026-09-10",
            "notice_received_on": "2026-09-11",
            "paid_on": "2026-10-15",
            "receipt_number": "NO.0012",
        },
    },
    {  # 5: A extended, open: extension taken on the original due date
        "received_on": "2025-09-26",
        "channel": "online",
        "outcome": None,
        "closed_on": None,
        "extension_days": 20,
    },
    {  # 6: open, fee notice unpaid: 待缴费, the clock stopped
        "received_on": "2026-11-02",
        "outcome": None,
        "closed_on": None,
        "pauses": [{"kind": "fee", "start": "2026-11-10", "end": None}],
        "fee": {"method": "per_piece", "quantity": 15},
    },
]

EXPECTED = {
    1: (ApplicationStatus.CLOSED, D(2026, 6, 30)),
    2: (ApplicationStatus.RECEIVED, D(2026, 7, 17)),
    3: (ApplicationStatus.CLOSED, D(2026, 6, 9)),
    4: (ApplicationStatus.CLOSED, D(2026, 11, 11)),
    5: (ApplicationStatus.RECEIVED, D(2025, 11, 27)),
    6: (ApplicationStatus.AWAITING_FEE, None),
}


def test_import_happy_path(tmp_path: Path, org: Organisation) -> None:
    path = write(tmp_path, [line(org, **o) for o in HAPPY])
    out = StringIO()
    call_command("applications", "import", str(path), stdout=out)
    assert "已导入6件申请" in out.getvalue()
    assert Application.objects.count() == 6
    for number, (status, due_on) in EXPECTED.items():
        app = by_line(number)
        assert (app.status, app.due_on) == (status, due_on), number
        assert app.organisation == org
        assert app.applicant_name == "历史导入"
        assert app.phone == "" and app.id_number == ""
        assert app.tracking_code.startswith("H") and len(app.tracking_code) == 16
    assert len({a.identity_key for a in Application.objects.all()}) == 6
    audits = AuditEvent.objects.filter(event_type=AuditEventType.APPLICATION_IMPORTED)
    assert audits.count() == 1
    after = audits.get().after
    assert after is not None and (after["count"], after["open"]) == (6, 3)
    assert audit_verify() is None


def test_import_side_rows_and_case_file(tmp_path: Path, org: Organisation) -> None:
    applications_import_file(
        path=write(tmp_path, [line(org, **o) for o in HAPPY]), today=TODAY
    )
    kinds = list(by_line(3).events.values_list("kind", flat=True))
    assert kinds == [K.RECEIVED, K.CORRECTION_NOTICED, K.CORRECTED, K.REPLIED]
    notice = CorrectionNotice.objects.get(application=by_line(3))
    assert (notice.deadline, notice.corrected_on) == (D(2026, 5, 25), D(2026, 5, 12))
    consultation = Consultation.objects.get(application=by_line(2))
    assert consultation.answered_on == D(2026, 6, 24)
    started = by_line(2).events.get(kind=K.CONSULTATION_STARTED)
    assert started.data["consultation"] == consultation.pk
    fee = FeeDecision.objects.get(application=by_line(4))
    # 109号 per page: 1–30 free, 31–100 at 10 元, 101–120 at 20 元.
    assert (fee.amount, fee.paid_on, fee.receipt_number) == (
        1100,
        D(2026, 10, 15),
        "NO.0012",
    )
    assert by_line(4).signed_for_on == D(2026, 9, 8)
    extended = by_line(5).events.get(kind=K.EXTENDED)
    assert (extended.on, extended.data["days"]) == (D(2025, 10, 30), 20)
    assert by_line(5).extension_days == 20 and by_line(5).confirmed_on == D(2025, 9, 26)
    unpaid = FeeDecision.objects.get(application=by_line(6))
    assert (unpaid.amount, unpaid.paid_on, unpaid.issued_on) == (
        500,
        None,
        D(2026, 11, 10),
    )


def test_import_due_dates_match_the_case_file(
    tmp_path: Path, org: Organisation
) -> None:
    """The stored due date is what the ledger computes from the stored events."""
    from gongkai.applications.deadline import application_ledger

    applications_import_file(
        path=write(tmp_path, [line(org, **o) for o in HAPPY]), today=TODAY
    )
    for app in Application.objects.all():
        ledger = application_ledger(app)
        assert ledger is not None and ledger.due_on == app.due_on, app.pk


def test_the_same_file_is_not_imported_twice(tmp_path: Path, org: Organisation) -> None:
    path = write(tmp_path, [line(org)])
    call_command("applications", "import", str(path), stdout=StringIO())
    with pytest.raises(CommandError, match="已导入过"):
        call_command("applications", "import", str(path), stdout=StringIO())
    call_command("applications", "import", str(path), "--force", stdout=StringIO())
    assert Application.objects.count() == 2


BAD: list[tuple[Any, str]] = [
    ("{not json", "不是有效的JSON"),
    ("[1, 2]", "应为一个JSON对象"),
    ({"org": "91110000000000000X"}, "不是本系统中的机关"),
    ({"applicant_type": "person"}, "applicant_type"),
    ({"received_on": "2026/06/01"}, "不是有效日期"),
    ({"received_on": "2099-12-02", "closed_on": None, "outcome": None}, "不能晚于今天"),
    ({"channel": "pigeon"}, "channel"),
    ({"closed_on": None}, "须同时填写或同时为空"),
    ({"outcome": None}, "须同时填写或同时为空"),
    ({"outcome": "granted"}, "outcome"),
    ({"closed_on": "2026-05-31"}, "不能早于收到申请日期"),
    ({"pauses": [{"kind": "consultation", "start": "2026-05-20", "end": "2026-05-25"}]},
     "不在收到申请至办结"),
    ({"pauses": [{"kind": "correction", "start": "2026-06-05", "end": "2026-06-25"}]},
     "不在收到申请至办结"),
    ({"pauses": [{"kind": "consultation", "start": "2026-06-03", "end": "2026-06-10"},
                 {"kind": "consultation", "start": "2026-06-08", "end": "2026-06-12"}]},
     "相互重叠"),
    ({"pauses": [{"kind": "nap", "start": "2026-06-03", "end": "2026-06-04"}]}, "kind"),
    ({"pauses": [{"kind": "fee", "start": "2026-06-03", "end": "2026-06-04"}]},
     "须同时填写“fee”"),
    ({"extension_days": 21}, "应在0至20之间"),
    ({"extension_days": "5"}, "应为整数"),
    ({"extension_days": 5, "extended_on": "2026-06-15", "received_on": "2026-05-01",
      "closed_on": "2026-06-20"}, "原答复期限"),
    ({"fee": {"method": "per_kilo", "quantity": 3, "issued_on": "2026-06-03"}}, "fee.method"),
    ({"fee": {"method": "per_page", "issued_on": "2026-06-03"}}, "fee.quantity"),
    ({"colour": "red"}, "未知字段“colour”"),
    ({"outcome": "other_correction_overdue",
      "pauses": [{"kind": "correction", "start": "2026-06-03", "end": "2026-06-05"}]},
     "不能为逾期未补正"),
    ({"outcome": "other_fee_unpaid",
      "fee": {"method": "per_page", "quantity": 50, "issued_on": "2026-06-03",
              "paid_on": "2026-06-08"}}, "不能为逾期未缴费"),
]  # fmt: skip


@pytest.mark.parametrize(("bad", "message"), BAD)
def test_each_bad_line_is_reported_and_nothing_loaded(
    tmp_path: Path, org: Organisation, bad: Any, message: str
) -> None:
    rows = [line(org), bad if isinstance(bad, str) else line(org, **bad), line(org)]
    err = StringIO()
    with pytest.raises(CommandError, match="共3行，其中1行有误"):
        call_command("applications", "import", str(write(tmp_path, rows)), stderr=err)
    lines = err.getvalue().splitlines()
    assert lines and all(x.startswith("第2行：") for x in lines), lines
    assert message in err.getvalue()
    assert Application.objects.count() == 0
    assert not AuditEvent.objects.filter(event_type=AuditEventType.APPLICATION_IMPORTED)


def test_every_bad_line_is_reported_with_its_number(
    tmp_path: Path, org: Organisation
) -> None:
    rows = [
        line(org),
        "",
        line(org, channel="x"),
        line(org),
        "oops",
        line(org, closed_on=None),
    ]
    with pytest.raises(ImportRejected) as caught:
        applications_import_file(path=write(tmp_path, rows), today=TODAY)
    assert [e.line for e in caught.value.errors] == [3, 5, 6]
    assert caught.value.total == 5
    assert Application.objects.count() == 0


def test_synthetic_cases_import_through_the_fast_path(org: Organisation) -> None:
    """The benchmark's generator produces only valid lines; the fast path
    stores them with one audit record."""
    import random

    from gongkai.applications.importing import (
        applications_import_records,
        import_context,
        lines_parse,
    )
    from gongkai.applications.importing.synthetic import synthetic_lines

    lines = synthetic_lines(
        credit_code=org.credit_code, count=600, first=D(2024, 1, 1),
        last=D(2026, 11, 30), today=TODAY,
    )  # fmt: skip
    ctx = import_context(TODAY)
    parsed = lines_parse((json.dumps(x) for x in lines), ctx)
    assert parsed.errors == [] and len(parsed.records) == 600
    result = applications_import_records(
        records=parsed.records, rng=random.Random(1), ledgers=ctx.ledgers
    )
    assert result.created == Application.objects.count() == 600
    assert len(set(result.tracking_codes)) == 600
    assert (
        AuditEvent.objects.filter(
            event_type=AuditEventType.APPLICATION_IMPORTED
        ).count()
        == 1
    )
    assert not Application.objects.filter(status="closed", outcome="").exists()


def test_open_extension_without_a_date_is_not_dated_in_the_future(
    tmp_path: Path, org: Organisation
) -> None:
    from django.utils import timezone

    today = timezone.localdate()
    received = today - timedelta(days=3)
    row = line(org, received_on=received.isoformat(), outcome=None, closed_on=None,
               extension_days=10)  # fmt: skip
    applications_import_file(path=write(tmp_path, [row]), today=today)
    extended = ApplicationEvent.objects.get(kind=K.EXTENDED)
    assert received <= extended.on <= today
    assert Application.objects.get().extension_days == 10
