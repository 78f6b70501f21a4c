"""The back-office shell: navigation by permission for `staff/base.html`.

A template tag rather than a context processor so that only staff pages pay
for the permission queries, and so that pages written by other apps (calendar,
organisations) get the same navigation by extending `staff/base.html`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from gongkai.core.models import RoleAssignment, User
from gongkai.core.permissions import Permission, has_permission_anywhere

register = template.Library()


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    current: bool


def _first_url(names: tuple[str, ...], fallback: str) -> str:
    """The section's index page; other apps name their own URLs."""
    for name in names:
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return fallback


def _sections(user: User | AnonymousUser) -> list[tuple[str, str]]:
    """(label, url) of the sections this user may use, in menu order."""
    dashboard = reverse("staff:dashboard")
    documents = reverse("staff:document_list")
    entries: list[tuple[str, str, bool]] = [
        (_("工作台"), dashboard, True),
        (
            _("文件管理"),
            documents,
            has_permission_anywhere(user, Permission.DOCUMENT_VIEW_UNPUBLISHED),
        ),
        (
            _("待审核"),
            f"{documents}?status=submitted",
            has_permission_anywhere(user, Permission.DOCUMENT_REVIEW),
        ),
        (
            _("依申请公开"),
            _first_url(("staff:application_queue",), f"{dashboard}applications/"),
            has_permission_anywhere(user, Permission.APPLICATION_VIEW),
        ),
        (
            _("年度报告"),
            reverse("staff:report_list"),
            has_permission_anywhere(user, Permission.ANNUAL_REPORT_VIEW),
        ),
        (
            _("文书模板"),
            reverse("staff:letter_template_list"),
            has_permission_anywhere(user, Permission.LETTER_TEMPLATE_MANAGE),
        ),
        (
            _("栏目管理"),
            reverse("staff:catalogue_index"),
            has_permission_anywhere(user, Permission.CATALOGUE_MANAGE),
        ),
        (
            _("工作日历"),
            _first_url(("staff:calendar_list",), f"{dashboard}calendar/"),
            has_permission_anywhere(user, Permission.CALENDAR_MANAGE),
        ),
        (
            _("机构信息"),
            _first_url(("staff:organisation_list",), f"{dashboard}organisations/"),
            has_permission_anywhere(user, Permission.ORGANISATION_MANAGE)
            or has_permission_anywhere(user, Permission.ORGANISATION_PROFILE_EDIT),
        ),
    ]
    return [(label, url) for label, url, allowed in entries if allowed]


def _mark_current(items: list[tuple[str, str]], full_path: str) -> list[NavItem]:
    # The longest matching prefix is the current section (待审核 beats 文件管理).
    best = max(
        (url for _label, url in items if full_path.startswith(url)),
        key=len,
        default=None,
    )
    return [NavItem(label, url, url == best) for label, url in items]


@register.simple_tag(takes_context=True)
def staff_nav(context: template.Context) -> list[NavItem]:
    """The sections this user may use; the current one is marked."""
    request: HttpRequest | None = context.get("request")
    if request is None or not request.user.is_authenticated:
        return []
    return _mark_current(_sections(request.user), request.get_full_path())


@register.simple_tag(takes_context=True)
def staff_roles(context: template.Context) -> list[RoleAssignment]:
    """The signed-in user's roles, for the header (角色 · 机关)."""
    request: HttpRequest | None = context.get("request")
    if request is None or not request.user.is_authenticated:
        return []
    return list(
        RoleAssignment.objects.filter(user_id=request.user.pk)
        .select_related("organisation")
        .order_by("organisation__path", "role")
    )
