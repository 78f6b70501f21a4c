"""The applicant's e-mail: subject, body and the letter attached (worker side).

Every e-mail names the tracking code (查询码), what happened, the date that
now matters and the tracking page; never the applicant's ID number.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from ..models import Application, Letter, LetterKind
from .content import kind_lines

logger = logging.getLogger(__name__)

# The letter that goes with each kind of e-mail (letters.letter_issue kinds).
LETTER_OF_KIND = {
    "receipt": LetterKind.RECEIPT,
    "correction": LetterKind.CORRECTION,
    "extension": LetterKind.EXTENSION,
    "fee": LetterKind.FEE,
    "reply": LetterKind.REPLY,
    "referral": LetterKind.REPLY,
}


@dataclass(frozen=True)
class ApplicantEmail:
    subject: str
    body: str
    letter: Letter | None


def absolute_url(path: str) -> str:
    return f"{settings.GONGKAI_PUBLIC_URL.rstrip('/')}{path}"


def track_url() -> str:
    """The public tracking page (code + last four phone digits, no oracle)."""
    return absolute_url(reverse("public:apply:track"))


def letter_for(application: Application, kind: str) -> Letter | None:
    letter_kind = LETTER_OF_KIND.get(kind)
    if letter_kind is None:
        return None
    return (
        Letter.objects.filter(application=application, kind=letter_kind)
        .order_by("-issued_on", "-pk")
        .first()
    )


def applicant_email_build(*, application: Application, kind: str) -> ApplicantEmail:
    """Chinese subject and body of one applicant e-mail."""
    with translation.override(settings.GONGKAI_DATA_LANGUAGE):
        title, lines = kind_lines(application, kind)
        org = application.organisation
        subject = _("【%(org)s】%(title)s（查询码 %(code)s）") % {
            "org": org.name,
            "title": title,
            "code": application.tracking_code,
        }
        letter = letter_for(application, kind)
        body = "\n".join(
            [
                _("%(name)s：") % {"name": application.applicant_name},
                "",
                *lines,
                "",
                _("查询码：%(code)s") % {"code": application.tracking_code},
                *_letter_lines(letter),
                _("办理进度请访问 %(url)s ，输入查询码和联系电话后四位查询。")
                % {"url": track_url()},
                "",
                *_signature(org),
            ]
        )
    return ApplicantEmail(subject=subject, body=body, letter=letter)


def _letter_lines(letter: Letter | None) -> list[str]:
    if letter is None:
        return []
    return [_("《%(title)s》见附件，也可在查询页面下载。") % {"title": letter.title}]


def _signature(org: object) -> list[str]:
    lines = [str(getattr(org, "name", ""))]
    phone = getattr(org, "office_phone", "")
    if phone:
        lines.append(_("联系电话：%(phone)s") % {"phone": phone})
    lines.append(_("（本邮件由系统自动发送，请勿直接回复。）"))
    return lines


def _attach(message: EmailMessage, letter: Letter) -> None:
    for field, mimetype in (
        (letter.pdf, "application/pdf"),
        (
            letter.docx,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
    ):
        if not field:
            continue
        try:
            with field.open("rb") as fh:
                content = fh.read()
        except OSError:
            logger.warning("letter file missing: %s", field.name)
            continue
        suffix = field.name.rsplit(".", 1)[-1]
        message.attach(f"{letter.title}.{suffix}", content, mimetype)


def applicant_email_deliver(*, application_id: int, kind: str) -> bool:
    """Send the e-mail (in the worker). False when there is no one to send to."""
    application = (
        Application.objects.select_related("organisation", "correction_notice", "fee")
        .filter(pk=application_id)
        .first()
    )
    if application is None or not application.email:
        return False
    email = applicant_email_build(application=application, kind=kind)
    org = application.organisation
    message = EmailMessage(
        subject=email.subject,
        body=email.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[application.email],
        reply_to=[org.office_email] if org.office_email else None,
    )
    if email.letter is not None:
        _attach(message, email.letter)
    message.send()
    return True
