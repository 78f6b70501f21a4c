"""`manage.py demo load`: the whole demo in one transaction, idempotent."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from gongkai.core.models import Organisation
from gongkai.core.models.organisations import PROFILE_FIELDS
from gongkai.documents.catalogue_seed import catalogue_seed
from gongkai.documents.models import Column, ColumnKind
from gongkai.reports.demo import annual_reports_demo

from .applications import applications_demo_load
from .city import CITY
from .examples import special_plans
from .generated import plan_for_organisation
from .organisations import organisations_ensure
from .orgspec import OrgSpec, walk
from .pipeline import Actors, Pipeline, needs_full_workflow
from .plan import ColumnRef, DocPlan, NumberBook, OrgContext
from .seedplans import seed_plans
from .seeds import SeedDocument, parse_seed_folder
from .users import users_ensure
from .vocabulary import vocabulary_from

CITY_KEY = 100
COUNTY_DEMO_DEPARTMENT_KEY = 201


@dataclass
class LoadReport:
    organisations_created: int = 0
    documents_created: int = 0
    documents_planned: int = 0
    seeds_found: int = 0
    seconds: float = 0.0
    messages: list[str] = field(default_factory=list)


def seeds_folder() -> Path:
    return Path(settings.SHARED_DIR) / "seeds"


def _load_seeds(report: LoadReport) -> list[SeedDocument]:
    folder = seeds_folder()
    if not folder.is_dir():
        report.messages.append(f"未找到种子文件目录 {folder}，跳过种子文件。")
        return []
    seeds = parse_seed_folder(folder)
    report.seeds_found = len(seeds)
    return seeds


def _scope_and_place(spec: OrgSpec, parent: OrgSpec | None) -> tuple[str, str]:
    """(全市/全区/全县/全镇…, 鹤城市/南湖区/龙泉镇…) for titles and bodies."""
    if spec.kind == "township":
        return (
            f"全{spec.short_name[-1] if not spec.short_name.endswith('街道') else '街道'}",
            spec.short_name,
        )
    county = spec if spec.kind == "county_government" else parent
    if county is not None and county.kind == "county_government":
        level = county.short_name[2]  # 南湖区政府 → 区
        return f"全{level}", county.short_name[:3]
    return "全市", "鹤城市"


def _column_refs(columns: list[Column]) -> list[ColumnRef]:
    parents = {c.parent_id for c in columns if c.parent_id is not None}
    return [
        ColumnRef(c.slug, c.name, c.kind, c.statutory_item)
        for c in columns
        if c.pk not in parents and c.kind != ColumnKind.CUSTOM
    ]


def _profile(organisation: Organisation) -> dict[str, str]:
    return {name: getattr(organisation, name) for name in PROFILE_FIELDS}


def build_plans(
    organisations: dict[int, Organisation], seeds: list[SeedDocument]
) -> list[DocPlan]:
    vocab = vocabulary_from(seeds)
    numbers = NumberBook(random.Random("gongkai-demo-numbers"))
    contexts: dict[int, OrgContext] = {}
    plans: list[DocPlan] = []
    for spec, parent in walk(CITY):
        organisation = organisations[spec.key]
        scope, place = _scope_and_place(spec, parent)
        ctx = OrgContext(
            spec=spec,
            columns=_column_refs(catalogue_seed(organisation=organisation)),
            scope=scope,
            place=place,
            contact=_profile(organisation),
        )
        contexts[spec.key] = ctx
        plans += plan_for_organisation(ctx, vocab, numbers)
    plans += special_plans(
        contexts[CITY_KEY],
        contexts[COUNTY_DEMO_DEPARTMENT_KEY],
        vocab,
        timezone.localdate(),
    )
    plans += seed_plans(seeds)
    return plans


@transaction.atomic
def demo_load() -> LoadReport:
    started = time.monotonic()
    report = LoadReport()
    organisations, created = organisations_ensure(actor=None)
    report.organisations_created = len(created)
    demo_users = users_ensure(organisations=organisations)
    seeds = _load_seeds(report)
    plans = build_plans(organisations, seeds)
    report.documents_planned = len(plans)
    pipeline = Pipeline(
        organisations=organisations,
        actors=Actors(
            demo_users.loader_editor, demo_users.loader_reviewer, demo_users.by_username
        ),
        today=timezone.localdate(),
    )
    showcase = {CITY_KEY, COUNTY_DEMO_DEPARTMENT_KEY}
    full = [p for p in plans if needs_full_workflow(p, showcase)]
    pipeline.ensure_fast([p for p in plans if not needs_full_workflow(p, showcase)])
    for plan in full:
        pipeline.ensure(plan)
    report.documents_created = pipeline.created
    applications = applications_demo_load(
        organisations=organisations,
        users=demo_users.by_username,
        today=timezone.localdate(),
    )
    report.messages.append(applications.summary())
    # Last year's annual reports published, this year's drafted (issue 5).
    annual_reports_demo(year=timezone.localdate().year - 1)
    report.seconds = time.monotonic() - started
    return report
