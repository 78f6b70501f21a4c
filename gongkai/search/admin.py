from django.contrib import admin

from .models import SearchLog, SearchTerm


@admin.register(SearchTerm)
class SearchTermAdmin(admin.ModelAdmin[SearchTerm]):
    list_display = ["term", "note", "created_at"]
    search_fields = ["term"]


@admin.register(SearchLog)
class SearchLogAdmin(admin.ModelAdmin[SearchLog]):
    list_display = ["created_at", "query", "result_count", "took_ms"]
    list_filter = ["created_at"]
    search_fields = ["query"]
    readonly_fields = [f.name for f in SearchLog._meta.fields]

    def has_add_permission(self, request: object) -> bool:
        return False
