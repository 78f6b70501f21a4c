"""What the staff API answers: a case, its case file, letters and ledger.

Plain dicts (JSON), built from the same objects the back office shows.
The applicant's data is included: only APPLICATION_VIEW holders get here.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.urls import reverse
from django.utils import timezone

from gongkai.core.models import User

from .deadlines import DeadlineLedger
from .models import (
    APPLICANT_FIELDS,
    REQUEST_FIELDS,
    Application,
    ApplicationEvent,
    Consultation,
    Letter,
)
from .selectors import queue_days_left
from .views.staff.access import actions_for
from .views.staff.action_table import ACTION_STEPS


def _iso(value: Any) -> Any:
    return value.isoformat() if value is not None else None


def case_summary(application: Application) -> dict[str, Any]:
    left = queue_days_left([application], today=timezone.localdate())[application.pk]
    officer = application.assigned_to
    return {
        "tracking_code": application.tracking_code,
        "organisation": application.organisation.credit_code,
        "status": application.status,
        "status_label": str(application.get_status_display()),
        "outcome": application.outcome or None,
        "channel": application.channel,
        "applicant_type": application.applicant_type,
        "applicant_name": application.applicant_name,
        "lodged_at": _iso(application.lodged_at),
        "received_on": _iso(application.received_on),
        "due_on": _iso(application.due_on),
        "due_provisional": application.due_provisional,
        "calendar_version": application.calendar_version,
        "extension_days": application.extension_days,
        "closed_on": _iso(application.closed_on),
        "working_days_left": left.days,
        "urgency": left.urgency,
        "assigned_to": officer.username if officer is not None else None,
    }


def ledger_out(ledger: DeadlineLedger | None) -> dict[str, Any] | None:
    if ledger is None:
        return None
    return {
        "received_on": _iso(ledger.received_on),
        "counting_from": _iso(ledger.counting_from),
        "due_on": _iso(ledger.due_on),
        "original_due_on": _iso(ledger.original_due_on),
        "provisional": ledger.provisional,
        "provisional_years": list(ledger.provisional_years),
        "calendar_version": ledger.calendar_version,
        "limit": ledger.limit,
        "extension_days": ledger.extension_days,
        "pauses": [
            {"kind": p.kind.value, "start": _iso(p.start), "end": _iso(p.end)}
            for p in ledger.pauses
        ],
        "entries": [
            {"date": _iso(e.date), "kind": e.kind.value, "note": e.note}
            for e in ledger.entries
        ],
    }


def case_detail(
    application: Application, user: User, ledger: DeadlineLedger | None
) -> dict[str, Any]:
    return {
        **case_summary(application),
        "applicant": {name: getattr(application, name) for name in APPLICANT_FIELDS},
        "request": {name: getattr(application, name) for name in REQUEST_FIELDS},
        "reply": {
            "basis": application.reply_basis,
            "reasons": application.reply_reasons,
            "withheld_description": application.withheld_description,
        },
        "events": [event_out(event) for event in application.events.all()],
        "consultations": [consultation_out(c) for c in application.consultations.all()],
        "letters": [
            letter_out(application, letter) for letter in application.letters.all()
        ],
        "allowed_actions": [
            ACTION_STEPS[action].slug for action in actions_for(user, application)
        ],
        "ledger": ledger_out(ledger),
    }


def event_out(event: ApplicationEvent) -> dict[str, Any]:
    return {
        "kind": event.kind,
        "label": str(event.get_kind_display()),
        "on": _iso(event.on),
        "note": event.note,
        "visible_to_applicant": event.visible_to_applicant,
    }


def consultation_out(consultation: Consultation) -> dict[str, Any]:
    return {
        "id": consultation.pk,
        "kind": consultation.kind,
        "party": consultation.party,
        "sent_on": _iso(consultation.sent_on),
        "answered_on": _iso(consultation.answered_on),
        "answer": consultation.answer or None,
    }


def letter_out(application: Application, letter: Letter) -> dict[str, Any]:
    def url(fmt: str) -> str | None:
        if not (letter.pdf if fmt == "pdf" else letter.docx):
            return None
        return reverse(
            "api:staff_letter",
            kwargs={
                "tracking_code": application.tracking_code,
                "letter_id": letter.pk,
                "fmt": fmt,
            },
        )

    return {
        "id": letter.pk,
        "kind": letter.kind,
        "title": letter.title,
        "issued_on": _iso(letter.issued_on),
        "pdf_url": url("pdf"),
        "docx_url": url("docx"),
    }


def form_errors(form: forms.Form) -> dict[str, list[str]]:
    return {
        field: [str(m) for m in messages] for field, messages in form.errors.items()
    }


def form_schema(
    form_class: type[forms.Form], overrides: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The JSON body an action takes, for the OpenAPI document."""
    form = form_class()
    properties: dict[str, Any] = {}
    required = []
    for name, field in form.fields.items():
        if isinstance(field.widget, forms.HiddenInput):
            continue
        schema: dict[str, Any] = {"type": "string", "title": str(field.label or name)}
        if isinstance(field, forms.DateField):
            schema["format"] = "date"
        elif isinstance(field, forms.IntegerField | forms.ModelChoiceField):
            schema["type"] = "integer"
        elif isinstance(field, forms.ChoiceField):
            values = [value for value, _label in _flat(field.choices) if value != ""]
            schema["enum"] = values
        properties[name] = (overrides or {}).get(name, schema)
        if field.required:
            required.append(name)
    return {
        "requestBody": {
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "properties": properties,
                        "required": required,
                    }
                }
            },
            "required": True,
        }
    }


def _flat(choices: Any) -> list[tuple[Any, Any]]:
    flat: list[tuple[Any, Any]] = []
    for value, label in choices:
        if isinstance(label, list | tuple):
            flat.extend(label)
        else:
            flat.append((value, label))
    return flat
