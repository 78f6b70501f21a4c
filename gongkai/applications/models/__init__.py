"""依申请公开: the application, its case file and what hangs off it."""

from .applications import (
    APPLICANT_FIELDS,
    REQUEST_FIELDS,
    Application,
    ApplicationStatus,
    Delivery,
    RequestForm,
)
from .case_file import ApplicationEvent, ApplicationEventKind
from .handling import (
    Consultation,
    ConsultationAnswer,
    CorrectionNotice,
    FeeDecision,
)
from .letters import Letter, LetterKind, LetterTemplate, ReleasedFile
from .remedies import RemedyCase, RemedyKind, RemedyResult
from .reminders import ReminderKind, ReminderSent

__all__ = [
    "APPLICANT_FIELDS",
    "REQUEST_FIELDS",
    "Application",
    "ApplicationEvent",
    "ApplicationEventKind",
    "ApplicationStatus",
    "Consultation",
    "ConsultationAnswer",
    "CorrectionNotice",
    "Delivery",
    "FeeDecision",
    "Letter",
    "LetterKind",
    "LetterTemplate",
    "ReleasedFile",
    "RemedyCase",
    "RemedyKind",
    "RemedyResult",
    "ReminderKind",
    "ReminderSent",
    "RequestForm",
]
