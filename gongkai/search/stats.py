"""What people search for: the staff page's two lists (reads only)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Avg, Count, Max, QuerySet
from django.utils import timezone

from .models import SearchLog


@dataclass(frozen=True)
class QueryStat:
    query: str
    count: int
    last_results: int
    avg_ms: float


def _recent(days: int | None) -> QuerySet[SearchLog]:
    days = days or int(settings.GONGKAI_SEARCH["log_days"])
    return SearchLog.objects.filter(
        created_at__gte=timezone.now() - timedelta(days=days)
    )


def _stats(qs: QuerySet[SearchLog], limit: int) -> list[QueryStat]:
    rows = (
        qs.values("normalised")
        .annotate(n=Count("pk"), results=Max("result_count"), ms=Avg("took_ms"))
        .order_by("-n", "normalised")[:limit]
    )
    return [
        QueryStat(r["normalised"], r["n"], r["results"], round(r["ms"] or 0, 1))
        for r in rows
    ]


def search_queries_frequent(
    *, days: int | None = None, limit: int = 50
) -> list[QueryStat]:
    return _stats(_recent(days), limit)


def search_queries_zero_results(
    *, days: int | None = None, limit: int = 50
) -> list[QueryStat]:
    """Queries that found nothing: what the public looks for and does not find."""
    return _stats(_recent(days).filter(result_count=0), limit)
