"""Check another unit's published report: every identity violation by cell."""

from __future__ import annotations

from dataclasses import dataclass

from ..tables import AnnualTables, ValidationResult, tables_validate
from .extract import tables_extract
from .readers import Rows, html_rows, upload_rows


@dataclass(frozen=True)
class CheckResult:
    tables: AnnualTables
    result: ValidationResult  # reading problems first, then the identities


def _check(rows: Rows) -> CheckResult:
    extraction = tables_extract(rows)
    result = tables_validate(extraction.tables)
    result.errors[:0] = extraction.problems
    return CheckResult(extraction.tables, result)


def report_check_upload(*, filename: str, content: bytes) -> CheckResult:
    """An XLSX or CSV (or saved HTML) file; DomainError if it cannot be read."""
    return _check(upload_rows(filename, content))


def report_check_html(*, html: str) -> CheckResult:
    return _check(html_rows(html))


__all__ = ["CheckResult", "report_check_html", "report_check_upload"]
