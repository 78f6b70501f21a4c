"""The queue per organisation: filters, sorting, due-date colours, pages."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from gongkai.core.access import actor, staff_required
from gongkai.core.models import Organisation, Role, User

from ...forms.staff.actions import officers_of
from ...forms.staff.queue import QueueFilterForm
from ...models import Application
from ...selectors import application_queue
from ...workflow import Action
from .access import may_act, queue_organisations, recording_organisations
from .due import DueState, due_states

PAGE_SIZE = 25
# ?sort= → (label, selectors.QUEUE_ORDERS key)
SORTS = {
    "due": (_("按答复期限"), "due_on"),
    "received": (_("按收到日期（早先）"), "received_on"),
    "-received": (_("按收到日期（最新）"), "-received_on"),
    "-lodged": (_("按提交时间（最新）"), "-lodged_at"),
}
DEFAULT_SORT = "due"


@dataclass(frozen=True)
class Row:
    application: Application
    due: DueState
    officers: list[User] | None  # whom the user may assign it to; None: may not


def assignable(user: User, applications: list[Application]) -> dict[int, list[User]]:
    """Per organisation of the page: its officers, where the user may assign."""
    result: dict[int, list[User]] = {}
    for application in applications:
        org_id = application.organisation_id
        if org_id in result or not may_act(user, application, Action.ASSIGN):
            continue
        result[org_id] = list(officers_of(application.organisation))
    return result


def queue_officers(organisation_ids: list[int]) -> QuerySet[User]:
    return (
        User.objects.filter(
            role_assignments__organisation_id__in=organisation_ids,
            role_assignments__role=Role.OFFICER,
        )
        .distinct()
        .order_by("username")
    )


def _sort(request: HttpRequest) -> str:
    sort = request.GET.get("sort", DEFAULT_SORT)
    return sort if sort in SORTS else DEFAULT_SORT


def _queries(request: HttpRequest) -> tuple[str, str]:
    """The page links' query (without `page`) and the sort links' prefix."""
    query = request.GET.copy()
    query.pop("page", None)
    unsorted = query.copy()
    unsorted.pop("sort", None)
    return query.urlencode(), f"{unsorted.urlencode()}&" if unsorted else ""


@require_GET
@staff_required
def queue(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    organisations = queue_organisations(user)
    ids = [o.pk for o in organisations]
    form = QueueFilterForm(
        request.GET or None,
        organisations=Organisation.objects.filter(pk__in=ids).order_by("path"),
        officers=queue_officers(ids),
        user=user,
    )
    sort = _sort(request)
    today = timezone.localdate()
    applications = form.apply(
        application_queue(user=user, order=SORTS[sort][1], today=today)
    )
    page = Paginator(applications, PAGE_SIZE).get_page(request.GET.get("page"))
    states = due_states(page, today)
    officers = assignable(user, list(page))
    query, query_without_sort = _queries(request)
    return render(
        request,
        "applications/staff/queue.html",
        {
            "form": form,
            "page": page,
            "rows": [
                Row(a, states[a.pk], officers.get(a.organisation_id)) for a in page
            ],
            "query": query,
            "query_without_sort": query_without_sort,
            "sort": sort,
            "sorts": [(key, label) for key, (label, _order) in SORTS.items()],
            "many_organisations": len(organisations) > 1,
            "may_record": bool(recording_organisations(user)),
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )
