"""The case page: applicant, request, case file, letters, deadline, actions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from gongkai.core.access import actor, staff_required
from gongkai.core.errors import DomainError
from gongkai.core.models import User

from ...deadline import application_ledger
from ...deadlines import DeadlineLedger
from ...forms.staff.remedies import RemedyDecideForm, RemedyRecordForm
from ...models import Application, RemedyResult
from ...workflow import Action
from .access import actions_for, case_get, may_handle
from .action_table import ACTION_STEPS, blank_form, form_key
from .due import due_state

CASE_TEMPLATE = "applications/staff/case.html"


@require_GET
@staff_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = actor(request)
    return render_case(request, user, case_get(user, pk))


def render_case(
    request: HttpRequest,
    user: User,
    application: Application,
    *,
    bound: Mapping[str, forms.Form] | None = None,
    status: int = 200,
    extra: Mapping[str, Any] | None = None,
) -> HttpResponse:
    """The page, with `bound` (posted forms with errors) in place of blank ones."""
    ledger = safe_ledger(application)
    allowed = actions_for(user, application)
    forms_: dict[str, forms.Form] = {
        form_key(a): blank_form(a, application) for a in allowed
    }
    forms_.update(bound or {})
    hints = action_hints(application, ledger, allowed)
    context: dict[str, Any] = {
        "application": application,
        "ledger": ledger,
        "due": due_state(application, timezone.localdate()),
        "action_forms": [
            (
                action,
                ACTION_STEPS[action].slug,
                forms_[form_key(action)],
                hints.get(action.value, []),
            )
            for action in allowed
        ],
        **case_records(application),
        **remedy_forms(user, application, bound),
        **(extra or {}),
    }
    return render(request, CASE_TEMPLATE, context, status=status)


def safe_ledger(application: Application) -> DeadlineLedger | None:
    """The ledger; None before receipt or when the case file breaks a rule."""
    try:
        return application_ledger(application)
    except DomainError:
        return None


def case_records(application: Application) -> dict[str, Any]:
    return {
        "events": list(application.events.select_related("actor")),
        "letters": list(application.letters.all()),
        "released_files": list(application.released_files.all()),
        "consultations": list(application.consultations.all()),
        # A missing one-to-one row raises an AttributeError subclass.
        "correction_notice": getattr(application, "correction_notice", None),
        "fee": getattr(application, "fee", None),
        "remedies": list(application.remedies.all()),
    }


def remedy_forms(
    user: User, application: Application, bound: Mapping[str, forms.Form] | None
) -> dict[str, Any]:
    if not may_handle(user, application):
        return {"may_record_remedy": False}
    bound = bound or {}
    pending = application.remedies.filter(result=RemedyResult.PENDING)
    return {
        "may_record_remedy": True,
        "remedy_record_form": bound.get("remedy_record_form")
        or RemedyRecordForm(prefix="remedy"),
        "remedy_decide_forms": [
            (
                remedy,
                bound.get(f"remedy_decide_{remedy.pk}")
                or RemedyDecideForm(prefix=f"remedy-{remedy.pk}"),
            )
            for remedy in pending
        ],
    }


def action_hints(
    application: Application, ledger: DeadlineLedger | None, allowed: list[Action]
) -> dict[str, list[str]]:
    """Warnings shown above an action's form (keyed by action value)."""
    hints: dict[str, list[str]] = {}
    today = timezone.localdate()
    if ledger is not None and Action.CORRECTION_NOTICE in allowed:
        due = ledger.correction_notice_due.date
        text = gettext(
            "条例第三十条：补正通知应在收到申请之日起7个工作日内（%(date)s前）一次性发出。"
        ) % {"date": date_format(due)}
        if today > due:
            text += gettext("现已超过该期限，发出后将记为逾期补正通知。")
        hints[Action.CORRECTION_NOTICE.value] = [text]
    if ledger is not None and Action.EXTEND in allowed:
        original = ledger.original_due_on or ledger.due_on
        if original is not None:
            hints[Action.EXTEND.value] = [
                gettext("延期须在原答复期限（%(date)s）届满前决定并告知申请人。")
                % {"date": date_format(original)}
            ]
    return hints
