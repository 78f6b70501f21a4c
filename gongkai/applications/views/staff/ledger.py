"""The deadline ledger: how the due date was reached, day by day.

Architecture rule 3: the due date is a function of the case file and the
calendar; this page shows the receipt day, every counted day, every pause,
the extension, the due date with its calendar version, and warns when the
period enters a year whose holiday schedule has not been entered.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from gongkai.core.access import actor, staff_required
from gongkai.core.errors import DomainError

from ...deadline import application_ledger
from ...deadlines import EntryKind
from .access import case_get
from .due import due_state


@require_GET
@staff_required
def case_ledger(request: HttpRequest, pk: int) -> HttpResponse:
    user = actor(request)
    application = case_get(user, pk)
    problem = ""
    try:
        ledger = application_ledger(application)
    except DomainError as exc:
        ledger, problem = None, exc.message
    today = timezone.localdate()
    return render(
        request,
        "applications/staff/ledger.html",
        {
            "application": application,
            "ledger": ledger,
            "problem": problem,
            "due": due_state(application, today),
            "days_used": ledger.days_used(today) if ledger else None,
            "entry_kinds": EntryKind,
        },
    )
