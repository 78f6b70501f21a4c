"""Demo applications: history through the import fast path, live cases and
复议/诉讼 records through the services (`demo_load` calls
`applications_demo_load`). Idempotent: cases are found by their demo
identity key, live cases by submission key, remedies by case number."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date

from django.utils.translation import gettext

from gongkai.applications.importing import (
    ImportRecord,
    LineError,
    applications_import_records,
    import_context,
    record_parse,
)
from gongkai.applications.models import Application
from gongkai.core.models import Organisation, User
from gongkai.core.workdays import calendar_pinned
from gongkai.documents.models import Document, DocumentStatus

from .application_history import FIRST_YEAR, VOLUMES, history_cases
from .application_live import live_cases_ensure
from .application_remedies import remedies_ensure
from .city import CITY
from .orgspec import OrgSpec, walk


@dataclass
class ApplicationsReport:
    history_created: int = 0
    live_created: int = 0
    remedies_created: int = 0

    def summary(self) -> str:
        return gettext(
            "演示申请：新建历史申请%(history)s件、办理中申请%(live)s件、"
            "复议诉讼%(remedies)s件。"
        ) % {
            "history": self.history_created,
            "live": self.live_created,
            "remedies": self.remedies_created,
        }


def _place(spec: OrgSpec, parent: OrgSpec | None) -> str:
    if spec.kind in ("county_government", "township"):
        return spec.short_name.removesuffix("政府")
    if parent is not None and parent.kind == "county_government":
        return parent.short_name.removesuffix("政府")
    return "全市"


def _titles(organisation: Organisation) -> list[str]:
    return list(
        Document.objects.filter(
            organisation=organisation, status=DocumentStatus.PUBLISHED
        )
        .order_by("title")
        .values_list("title", flat=True)[:60]
    )


def _records(organisations: dict[int, Organisation], today: date) -> list[ImportRecord]:
    existing = set(
        Application.objects.filter(identity_key__startswith="demo:").values_list(
            "identity_key", flat=True
        )
    )
    ctx = import_context(today)
    records: list[ImportRecord] = []
    for spec, parent in walk(CITY):
        if spec.key not in VOLUMES:
            continue
        organisation = organisations[spec.key]
        titles = _titles(organisation)
        for year in range(FIRST_YEAR, today.year + 1):
            for n, case in enumerate(
                history_cases(
                    key=spec.key, credit_code=organisation.credit_code, year=year,
                    today=today, titles=titles, place=_place(spec, parent),
                    domain=spec.domain,
                ),
                start=1,
            ):  # fmt: skip
                if case.identity_key in existing:
                    continue
                parsed = record_parse(case.line, n, ctx)
                if isinstance(parsed, LineError):  # a bug in the generator
                    raise RuntimeError(f"{case.identity_key}: {parsed.messages}")
                records.append(
                    replace(
                        parsed,
                        identity_key=case.identity_key,
                        applicant_name=case.applicant_name,
                    )
                )
    return records


def applications_demo_load(
    *, organisations: dict[int, Organisation], users: dict[str, User], today: date
) -> ApplicationsReport:
    report = ApplicationsReport()
    with calendar_pinned():
        records = _records(organisations, today)
        result = applications_import_records(
            records=records,
            source="demo",
            rng=random.Random(f"gongkai-demo-codes-{len(records)}"),
            batch="demo",
        )
    report.history_created = result.created
    report.live_created = live_cases_ensure(
        organisations=organisations, users=users, today=today
    )
    report.remedies_created = remedies_ensure(
        organisations=organisations, users=users, today=today
    )
    return report
