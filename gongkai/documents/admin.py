"""Django admin for system administrators only (staff work in /staff/).

Topics and columns may be corrected here (each save is audited); documents are
read-only: every change to a document goes through the services.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.http import HttpRequest

from gongkai.core.audit import audit_record
from gongkai.core.audit_types import AuditEventType
from gongkai.core.models import User

from .models import Column, Document, Topic

if TYPE_CHECKING:
    TopicModelAdmin = admin.ModelAdmin[Topic]
    ColumnModelAdmin = admin.ModelAdmin[Column]
    DocumentModelAdmin = admin.ModelAdmin[Document]
else:
    TopicModelAdmin = ColumnModelAdmin = DocumentModelAdmin = admin.ModelAdmin


def _actor(request: HttpRequest) -> User | None:
    user = request.user
    return user if isinstance(user, User) else None


@admin.register(Topic)
class TopicAdmin(TopicModelAdmin):
    list_display = ["path_label", "sort_order"]
    list_filter = ["parent"]
    search_fields = ["name"]

    def save_model(
        self, request: HttpRequest, obj: Topic, form: Any, change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        audit_record(
            actor=_actor(request),
            event_type=AuditEventType.TOPIC_SAVED,
            target=obj,
            after={"name": obj.name, "parent": obj.parent_id, "changed": change},
        )


@admin.register(Column)
class ColumnAdmin(ColumnModelAdmin):
    list_display = ["name", "organisation", "slug", "kind", "update_interval_days"]
    list_filter = ["kind"]
    search_fields = ["name", "organisation__name"]
    raw_id_fields = ["organisation", "parent"]

    def save_model(
        self, request: HttpRequest, obj: Column, form: Any, change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        audit_record(
            actor=_actor(request),
            event_type=AuditEventType.COLUMN_SAVED,
            target=obj,
            after={
                "name": obj.name,
                "slug": obj.slug,
                "parent": obj.parent_id,
                "update_interval_days": obj.update_interval_days,
                "changed": change,
            },
        )


@admin.register(Document)
class DocumentAdmin(DocumentModelAdmin):
    list_display = ["index_number", "title", "organisation", "status", "published_on"]
    list_filter = ["status", "validity", "disclosure"]
    search_fields = ["title", "index_number", "doc_number"]
    date_hierarchy = "written_on"

    def get_readonly_fields(
        self, request: HttpRequest, obj: Document | None = None
    ) -> list[str]:
        return [field.name for field in Document._meta.get_fields() if field.concrete]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(
        self, request: HttpRequest, obj: Document | None = None
    ) -> bool:
        return False

    def has_delete_permission(
        self, request: HttpRequest, obj: Document | None = None
    ) -> bool:
        return False
