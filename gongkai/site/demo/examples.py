"""Workflow examples and back-office work, as plain data.

At 鹤城市人民政府: a normative document repealed by its revision (supersede
pair), one whose fixed term has run out, one published late, and a policy
published together with its interpretation. At 鹤城市人民政府 and at one
county department: drafts, submissions, a returned and an approved document.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import date
from typing import Any

from gongkai.documents.models import (
    ContentType,
    DocumentStatus,
    Genre,
    LegalForm,
    SupersedeEffect,
    Validity,
)

from .bodies import interpretation_body, paragraphs_html, policy_body, sections
from .orgspec import DEMO_CITY
from .plan import LAST_DAY, DocPlan, OrgContext
from .vocabulary import Vocabulary

OLD_RULES = f"{DEMO_CITY}政府信息公开保密审查办法"
POLICY = f"{DEMO_CITY}人民政府关于进一步推进政务公开标准化规范化的若干措施"

# What the city's normative examples share; each row says what differs.
NORMATIVE: Mapping[str, Any] = {
    "content_type": ContentType.MEASURES,
    "genre": Genre.NOTICE,
    "legal_form": LegalForm.NORMATIVE_DOCUMENT,
    "statutory_item": "art20_01",
}

CITY_RULES: tuple[Mapping[str, Any], ...] = (
    # A normative document later repealed by its revision (supersede pair).
    {
        "title": OLD_RULES,
        "written_on": date(2024, 3, 12),
        "published_on": date(2024, 3, 14),
        "effective_on": date(2024, 4, 15),
        "topic": "综合政务\\保密工作",
        "doc_number": "鹤政规〔2024〕2号",
        "keywords": "保密审查 政府信息公开",
        "summary": "规定政府信息公开前保密审查的主体、程序和责任。",
    },
    {
        "title": f"{OLD_RULES}（2025年修订）",
        "written_on": date(2025, 6, 9),
        "published_on": date(2025, 6, 11),
        "effective_on": date(2025, 7, 1),
        "topic": "综合政务\\保密工作",
        "doc_number": "鹤政规〔2025〕4号",
        "keywords": "保密审查 政府信息公开 修订",
        "summary": f"修订后的保密审查办法，自2025年7月1日起施行，原《{OLD_RULES}》同时废止。",
        "supersedes": OLD_RULES,
        "supersede_effect": SupersedeEffect.REPEALED,
    },
    # A normative document whose fixed term has run out.
    {
        "title": f"{DEMO_CITY}2024—2025年政务公开专项考核实施办法",
        "written_on": date(2024, 2, 20),
        "published_on": date(2024, 2, 22),
        "effective_on": date(2024, 3, 1),
        "expires_on": date(2025, 12, 31),
        "validity": Validity.INVALID,
        "topic": "综合政务\\政务督查",
        "doc_number": "鹤政规〔2024〕1号",
        "keywords": "考核 政务公开",
        "summary": "有效期至2025年12月31日，已失效。",
    },
    # Published 9 working days after it was signed: later than the local
    # 5-working-day limit for normative documents, so the dashboard flags it.
    {
        "title": f"{DEMO_CITY}政务数据共享管理办法",
        "written_on": date(2025, 9, 1),
        "published_on": date(2025, 9, 12),
        "effective_on": date(2025, 10, 1),
        "topic": "综合政务\\电子政务",
        "doc_number": "鹤政规〔2025〕6号",
        "keywords": "政务数据 共享",
        "summary": "规范政务数据目录编制、共享申请、使用和安全管理。",
    },
    # A policy that needs its interpretation, published together with it.
    {
        "title": POLICY,
        "written_on": date(2026, 3, 16),
        "published_on": date(2026, 3, 18),
        "effective_on": date(2026, 3, 18),
        "content_type": ContentType.POLICY,
        "genre": Genre.OPINION,
        "topic": "综合政务\\政务公开",
        "doc_number": "鹤政规〔2026〕1号",
        "keywords": "政务公开 标准化 规范化",
        "summary": "从公开目录、公开属性认定、政策解读和基层公开四个方面提出措施。",
        "needs_interpretation": True,
    },
)

INTERPRETATION: Mapping[str, Any] = {
    "title": f"《{POLICY}》政策解读",
    "written_on": date(2026, 3, 16),
    "published_on": date(2026, 3, 18),
    "content_type": ContentType.INTERPRETATION,
    "topic": "综合政务\\政务公开",
    "statutory_item": "art20_01",
    "keywords": "政策解读 政务公开",
    "summary": "解读措施出台的背景、主要内容和落实要求。",
    "interprets": POLICY,
}

# (title pattern, status, reason it was returned): back-office work waiting.
BACKLOG = (
    ("关于开展{year}年政务公开第三方评估工作的通知", DocumentStatus.DRAFT, ""),
    ("{short}{year}年第四季度政务公开工作安排", DocumentStatus.DRAFT, ""),
    ("关于调整{short}主动公开基本目录的通知", DocumentStatus.SUBMITTED, ""),
    ("{short}政务新媒体管理办法（征求意见稿）", DocumentStatus.SUBMITTED, ""),
    (
        "{short}网站内容保障工作情况的报告",
        DocumentStatus.RETURNED,
        "第三部分引用的统计数据未注明来源，请补充数据来源并核对后重新提交。",
    ),
    ("{short}{year}年政务公开培训工作方案", DocumentStatus.APPROVED, ""),
)


def special_plans(
    city: OrgContext, county_dept: OrgContext, vocab: Vocabulary, today: date
) -> list[DocPlan]:
    """The supersede pair, the interpretation pair, expired and back-office work."""
    rng = random.Random("gongkai-demo-special")
    column = city.column_for("art20_01")
    plans = [
        DocPlan(
            org_key=city.spec.key,
            column_slug=column,
            body=policy_body(city, vocab, rng, row["written_on"]),
            **{**NORMATIVE, **row},
        )
        for row in CITY_RULES
    ]
    plans.append(
        DocPlan(
            org_key=city.spec.key,
            column_slug=column,
            body=interpretation_body(vocab, rng),
            **INTERPRETATION,
        )
    )
    plans += _backlog(city, "hc_editor", "hc_reviewer", vocab, today, rng)
    plans += _backlog(county_dept, "nh_editor", "nh_reviewer", vocab, today, rng)
    return plans


def _backlog(
    ctx: OrgContext,
    editor: str,
    reviewer: str,
    vocab: Vocabulary,
    today: date,
    rng: random.Random,
) -> list[DocPlan]:
    """Drafts, submissions and a returned document for the back office."""
    column = ctx.column_for("art20_15")
    year = LAST_DAY.year
    return [
        DocPlan(
            org_key=ctx.spec.key,
            column_slug=column,
            title=pattern.format(short=ctx.spec.short_name, year=year),
            written_on=min(today, date(year, 11, 3 + n * 2)),
            published_on=None,
            content_type=ContentType.PROGRAMME,
            topic="综合政务\\政务公开",
            genre=Genre.NOTICE if "通知" in pattern else "",
            statutory_item="art20_15",
            keywords="政务公开",
            summary="待审核的工作文件。",
            body=paragraphs_html(sections(rng, vocab, 2)),
            status=status,
            return_reason=reason,
            editor=editor,
            reviewer=reviewer,
        )
        for n, (pattern, status, reason) in enumerate(BACKLOG)
    ]
