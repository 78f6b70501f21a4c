"""The factories build what intake would accept, with the deadline computed."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.applications.choices import ApplicantType
from gongkai.applications.models import ApplicationStatus
from gongkai.applications.services.intake import application_validate
from gongkai.core.credit_codes import is_valid_credit_code
from gongkai.core.identity import resident_id_is_valid

from .factories import ApplicationFactory

pytestmark = pytest.mark.django_db


def test_natural_person_received_with_deadline():
    app = ApplicationFactory.create(received_on=dt.date(2026, 2, 10))
    assert app.status == ApplicationStatus.RECEIVED
    assert resident_id_is_valid(app.id_number)
    assert app.identity_key == f"resident_id:{app.id_number}"
    assert app.due_on == dt.date(2026, 3, 16)
    assert list(app.events.values_list("kind", flat=True)) == ["lodged", "received"]


def test_organisation_applicant_trait():
    app = ApplicationFactory.create(organisation_applicant=True)
    assert app.applicant_type == ApplicantType.COMMERCIAL_ENTERPRISE
    assert is_valid_credit_code(app.credit_code)
    assert (app.id_type, app.id_number) == ("", "")
    assert app.identity_key == f"credit_code:{app.credit_code}"


def test_lodged_trait_has_no_receipt():
    app = ApplicationFactory.create(lodged=True)
    assert (app.status, app.received_on, app.due_on) == (
        ApplicationStatus.LODGED,
        None,
        None,
    )


@pytest.mark.parametrize("trait", [{}, {"organisation_applicant": True}])
def test_factory_data_passes_intake_validation(trait: dict[str, bool]):
    app = ApplicationFactory.build(**trait)
    applicant = {
        "type": app.applicant_type,
        "name": app.applicant_name,
        "id_type": app.id_type,
        "id_number": app.id_number,
        "credit_code": app.credit_code,
        "legal_representative": app.legal_representative,
        "contact_person": app.contact_person,
        "phone": app.phone,
        "email": app.email,
        "address": app.address,
        "postal_code": app.postal_code,
    }
    request = {
        "description": app.description,
        "purpose": app.purpose,
        "form": app.form,
        "delivery": app.delivery,
    }
    person, _ = application_validate({**applicant, **request})
    assert person.identity_key == app.identity_key
