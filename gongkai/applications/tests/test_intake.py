"""services.intake: validation, lodging, idempotency, tracking codes, proofs."""

# Tests are exempt from annotations.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from gongkai.applications.choices import Channel
from gongkai.applications.models import (
    Application,
    ApplicationEventKind,
    ApplicationStatus,
    LetterKind,
)
from gongkai.applications.services import intake
from gongkai.applications.services.intake import (
    TRACKING_ALPHABET,
    application_lodge,
    application_validate,
    identity_proof_check,
    tracking_code_format,
    tracking_code_new,
    tracking_code_normalise,
)
from gongkai.applications.services.intake_limits import (
    RateLimited,
    client_address,
    intake_throttle,
)
from gongkai.applications.tests.factories import officer_of
from gongkai.core.audit_types import AuditEventType
from gongkai.core.errors import DomainError, PermissionDenied
from gongkai.core.models import AuditEvent
from gongkai.core.tests.factories import OrganisationFactory

from .intake_helpers import (
    INVALID_CASES,
    ORGANISATION_CASES,
    RESIDENT_ID,
    enterprise,
    flat,
    person,
)

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"
    b"\x00\x00\x00\x90wS\xde"
)


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    cache.clear()


def _messages(data: dict[str, object]) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as info:
        application_validate(data)
    return info.value.message_dict


# ---- validation -------------------------------------------------------------


def test_a_valid_person_is_normalised():
    applicant, request = application_validate(
        flat(person(id_number="110105 19491231002x", phone="+86 138-0013-8000"))
    )
    assert applicant.id_number == RESIDENT_ID
    assert applicant.phone == "13800138000"
    assert applicant.identity_key == f"resident_id:{RESIDENT_ID}"
    assert applicant.credit_code == ""
    assert request.form == "electronic"


def test_a_valid_enterprise_keeps_only_organisation_fields():
    data = flat(enterprise(id_type="resident_id", id_number="whatever"))
    applicant, _request = application_validate(data)
    assert applicant.is_organisation
    assert applicant.id_type == applicant.id_number == ""
    assert applicant.phone == "0571-87654321"
    assert applicant.identity_key == f"credit_code:{applicant.credit_code}"


@pytest.mark.parametrize(
    ("id_type", "number"),
    [
        ("passport", "E12345678"),
        ("passport", "g1234567"),
        ("hk_macao_permit", "H12345678"),
        ("hk_macao_permit", "M1234567890"),
        ("taiwan_permit", "12345678"),
    ],
)
def test_other_identity_documents_by_format(id_type, number):
    applicant, _ = application_validate(flat(person(id_type=id_type, id_number=number)))
    assert applicant.id_number == number.upper()


@pytest.mark.parametrize(("field", "applicant", "request_", "expected"), INVALID_CASES)
def test_each_invalid_person_field_has_its_message(
    field, applicant, request_, expected
):
    errors = _messages(flat(person(**applicant), **request_))
    assert field in errors, errors
    assert any(expected in message for message in errors[field]), errors[field]


@pytest.mark.parametrize(("field", "applicant", "expected"), ORGANISATION_CASES)
def test_each_invalid_organisation_field_has_its_message(field, applicant, expected):
    errors = _messages(flat(enterprise(**applicant)))
    assert any(expected in message for message in errors[field]), errors


def test_every_problem_is_listed_at_once():
    errors = _messages({})
    assert {
        "type",
        "name",
        "id_type",
        "phone",
        "description",
        "form",
        "delivery",
    } <= set(errors)


def test_values_must_be_text():
    errors = _messages(flat(person(name=["张三"], phone=13800138000)))
    assert errors["name"] == ["应为文本。"]
    assert "应为文本。" in errors["phone"]


@pytest.mark.parametrize(
    "phone", ["13800138000", "010-62345678", "(0571)87654321", "0571 8765 4321"]
)
def test_mobile_and_fixed_line_numbers(phone):
    applicant, _ = application_validate(flat(person(phone=phone)))
    assert applicant.phone.replace("-", "").isdigit()


# ---- tracking codes ---------------------------------------------------------


def test_tracking_codes_are_long_random_and_unambiguous():
    codes = {tracking_code_new() for _ in range(2000)}
    assert len(codes) == 2000
    for code in list(codes)[:50]:
        assert len(code) == 16
        assert set(code) <= set(TRACKING_ALPHABET)
    assert not set("01OIL") & set(TRACKING_ALPHABET)


def test_tracking_code_reading_and_typing():
    assert tracking_code_format("ABCDEFGHJKMNPQRS") == "ABCD-EFGH-JKMN-PQRS"
    assert tracking_code_normalise(" abcd-efgh jkmn-pqrs ") == "ABCDEFGHJKMNPQRS"


# ---- lodging ----------------------------------------------------------------


def _lodge(org, **kwargs):
    applicant, request = application_validate(kwargs.pop("data", None) or flat())
    return application_lodge(
        organisation=org, applicant=applicant, request=request, **kwargs
    )


@pytest.mark.django_db
def test_online_lodging_stores_events_audit_and_receipt():
    org = OrganisationFactory.create()
    application = _lodge(org)
    assert application.status == ApplicationStatus.LODGED
    assert application.channel == Channel.ONLINE
    assert application.received_on is None and application.due_on is None
    assert len(application.tracking_code) == 16
    assert application.identity_key == f"resident_id:{RESIDENT_ID}"
    kinds = list(application.events.values_list("kind", flat=True))
    assert kinds == [ApplicationEventKind.LODGED]
    audit = AuditEvent.objects.get(
        event_type=AuditEventType.APPLICATION_LODGED, target_id=str(application.pk)
    )
    assert RESIDENT_ID not in str(audit.after) and "张三" not in str(audit.after)
    letter = application.letters.get(kind=LetterKind.RECEIPT)
    assert application.tracking_code in letter.text
    assert letter.pdf.open("rb").read(4) == b"%PDF"


@pytest.mark.django_db
def test_same_submission_key_gives_one_application():
    org = OrganisationFactory.create()
    first = _lodge(org, submission_key="k" * 64)
    second = _lodge(org, submission_key="k" * 64)
    assert first.pk == second.pk
    assert Application.objects.count() == 1


@pytest.mark.django_db
def test_the_same_request_again_without_a_key_is_the_same_application():
    org = OrganisationFactory.create()
    first = _lodge(org)
    again = _lodge(org)
    other = _lodge(org, data=flat(description="另一项信息"))
    assert again.pk == first.pk
    assert other.pk != first.pk
    later = _lodge(org, lodged_at=timezone.now() + dt.timedelta(hours=2))
    assert later.pk != first.pk


@pytest.mark.django_db
def test_in_person_is_received_at_once_with_a_due_date():
    org = OrganisationFactory.create()
    officer = officer_of(org)
    lodged_at = timezone.make_aware(dt.datetime(2026, 3, 2, 10, 0))
    application = _lodge(
        org, channel=Channel.IN_PERSON, lodged_at=lodged_at, actor=officer
    )
    assert application.status == ApplicationStatus.RECEIVED
    assert application.received_on == dt.date(2026, 3, 2)
    application.refresh_from_db()
    assert application.due_on == dt.date(2026, 3, 30)
    kinds = list(application.events.values_list("kind", flat=True))
    assert kinds == [ApplicationEventKind.LODGED, ApplicationEventKind.RECEIVED]
    assert AuditEvent.objects.filter(
        event_type=AuditEventType.APPLICATION_RECORDED, actor=officer
    ).exists()


@pytest.mark.django_db
def test_registered_post_waits_for_the_signature_date():
    org = OrganisationFactory.create()
    officer = officer_of(org)
    application = _lodge(org, channel=Channel.REGISTERED_POST, actor=officer)
    assert application.status == ApplicationStatus.LODGED
    signed = _lodge(
        org,
        data=flat(description="另一项"),
        channel=Channel.REGISTERED_POST,
        lodged_at=timezone.make_aware(dt.datetime(2026, 3, 2, 10, 0)),
        signed_for_on=dt.date(2026, 3, 4),
        actor=officer,
    )
    assert signed.received_on == dt.date(2026, 3, 4)


@pytest.mark.django_db
def test_a_signature_before_lodging_is_refused():
    org = OrganisationFactory.create()
    with pytest.raises(DomainError, match="不能早于"):
        _lodge(
            org,
            channel=Channel.REGISTERED_POST,
            lodged_at=timezone.make_aware(dt.datetime(2026, 3, 2, 10, 0)),
            signed_for_on=dt.date(2026, 3, 1),
            actor=officer_of(org),
        )
    assert Application.objects.count() == 0


@pytest.mark.django_db
def test_inactive_organisation_and_foreign_officer_are_refused():
    inactive = OrganisationFactory.create(is_active=False)
    with pytest.raises(DomainError):
        _lodge(inactive)
    org, other = OrganisationFactory.create(), OrganisationFactory.create()
    with pytest.raises(PermissionDenied):
        _lodge(org, channel=Channel.IN_PERSON, actor=officer_of(other))
    assert Application.objects.count() == 0


@pytest.mark.django_db
def test_identity_proof_is_stored_under_a_random_name():
    org = OrganisationFactory.create()
    proof = identity_proof_check(SimpleUploadedFile("我的身份证.pdf", PDF_BYTES))
    application = _lodge(org, identity_proof=proof)
    application.refresh_from_db()
    assert application.identity_proof.name.endswith(".pdf")
    assert "身份证" not in application.identity_proof.name
    assert application.identity_proof.open("rb").read() == PDF_BYTES


@pytest.mark.django_db
def test_tracking_code_collision_is_retried(monkeypatch):
    org = OrganisationFactory.create()
    taken = _lodge(org).tracking_code
    codes = iter([taken, taken, "ZZZZZZZZZZZZZZZZ"])
    monkeypatch.setattr(intake, "tracking_code_new", lambda: next(codes))
    second = _lodge(org, data=flat(description="另一项"))
    assert second.tracking_code == "ZZZZZZZZZZZZZZZZ"


# ---- identity proofs --------------------------------------------------------


def test_proof_types_are_sniffed_from_content():
    assert identity_proof_check(SimpleUploadedFile("a.pdf", PDF_BYTES)).mime_type == (
        "application/pdf"
    )
    assert (
        identity_proof_check(SimpleUploadedFile("a.txt", PNG_BYTES)).extension == "png"
    )
    with pytest.raises(ValidationError, match="PDF"):
        identity_proof_check(SimpleUploadedFile("a.pdf", b"just text, named pdf"))
    with pytest.raises(ValidationError, match="空文件"):
        identity_proof_check(SimpleUploadedFile("a.pdf", b""))


def test_oversized_proof_is_refused(settings):
    settings.GONGKAI_INTAKE = {**settings.GONGKAI_INTAKE, "proof_max_bytes": 100}
    upload = SimpleUploadedFile("a.pdf", PDF_BYTES + b"0" * 200)
    with pytest.raises(ValidationError, match="不能超过"):
        identity_proof_check(upload)


# ---- rate limits ------------------------------------------------------------


def test_per_address_limit(settings):
    settings.GONGKAI_INTAKE = {**settings.GONGKAI_INTAKE, "per_address_per_hour": 2}
    for n in range(2):
        intake_throttle(address="10.0.0.1", identity_key=f"passport:E{n}")
    with pytest.raises(RateLimited, match="频繁") as info:
        intake_throttle(address="10.0.0.1", identity_key="passport:E9")
    assert info.value.status_code == 429
    intake_throttle(address="10.0.0.2", identity_key="passport:E9")


def test_per_identity_limit(settings):
    settings.GONGKAI_INTAKE = {**settings.GONGKAI_INTAKE, "per_identity_per_day": 1}
    intake_throttle(address="10.0.0.1", identity_key="passport:E1")
    with pytest.raises(RateLimited, match="上限"):
        intake_throttle(address="10.0.0.3", identity_key="passport:E1")


def test_client_address_behind_trusted_proxies(settings):
    meta = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "6.6.6.6, 1.2.3.4"}
    assert client_address(meta) == "127.0.0.1"
    settings.GONGKAI_INTAKE = {**settings.GONGKAI_INTAKE, "trusted_proxies": 1}
    assert client_address(meta) == "1.2.3.4"
