"""Demo staff accounts (listed in README.md) and the two loader accounts.

The loader accounts draft and review the generated documents in every
organisation, so the audit trail names who did what ("演示数据录入/审核")
instead of borrowing a person's account. Their passwords are random and
never shown: nobody logs in with them.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from gongkai.core.models import Organisation, Role, RoleAssignment, User
from gongkai.core.services.users import role_grant, user_create

DEMO_PASSWORD = "Hecheng-Demo-2026"

LOADER_EDITOR = "demo-loader-editor"
LOADER_REVIEWER = "demo-loader-reviewer"


@dataclass(frozen=True)
class StaffSpec:
    username: str
    display_name: str
    role: Role
    org_key: int  # see organisations.py


STAFF: tuple[StaffSpec, ...] = (
    # 鹤城市人民政府: one account per role; supervisor and admin cover the city.
    StaffSpec("hc_editor", "李文静", Role.EDITOR, 100),
    StaffSpec("hc_reviewer", "王志刚", Role.REVIEWER, 100),
    StaffSpec("hc_officer", "张晓梅", Role.OFFICER, 100),
    StaffSpec("hc_head", "宋立群", Role.HEAD, 100),
    StaffSpec("hc_supervisor", "陈思源", Role.SUPERVISOR, 100),
    StaffSpec("hc_admin", "周海宁", Role.ADMIN, 100),
    # 鹤城市南湖区教育局: the same roles in one county department, and a
    # supervisor for the district, to see permissions stop at the subtree.
    StaffSpec("nh_editor", "刘雅琴", Role.EDITOR, 201),
    StaffSpec("nh_reviewer", "赵国平", Role.REVIEWER, 201),
    StaffSpec("nh_officer", "孙丽华", Role.OFFICER, 201),
    StaffSpec("nh_head", "何明辉", Role.HEAD, 201),
    StaffSpec("nh_supervisor", "郭雪峰", Role.SUPERVISOR, 200),
)


@dataclass
class DemoUsers:
    by_username: dict[str, User]
    loader_editor: User
    loader_reviewer: User


def _user(
    username: str, display_name: str, password: str, *, system_admin: bool = False
) -> User:
    existing = User.objects.filter(username=username).first()
    if existing is not None:
        return existing
    return user_create(
        actor=None,
        username=username,
        password=password,
        display_name=display_name,
        email=f"{username.replace('_', '.')}@hecheng.example.gov.cn",
        is_system_admin=system_admin,
    )


def users_ensure(*, organisations: dict[int, Organisation]) -> DemoUsers:
    held = set(
        RoleAssignment.objects.filter(
            user__username__in=[s.username for s in STAFF]
            + [LOADER_EDITOR, LOADER_REVIEWER]
        ).values_list("user__username", "organisation_id", "role")
    )
    by_username: dict[str, User] = {}
    for spec in STAFF:
        # The system administrator also opens Django admin (/admin/).
        user = _user(
            spec.username,
            spec.display_name,
            DEMO_PASSWORD,
            system_admin=spec.role == Role.ADMIN,
        )
        by_username[spec.username] = user
        organisation = organisations[spec.org_key]
        if (spec.username, organisation.pk, spec.role) not in held:
            role_grant(actor=None, user=user, organisation=organisation, role=spec.role)
    editor = _user(LOADER_EDITOR, "演示数据录入", secrets.token_urlsafe(24))
    reviewer = _user(LOADER_REVIEWER, "演示数据审核", secrets.token_urlsafe(24))
    for organisation in organisations.values():
        for user, role in ((editor, Role.EDITOR), (reviewer, Role.REVIEWER)):
            if (user.username, organisation.pk, role) not in held:
                role_grant(actor=None, user=user, organisation=organisation, role=role)
    return DemoUsers(by_username, editor, reviewer)
