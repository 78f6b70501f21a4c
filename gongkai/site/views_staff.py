"""The back-office shell: sign-in, sign-out and the dashboard (工作台).

Sign-in is Django's LoginView behind django-axes (AXES_FAILURE_LIMIT failed
attempts per username and address lock the pair for AXES_COOLOFF_TIME; the
lockout page is `staff/locked_out.html`). Only accounts holding at least one
role enter the back office; Django admin is for system administrators only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.db.models import CharField, Count, Q, QuerySet
from django.db.models.functions import Cast
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from gongkai.applications.selectors import application_queue
from gongkai.core.access import staff_required
from gongkai.core.models import AuditEvent, Organisation, User
from gongkai.core.permissions import (
    Permission,
    has_permission_anywhere,
    role_assignments,
)
from gongkai.core.selectors import organisations_where
from gongkai.documents.models import Document, DocumentStatus
from gongkai.documents.selectors.staff import (
    documents_publication_late,
    documents_visible_to,
)

QUEUE_SIZE = 10
RECENT_EVENTS = 20
LATE_SHOWN = 50


class StaffAuthenticationForm(AuthenticationForm):
    """The login form, with its messages in Chinese whatever the browser asks."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("用户名或密码不正确。请注意区分大小写。"),
        "inactive": _("该账号已停用。"),
        "no_role": _("该账号未分配工作角色，不能进入工作台。请联系系统管理员。"),
    }

    def __init__(self, request: Any = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("用户名")
        self.fields["password"].label = _("密码")
        self.fields["username"].error_messages["required"] = _("请输入用户名。")
        self.fields["password"].error_messages["required"] = _("请输入密码。")

    def confirm_login_allowed(self, user: User) -> None:
        super().confirm_login_allowed(user)
        if not role_assignments(user):
            raise ValidationError(self.error_messages["no_role"], code="no_role")


class StaffLoginView(auth_views.LoginView):
    template_name = "staff/login.html"
    authentication_form = StaffAuthenticationForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["failure_limit"] = settings.AXES_FAILURE_LIMIT
        return context


class StaffLogoutView(auth_views.LogoutView):
    """POST only (Django 5): a link cannot sign anyone out."""

    next_page = "staff:login"


login = StaffLoginView.as_view()
logout = StaffLogoutView.as_view()


# ---------------------------------------------------------------------------
# Dashboard


@dataclass(frozen=True)
class Queue:
    key: str
    title: str
    total: int
    documents: list[Document]
    filter_status: str


def _queue(key: str, title: str, documents: QuerySet[Document], status: str) -> Queue:
    ordered = documents.select_related("organisation").order_by("-updated_at", "-id")
    return Queue(
        key=key,
        title=title,
        total=ordered.count(),
        documents=list(ordered[:QUEUE_SIZE]),
        filter_status=status,
    )


def dashboard_queues(user: User) -> list[Queue]:
    """The four piles of work waiting for this user."""
    visible = documents_visible_to(user=user)
    reviewable = organisations_where(user=user, permission=Permission.DOCUMENT_REVIEW)
    publishable = organisations_where(user=user, permission=Permission.DOCUMENT_PUBLISH)
    return [
        _queue(
            "drafts",
            gettext("我的草稿"),
            visible.filter(created_by=user, status=DocumentStatus.DRAFT),
            DocumentStatus.DRAFT,
        ),
        _queue(
            "returned",
            gettext("退回给我的文件"),
            visible.filter(created_by=user, status=DocumentStatus.RETURNED),
            DocumentStatus.RETURNED,
        ),
        _queue(
            "review",
            gettext("等待我审核"),
            visible.filter(
                status=DocumentStatus.SUBMITTED, organisation__in=reviewable
            ),
            DocumentStatus.SUBMITTED,
        ),
        _queue(
            "publish",
            gettext("审核通过待发布"),
            visible.filter(
                status=DocumentStatus.APPROVED, organisation__in=publishable
            ),
            DocumentStatus.APPROVED,
        ),
    ]


def status_counts(
    user: User, organisations: QuerySet[Organisation]
) -> list[tuple[str, str, int]]:
    """(status, label, count) of the documents of these organisations."""
    rows = (
        documents_visible_to(user=user)
        .filter(organisation__in=organisations)
        .order_by()
        .values("status")
        .annotate(n=Count("id"))
    )
    counts = {row["status"]: row["n"] for row in rows}
    return [
        (status.value, str(status.label), counts.get(status.value, 0))
        for status in DocumentStatus
    ]


def recent_events(
    user: User, organisations: QuerySet[Organisation]
) -> list[AuditEvent]:
    """Latest audit events about these organisations and documents the user sees."""
    document_ids = (
        documents_visible_to(user=user)
        .filter(organisation__in=organisations)
        .order_by()
        .annotate(key=Cast("pk", CharField()))
        .values("key")
    )
    organisation_ids = (
        organisations.order_by().annotate(key=Cast("pk", CharField())).values("key")
    )
    return list(
        AuditEvent.objects.filter(
            Q(target_type=Document._meta.label_lower, target_id__in=document_ids)
            | Q(
                target_type=Organisation._meta.label_lower,
                target_id__in=organisation_ids,
            )
        ).order_by("-id")[:RECENT_EVENTS]
    )


def application_counts(user: User) -> dict[str, int] | None:
    """Open applications of the user's organisations (依申请公开), if any."""
    if not has_permission_anywhere(user, Permission.APPLICATION_VIEW):
        return None
    open_ = application_queue(user=user, status="open").order_by()
    return {
        "open": open_.count(),
        "lodged": open_.filter(status="lodged").count(),
        "overdue": open_.filter(due_on__lt=timezone.localdate()).count(),
    }


@require_GET
@staff_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    organisations = organisations_where(user=user, permission=Permission.DASHBOARD_VIEW)
    late = documents_publication_late(user=user).select_related("organisation")
    context = {
        "organisations": list(organisations),
        "queues": dashboard_queues(user),
        "status_counts": status_counts(user, organisations),
        "late_documents": list(late[:LATE_SHOWN]),
        "late_total": late.count(),
        "limits": settings.GONGKAI_LIMITS,
        "events": recent_events(user, organisations),
        "applications": application_counts(user),
    }
    return render(request, "staff/dashboard.html", context)
