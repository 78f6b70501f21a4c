"""Bulk-built application ledgers for the report tests (no workflow, fast).

Rows are written directly: the report counts what the ledger says, so the
tests set `received_on`, `closed_on` and `outcome` exactly.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from django.utils import timezone

from gongkai.applications.choices import ApplicantType, Channel, Outcome
from gongkai.applications.models import (
    Application,
    ApplicationStatus,
    Delivery,
    FeeDecision,
    RemedyCase,
    RemedyResult,
    RequestForm,
)
from gongkai.core.models import Organisation

_serial = itertools.count(1)

NP = ApplicantType.NATURAL_PERSON
CE = ApplicantType.COMMERCIAL_ENTERPRISE
RI = ApplicantType.RESEARCH_INSTITUTION
SW = ApplicantType.SOCIAL_WELFARE_ORG
LS = ApplicantType.LEGAL_SERVICE_ORG
OO = ApplicantType.OTHER_ORG


@dataclass(frozen=True)
class Row:
    applicant_type: str
    received_on: dt.date | None
    closed_on: dt.date | None = None
    outcome: str = ""


def application_row(organisation: Organisation, row: Row) -> Application:
    n = next(_serial)
    lodged_on = row.received_on or dt.date(2025, 6, 1)
    if row.received_on is None:
        status = ApplicationStatus.LODGED
    elif row.closed_on is None:
        status = ApplicationStatus.RECEIVED
    else:
        status = ApplicationStatus.CLOSED
    return Application(
        tracking_code=f"T{n:010d}",
        organisation=organisation,
        status=status,
        outcome=Outcome(row.outcome).value if row.outcome else "",
        channel=Channel.ONLINE,
        applicant_type=row.applicant_type,
        applicant_name=f"申请人{n}",
        id_number=f"ID{n}",
        phone="13800138000",
        email=f"a{n}@example.com",
        address="某市某路1号",
        identity_key=f"resident_id:{n}",
        description="请求公开某项政府信息",
        form=RequestForm.ELECTRONIC,
        delivery=Delivery.ONLINE,
        lodged_at=timezone.make_aware(dt.datetime.combine(lodged_on, dt.time(10))),
        received_on=row.received_on,
        closed_on=row.closed_on,
    )


def ledger_create(organisation: Organisation, rows: list[Row]) -> list[Application]:
    return Application.objects.bulk_create(
        [application_row(organisation, row) for row in rows]
    )


def remedy_create(
    organisation: Organisation,
    kind: str,
    filed_on: dt.date,
    result: str = RemedyResult.PENDING,
    decided_on: dt.date | None = None,
) -> RemedyCase:
    return RemedyCase.objects.create(
        organisation=organisation,
        kind=kind,
        filed_on=filed_on,
        result=result,
        decided_on=decided_on,
    )


def fee_create(
    application: Application, amount: int, paid_on: dt.date | None
) -> FeeDecision:
    return FeeDecision.objects.create(
        application=application,
        method="per_piece",
        quantity=11,
        amount=amount,
        issued_on=dt.date(2025, 1, 1),
        notice_received_on=dt.date(2025, 1, 2),
        payment_due_on=dt.date(2025, 1, 20),
        paid_on=paid_on,
        receipt_number="R1" if paid_on else "",
    )


# The fixture ledger of test_compute, for the year 2025 (see EXPECTED there).
D = dt.date
OUTCOME_TYPES: list[tuple[str, str]] = [
    ("disclosed", NP),
    ("partly_disclosed", CE),
    ("withheld_state_secret", RI),
    ("withheld_prohibited_by_law", SW),
    ("withheld_security_stability", LS),
    ("withheld_third_party", OO),
    ("withheld_internal_affairs", NP),
    ("withheld_process_info", CE),
    ("withheld_enforcement_file", RI),
    ("withheld_query_matter", SW),
    ("unavailable_not_held", LS),
    ("unavailable_needs_creation", OO),
    ("unavailable_unclear_after_correction", NP),
    ("not_processed_petition", CE),
    ("not_processed_duplicate", RI),
    ("not_processed_publication", SW),
    ("not_processed_excessive", LS),
    ("not_processed_confirmation", OO),
    ("other_correction_overdue", NP),
    ("other_fee_unpaid", CE),
    ("other", RI),
    ("disclosed", NP),  # a second one: R3 natural persons reaches 3
]


def fixture_rows() -> list[Row]:
    rows = [
        # Carried over from 2024 and closed in 2025 (R2 and R3).
        Row(NP, D(2024, 11, 20), D(2025, 1, 10), "disclosed"),
        # Carried over and still open: R2 and R25.
        Row(CE, D(2024, 12, 28)),
        # Received and closed in 2024: nowhere in 2025.
        Row(NP, D(2024, 10, 1), D(2024, 12, 15), "withheld_state_secret"),
        # Carried over, closed on 31 December 2025 (R2 and R4).
        Row(RI, D(2024, 12, 30), D(2025, 12, 31), "partly_disclosed"),
        # Received in 2023, closed only in 2026: R2 and R25.
        Row(NP, D(2023, 5, 5), D(2026, 1, 5), "unavailable_not_held"),
        # New in 2025 and open at 31 December (R1, R25).
        Row(OO, D(2025, 12, 31)),
        # New in 2025, closed in a later year (R1, R25).
        Row(LS, D(2025, 11, 1), D(2026, 1, 20), "disclosed"),
        # Lodged and never received; received in 2026: nowhere.
        Row(NP, None),
        Row(NP, D(2026, 1, 2)),
    ]
    for i, (outcome, applicant_type) in enumerate(OUTCOME_TYPES):
        received = D(2025, 3, 1) + dt.timedelta(days=i)
        rows.append(Row(applicant_type, received, D(2025, 6, 1), outcome))
    return rows
