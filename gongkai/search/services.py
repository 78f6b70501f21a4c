"""Writes of the search app: the query log.

The log is not audited: a search changes no case, and writing every public
query into the hash-chained audit log would serialise all searches on its
head row. It holds no personal data beyond what people type (the user only
for staff searches).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from gongkai.core.models import User

from .models import SearchLog
from .selectors import SearchResult, normalised_query


@transaction.atomic
def search_log_record(
    *,
    q: str,
    filters: dict[str, str],
    result_count: int,
    took_ms: float,
    user: Any = None,
) -> SearchLog:
    return SearchLog.objects.create(
        query=q.strip()[:200],
        normalised=normalised_query(q),
        filters=filters,
        result_count=result_count,
        took_ms=took_ms,
        user=user if isinstance(user, User) and user.is_authenticated else None,
    )


def search_log_result(*, result: SearchResult, user: Any = None) -> SearchLog:
    return search_log_record(
        q=result.query.raw,
        filters=result.filters.as_log(),
        result_count=result.total,
        took_ms=result.took_ms,
        user=user,
    )
