"""Closed vocabularies of the document metadata (spec §5)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    SUBMITTED = "submitted", _("待审核")
    RETURNED = "returned", _("已退文")
    APPROVED = "approved", _("审核通过")
    PUBLISHED = "published", _("已发布")
    WITHDRAWN = "withdrawn", _("已撤回")
    SUPERSEDED = "superseded", _("已被替代")


class Genre(models.TextChoices):
    """The 15 公文种类 of 《党政机关公文处理工作条例》 Art 8."""

    RESOLUTION = "resolution", _("决议")
    DECISION = "decision", _("决定")
    ORDER = "order", _("命令（令）")
    COMMUNIQUE = "communique", _("公报")
    ANNOUNCEMENT = "announcement", _("公告")
    PUBLIC_NOTICE = "public_notice", _("通告")
    OPINION = "opinion", _("意见")
    NOTICE = "notice", _("通知")
    CIRCULAR = "circular", _("通报")
    REPORT = "report", _("报告")
    REQUEST = "request", _("请示")
    REPLY = "reply", _("批复")
    MOTION = "motion", _("议案")
    LETTER = "letter", _("函")
    MINUTES = "minutes", _("纪要")


class ContentType(models.TextChoices):
    POLICY = "policy", _("政策文件")
    PLAN = "plan", _("规划计划")
    PROGRAMME = "programme", _("工作方案")
    MEASURES = "measures", _("办法细则")
    INTERPRETATION = "interpretation", _("政策解读")
    GRAPHIC = "graphic", _("图解")
    STATISTICS = "statistics", _("统计数据")
    WORK_REPORT = "work_report", _("工作报告")
    SPEECH = "speech", _("领导讲话")
    BUDGET = "budget", _("财政预决算")
    ANNUAL_REPORT = "annual_report", _("年度报告")
    GUIDE = "guide", _("公开指南")
    REGULATION = "regulation", _("公开制度")
    NEWS = "news", _("工作动态")
    OTHER = "other", _("其他")


class LegalForm(models.TextChoices):
    """Whether the document is a rule or a normative document (Table 2)."""

    NONE = "", _("一般文件")
    RULE = "rule", _("规章")
    NORMATIVE_DOCUMENT = "normative_document", _("行政规范性文件")


class Validity(models.TextChoices):
    IN_FORCE = "in_force", _("有效")
    AMENDED = "amended", _("已修改")
    PARTLY_INVALID = "partly_invalid", _("部分失效")
    INVALID = "invalid", _("失效")
    REPEALED = "repealed", _("废止")
    NOT_YET_IN_FORCE = "not_yet_in_force", _("尚未生效")


class Disclosure(models.TextChoices):
    PROACTIVE = "proactive", _("主动公开")
    ON_APPLICATION = "on_application", _("依申请公开")
    NOT_DISCLOSED = "not_disclosed", _("不予公开")


class StatutoryItem(models.TextChoices):
    """条例第二十条 items 1–15 and the 第二十一条 local items."""

    ART20_01 = "art20_01", _("（一）行政法规、规章和规范性文件")
    ART20_02 = (
        "art20_02",
        _("（二）机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名"),
    )
    ART20_03 = (
        "art20_03",
        _("（三）国民经济和社会发展规划、专项规划、区域规划及相关政策"),
    )
    ART20_04 = "art20_04", _("（四）国民经济和社会发展统计信息")
    ART20_05 = "art20_05", _("（五）行政许可及其他对外管理服务事项")
    ART20_06 = "art20_06", _("（六）行政处罚、行政强制")
    ART20_07 = "art20_07", _("（七）财政预算、决算信息")
    ART20_08 = "art20_08", _("（八）行政事业性收费项目及其依据、标准")
    ART20_09 = "art20_09", _("（九）政府集中采购项目")
    ART20_10 = "art20_10", _("（十）重大建设项目的批准和实施情况")
    ART20_11 = (
        "art20_11",
        _("（十一）扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况"),
    )
    ART20_12 = "art20_12", _("（十二）突发公共事件的应急预案、预警信息及应对情况")
    ART20_13 = (
        "art20_13",
        _("（十三）环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况"),
    )
    ART20_14 = (
        "art20_14",
        _("（十四）公务员招考的职位、名额、报考条件等事项以及录用结果"),
    )
    ART20_15 = (
        "art20_15",
        _("（十五）法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息"),
    )
    ART21_CITY = (
        "art21_city",
        _(
            "第二十一条：市政建设、公共服务、公益事业、土地征收、房屋征收、治安管理、社会救助"
        ),
    )
    ART21_TOWNSHIP = (
        "art21_township",
        _(
            "第二十一条：乡（镇）农业农村政策、农田水利、土地承包经营权流转、宅基地、征收、筹资筹劳、社会救助"
        ),
    )


class SupersedeEffect(models.TextChoices):
    """What an amending document does to the one it supersedes (spec §5.5)."""

    AMENDED = "amended", _("修改")
    PARTLY_INVALID = "partly_invalid", _("部分失效")
    INVALID = "invalid", _("宣布失效")
    REPEALED = "repealed", _("废止")
