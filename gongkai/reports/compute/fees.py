"""信息处理费 actually collected in the year (section 六; spec §3.5 check 10)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum

from gongkai.applications.models import FeeDecision
from gongkai.core.models import Organisation

from .scope import Period, organisation_q


@dataclass(frozen=True)
class FeesCollected:
    cases: int
    amount: int  # 元 (FeeDecision.amount)


def fees_paid(
    organisation: Organisation, scope: str, year: int
) -> QuerySet[FeeDecision]:
    period = Period(year)
    return FeeDecision.objects.filter(
        organisation_q(organisation, scope, field="application__organisation"),
        paid_on__gte=period.start,
        paid_on__lte=period.end,
    )


def fees_collected(organisation: Organisation, scope: str, year: int) -> FeesCollected:
    totals = fees_paid(organisation, scope, year).aggregate(
        cases=Count("pk"), amount=Sum("amount", filter=Q(amount__gt=0))
    )
    return FeesCollected(cases=totals["cases"], amount=totals["amount"] or 0)
