"""Applications received per month (the staff page's chart), in the database."""

from __future__ import annotations

from django.db.models import Count
from django.db.models.functions import ExtractMonth

from gongkai.applications.models import Application
from gongkai.core.models import Organisation

from .scope import Period, organisation_q


def received_by_month(organisation: Organisation, scope: str, year: int) -> list[int]:
    """Twelve counts, January first, of applications received in `year`."""
    period = Period(year)
    grouped = (
        Application.objects.filter(
            organisation_q(organisation, scope),
            received_on__gte=period.start,
            received_on__lte=period.end,
        )
        .order_by()
        .annotate(month=ExtractMonth("received_on"))
        .values("month")
        .annotate(n=Count("pk"))
    )
    counts = [0] * 12
    for group in grouped:
        counts[int(group["month"]) - 1] = group["n"]
    return counts
