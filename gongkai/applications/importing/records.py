"""Plain data of one historical case to import (one line of the JSONL file).

`parse.record_parse` builds these from the file; the demo and the benchmark
build them in code and hand them to `load.applications_import_records`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..choices import (
    ApplicantType,
    Channel,
    ConsultationKind,
    FeeMethod,
    Outcome,
    PauseKind,
)


@dataclass(frozen=True)
class ImportPause:
    """A period the clock stood still: 补正, 征求意见 or 信息处理费."""

    kind: PauseKind
    start: date  # notice / letter issued
    end: date | None  # corrected / answered / paid; None: never ended
    deadline: date | None = None  # correction: by when to correct
    consultation_kind: ConsultationKind = ConsultationKind.THIRD_PARTY
    delivered_on: date | None = None  # consultation: the party received it


@dataclass(frozen=True)
class ImportFee:
    """国办函〔2020〕109号: the fee notice and, when paid, the payment."""

    method: FeeMethod
    quantity: int  # pieces or pages
    amount: int  # 元
    issued_on: date
    notice_received_on: date
    paid_on: date | None = None
    receipt_number: str = ""
    pieces_before: int = 0
    breakdown: tuple[tuple[int, int, int], ...] = ()  # (first, last, rate)


@dataclass(frozen=True)
class ImportRecord:
    """One case, checked: dates ordered, outcome iff closed, pauses inside."""

    line: int
    organisation_id: int
    applicant_type: ApplicantType
    received_on: date
    channel: Channel
    outcome: Outcome | None
    closed_on: date | None
    pauses: tuple[ImportPause, ...] = ()
    extension_days: int = 0
    extended_on: date | None = None
    fee: ImportFee | None = None
    applicant_key: str = ""  # opaque identity from the old system, if any
    description: str = ""
    doc_title: str = ""
    form: str = ""
    delivery: str = ""
    # Set only by code (the demo), never read from a file.
    assigned_to_id: int | None = None
    applicant_name: str = ""
    identity_key: str = ""

    @property
    def open_pause(self) -> ImportPause | None:
        return next((p for p in self.pauses if p.end is None), None)


@dataclass(frozen=True)
class LineError:
    line: int
    messages: tuple[str, ...]
