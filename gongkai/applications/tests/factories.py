"""factory_boy factories for disclosure on application.

`ApplicationFactory` builds a natural person's application that has been
received (status `received`, a valid resident ID and a mobile number) with
its RECEIVED case-file event and its reply deadline computed exactly as the
services compute it. Traits:

- `organisation_applicant=True`: a commercial enterprise with a valid
  统一社会信用代码, legal representative and contact person;
- `lodged=True`: submitted online and not yet confirmed (no receipt date);
- `closed=True` / `outcome=...`: built closed directly (fast; no letters).

Pass `received_on=date(...)` to fix the receipt day (the lodging time
follows it).
"""

# factory_boy's declarations are untyped and it re-exports them implicitly.
# mypy: disable-error-code="no-untyped-call,attr-defined"

from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from gongkai.applications.choices import ApplicantType, Channel, Outcome
from gongkai.applications.models import (
    Application,
    ApplicationEvent,
    ApplicationEventKind,
    ApplicationStatus,
    Delivery,
    RequestForm,
)
from gongkai.core.credit_codes import credit_code_check_character
from gongkai.core.identity import IdType
from gongkai.core.models import Organisation, Role, User
from gongkai.core.tests.factories import OrganisationFactory, staff_user

RESIDENT_ID = "11010519491231002X"  # valid check digit, born 1949-12-31
PHONE = "13800138000"


def identity_key_of(application: Application) -> str:
    """The identity the monthly piece count is keyed on (spec §2.3)."""
    if application.credit_code:
        return f"credit_code:{application.credit_code}"
    return f"{application.id_type}:{application.id_number}"


def _enterprise_credit_code(n: int) -> str:
    first17 = f"9144{n:013d}"
    return first17 + credit_code_check_character(first17)


def _lodged_at(application: Any) -> dt.datetime:
    day = application.received_on or dt.date(2026, 3, 2)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))


class ApplicationFactory(DjangoModelFactory[Application]):
    class Meta:
        model = Application
        skip_postgeneration_save = True

    class Params:
        organisation_applicant = factory.Trait(
            applicant_type=ApplicantType.COMMERCIAL_ENTERPRISE,
            applicant_name=factory.Sequence(lambda n: f"测试科技有限公司{n}"),
            id_type="",
            id_number="",
            credit_code=factory.Sequence(_enterprise_credit_code),
            legal_representative="王五",
            contact_person="赵六",
        )
        lodged = factory.Trait(
            status=ApplicationStatus.LODGED,
            channel=Channel.ONLINE,
            received_on=None,
        )

    tracking_code = factory.Sequence(lambda n: f"TESTCODE{n:08d}")
    organisation = factory.SubFactory(OrganisationFactory)
    status = ApplicationStatus.RECEIVED
    channel = Channel.IN_PERSON
    applicant_type = ApplicantType.NATURAL_PERSON
    applicant_name = "张三"
    id_type = IdType.RESIDENT_ID
    id_number = RESIDENT_ID
    phone = PHONE
    email = factory.Sequence(lambda n: f"applicant{n}@example.com")
    address = "北京市西城区府右街2号"
    postal_code = "100017"
    identity_key = factory.LazyAttribute(identity_key_of)
    description = "2025年本机关财政预算执行情况的报告"
    purpose = "学习研究"
    form = RequestForm.ELECTRONIC
    delivery = Delivery.ONLINE
    received_on = dt.date(2026, 3, 2)
    lodged_at = factory.LazyAttribute(_lodged_at)

    @factory.post_generation
    def _case_file(
        obj: Application, create: bool, extracted: object, **kwargs: object
    ) -> None:
        if not create:
            return
        lodged_day = timezone.localdate(obj.lodged_at)
        ApplicationEvent.objects.create(
            application=obj, kind=ApplicationEventKind.LODGED, on=lodged_day
        )
        if obj.received_on is None:
            return
        ApplicationEvent.objects.create(
            application=obj, kind=ApplicationEventKind.RECEIVED, on=obj.received_on
        )
        from gongkai.applications.services.deadlines import application_deadline_refresh

        application_deadline_refresh(application=obj)


def closed_application(outcome: Outcome, **kwargs: Any) -> Application:
    """A closed application (for reports and selectors), built directly."""
    closed_on = kwargs.pop("closed_on", None)
    application = ApplicationFactory.create(**kwargs)
    closed_on = closed_on or application.due_on or application.received_on
    Application.objects.filter(pk=application.pk).update(
        status=ApplicationStatus.CLOSED, outcome=outcome, closed_on=closed_on
    )
    application.refresh_from_db()
    return application


def officer_of(organisation: Organisation, **kwargs: object) -> User:
    return staff_user(Role.OFFICER, organisation, **kwargs)


def head_of(organisation: Organisation, **kwargs: object) -> User:
    return staff_user(Role.HEAD, organisation, **kwargs)
