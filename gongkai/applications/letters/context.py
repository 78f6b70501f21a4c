"""The letter context: plain data only (strings, numbers, lists, dicts).

Templates are edited by administrators, so the context never holds a model
instance (a template could otherwise call its methods) and never the full
ID number (masking.id_mask).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.conf import settings

from gongkai.core.identity import IdType
from gongkai.core.models import Organisation

from ..choices import ApplicantType, Channel, Outcome, OutcomeGroup
from ..models import Application, Delivery, LetterKind, RequestForm
from .dates import date_cn, date_cn_full
from .kinds import KIND_SECTIONS
from .masking import id_mask
from .remedies import reconsideration_body

Context = dict[str, Any]

# 行政复议法第二十三条第一款第（四）项: a refusal goes to reconsideration first.
RECONSIDERATION_FIRST_GROUPS = (OutcomeGroup.WITHHELD, OutcomeGroup.PARTLY_DISCLOSED)


def _label(choices: Any, value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def applicant_context(application: Application) -> Context:
    is_org = application.applicant_type != ApplicantType.NATURAL_PERSON
    return {
        "name": application.applicant_name,
        "type": _label(ApplicantType, application.applicant_type),
        "is_organisation": is_org,
        "id_type": _label(IdType, application.id_type) if application.id_type else "",
        "id_masked": id_mask(application.id_number),
        "credit_code": application.credit_code,
        "legal_representative": application.legal_representative,
        "contact_person": application.contact_person,
        "address": application.address,
        "postal_code": application.postal_code,
        "honorific": application.applicant_name,
    }


def request_context(application: Application) -> Context:
    lodged = application.lodged_at.date() if application.lodged_at else None
    return {
        "tracking_code": application.tracking_code,
        "description": application.description,
        "doc_title": application.doc_title,
        "doc_number": application.doc_number,
        "purpose": application.purpose,
        "form": _label(RequestForm, application.form),
        "delivery": _label(Delivery, application.delivery),
        "channel": _label(Channel, application.channel),
        "lodged_on": date_cn(lodged),
        "received_on": date_cn(application.received_on),
        "due_on": date_cn(application.due_on),
        "due_provisional": application.due_provisional,
    }


def organisation_context(organisation: Organisation) -> Context:
    return {
        "name": organisation.name,
        "office_name": organisation.office_name,
        "office_address": organisation.office_address,
        "office_hours": organisation.office_hours,
        "office_phone": organisation.office_phone,
        "office_fax": organisation.office_fax,
        "office_email": organisation.office_email,
        "office_postal_code": organisation.office_postal_code,
        "website": organisation.website,
    }


def decision_context(application: Application, extra: Mapping[str, Any]) -> Context:
    value = str(extra.get("outcome") or application.outcome or Outcome.OTHER)
    outcome = Outcome(value)
    referred = application.referred_to
    return {
        "outcome": outcome.value,
        "label": str(outcome.label),
        "group": outcome.group.value,
        "group_label": str(outcome.group.label),
        "article": outcome.article,
        "basis": _basis(outcome, str(extra.get("basis", application.reply_basis))),
        "reasons": str(extra.get("reasons", application.reply_reasons)),
        "withheld_description": str(
            extra.get("withheld_description", application.withheld_description)
        ),
        "referred_to_name": referred.name if referred else application.referred_to_name,
        "referred_to_contact": _referred_contact(referred),
        "released_files": _released(application),
        "closed_on": date_cn(application.closed_on),
    }


def _basis(outcome: Outcome, basis: str) -> str:
    """The officer's basis, unless it only repeats the outcome's article
    (the services store the article when the officer gives none)."""
    basis = basis.strip()
    return "" if basis == outcome.article else basis


def _released(application: Application) -> list[str]:
    if application.pk is None:  # a preview
        return []
    return [f.name for f in application.released_files.order_by("pk")]


def _referred_contact(organisation: Organisation | None) -> str:
    if organisation is None:
        return ""
    parts = [organisation.office_address, organisation.office_phone]
    return "，".join(p for p in parts if p)


def remedies_context(
    organisation: Organisation, group: str, extra: Mapping[str, Any]
) -> Context:
    conf = getattr(settings, "GONGKAI_LETTERS", {})
    body = extra.get("reconsideration_body") or reconsideration_body(organisation)
    return {
        "body": str(body),
        "days": 60,  # 行政复议法第二十条
        "litigation_months": 6,  # 行政诉讼法第四十六条
        "after_reconsideration_days": 15,  # 行政诉讼法第四十五条
        "court": str(extra.get("court") or conf.get("court", "有管辖权的人民法院")),
        "reconsideration_first": group in RECONSIDERATION_FIRST_GROUPS,
        "partial": group == OutcomeGroup.PARTLY_DISCLOSED,
    }


def limits_context() -> Context:
    conf = settings.GONGKAI_APPLICATIONS
    return {
        "reply_wd": conf["reply_limit_wd"],
        "extension_wd": conf["extension_max_wd"],
        "correction_wd": conf["correction_notice_limit_wd"],
        "consultation_wd": conf["third_party_reply_limit_wd"],
    }


def letter_context(
    application: Application,
    kind: LetterKind | str,
    extra: Mapping[str, Any] | None = None,
    *,
    issued_on: date | None = None,
) -> Context:
    """Everything a template of `kind` may use, as plain data."""
    extra = extra or {}
    kind = LetterKind(kind)
    decision = decision_context(application, extra)
    context: Context = {
        "kind": kind.value,
        "applicant": applicant_context(application),
        "application": request_context(application),
        "organisation": organisation_context(application.organisation),
        "decision": decision,
        "remedies": remedies_context(
            application.organisation, decision["group"], extra
        ),
        "limits": limits_context(),
        "issued_on": date_cn(issued_on),
        "issued_on_full": date_cn_full(issued_on),
    }
    section = KIND_SECTIONS.get(kind)
    if section is not None:
        context[kind.value] = section(application, extra)
    if kind == LetterKind.REPLY:
        # Closing for a missed correction or an unpaid fee cites the notice.
        for name in (LetterKind.CORRECTION, LetterKind.FEE):
            context[name.value] = KIND_SECTIONS[name](application, {})
    if kind == LetterKind.CONSULTATION:
        # 条例第三十二条: the third party learns what is asked, never who asks.
        context["applicant"] = {}
    return context
