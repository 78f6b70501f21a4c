"""Importing one JSONL file: check every line, then load all or nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from gongkai.core.audit_types import AuditEventType
from gongkai.core.errors import DomainError
from gongkai.core.models import AuditEvent, Organisation, User
from gongkai.core.workdays import calendar_pinned

from .load import ImportResult, applications_import_records
from .parse import ParseContext, line_json, record_parse
from .records import ImportRecord, LineError


class ImportRejected(DomainError):
    """Some lines are wrong: nothing was loaded."""

    def __init__(self, errors: list[LineError], total: int) -> None:
        super().__init__(
            gettext("共%(total)s行，其中%(bad)s行有误，未导入任何数据。")
            % {"total": total, "bad": len(errors)}
        )
        self.errors = errors
        self.total = total


@dataclass(frozen=True)
class ParsedFile:
    records: list[ImportRecord]
    errors: list[LineError]
    lines: int


def import_context(today: date | None = None) -> ParseContext:
    codes = Organisation.objects.values_list("credit_code", "id")
    return ParseContext(
        organisations={code.upper(): pk for code, pk in codes if code},
        today=today or timezone.localdate(),
    )


def lines_parse(lines: Iterable[str], ctx: ParseContext) -> ParsedFile:
    """Every line checked; blank lines are skipped but keep their number."""
    records: list[ImportRecord] = []
    errors: list[LineError] = []
    count = 0
    with calendar_pinned():
        for number, text in enumerate(lines, start=1):
            if not text.strip():
                continue
            count += 1
            result = _line_parse(text, number, ctx)
            if isinstance(result, LineError):
                errors.append(result)
            else:
                records.append(result)
    return ParsedFile(records, errors, count)


def _line_parse(text: str, number: int, ctx: ParseContext) -> ImportRecord | LineError:
    messages: list[str] = []
    data = line_json(text, messages)
    if data is None:
        return LineError(number, tuple(messages))
    return record_parse(data, number, ctx)


def _already_imported(sha256: str) -> bool:
    return AuditEvent.objects.filter(
        event_type=AuditEventType.APPLICATION_IMPORTED, after__sha256=sha256
    ).exists()


@transaction.atomic
def applications_import_file(
    *,
    path: Path,
    actor: User | None = None,
    allow_repeat: bool = False,
    today: date | None = None,
) -> ImportResult:
    """Load the historical cases of `path`, or raise ImportRejected (nothing
    loaded) when any line is wrong, or DomainError when the same file was
    imported before (unless `allow_repeat`)."""
    content = path.read_bytes()
    sha256 = hashlib.sha256(content).hexdigest()
    if not allow_repeat and _already_imported(sha256):
        raise DomainError(gettext("该文件已导入过（内容相同），未重复导入。"))
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DomainError(gettext("文件不是UTF-8编码。")) from exc
    ctx = import_context(today)
    with calendar_pinned():
        parsed = lines_parse(text.splitlines(), ctx)
        if parsed.errors:
            raise ImportRejected(parsed.errors, parsed.lines)
        return applications_import_records(
            records=parsed.records,
            actor=actor,
            source=path.name,
            sha256=sha256,
            ledgers=ctx.ledgers,
        )
