"""Every write of the annual report: create, save, approve, publish, correct."""

from .editing import ReportText, report_correct, report_create, report_save
from .publishing import report_approve, report_publish, report_reopen

__all__ = [
    "ReportText",
    "report_approve",
    "report_correct",
    "report_create",
    "report_publish",
    "report_reopen",
    "report_save",
]
