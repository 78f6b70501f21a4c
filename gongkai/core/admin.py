"""Django admin, for system administrators only (staff use /staff/).

Writes go through the services so that each one is audited; the audit log
itself is read-only here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import UserChangeForm, UserCreationForm, UsernameField
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.forms import BaseModelForm
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .audit import audit_record
from .audit_types import AuditEventType
from .models import AuditEvent, Organisation, RoleAssignment, User
from .services.organisations import (
    UPDATABLE_FIELDS,
    organisation_create,
    organisation_move,
    organisation_update,
)
from .services.users import role_grant, role_revoke, user_snapshot

# The generic parameters exist for mypy only (django-stubs); at run time
# Django's classes are not subscriptable.
if TYPE_CHECKING:
    OrganisationModelAdmin = admin.ModelAdmin[Organisation]
    OrganisationModelForm = forms.ModelForm[Organisation]
    AuditEventModelAdmin = admin.ModelAdmin[AuditEvent]
    RoleAssignmentTabularInline = admin.TabularInline[RoleAssignment, User]
    UserCreationFormBase = UserCreationForm[User]
    UserChangeFormBase = UserChangeForm[User]
    UserModelAdmin = DjangoUserAdmin[User]
else:
    OrganisationModelAdmin = AuditEventModelAdmin = admin.ModelAdmin
    OrganisationModelForm = forms.ModelForm
    RoleAssignmentTabularInline = admin.TabularInline
    UserCreationFormBase = UserCreationForm
    UserChangeFormBase = UserChangeForm
    UserModelAdmin = DjangoUserAdmin


def _actor(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


class OrganisationAdminForm(OrganisationModelForm):
    website = forms.URLField(
        label=_("网站"), required=False, max_length=200, assume_scheme="https"
    )

    class Meta:
        model = Organisation
        fields = "__all__"

    def clean_parent(self) -> Organisation | None:
        parent: Organisation | None = self.cleaned_data.get("parent")
        instance = self.instance
        if parent is not None and instance.pk and parent.path.startswith(instance.path):
            raise ValidationError(_("不能将机关调整到其自身或其下级机关之下。"))
        return parent


@admin.register(Organisation)
class OrganisationAdmin(OrganisationModelAdmin):
    form = OrganisationAdminForm
    list_display = ["name", "short_name", "kind", "credit_code", "path", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name", "credit_code"]
    readonly_fields = ["path"]
    autocomplete_fields = ["parent"]

    def has_delete_permission(
        self, request: HttpRequest, obj: Organisation | None = None
    ) -> bool:
        return False  # deactivate instead: documents and records refer to it

    def save_model(
        self,
        request: HttpRequest,
        obj: Organisation,
        form: BaseModelForm[Organisation],
        change: bool,
    ) -> None:
        data = form.cleaned_data
        if not change:
            fields = {k: data[k] for k in UPDATABLE_FIELDS if k in data}
            created = organisation_create(
                actor=_actor(request), parent=data.get("parent"), **fields
            )
            obj.pk, obj.path = created.pk, created.path
            return
        changed = {k: data[k] for k in form.changed_data if k in UPDATABLE_FIELDS}
        if changed:
            organisation_update(actor=_actor(request), organisation=obj, **changed)
        if "parent" in form.changed_data:
            organisation_move(
                actor=_actor(request), organisation=obj, new_parent=data["parent"]
            )


class GongkaiUserCreationForm(UserCreationFormBase):
    class Meta:
        model = User
        fields = ("username", "display_name", "email")
        field_classes = {"username": UsernameField}


class GongkaiUserChangeForm(UserChangeFormBase):
    class Meta:
        model = User
        fields = "__all__"
        field_classes = {"username": UsernameField}


class RoleAssignmentInline(RoleAssignmentTabularInline):
    model = RoleAssignment
    extra = 1
    fields = ["organisation", "role"]
    autocomplete_fields = ["organisation"]


@admin.register(User)
class UserAdmin(UserModelAdmin):
    form = GongkaiUserChangeForm
    add_form = GongkaiUserCreationForm
    inlines = [RoleAssignmentInline]
    list_display = ["username", "display_name", "email", "is_active", "is_staff"]
    search_fields = ["username", "display_name", "email"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("个人信息"), {"fields": ("display_name", "email")}),
        (
            _("权限"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups")},
        ),
        (_("时间"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": (
                    "username",
                    "display_name",
                    "email",
                    "password1",
                    "password2",
                ),
            },
        ),
    )

    def has_delete_permission(
        self, request: HttpRequest, obj: Model | None = None
    ) -> bool:
        return False  # deactivate instead: audit records refer to the account

    def get_inlines(self, request: HttpRequest, obj: User | None) -> list[Any]:
        # Roles are granted once the account exists (the change page).
        return list(self.inlines) if obj is not None else []

    def save_model(
        self,
        request: HttpRequest,
        obj: Any,
        form: Any,
        change: bool,
    ) -> None:
        if change:
            before = user_snapshot(User.objects.get(pk=obj.pk))
            super().save_model(request, obj, form, change)
            after = user_snapshot(obj)
            if after != before:
                changed = [k for k in after if after[k] != before[k]]
                audit_record(
                    actor=_actor(request),
                    event_type=AuditEventType.USER_UPDATED,
                    target=obj,
                    before={k: before[k] for k in changed},
                    after={k: after[k] for k in changed},
                )
            return
        super().save_model(request, obj, form, change)
        audit_record(
            actor=_actor(request),
            event_type=AuditEventType.USER_CREATED,
            target=obj,
            after=user_snapshot(obj),
        )

    def save_formset(
        self,
        request: HttpRequest,
        form: Any,
        formset: BaseInlineFormSet[Any, Any, Any],
        change: bool,
    ) -> None:
        if formset.model is not RoleAssignment:
            super().save_formset(request, form, formset, change)
            return
        actor, user = _actor(request), form.instance
        granted: list[RoleAssignment] = []
        revoked: list[RoleAssignment] = []
        for inline_form in formset.forms:
            old, new = _role_row_save(actor, user, inline_form)
            if old is not None:
                revoked.append(old)
            if new is not None:
                granted.append(new)
        # What the admin's change message reads (as BaseModelFormSet.save sets).
        formset.new_objects = granted
        formset.changed_objects = []
        formset.deleted_objects = revoked


def _role_row_save(
    actor: User | None, user: User, inline_form: BaseModelForm[Any]
) -> tuple[RoleAssignment | None, RoleAssignment | None]:
    """Apply one inline row through the services; returns (revoked, granted).

    A changed row is a revoke plus a grant, so that both are audited.
    """
    data = getattr(inline_form, "cleaned_data", None) or {}
    if not inline_form.has_changed() and not data.get("DELETE"):
        return None, None
    revoked = None
    if inline_form.instance.pk:
        revoked = RoleAssignment.objects.get(pk=inline_form.instance.pk)
        role_revoke(
            actor=actor,
            user=user,
            organisation=revoked.organisation,
            role=revoked.role,
        )
    granted = None
    if data and not data.get("DELETE"):
        granted = role_grant(
            actor=actor,
            user=user,
            organisation=data["organisation"],
            role=data["role"],
        )
    return revoked, granted


@admin.register(AuditEvent)
class AuditEventAdmin(AuditEventModelAdmin):
    list_display = ["id", "created_at", "actor_repr", "event_type", "target_repr"]
    list_filter = ["event_type", "target_type"]
    search_fields = ["actor_repr", "target_repr", "target_id"]
    date_hierarchy = "created_at"

    def get_readonly_fields(
        self, request: HttpRequest, obj: AuditEvent | None = None
    ) -> list[str]:
        return [field.name for field in AuditEvent._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(
        self, request: HttpRequest, obj: AuditEvent | None = None
    ) -> bool:
        return False

    def has_delete_permission(
        self, request: HttpRequest, obj: AuditEvent | None = None
    ) -> bool:
        return False
