"""The documents the demo holds, as plain data (no database writes here).

Everything is decided by a random generator seeded per organisation, so the
plan is the same on every run and on every machine; the loader creates only
the planned documents whose title does not exist yet in their organisation.
"""

from __future__ import annotations

import html
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from gongkai.documents.models import (
    ContentType,
    DocumentStatus,
    Genre,
    LegalForm,
    SupersedeEffect,
    Validity,
)

from .organisations import DEMO_CITY, OrgSpec
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

FIRST_DAY = date(2024, 1, 2)
LAST_DAY = date(2026, 11, 13)
NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class ColumnRef:
    """A catalogue column, by what it is rather than by database id."""

    slug: str
    name: str
    kind: str
    statutory_item: str


@dataclass
class DocPlan:
    org_key: int
    column_slug: str
    title: str
    written_on: date
    published_on: date | None  # None: stays in the back office
    content_type: str
    topic: str = ""  # "一级\\二级"
    genre: str = ""
    legal_form: str = ""
    doc_number: str = ""
    effective_on: date | None = None
    expires_on: date | None = None
    validity: str = Validity.IN_FORCE
    statutory_item: str = ""
    keywords: str = ""
    summary: str = ""
    body: str = ""
    needs_interpretation: bool = False
    status: str = DocumentStatus.PUBLISHED
    return_reason: str = ""
    interprets: str = ""  # title of the policy this interpretation explains
    supersedes: str = ""  # title of the document this one amends/repeals
    supersede_effect: str = ""
    editor: str = ""  # username; empty: the loader account
    reviewer: str = ""
    traditional: bool = False
    seed_source: str = ""


@dataclass
class OrgContext:
    spec: OrgSpec
    columns: list[ColumnRef]
    scope: str  # 全市 / 全区 / 全县 / 全镇 …
    place: str  # 鹤城市 / 南湖区 / 龙泉镇 …
    contact: dict[str, str] = field(default_factory=dict)


def weekday_on_or_after(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def add_weekdays(day: date, n: int) -> date:
    while n > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def random_day(
    rng: random.Random, start: date = FIRST_DAY, end: date = LAST_DAY
) -> date:
    return weekday_on_or_after(
        start + timedelta(days=rng.randrange((end - start).days))
    )


def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


class NumberBook:
    """发文字号 serials per 机关代字 and year, with realistic gaps."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.last: dict[tuple[str, int], int] = {}

    def next(self, code: str, year: int) -> str:
        serial = self.last.get((code, year), 0) + self.rng.randint(1, 6)
        self.last[(code, year)] = serial
        return f"{code}〔{year}〕{serial}号"


def number_code(spec: OrgSpec, template: Template) -> str:
    if spec.kind in ("city_government", "county_government"):
        return spec.code + (template.number_infix or "发")
    if template.genre == Genre.LETTER:
        return spec.code + "函"
    return spec.code + template.number_infix


# --- bodies -------------------------------------------------------------


def _addressees(spec: OrgSpec) -> str:
    return {
        "city_government": "各区、县人民政府，市人民政府各部门，各有关单位：",
        "city_office": "各区、县人民政府，市人民政府各部门：",
        "county_government": "各乡镇人民政府、街道办事处，政府各部门：",
        "township": "各村（居）民委员会，机关各办（所、站）：",
    }.get(spec.kind, "各有关单位，机关各科室：")


def _sections(rng: random.Random, vocab: Vocabulary, count: int) -> list[str]:
    headings = rng.sample(vocab.headings, k=min(count, len(vocab.headings)))
    paragraphs: list[str] = []
    for n, heading in enumerate(headings):
        paragraphs.append(f"{NUMERALS[n]}、{heading}")
        sentences = rng.sample(vocab.sentences, k=rng.randint(2, 3))
        paragraphs.append("。".join(sentences) + "。")
    return paragraphs


def _statistics_table(rng: random.Random, domain: str) -> str:
    rows = "".join(
        f"<tr><td>{name}</td><td>{rng.randint(80, 9800)}</td>"
        f"<td>{rng.uniform(-4.5, 12.5):.1f}</td></tr>"
        for name in (
            f"{domain}主要业务量",
            "办件总数（件）",
            "网上办理（件）",
            "群众满意率（‰）",
        )
    )
    return (
        "<table><thead><tr><th>指标</th><th>本期</th><th>同比增长（%）</th></tr>"
        f"</thead><tbody>{rows}</tbody></table>"
    )


def _guide_paragraphs(ctx: OrgContext) -> list[str]:
    c = ctx.contact
    return [
        "为更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》"
        f"第十二条，编制本指南。本指南每年更新一次，公众可在{ctx.spec.name}"
        "政府信息公开专栏查阅。",
        "一、主动公开",
        "主动公开的范围为本机关主动公开目录所列信息；主要通过政府网站政府信息公开专栏、"
        "政府公报、新闻发布会以及档案馆、公共图书馆和政务服务场所的查阅点公开，"
        "自信息形成或者变更之日起20个工作日内予以公开。",
        "二、依申请公开",
        "公民、法人或者其他组织可以通过网上申请、当面申请、邮寄申请、传真申请等方式，"
        "向本机关提出政府信息公开申请。能够当场答复的当场答复；不能当场答复的，"
        "自收到申请之日起20个工作日内予以答复，需要延长的经负责人同意可延长不超过20个工作日。",
        "三、受理机构",
        f"机构名称：{c.get('office_name', '')}；办公地址：{c.get('office_address', '')}；"
        f"办公时间：{c.get('office_hours', '')}；联系电话：{c.get('office_phone', '')}；"
        f"传真：{c.get('office_fax', '')}；电子邮箱：{c.get('office_email', '')}；"
        f"邮政编码：{c.get('office_postal_code', '')}。",
        "四、监督和救济",
        "公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，"
        "可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，"
        "也可以依法申请行政复议或者提起行政诉讼。",
    ]


def _body(
    rng: random.Random,
    vocab: Vocabulary,
    ctx: OrgContext,
    template: Template,
    title: str,
    written_on: date,
) -> tuple[str, str]:
    """(HTML body, first sentence) for a generated document."""
    spec = ctx.spec
    extra_html = ""
    if template is GUIDE:
        paragraphs = _guide_paragraphs(ctx)
    elif template.genre == Genre.NOTICE:
        opening = (
            f"为深入贯彻《中华人民共和国政府信息公开条例》，做好{ctx.place}"
            f"{spec.domain}相关工作，结合{ctx.scope[1:] or ctx.place}实际，"
            "现就有关事项通知如下："
        )
        paragraphs = [
            _addressees(spec),
            opening,
            *_sections(rng, vocab, rng.randint(3, 4)),
        ]
        if template.legal_form:
            paragraphs.append(
                f"本办法自{cn_date(written_on + timedelta(days=30))}起施行，有效期五年。"
            )
        paragraphs += [spec.name, cn_date(written_on)]
    else:
        opening = f"根据政府信息公开有关规定，现将{title}有关情况公布如下。"
        paragraphs = [opening, *_sections(rng, vocab, rng.randint(2, 3))]
        if template.content_type == ContentType.STATISTICS:
            extra_html = _statistics_table(rng, spec.domain)
        paragraphs += [spec.name, cn_date(written_on)]
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return body + extra_html, paragraphs[1] if len(paragraphs) > 1 else paragraphs[0]


# --- the plan for one organisation --------------------------------------


def _templates_for(column: ColumnRef) -> list[Template]:
    if column.kind == "guide":
        return [GUIDE]
    if column.kind == "regulation":
        return [REGULATION]
    if column.kind == "annual_report":
        return [ANNUAL_REPORT, ANNUAL_REPORT]
    if column.kind == "on_application":
        return [ON_APPLICATION]
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


def plan_for_organisation(
    ctx: OrgContext, vocab: Vocabulary, numbers: NumberBook
) -> list[DocPlan]:
    spec = ctx.spec
    plans: list[DocPlan] = []
    titles: set[str] = set()
    for column in ctx.columns:
        # One generator per column: a column added to the catalogue later
        # changes nothing in the others (titles are the idempotency key).
        rng = random.Random(f"gongkai-demo-{spec.key}-{column.slug}")
        for n, template in enumerate(_templates_for(column)):
            year_hint = 2024 + n if template is ANNUAL_REPORT else None
            written, published, year = _dates(rng, template, year_hint)
            values = {
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
            title = template.title.format(**values)
            if title in titles:
                continue
            titles.add(title)
            body, _ = _body(rng, vocab, ctx, template, title, written)
            plan = DocPlan(
                org_key=spec.key,
                column_slug=column.slug,
                title=title,
                written_on=written,
                published_on=published,
                content_type=template.content_type,
                topic=template.topic
                or DOMAIN_TOPICS.get(spec.domain, "综合政务\\其他"),
                genre=template.genre,
                legal_form=template.legal_form,
                statutory_item=column.statutory_item,
                keywords=f"{spec.domain} {column.name}"[:60],
                summary=template.summary.format(title=title, **values),
                body=body,
            )
            if template.numbered:
                plan.doc_number = numbers.next(
                    number_code(spec, template), written.year
                )
            if template.legal_form == LegalForm.NORMATIVE_DOCUMENT:
                plan.effective_on = written + timedelta(days=30)
            plans.append(plan)
    return plans


# --- special documents: workflow examples -------------------------------


def _policy_body(
    ctx: OrgContext, vocab: Vocabulary, rng: random.Random, day: date
) -> str:
    paragraphs = [
        _addressees(ctx.spec),
        "为持续优化政务环境，提高政策透明度和可预期性，结合本市实际，制定以下措施。",
        *_sections(rng, vocab, 4),
        "本措施自印发之日起施行，有效期至2028年12月31日。",
        ctx.spec.name,
        cn_date(day),
    ]
    return "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)


def special_plans(
    city: OrgContext, county_dept: OrgContext, vocab: Vocabulary, today: date
) -> list[DocPlan]:
    """The supersede pair, the interpretation pair, expired and back-office work."""
    rng = random.Random("gongkai-demo-special")
    statutory_01 = next(
        (c.slug for c in city.columns if c.statutory_item == "art20_01"),
        city.columns[0].slug,
    )
    policy_title = f"{DEMO_CITY}人民政府关于进一步推进政务公开标准化规范化的若干措施"
    old_rules = f"{DEMO_CITY}政府信息公开保密审查办法"
    plans = [
        # A normative document later repealed by its revision (supersede pair).
        DocPlan(
            org_key=city.spec.key,
            column_slug=statutory_01,
            title=old_rules,
            written_on=date(2024, 3, 12),
            published_on=date(2024, 3, 14),
            effective_on=date(2024, 4, 15),
            content_type=ContentType.MEASURES,
            topic="综合政务\\保密工作",
            genre=Genre.NOTICE,
            legal_form=LegalForm.NORMATIVE_DOCUMENT,
            doc_number="鹤政规〔2024〕2号",
            statutory_item="art20_01",
            keywords="保密审查 政府信息公开",
            summary="规定政府信息公开前保密审查的主体、程序和责任。",
            body=_policy_body(city, vocab, rng, date(2024, 3, 12)),
        ),
        DocPlan(
            org_key=city.spec.key,
            column_slug=statutory_01,
            title=f"{old_rules}（2025年修订）",
            written_on=date(2025, 6, 9),
            published_on=date(2025, 6, 11),
            effective_on=date(2025, 7, 1),
            content_type=ContentType.MEASURES,
            topic="综合政务\\保密工作",
            genre=Genre.NOTICE,
            legal_form=LegalForm.NORMATIVE_DOCUMENT,
            doc_number="鹤政规〔2025〕4号",
            statutory_item="art20_01",
            keywords="保密审查 政府信息公开 修订",
            summary=f"修订后的保密审查办法，自2025年7月1日起施行，原《{old_rules}》同时废止。",
            body=_policy_body(city, vocab, rng, date(2025, 6, 9)),
            supersedes=old_rules,
            supersede_effect=SupersedeEffect.REPEALED,
        ),
        # A normative document whose fixed term has run out.
        DocPlan(
            org_key=city.spec.key,
            column_slug=statutory_01,
            title=f"{DEMO_CITY}2024—2025年政务公开专项考核实施办法",
            written_on=date(2024, 2, 20),
            published_on=date(2024, 2, 22),
            effective_on=date(2024, 3, 1),
            expires_on=date(2025, 12, 31),
            validity=Validity.INVALID,
            content_type=ContentType.MEASURES,
            topic="综合政务\\政务督查",
            genre=Genre.NOTICE,
            legal_form=LegalForm.NORMATIVE_DOCUMENT,
            doc_number="鹤政规〔2024〕1号",
            statutory_item="art20_01",
            keywords="考核 政务公开",
            summary="有效期至2025年12月31日，已失效。",
            body=_policy_body(city, vocab, rng, date(2024, 2, 20)),
        ),
        # Published 9 working days after it was signed: later than the local
        # 5-working-day limit for normative documents, so the dashboard flags it.
        DocPlan(
            org_key=city.spec.key,
            column_slug=statutory_01,
            title=f"{DEMO_CITY}政务数据共享管理办法",
            written_on=date(2025, 9, 1),
            published_on=date(2025, 9, 12),
            effective_on=date(2025, 10, 1),
            content_type=ContentType.MEASURES,
            topic="综合政务\\电子政务",
            genre=Genre.NOTICE,
            legal_form=LegalForm.NORMATIVE_DOCUMENT,
            doc_number="鹤政规〔2025〕6号",
            statutory_item="art20_01",
            keywords="政务数据 共享",
            summary="规范政务数据目录编制、共享申请、使用和安全管理。",
            body=_policy_body(city, vocab, rng, date(2025, 9, 1)),
        ),
        # A policy that needs its interpretation, published together with it.
        DocPlan(
            org_key=city.spec.key,
            column_slug=statutory_01,
            title=policy_title,
            written_on=date(2026, 3, 16),
            published_on=date(2026, 3, 18),
            effective_on=date(2026, 3, 18),
            content_type=ContentType.POLICY,
            topic="综合政务\\政务公开",
            genre=Genre.OPINION,
            legal_form=LegalForm.NORMATIVE_DOCUMENT,
            doc_number="鹤政规〔2026〕1号",
            statutory_item="art20_01",
            keywords="政务公开 标准化 规范化",
            summary="从公开目录、公开属性认定、政策解读和基层公开四个方面提出措施。",
            body=_policy_body(city, vocab, rng, date(2026, 3, 16)),
            needs_interpretation=True,
        ),
        DocPlan(
            org_key=city.spec.key,
            column_slug=statutory_01,
            title=f"《{policy_title}》政策解读",
            written_on=date(2026, 3, 16),
            published_on=date(2026, 3, 18),
            content_type=ContentType.INTERPRETATION,
            topic="综合政务\\政务公开",
            statutory_item="art20_01",
            keywords="政策解读 政务公开",
            summary="解读措施出台的背景、主要内容和落实要求。",
            body="\n".join(
                f"<p>{html.escape(p)}</p>"
                for p in (
                    "一、出台背景",
                    "。".join(rng.sample(vocab.sentences, 2)) + "。",
                    "二、主要内容",
                    "。".join(rng.sample(vocab.sentences, 3)) + "。",
                    "三、落实要求",
                    "。".join(rng.sample(vocab.sentences, 2)) + "。",
                )
            ),
            interprets=policy_title,
        ),
    ]
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
    column = next(
        (c.slug for c in ctx.columns if c.statutory_item == "art20_15"),
        ctx.columns[0].slug,
    )
    year = LAST_DAY.year
    work = [
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
    ]
    plans = []
    for n, (pattern, status, reason) in enumerate(work):
        written = min(today, date(year, 11, 3 + n * 2))
        plans.append(
            DocPlan(
                org_key=ctx.spec.key,
                column_slug=column,
                title=pattern.format(short=ctx.spec.short_name, year=year),
                written_on=written,
                published_on=None,
                content_type=ContentType.PROGRAMME,
                topic="综合政务\\政务公开",
                genre=Genre.NOTICE if "通知" in pattern else "",
                statutory_item="art20_15",
                keywords="政务公开",
                summary="待审核的工作文件。",
                body="\n".join(
                    f"<p>{html.escape(p)}</p>" for p in _sections(rng, vocab, 2)
                ),
                status=status,
                return_reason=reason,
                editor=editor,
                reviewer=reviewer,
            )
        )
    return plans
