"""Django admin for system administrators: read-only views of the cases.

Every change to an application goes through the services (one event and one
audit record per transition), so nothing here can add, change or delete a
case or its case file. Letter templates are edited in the back office
(`letters`), where each save is audited.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from .models import (
    Application,
    ApplicationEvent,
    Consultation,
    CorrectionNotice,
    FeeDecision,
    Letter,
    ReleasedFile,
    RemedyCase,
)

if TYPE_CHECKING:
    BaseAdmin = admin.ModelAdmin[Any]
    BaseInline = admin.TabularInline[Any, Any]
else:
    BaseAdmin = admin.ModelAdmin
    BaseInline = admin.TabularInline


def _concrete(model: type[models.Model]) -> list[str]:
    return [field.name for field in model._meta.get_fields() if field.concrete]


class ReadOnlyMixin:
    """No add, change or delete: the admin only looks."""

    model: type[models.Model]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return _concrete(self.model)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class EventInline(ReadOnlyMixin, BaseInline):
    model = ApplicationEvent
    extra = 0
    fields = ["on", "kind", "actor", "visible_to_applicant", "note"]


@admin.register(Application)
class ApplicationAdmin(ReadOnlyMixin, BaseAdmin):
    list_display = [
        "tracking_code",
        "organisation",
        "status",
        "outcome",
        "received_on",
        "due_on",
        "due_provisional",
        "closed_on",
    ]
    list_filter = ["status", "outcome", "channel", "applicant_type", "due_provisional"]
    search_fields = ["tracking_code", "organisation__name"]
    date_hierarchy = "received_on"
    inlines = [EventInline]


@admin.register(RemedyCase)
class RemedyCaseAdmin(ReadOnlyMixin, BaseAdmin):
    list_display = ["organisation", "kind", "case_number", "filed_on", "result"]
    list_filter = ["kind", "result"]


for _model in (
    CorrectionNotice,
    Consultation,
    FeeDecision,
    Letter,
    ReleasedFile,
):
    admin.site.register(
        _model, type(f"{_model.__name__}Admin", (ReadOnlyMixin, BaseAdmin), {})
    )
