"""Lodging an application (条例第二十七至二十九、三十一条).

`application_validate` (intake_validation) checks the fields; the web form
and the API both call it. `application_lodge` stores the application with an
unguessable tracking code, its case-file events, the audit record, the
受理回执 and (on commit) the receipt e-mail. A retry with the same
submission key, or the same request again within a short window, returns the
application already stored instead of a second one.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import astuple, dataclass
from datetime import date, datetime, timedelta

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from gongkai.core.audit import audit_record
from gongkai.core.audit_types import AuditEventType
from gongkai.core.errors import DomainError, PermissionDenied
from gongkai.core.models import Organisation, OrganisationKind, User
from gongkai.core.permissions import Permission, has_permission

from ..choices import Channel
from ..models import Application, ApplicationEvent, ApplicationEventKind, LetterKind
from ..models import ApplicationStatus as Status
from ..receipt import CONFIRMED_CHANNELS, lodged_on, received_on
from .intake_limits import intake_settings
from .intake_validation import ApplicantData, RequestData, application_validate

__all__ = [
    "ACCEPTING_KINDS",
    "ApplicantData",
    "CheckedProof",
    "RequestData",
    "application_for_submission",
    "application_lodge",
    "application_validate",
    "identity_proof_check",
    "organisations_accepting",
    "submission_key_for",
    "track_url",
    "tracking_code_format",
    "tracking_code_new",
    "tracking_code_normalise",
]

# 条例第二十七条: every level of local government (townships included) and
# the departments of county level and above accept applications.
ACCEPTING_KINDS = frozenset(OrganisationKind.values)

# No 0/O, 1/I/L: a code read aloud or copied by hand survives.
TRACKING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_ATTEMPTS = 8
PROOF_TYPES = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}


def track_url() -> str:
    """The public tracking page, as printed on letters (no request here)."""
    base = str(getattr(settings, "GONGKAI_PUBLIC_URL", "")).rstrip("/")
    return f"{base}{reverse('public:apply:track')}"


def organisations_accepting() -> QuerySet[Organisation]:
    """Active organisations an applicant may address, in tree order."""
    return Organisation.objects.filter(is_active=True, kind__in=ACCEPTING_KINDS)


def tracking_code_new(length: int | None = None) -> str:
    n = length or int(intake_settings().get("tracking_code_length", 16))
    return "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(n))


def tracking_code_normalise(value: str) -> str:
    """What a person typed (spaces, hyphens, lower case) as stored."""
    return "".join(ch for ch in value.upper() if ch.isalnum())[:20]


def tracking_code_format(code: str) -> str:
    """Groups of four for reading: ABCD-EFGH-JKMN-PQRS."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def submission_key_for(
    *,
    raw_key: str,
    organisation: Organisation,
    applicant: ApplicantData,
    request: RequestData,
) -> str:
    """The stored idempotency key: the raw key bound to what was submitted.

    The same form sent twice (double click, retry) gives the same key; a key
    chosen by one API client can never return another applicant's
    application, and a form edited after going back is a new submission.
    """
    content = json.dumps(
        [raw_key, organisation.pk, astuple(applicant), astuple(request)],
        ensure_ascii=False,
    )
    return hashlib.sha256(content.encode()).hexdigest()


def application_for_submission(*, submission_key: str) -> Application | None:
    return Application.objects.filter(submission_key=submission_key).first()


@dataclass(frozen=True)
class CheckedProof:
    content: bytes
    mime_type: str

    @property
    def extension(self) -> str:
        return PROOF_TYPES[self.mime_type]


def identity_proof_check(uploaded: UploadedFile) -> CheckedProof:
    """条例第二十九条 身份证明: PDF, JPEG or PNG by content, size-limited."""
    limit = int(intake_settings().get("proof_max_bytes", 5 * 1024 * 1024))
    too_big = gettext("身份证明文件不能超过%(limit)s。") % {
        "limit": filesizeformat(limit)
    }
    if uploaded.size is not None and uploaded.size > limit:
        raise ValidationError(too_big)
    content = b"".join(uploaded.chunks())
    if len(content) > limit:
        raise ValidationError(too_big)
    if not content:
        raise ValidationError(gettext("身份证明文件是空文件。"))
    kind = filetype.guess(content[:8192])
    if kind is None or kind.mime not in PROOF_TYPES:
        raise ValidationError(gettext("身份证明只接受 PDF 文件或 JPEG、PNG 图片。"))
    return CheckedProof(content=content, mime_type=str(kind.mime))


def _organisation_check(organisation: Organisation, actor: User | None) -> None:
    if not organisation.is_active or organisation.kind not in ACCEPTING_KINDS:
        raise DomainError(gettext("该机关不受理政府信息公开申请。"))
    if actor is not None and not has_permission(
        actor, Permission.APPLICATION_HANDLE, organisation
    ):
        raise PermissionDenied(gettext("您无权为该机关登记申请。"))


def _received(
    channel: Channel,
    lodged_at: datetime,
    signed_for_on: date | None,
    confirmed_on: date | None,
) -> date | None:
    """条例第三十一条: the receipt day when it is already known, else None."""
    if channel == Channel.ONLINE:
        return None  # received once an officer confirms it
    if channel == Channel.REGISTERED_POST and signed_for_on is None:
        return None
    if channel in CONFIRMED_CHANNELS and confirmed_on is None:
        return None
    try:
        return received_on(channel, lodged_at, signed_for_on, confirmed_on)
    except ValidationError as error:
        raise DomainError("".join(str(m) for m in error.messages)) from error


def _duplicate(
    organisation: Organisation,
    applicant: ApplicantData,
    request: RequestData,
    lodged_at: datetime,
) -> Application | None:
    """The same applicant asking the same organisation the same thing again
    within the window: a retry that came without its idempotency key."""
    minutes = int(intake_settings().get("duplicate_window_minutes", 30))
    return (
        Application.objects.filter(
            organisation=organisation,
            identity_key=applicant.identity_key,
            applicant_name=applicant.name,
            phone=applicant.phone,
            email=applicant.email,
            lodged_at__gte=lodged_at - timedelta(minutes=minutes),
            **{f: getattr(request, f) for f in RequestData.__dataclass_fields__},
        )
        .order_by("lodged_at")
        .first()
    )


def _new_application(
    organisation: Organisation,
    applicant: ApplicantData,
    request: RequestData,
    **fields: object,
) -> Application:
    return Application(
        organisation=organisation,
        applicant_type=applicant.type,
        applicant_name=applicant.name,
        id_type=applicant.id_type,
        id_number=applicant.id_number,
        credit_code=applicant.credit_code,
        legal_representative=applicant.legal_representative,
        contact_person=applicant.contact_person,
        phone=applicant.phone,
        email=applicant.email,
        address=applicant.address,
        postal_code=applicant.postal_code,
        identity_key=applicant.identity_key,
        **{f: getattr(request, f) for f in RequestData.__dataclass_fields__},
        **fields,
    )


def _insert(application: Application) -> Application:
    """Save with a fresh tracking code; a concurrent insert of the same
    submission key wins and its application is returned instead."""
    for _attempt in range(CODE_ATTEMPTS):
        application.tracking_code = tracking_code_new()
        try:
            with transaction.atomic():
                application.save(force_insert=True)
            return application
        except IntegrityError:
            application.pk = None
            key = application.submission_key
            existing = key and application_for_submission(submission_key=key)
            if existing:
                return existing
    raise RuntimeError("no free tracking code after several attempts")


def _events(application: Application, actor: User | None) -> None:
    ApplicationEvent.objects.create(
        application=application,
        kind=ApplicationEventKind.LODGED,
        on=lodged_on(application.lodged_at),
        actor=actor,
        note=gettext("申请已提交，等待受理机关确认。"),
        data={"channel": application.channel},
    )
    if application.received_on is not None:
        ApplicationEvent.objects.create(
            application=application,
            kind=ApplicationEventKind.RECEIVED,
            on=application.received_on,
            actor=actor,
            note=gettext("本机关已收到您的申请，答复期限自次日起计算。"),
            data={"channel": application.channel},
        )


def _proof_store(application: Application, proof: CheckedProof) -> None:
    name = f"{secrets.token_hex(16)}.{proof.extension}"
    application.identity_proof.save(name, ContentFile(proof.content), save=False)
    Application.objects.filter(pk=application.pk).update(
        identity_proof=application.identity_proof.name
    )


def _after_insert(
    application: Application, actor: User | None, proof: CheckedProof | None
) -> None:
    from ..letters import letter_issue
    from ..notifications import applicant_notify
    from .deadlines import application_deadline_refresh

    if proof is not None:
        _proof_store(application, proof)
    _events(application, actor)
    if application.received_on is not None:
        application_deadline_refresh(application=application)
    online = application.channel == Channel.ONLINE
    audit_record(
        actor=actor,
        event_type=(
            AuditEventType.APPLICATION_LODGED
            if online
            else AuditEventType.APPLICATION_RECORDED
        ),
        target=application,
        # No personal data: the audit log is append-only (条例第十五条).
        after={
            "organisation": application.organisation_id,
            "channel": application.channel,
            "status": application.status,
            "applicant_type": application.applicant_type,
            "received_on": application.received_on,
        },
    )
    letter_issue(
        application=application,
        kind=LetterKind.RECEIPT,
        issued_on=application.received_on or lodged_on(application.lodged_at),
        extra={"track_url": track_url()},
    )
    applicant_notify(application=application, kind="receipt")


@transaction.atomic
def application_lodge(
    *,
    organisation: Organisation,
    applicant: ApplicantData,
    request: RequestData,
    channel: Channel | str = Channel.ONLINE,
    lodged_at: datetime | None = None,
    signed_for_on: date | None = None,
    confirmed_on: date | None = None,
    submission_key: str | None = None,
    identity_proof: CheckedProof | None = None,
    actor: User | None = None,
) -> Application:
    """Store one application; idempotent on `submission_key`.

    Online: status lodged (received when an officer confirms it). A channel
    whose receipt day is known now (in person, oral, signed-for post, a
    confirmation date given): status received, with its reply deadline.
    """
    channel = Channel(channel)
    _organisation_check(organisation, actor)
    if submission_key and (
        existing := application_for_submission(submission_key=submission_key)
    ):
        return existing
    lodged_at = lodged_at or timezone.now()
    if channel == Channel.ONLINE and (
        duplicate := _duplicate(organisation, applicant, request, lodged_at)
    ):
        return duplicate
    received = _received(channel, lodged_at, signed_for_on, confirmed_on)
    application = _new_application(
        organisation,
        applicant,
        request,
        **_case_fields(channel, lodged_at, signed_for_on, confirmed_on, received),
        submission_key=submission_key or None,
        recorded_by=actor,
    )
    return _store(application, actor, identity_proof)


def _case_fields(
    channel: Channel,
    lodged_at: datetime,
    signed_for_on: date | None,
    confirmed_on: date | None,
    received: date | None,
) -> dict[str, object]:
    return {
        "channel": channel,
        "status": Status.LODGED if received is None else Status.RECEIVED,
        "lodged_at": lodged_at,
        "signed_for_on": signed_for_on,
        "confirmed_on": confirmed_on,
        "received_on": received,
    }


def _store(
    application: Application, actor: User | None, proof: CheckedProof | None
) -> Application:
    stored = _insert(application)
    if stored is not application:
        return stored  # the concurrent twin of this submission
    _after_insert(application, actor, proof)
    return application
