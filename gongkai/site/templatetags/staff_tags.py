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
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import RoleAssignment, User
from gongkai.core.permissions import Permission, has_permission_anywhere

register = template.Library()


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    current: bool


@dataclass(frozen=True)
class _Section:
    label: Promise
    url_name: str
    # Any one of these lets the user use the section; none: every staff user.
    permissions: tuple[Permission, ...] = ()
    query: str = ""
    # Another app's section: its URL name may be missing, then this path
    # below the dashboard stands for it.
    fallback: str | None = None


# The menu, in order.
SECTIONS: tuple[_Section, ...] = (
    _Section(_("工作台"), "staff:dashboard"),
    _Section(
        _("文件管理"), "staff:document_list", (Permission.DOCUMENT_VIEW_UNPUBLISHED,)
    ),
    _Section(
        _("待审核"),
        "staff:document_list",
        (Permission.DOCUMENT_REVIEW,),
        query="?status=submitted",
    ),
    _Section(
        _("依申请公开"),
        "staff:application_queue",
        (Permission.APPLICATION_VIEW,),
        fallback="applications/",
    ),
    _Section(_("年度报告"), "staff:report_list", (Permission.ANNUAL_REPORT_VIEW,)),
    _Section(
        _("文书模板"),
        "staff:letter_template_list",
        (Permission.LETTER_TEMPLATE_MANAGE,),
    ),
    _Section(_("栏目管理"), "staff:catalogue_index", (Permission.CATALOGUE_MANAGE,)),
    _Section(
        _("工作日历"),
        "staff:calendar_list",
        (Permission.CALENDAR_MANAGE,),
        fallback="calendar/",
    ),
    _Section(
        _("机构信息"),
        "staff:organisation_list",
        (Permission.ORGANISATION_MANAGE, Permission.ORGANISATION_PROFILE_EDIT),
        fallback="organisations/",
    ),
)


def _url(section: _Section) -> str:
    """The section's index page; other apps name their own URLs."""
    try:
        return reverse(section.url_name) + section.query
    except NoReverseMatch:
        if section.fallback is None:
            raise
        return f"{reverse('staff:dashboard')}{section.fallback}"


def _sections(user: User | AnonymousUser) -> list[tuple[str, str]]:
    """(label, url) of the sections this user may use, in menu order."""
    return [
        (str(section.label), _url(section))
        for section in SECTIONS
        if not section.permissions
        or any(has_permission_anywhere(user, p) for p in section.permissions)
    ]


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
