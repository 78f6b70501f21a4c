"""Helpers shared by the letter tests: an application built directly (no
services) and the text of a letter's DOCX and PDF files."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django.utils import timezone
from docx import Document
from pypdf import PdfReader

from gongkai.applications.choices import ApplicantType, Channel
from gongkai.applications.models import (
    Application,
    ApplicationStatus,
    Delivery,
    Letter,
    RequestForm,
)
from gongkai.core.models import Organisation, OrganisationKind
from gongkai.core.tests.factories import OrganisationFactory

RESIDENT_ID = "11010519491231002X"
CITY_GOVERNMENT = "测试市人民政府"


def city_department() -> Organisation:
    """A city department under the city government (its reconsideration body)."""
    department = Organisation.objects.filter(name="测试市自然资源局").first()
    if department is not None:
        return department
    city = OrganisationFactory.create(
        name=CITY_GOVERNMENT, kind=OrganisationKind.CITY_GOVERNMENT
    )
    return OrganisationFactory.create(
        name="测试市自然资源局", kind=OrganisationKind.CITY_DEPARTMENT, parent=city
    )


def application_make(organisation: Organisation, **fields: Any) -> Application:
    received = fields.pop("received_on", dt.date(2026, 11, 2))
    lodged = received or dt.date(2026, 11, 2)
    values: dict[str, Any] = {
        "tracking_code": f"T{Application.objects.count() + 1:08d}",
        "organisation": organisation,
        "status": ApplicationStatus.RECEIVED,
        "channel": Channel.ONLINE,
        "applicant_type": ApplicantType.NATURAL_PERSON,
        "applicant_name": "张三",
        "id_type": "resident_id",
        "id_number": RESIDENT_ID,
        "phone": "13800138000",
        "email": "a@example.com",
        "address": "测试市人民路1号",
        "identity_key": f"resident_id:{RESIDENT_ID}",
        "description": "2025年本市旧城改造项目的征收补偿方案",
        "doc_title": "旧城改造征收补偿方案",
        "form": RequestForm.ELECTRONIC,
        "delivery": Delivery.ONLINE,
        "lodged_at": timezone.make_aware(dt.datetime.combine(lodged, dt.time(10))),
        "received_on": received,
        "due_on": received + dt.timedelta(days=28) if received else None,
    }
    values.update(fields)
    return Application.objects.create(**values)


def docx_text(letter: Letter) -> str:
    with letter.docx.open("rb") as handle:
        document = Document(io.BytesIO(handle.read()))
    return "\n".join(p.text for p in document.paragraphs)


def pdf_reader(letter: Letter) -> PdfReader:
    with letter.pdf.open("rb") as handle:
        return PdfReader(io.BytesIO(handle.read()))


def pdf_text(letter: Letter) -> str:
    return "\n".join(page.extract_text() for page in pdf_reader(letter).pages)


def squash(text: str) -> str:
    """PDF text extraction breaks lines where the page does: compare without."""
    return "".join(text.split())
