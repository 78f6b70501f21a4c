"""复议 and 诉讼 against demo replies (annual report Table 4), through the
remedies services. Each names a refused or partly refused 2024/2025 case of
鹤城市人民政府 or 南湖区教育局; one reconsideration filed in 2025 is decided
only in 2026, so the 2025 report counts it 尚未审结."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from gongkai.applications.choices import Outcome
from gongkai.applications.models import Application, RemedyCase
from gongkai.applications.services import remedy_decide, remedy_record
from gongkai.core.models import Organisation, User


@dataclass(frozen=True)
class RemedyPlan:
    org_key: int
    officer: str
    year: int
    kind: str
    result: str
    case_number: str
    body: str
    decided_after_days: int = 50


CITY_COURT = "鹤城市中级人民法院"
DISTRICT_COURT = "鹤城市南湖区人民法院"
PLANS = (
    RemedyPlan(100, "hc_officer", 2024, "reconsideration", "maintained", "鹤政复〔2024〕37号", "鹤城市人民政府"),
    RemedyPlan(100, "hc_officer", 2025, "reconsideration", "corrected", "鹤政复〔2025〕12号", "鹤城市人民政府"),
    RemedyPlan(100, "hc_officer", 2025, "reconsideration", "corrected", "鹤政复〔2025〕58号", "鹤城市人民政府", 120),
    RemedyPlan(100, "hc_officer", 2025, "litigation_direct", "maintained", "（2025）鹤01行初45号", CITY_COURT),
    RemedyPlan(100, "hc_officer", 2025, "litigation_after_reconsideration", "other", "（2025）鹤01行初63号", CITY_COURT),
    RemedyPlan(201, "nh_officer", 2024, "litigation_direct", "maintained", "（2024）鹤0102行初8号", DISTRICT_COURT),
    RemedyPlan(201, "nh_officer", 2025, "reconsideration", "maintained", "南政复〔2025〕5号", "鹤城市南湖区人民政府"),
    RemedyPlan(201, "nh_officer", 2025, "litigation_direct", "pending", "（2025）鹤0102行初21号", DISTRICT_COURT),
)  # fmt: skip
CONTESTED = (
    Outcome.PARTLY_DISCLOSED,
    Outcome.WITHHELD_THIRD_PARTY,
    Outcome.WITHHELD_PROCESS_INFO,
    Outcome.WITHHELD_INTERNAL_AFFAIRS,
    Outcome.UNAVAILABLE_NOT_HELD,
)


def _contested(organisation: Organisation, year: int, index: int) -> Application | None:
    """The `index`-th refused case of the year, closed by October."""
    cases = Application.objects.filter(
        organisation=organisation,
        identity_key__startswith="demo:",
        outcome__in=CONTESTED,
        closed_on__gte=date(year, 1, 1),
        closed_on__lte=date(year, 10, 31),
    ).order_by("closed_on", "pk")
    return cases[index] if cases.count() > index else None


def remedies_ensure(
    *, organisations: dict[int, Organisation], users: dict[str, User], today: date
) -> int:
    existing = set(RemedyCase.objects.values_list("organisation_id", "case_number"))
    created = 0
    for index, plan in enumerate(PLANS):
        organisation = organisations[plan.org_key]
        officer = users.get(plan.officer)
        if officer is None or (organisation.pk, plan.case_number) in existing:
            continue
        application = _contested(organisation, plan.year, index)
        if application is None or application.closed_on is None:
            continue
        filed_on = application.closed_on + timedelta(days=25)
        remedy = remedy_record(
            actor=officer, organisation=organisation, kind=plan.kind,
            filed_on=filed_on, application=application, body=plan.body,
            case_number=plan.case_number, note="申请人对答复不服。",
        )  # fmt: skip
        decided_on = filed_on + timedelta(days=plan.decided_after_days)
        if plan.result != "pending" and decided_on <= today:
            remedy_decide(
                actor=officer, remedy=remedy, result=plan.result, decided_on=decided_on
            )
        created += 1
    return created
