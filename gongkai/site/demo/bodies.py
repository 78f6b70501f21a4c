"""The body text of generated documents, built from the seeds' own sentences."""

from __future__ import annotations

import html
import random
from collections.abc import Iterable
from datetime import date, timedelta

from gongkai.documents.models import ContentType, Genre

from .orgspec import OrgSpec
from .plan import OrgContext, cn_date
from .templates import GUIDE, Template
from .vocabulary import Vocabulary

NUMERALS = "一二三四五六七八九十"

ADDRESSEES = {
    "city_government": "各区、县人民政府，市人民政府各部门，各有关单位：",
    "city_office": "各区、县人民政府，市人民政府各部门：",
    "county_government": "各乡镇人民政府、街道办事处，政府各部门：",
    "township": "各村（居）民委员会，机关各办（所、站）：",
}

# (heading, number of sentences) of a 政策解读.
INTERPRETATION_PARTS = (("一、出台背景", 2), ("二、主要内容", 3), ("三、落实要求", 2))


def paragraphs_html(paragraphs: Iterable[str]) -> str:
    return "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)


def addressees(spec: OrgSpec) -> str:
    return ADDRESSEES.get(spec.kind, "各有关单位，机关各科室：")


def sections(rng: random.Random, vocab: Vocabulary, count: int) -> list[str]:
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


def _notice_paragraphs(
    rng: random.Random,
    vocab: Vocabulary,
    ctx: OrgContext,
    template: Template,
    written_on: date,
) -> list[str]:
    spec = ctx.spec
    opening = (
        f"为深入贯彻《中华人民共和国政府信息公开条例》，做好{ctx.place}"
        f"{spec.domain}相关工作，结合{ctx.scope[1:] or ctx.place}实际，"
        "现就有关事项通知如下："
    )
    paragraphs = [addressees(spec), opening, *sections(rng, vocab, rng.randint(3, 4))]
    if template.legal_form:
        paragraphs.append(
            f"本办法自{cn_date(written_on + timedelta(days=30))}起施行，有效期五年。"
        )
    return [*paragraphs, spec.name, cn_date(written_on)]


def generated_body(
    rng: random.Random,
    vocab: Vocabulary,
    ctx: OrgContext,
    template: Template,
    title: str,
    written_on: date,
) -> str:
    """The HTML body of a generated document."""
    extra_html = ""
    if template is GUIDE:
        paragraphs = _guide_paragraphs(ctx)
    elif template.genre == Genre.NOTICE:
        paragraphs = _notice_paragraphs(rng, vocab, ctx, template, written_on)
    else:
        opening = f"根据政府信息公开有关规定，现将{title}有关情况公布如下。"
        paragraphs = [opening, *sections(rng, vocab, rng.randint(2, 3))]
        if template.content_type == ContentType.STATISTICS:
            extra_html = _statistics_table(rng, ctx.spec.domain)
        paragraphs += [ctx.spec.name, cn_date(written_on)]
    return paragraphs_html(paragraphs) + extra_html


def policy_body(
    ctx: OrgContext, vocab: Vocabulary, rng: random.Random, day: date
) -> str:
    return paragraphs_html(
        [
            addressees(ctx.spec),
            "为持续优化政务环境，提高政策透明度和可预期性，结合本市实际，制定以下措施。",
            *sections(rng, vocab, 4),
            "本措施自印发之日起施行，有效期至2028年12月31日。",
            ctx.spec.name,
            cn_date(day),
        ]
    )


def interpretation_body(vocab: Vocabulary, rng: random.Random) -> str:
    paragraphs: list[str] = []
    for heading, count in INTERPRETATION_PARTS:
        paragraphs += [heading, "。".join(rng.sample(vocab.sentences, count)) + "。"]
    return paragraphs_html(paragraphs)
