"""What demo applicants ask for: descriptions by outcome, fictional people.

Descriptions name the organisation's own published documents (the seed
texts and the generated ones) or its field of work (`OrgSpec.domain`); the
outcome decides what kind of request it was (a petition, a query, a
request for something that does not exist…). Every name, number and
address here is invented.
"""

from __future__ import annotations

import random

from gongkai.applications.choices import Outcome

GENERAL = (
    "申请公开《{title}》的全文及附件。",
    "请提供《{title}》的正式文本，以及制定过程中公开征求意见的情况和采纳说明。",
    "申请公开{place}{year}年{domain}领域专项资金的分配方案、分配结果和使用情况。",
    "申请公开{place}{year}年{domain}方面重点项目的立项批复和验收材料。",
    "请提供贵机关{year}年{domain}工作相关的年度计划及完成情况报告。",
    "申请获取《{title}》所依据的上级文件和配套实施细则。",
)
BY_OUTCOME: dict[Outcome, tuple[str, ...]] = {
    Outcome.PARTLY_DISCLOSED: (
        "申请公开{place}{year}年{domain}领域行政处罚决定书，以及涉及企业的整改报告。",
        "请提供{place}某项目招标评审报告及中标单位的投标文件。",
    ),
    Outcome.WITHHELD_STATE_SECRET: (
        "申请公开{place}应急物资储备库的位置、数量和调拨预案。",
    ),
    Outcome.WITHHELD_PROHIBITED_BY_LAW: ("申请获取他人婚姻登记档案的全部内容。",),
    Outcome.WITHHELD_SECURITY_STABILITY: ("申请公开{place}重点目标安全防护部署方案。",),
    Outcome.WITHHELD_THIRD_PARTY: (
        "申请公开某企业向贵机关报送的财务审计报告和纳税明细。",
        "请提供相邻住户房屋登记信息及其身份信息。",
    ),
    Outcome.WITHHELD_INTERNAL_AFFAIRS: (
        "申请公开贵机关{year}年内部人事考核评分细则和会议纪要。",
    ),
    Outcome.WITHHELD_PROCESS_INFO: (
        "申请公开《{title}》起草过程中的内部讨论稿、请示和领导批示。",
        "请提供{place}{domain}规划调整的内部研究意见和会商记录。",
    ),
    Outcome.WITHHELD_ENFORCEMENT_FILE: (
        "申请公开对某商户行政处罚的全部执法案卷材料。",
    ),
    Outcome.WITHHELD_QUERY_MATTER: (
        "要求查询本人{year}年社会保险缴费记录和个人权益单。",
    ),
    Outcome.UNAVAILABLE_NOT_HELD: (
        "申请公开{place}高速铁路站选址的国家批复文件。",
        "请提供{year}年全省{domain}统计年鉴原始数据。",
    ),
    Outcome.UNAVAILABLE_NEEDS_CREATION: (
        "请按街道统计{place}近十年{domain}方面的投诉数量并制作对比分析表。",
    ),
    Outcome.UNAVAILABLE_UNCLEAR_AFTER_CORRECTION: (
        "申请公开“有关那个项目的所有文件”。",
    ),
    Outcome.NOT_PROCESSED_PETITION: (
        "反映小区周边施工噪声扰民，要求责令施工单位停工整改。",
        "投诉某单位工作人员服务态度差，要求给予处理并答复。",
    ),
    Outcome.NOT_PROCESSED_DUPLICATE: ("再次申请公开《{title}》的全文（此前已答复）。",),
    Outcome.NOT_PROCESSED_PUBLICATION: ("请提供《{place}年鉴（{year}）》一册。",),
    Outcome.NOT_PROCESSED_EXCESSIVE: (
        "申请公开贵机关{year}年所有收文、发文的目录及全文。",
    ),
    Outcome.NOT_PROCESSED_CONFIRMATION: (
        "请对已获取的《{title}》复印件加盖公章，确认与原件一致。",
    ),
}
PURPOSES = ("", "", "学术研究", "了解相关政策", "维护自身合法权益", "企业经营参考")
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = ("建国", "秀英", "志强", "丽娟", "海燕", "明华", "晓东", "桂兰", "俊杰", "雪梅")
COMPANIES = (
    ("鹤城市青禾商贸有限公司", "commercial_enterprise"),
    ("鹤城市启明律师事务所", "legal_service_org"),
    ("鹤城学院城市治理研究中心", "research_institution"),
    ("鹤城市绿源环保公益服务中心", "social_welfare_org"),
    ("鹤城市南湖区湖滨社区居民委员会", "other_org"),
)


def description(
    rng: random.Random,
    outcome: Outcome | None,
    *,
    titles: list[str],
    place: str,
    domain: str,
    year: int,
) -> tuple[str, str]:
    """(description, document title asked for, '' when none)."""
    choices = BY_OUTCOME.get(outcome) if outcome is not None else None
    template = rng.choice(choices or GENERAL)
    title = rng.choice(titles) if titles and "{title}" in template else ""
    if "{title}" in template and not title:
        template, title = GENERAL[2], ""
    text = template.format(title=title, place=place, domain=domain, year=year)
    return text, title


def person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)
