"""What a generated document in each catalogue column looks like.

One `Template` per column kind or 法定主动公开内容 item: a title pattern and
the metadata such a document carries on a real platform. Placeholders:
{org} full name, {short} short name, {scope} 全市/全区/全县/全镇…, {place}
鹤城市/南湖区…, {domain} what the organisation works on, {year}, {prev}
(year − 1), {q} quarter, {month}, {n}, {social} a livelihood topic.
"""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.documents.models import ContentType, Genre, LegalForm

C = ContentType
G = Genre


@dataclass(frozen=True)
class Template:
    title: str
    content_type: str
    genre: str = ""
    legal_form: str = ""
    numbered: bool = False  # carries a 发文字号
    number_infix: str = ""  # 鹤教 + 规 → 鹤教规〔2025〕3号
    topic: str = ""  # "一级\\二级"; empty: the organisation's own topic
    summary: str = "{title}。"


GUIDE = Template(
    "{org}政府信息公开指南",
    C.GUIDE,
    topic="综合政务\\政务公开",
    summary="介绍{org}主动公开和依申请公开政府信息的范围、方式、程序及监督渠道。",
)
REGULATION = Template(
    "{org}关于印发《{short}政府信息公开工作制度》的通知",
    C.REGULATION,
    G.NOTICE,
    numbered=True,
    topic="综合政务\\政务公开",
    summary="规范{short}政府信息公开的公开属性认定、保密审查、发布和依申请公开办理流程。",
)
ANNUAL_REPORT = Template(
    "{org}{prev}年政府信息公开工作年度报告",
    C.ANNUAL_REPORT,
    G.REPORT,
    topic="综合政务\\政务公开",
    summary="依据《中华人民共和国政府信息公开条例》第五十条，报告{org}{prev}年政府信息公开工作情况。",
)
ON_APPLICATION = Template(
    "{org}依申请公开政府信息办理流程",
    C.GUIDE,
    topic="综合政务\\政务公开",
    summary="说明向{org}申请获取政府信息的渠道、申请内容、答复期限和收费规定。",
)

STATUTORY: dict[str, tuple[Template, ...]] = {
    "art20_01": (
        Template(
            "{org}关于印发《{place}{domain}领域行政规范性文件管理办法》的通知",
            C.MEASURES,
            G.NOTICE,
            LegalForm.NORMATIVE_DOCUMENT,
            numbered=True,
            number_infix="规",
            summary="规范{place}{domain}领域行政规范性文件的起草、审核、公布和清理。",
        ),
    ),
    "art20_02": (
        Template(
            "{org}机构职能及领导信息",
            C.OTHER,
            summary="{org}的主要职能、内设机构、办公地址、办公时间、联系方式和负责人姓名。",
        ),
    ),
    "art20_03": (
        Template(
            "{place}{domain}发展“十四五”规划实施情况中期评估报告",
            C.PLAN,
            G.REPORT,
            summary="评估{place}{domain}发展“十四五”规划主要指标和重点任务的完成情况。",
        ),
    ),
    "art20_04": (
        Template(
            "{year}年{month}月{place}{domain}主要统计数据",
            C.STATISTICS,
            topic="国民经济管理、国有资产监管\\统计",
        ),
    ),
    "art20_05": (
        Template("{year}年第{q}季度{short}行政许可及服务事项办理结果公示", C.OTHER),
    ),
    "art20_06": (Template("{short}{year}年行政处罚决定信息公示（第{n}批）", C.OTHER),),
    "art20_07": (
        Template(
            "{org}{year}年部门预算",
            C.BUDGET,
            topic="财政、金融、审计\\财政",
            summary="{org}{year}年收支预算总表、财政拨款支出表及“三公”经费预算情况。",
        ),
        Template(
            "{org}{prev}年部门决算",
            C.BUDGET,
            topic="财政、金融、审计\\财政",
            summary="{org}{prev}年收支决算总表、财政拨款支出决算表及“三公”经费支出情况。",
        ),
    ),
    "art20_08": (
        Template(
            "{short}行政事业性收费项目目录清单（{year}年版）",
            C.OTHER,
            topic="国民经济管理、国有资产监管\\物价",
        ),
    ),
    "art20_09": (
        Template(
            "{short}{year}年政府集中采购项目实施情况",
            C.OTHER,
            topic="财政、金融、审计\\财政",
        ),
    ),
    "art20_10": (
        Template(
            "{place}{year}年{domain}重点建设项目批准和实施情况",
            C.WORK_REPORT,
            topic="国民经济管理、国有资产监管\\重大建设项目",
        ),
    ),
    "art20_11": (
        Template(
            "{org}关于做好{year}年{social}工作的通知",
            C.POLICY,
            G.NOTICE,
            numbered=True,
        ),
    ),
    "art20_12": (
        Template(
            "{org}突发事件应急预案（{year}年修订）",
            C.PROGRAMME,
            topic="综合政务\\应急管理",
        ),
    ),
    "art20_13": (
        Template(
            "{year}年第{q}季度{place}{domain}领域监督检查情况通报",
            C.OTHER,
            G.CIRCULAR,
            numbered=True,
            topic="市场监管、安全生产监管\\安全生产监管",
        ),
    ),
    "art20_14": (
        Template(
            "{short}{year}年度考试录用公务员拟录用人员公示",
            C.OTHER,
            G.ANNOUNCEMENT,
            topic="劳动、人事、监察\\人事工作",
        ),
    ),
    "art20_15": (
        Template(
            "{org}关于印发《{short}{year}年政务公开工作要点》的通知",
            C.PROGRAMME,
            G.NOTICE,
            numbered=True,
            topic="综合政务\\政务公开",
        ),
    ),
    "art21_city": (
        Template(
            "{place}{year}年民生实事项目推进情况",
            C.WORK_REPORT,
            topic="城乡建设、环境保护\\城乡建设（含住房）",
        ),
    ),
    "art21_township": (
        Template(
            "{short}{year}年农村土地承包经营权流转及宅基地审批情况公示",
            C.OTHER,
            topic="农业、林业、水利\\农业、畜牧业、渔业",
        ),
    ),
}

FALLBACK = Template("{short}{year}年{column}信息", C.OTHER)

# The organisation's own topic, by its domain (organisations.OrgSpec.domain).
DOMAIN_TOPICS: dict[str, str] = {
    "经济社会发展": "综合政务\\其他",
    "政务公开": "综合政务\\政务公开",
    "发展改革": "国民经济管理、国有资产监管\\宏观经济",
    "教育": "科技、教育\\教育",
    "民政": "民政、扶贫、救灾\\社会福利",
    "法治政府建设": "公安、安全、司法\\司法",
    "财政": "财政、金融、审计\\财政",
    "就业和社会保障": "劳动、人事、监察\\劳动就业",
    "自然资源和规划": "国土资源、能源\\土地",
    "生态环境": "城乡建设、环境保护\\环境监测、保护与治理",
    "住房和城乡建设": "城乡建设、环境保护\\城乡建设（含住房）",
    "交通运输": "工业、交通\\公路",
    "农业农村": "农业、林业、水利\\农业、畜牧业、渔业",
    "卫生健康": "卫生、体育\\卫生",
    "市场监管": "市场监管、安全生产监管\\食品药品监管",
    "基层治理": "民政、扶贫、救灾\\其他",
}

SOCIAL_TOPICS: dict[str, str] = {
    "教育": "义务教育招生入学",
    "民政": "困难群众基本生活保障",
    "就业和社会保障": "高校毕业生就业创业",
    "卫生健康": "基本公共卫生服务",
    "农业农村": "巩固拓展脱贫攻坚成果",
    "住房和城乡建设": "城镇老旧小区改造",
    "财政": "惠民惠农财政补贴资金发放",
    "基层治理": "城乡低保和特困人员救助",
}
DEFAULT_SOCIAL = "稳就业保民生"
