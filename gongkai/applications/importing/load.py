"""Writing checked historical cases in bulk: the import fast path.

`applications_import_records` is used by `manage.py applications import`,
by the demo loader and by the annual-report benchmark. Rows go in with
`bulk_create` in batches; the import leaves one audit record per
organisation (count, dates, batch, source), not one per case, so 100,000
cases load in well under a minute.
"""

from __future__ import annotations

import random
import secrets
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from gongkai.core.audit import audit_record
from gongkai.core.audit_types import AuditEventType
from gongkai.core.models import Organisation, User
from gongkai.core.workdays import calendar_pinned

from ..models import (
    Application,
    ApplicationEvent,
    Consultation,
    CorrectionNotice,
    FeeDecision,
)
from .bulk import rows_insert, values_insert
from .history import LedgerCache, record_ledger
from .records import ImportRecord
from .rows import (
    EVENT_FIELDS,
    CaseRows,
    application_row,
    event_rows,
    side_rows,
    tracking_code,
)


@dataclass
class ImportResult:
    batch: str
    created: int = 0
    by_organisation: dict[int, int] = field(default_factory=dict)
    open_cases: int = 0
    events: int = 0
    seconds: float = 0.0
    tracking_codes: list[str] = field(default_factory=list)


def _case_rows(
    records: Sequence[ImportRecord],
    *,
    batch: str,
    rng: random.Random | None,
    actor_id: int | None,
    ledgers: LedgerCache,
) -> list[CaseRows]:
    cases: list[CaseRows] = []
    seen: set[str] = set()
    for record in records:
        dated, ledger = record_ledger(record, ledgers)
        code = tracking_code(rng)
        while code in seen:
            code = tracking_code(rng)
        seen.add(code)
        app = application_row(dated, ledger, batch=batch, code=code, actor_id=actor_id)
        rows = CaseRows(dated, app)
        side_rows(dated, ledger, rows)
        cases.append(rows)
    return cases


def _save(cases: list[CaseRows], batch: str) -> int:
    rows_insert(Application, [c.application for c in cases], returning=True)
    for rows in cases:
        # Point the side rows at the saved application (its pk is known now).
        for obj in (rows.correction, rows.fee, *rows.consultations):
            if obj is not None:
                obj.application = rows.application
    rows_insert(CorrectionNotice, [c.correction for c in cases if c.correction])
    rows_insert(FeeDecision, [c.fee for c in cases if c.fee])
    rows_insert(
        Consultation, [x for c in cases for x in c.consultations], returning=True
    )
    at = timezone.now()
    events = [
        row
        for rows in cases
        for row in event_rows(rows.record, rows, batch=batch, at=at)
    ]
    values_insert(ApplicationEvent, EVENT_FIELDS, events)
    return len(events)


def _audit(
    cases: list[CaseRows], actor: User | None, batch: str, summary: dict[str, Any]
) -> None:
    by_org: dict[int, list[Application]] = {}
    for rows in cases:
        by_org.setdefault(rows.application.organisation_id, []).append(rows.application)
    organisations = Organisation.objects.in_bulk(list(by_org))
    for org_id, apps in sorted(by_org.items()):
        received = [a.received_on for a in apps if a.received_on]
        audit_record(
            actor=actor,
            event_type=AuditEventType.APPLICATION_IMPORTED,
            target=organisations[org_id],
            after={
                **summary,
                "batch": batch,
                "count": len(apps),
                "open": sum(1 for a in apps if a.is_open),
                "received_from": min(received),
                "received_to": max(received),
            },
        )


@transaction.atomic
def applications_import_records(
    *,
    records: Sequence[ImportRecord],
    actor: User | None = None,
    source: str = "",
    sha256: str = "",
    rng: random.Random | None = None,
    batch: str | None = None,
    ledgers: LedgerCache | None = None,
) -> ImportResult:
    """Create the applications of `records` with their case files, in bulk.

    Each record's history is checked by the deadline ledger (DomainError when
    it breaks a rule); `rng` makes the tracking codes reproducible (demo).
    """
    started = time.monotonic()
    batch = batch or (f"{rng.getrandbits(32):08x}" if rng else secrets.token_hex(4))
    actor_id = actor.pk if actor is not None else None
    result = ImportResult(batch=batch)
    if not records:
        return result
    with calendar_pinned():
        cases = _case_rows(
            records, batch=batch, rng=rng, actor_id=actor_id, ledgers=ledgers or {}
        )
    result.events = _save(cases, batch)
    _audit(cases, actor, batch, {"source": source, "sha256": sha256})
    result.created = len(cases)
    result.by_organisation = dict(Counter(c.application.organisation_id for c in cases))
    result.open_cases = sum(1 for c in cases if c.application.is_open)
    result.tracking_codes = [c.application.tracking_code for c in cases]
    result.seconds = time.monotonic() - started
    return result
