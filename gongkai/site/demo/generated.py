"""The generated documents that fill every column of a demo catalogue.

One random generator per column, seeded by organisation and column, so the
plan is the same on every run; titles are the loader's idempotency key.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from gongkai.documents.models import Genre, LegalForm

from .bodies import generated_body
from .orgspec import OrgSpec
from .plan import (
    ColumnRef,
    DocPlan,
    NumberBook,
    OrgContext,
    add_weekdays,
    random_day,
    weekday_on_or_after,
)
from .templates import (
    ANNUAL_REPORT,
    DEFAULT_SOCIAL,
    DOMAIN_TOPICS,
    FALLBACK,
    GUIDE,
    ON_APPLICATION,
    REGULATION,
    SOCIAL_TOPICS,
    STATUTORY,
    Template,
)
from .vocabulary import Vocabulary

# Column kinds with fixed templates; other columns go by their statutory item.
KIND_TEMPLATES: dict[str, tuple[Template, ...]] = {
    "guide": (GUIDE,),
    "regulation": (REGULATION,),
    "annual_report": (ANNUAL_REPORT, ANNUAL_REPORT),
    "on_application": (ON_APPLICATION,),
}


def number_code(spec: OrgSpec, template: Template) -> str:
    if spec.kind in ("city_government", "county_government"):
        return spec.code + (template.number_infix or "发")
    if template.genre == Genre.LETTER:
        return spec.code + "函"
    return spec.code + template.number_infix


def _templates_for(column: ColumnRef) -> list[Template]:
    if column.kind in KIND_TEMPLATES:
        return list(KIND_TEMPLATES[column.kind])
    if column.statutory_item:
        return list(STATUTORY.get(column.statutory_item, (FALLBACK,)))
    return [FALLBACK]


def _dates(
    rng: random.Random, template: Template, year_hint: int | None
) -> tuple[date, date, int]:
    """(written_on, published_on, the year the title speaks of)."""
    if template is ANNUAL_REPORT and year_hint is not None:
        written = weekday_on_or_after(date(year_hint + 1, 1, rng.randint(8, 18)))
        return written, add_weekdays(written, rng.randint(1, 5)), year_hint + 1
    written = random_day(rng)
    delay = rng.choice((0, 1, 1, 2, 2, 3, 4))
    return written, add_weekdays(written, delay), written.year


def _title_values(
    ctx: OrgContext, column: ColumnRef, rng: random.Random, written: date, year: int
) -> dict[str, Any]:
    """The placeholders of a template's title and summary (see templates.py)."""
    spec = ctx.spec
    return {
        "org": spec.name,
        "short": spec.short_name,
        "scope": ctx.scope,
        "place": ctx.place,
        "domain": spec.domain,
        "year": year,
        "prev": year - 1,
        "q": (written.month - 1) // 3 + 1,
        "month": written.month,
        "n": rng.randint(1, 9),
        "social": SOCIAL_TOPICS.get(spec.domain, DEFAULT_SOCIAL),
        "column": column.name,
    }


def _plan(
    ctx: OrgContext,
    column: ColumnRef,
    template: Template,
    dates: tuple[date, date],
    values: dict[str, Any],
) -> DocPlan:
    """One generated document, without its body and 发文字号."""
    spec = ctx.spec
    title = template.title.format(**values)
    written, published = dates
    return DocPlan(
        org_key=spec.key,
        column_slug=column.slug,
        title=title,
        written_on=written,
        published_on=published,
        content_type=template.content_type,
        topic=template.topic or DOMAIN_TOPICS.get(spec.domain, "综合政务\\其他"),
        genre=template.genre,
        legal_form=template.legal_form,
        statutory_item=column.statutory_item,
        keywords=f"{spec.domain} {column.name}"[:60],
        summary=template.summary.format(title=title, **values),
        effective_on=(
            written + timedelta(days=30)
            if template.legal_form == LegalForm.NORMATIVE_DOCUMENT
            else None
        ),
    )


def _column_plans(
    ctx: OrgContext,
    column: ColumnRef,
    vocab: Vocabulary,
    numbers: NumberBook,
    titles: set[str],
) -> list[DocPlan]:
    """The column's documents whose titles are not in `titles` yet (added)."""
    # One generator per column: a column added to the catalogue later
    # changes nothing in the others (titles are the idempotency key).
    rng = random.Random(f"gongkai-demo-{ctx.spec.key}-{column.slug}")
    plans: list[DocPlan] = []
    for n, template in enumerate(_templates_for(column)):
        year_hint = 2024 + n if template is ANNUAL_REPORT else None
        written, published, year = _dates(rng, template, year_hint)
        values = _title_values(ctx, column, rng, written, year)
        plan = _plan(ctx, column, template, (written, published), values)
        if plan.title in titles:
            continue
        titles.add(plan.title)
        plan.body = generated_body(rng, vocab, ctx, template, plan.title, written)
        if template.numbered:
            plan.doc_number = numbers.next(
                number_code(ctx.spec, template), written.year
            )
        plans.append(plan)
    return plans


def plan_for_organisation(
    ctx: OrgContext, vocab: Vocabulary, numbers: NumberBook
) -> list[DocPlan]:
    """Documents for every column of the organisation's catalogue."""
    plans: list[DocPlan] = []
    titles: set[str] = set()
    for column in ctx.columns:
        plans += _column_plans(ctx, column, vocab, numbers, titles)
    return plans
