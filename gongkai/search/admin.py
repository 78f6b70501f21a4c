from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin

from .models import SearchLog, SearchTerm

if TYPE_CHECKING:
    SearchTermModelAdmin = admin.ModelAdmin[SearchTerm]
    SearchLogModelAdmin = admin.ModelAdmin[SearchLog]
else:
    SearchTermModelAdmin = SearchLogModelAdmin = admin.ModelAdmin


@admin.register(SearchTerm)
class SearchTermAdmin(SearchTermModelAdmin):
    """Dictionary words added by administrators; effective for new queries."""

    list_display = ["term", "note", "created_at"]
    search_fields = ["term"]


@admin.register(SearchLog)
class SearchLogAdmin(SearchLogModelAdmin):
    list_display = ["created_at", "query", "result_count", "took_ms"]
    list_filter = ["created_at"]
    search_fields = ["query"]
    readonly_fields = [f.name for f in SearchLog._meta.fields]

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False
