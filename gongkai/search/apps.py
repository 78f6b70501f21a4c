from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


def _dictionary_changed(**kwargs: Any) -> None:
    from .dictionary_terms import reload_terms

    reload_terms()


def _connected(connection: Any, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        from .backends.sqlite_fts5 import attach_shards

        attach_shards(connection)


class SearchConfig(AppConfig):
    name = "gongkai.search"
    label = "search"
    verbose_name = _("全文检索")

    def ready(self) -> None:
        from .models import SearchTerm

        connection_created.connect(_connected, dispatch_uid="search_shards")

        # Administrators' terms take effect at once for new queries and for
        # documents indexed from now on (`search rebuild` re-segments the rest).
        for signal in (post_save, post_delete):
            signal.connect(
                _dictionary_changed,
                sender=SearchTerm,
                dispatch_uid=f"search_terms_{signal is post_save}",
            )
