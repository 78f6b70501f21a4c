"""Enumerations of disclosure on application (glossary; spec §1.4, §3.3).

Pure: importable without the app being installed (no models).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.identity import IdType

__all__ = [
    "OUTCOMES",
    "ApplicantType",
    "Channel",
    "ConsultationKind",
    "FeeMethod",
    "IdType",
    "Outcome",
    "OutcomeGroup",
    "OutcomeInfo",
    "PauseKind",
]


class ApplicantType(models.TextChoices):
    """The columns of annual-report Table 3 (spec §3.3)."""

    NATURAL_PERSON = "natural_person", _("自然人")
    COMMERCIAL_ENTERPRISE = "commercial_enterprise", _("商业企业")
    RESEARCH_INSTITUTION = "research_institution", _("科研机构")
    SOCIAL_WELFARE_ORG = "social_welfare_org", _("社会公益组织")
    LEGAL_SERVICE_ORG = "legal_service_org", _("法律服务机构")
    OTHER_ORG = "other_org", _("其他")

    @property
    def is_organisation(self) -> bool:
        return self is not ApplicantType.NATURAL_PERSON


class Channel(models.TextChoices):
    """条例第二十八、二十九、三十一条; the receipt date depends on it."""

    ONLINE = "online", _("互联网渠道")
    IN_PERSON = "in_person", _("当面提交")
    REGISTERED_POST = "registered_post", _("邮寄（需签收）")
    ORDINARY_POST = "ordinary_post", _("平常信函")
    FAX = "fax", _("传真")
    EMAIL = "email", _("电子邮件")
    ORAL = "oral", _("口头申请（代为填写）")


class PauseKind(models.TextChoices):
    CORRECTION = "correction", _("补正")
    CONSULTATION = "consultation", _("征求意见")
    FEE = "fee", _("信息处理费")


class ConsultationKind(models.TextChoices):
    THIRD_PARTY = "third_party", _("征求第三方意见")  # 条例第三十二条
    CO_PRODUCER = "co_producer", _("征求共同制作机关意见")  # 条例第三十四条


class FeeMethod(models.TextChoices):
    """国办函〔2020〕109号第三条: one method per application, never both."""

    PER_PIECE = "per_piece", _("按件计收")
    PER_PAGE = "per_page", _("按量计收")


class OutcomeGroup(models.TextChoices):
    DISCLOSED = "disclosed", _("予以公开")
    PARTLY_DISCLOSED = "partly_disclosed", _("部分公开")
    WITHHELD = "withheld", _("不予公开")
    UNAVAILABLE = "unavailable", _("无法提供")
    NOT_PROCESSED = "not_processed", _("不予处理")
    OTHER = "other", _("其他处理")


class Outcome(models.TextChoices):
    """One per closed application: the rows R3–R23 of Table 3, in order."""

    DISCLOSED = "disclosed", _("予以公开")
    PARTLY_DISCLOSED = "partly_disclosed", _("部分公开")
    WITHHELD_STATE_SECRET = "withheld_state_secret", _("属于国家秘密")
    WITHHELD_PROHIBITED_BY_LAW = (
        "withheld_prohibited_by_law",
        _("其他法律行政法规禁止公开"),
    )
    WITHHELD_SECURITY_STABILITY = (
        "withheld_security_stability",
        _("危及“三安全一稳定”"),
    )
    WITHHELD_THIRD_PARTY = "withheld_third_party", _("保护第三方合法权益")
    WITHHELD_INTERNAL_AFFAIRS = "withheld_internal_affairs", _("属于三类内部事务信息")
    WITHHELD_PROCESS_INFO = "withheld_process_info", _("属于四类过程性信息")
    WITHHELD_ENFORCEMENT_FILE = "withheld_enforcement_file", _("属于行政执法案卷")
    WITHHELD_QUERY_MATTER = "withheld_query_matter", _("属于行政查询事项")
    UNAVAILABLE_NOT_HELD = "unavailable_not_held", _("本机关不掌握相关政府信息")
    UNAVAILABLE_NEEDS_CREATION = (
        "unavailable_needs_creation",
        _("没有现成信息需要另行制作"),
    )
    UNAVAILABLE_UNCLEAR_AFTER_CORRECTION = (
        "unavailable_unclear_after_correction",
        _("补正后申请内容仍不明确"),
    )
    NOT_PROCESSED_PETITION = "not_processed_petition", _("信访举报投诉类申请")
    NOT_PROCESSED_DUPLICATE = "not_processed_duplicate", _("重复申请")
    NOT_PROCESSED_PUBLICATION = "not_processed_publication", _("要求提供公开出版物")
    NOT_PROCESSED_EXCESSIVE = "not_processed_excessive", _("无正当理由大量反复申请")
    NOT_PROCESSED_CONFIRMATION = (
        "not_processed_confirmation",
        _("要求行政机关确认或重新出具已获取信息"),
    )
    OTHER_CORRECTION_OVERDUE = (
        "other_correction_overdue",
        _("申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    )
    OTHER_FEE_UNPAID = (
        "other_fee_unpaid",
        _("申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    )
    OTHER = "other", _("其他")

    @property
    def info(self) -> OutcomeInfo:
        return OUTCOMES[self]

    @property
    def row(self) -> str:
        return OUTCOMES[self].row

    @property
    def group(self) -> OutcomeGroup:
        return OUTCOMES[self].group

    @property
    def article(self) -> str:
        return OUTCOMES[self].article


@dataclass(frozen=True)
class OutcomeInfo:
    row: str  # annual report Table 3 row code (spec §3.3)
    group: OutcomeGroup
    article: str  # legal basis cited in the reply; "" = none fixed
    confirmed: bool = True  # False: the mapping is practice [M], not verified


_G = OutcomeGroup
_ART36 = "《中华人民共和国政府信息公开条例》第三十六条"
_REG = "《中华人民共和国政府信息公开条例》"

# Spec §1.2 and §1.4 (Art 36 table); the mapping column is practice unless
# the spec marks it [V].
OUTCOMES: dict[Outcome, OutcomeInfo] = {
    Outcome.DISCLOSED: OutcomeInfo(
        "R3", _G.DISCLOSED, _ART36 + "第（一）项、第（二）项"
    ),
    Outcome.PARTLY_DISCLOSED: OutcomeInfo(
        "R4", _G.PARTLY_DISCLOSED, _REG + "第三十七条"
    ),
    Outcome.WITHHELD_STATE_SECRET: OutcomeInfo("R5", _G.WITHHELD, _REG + "第十四条"),
    Outcome.WITHHELD_PROHIBITED_BY_LAW: OutcomeInfo(
        "R6", _G.WITHHELD, _REG + "第十四条"
    ),
    Outcome.WITHHELD_SECURITY_STABILITY: OutcomeInfo(
        "R7", _G.WITHHELD, _REG + "第十四条"
    ),
    Outcome.WITHHELD_THIRD_PARTY: OutcomeInfo(
        "R8", _G.WITHHELD, _REG + "第十五条、第三十二条"
    ),
    Outcome.WITHHELD_INTERNAL_AFFAIRS: OutcomeInfo(
        "R9", _G.WITHHELD, _REG + "第十六条第一款"
    ),
    Outcome.WITHHELD_PROCESS_INFO: OutcomeInfo(
        "R10", _G.WITHHELD, _REG + "第十六条第二款"
    ),
    Outcome.WITHHELD_ENFORCEMENT_FILE: OutcomeInfo(
        "R11", _G.WITHHELD, _REG + "第十六条第二款"
    ),
    Outcome.WITHHELD_QUERY_MATTER: OutcomeInfo(
        "R12", _G.WITHHELD, _ART36 + "第（七）项", confirmed=False
    ),
    Outcome.UNAVAILABLE_NOT_HELD: OutcomeInfo(
        "R13", _G.UNAVAILABLE, _ART36 + "第（四）项、第（五）项"
    ),
    Outcome.UNAVAILABLE_NEEDS_CREATION: OutcomeInfo(
        "R14", _G.UNAVAILABLE, _REG + "第三十八条"
    ),
    Outcome.UNAVAILABLE_UNCLEAR_AFTER_CORRECTION: OutcomeInfo(
        "R15", _G.UNAVAILABLE, _REG + "第三十条"
    ),
    Outcome.NOT_PROCESSED_PETITION: OutcomeInfo(
        "R16", _G.NOT_PROCESSED, _REG + "第三十九条第一款"
    ),
    Outcome.NOT_PROCESSED_DUPLICATE: OutcomeInfo(
        "R17", _G.NOT_PROCESSED, _ART36 + "第（六）项"
    ),
    Outcome.NOT_PROCESSED_PUBLICATION: OutcomeInfo(
        "R18", _G.NOT_PROCESSED, _REG + "第三十九条第二款"
    ),
    Outcome.NOT_PROCESSED_EXCESSIVE: OutcomeInfo(
        "R19", _G.NOT_PROCESSED, _REG + "第三十五条"
    ),
    # Practice [M]: no article of the Regulation names this case.
    Outcome.NOT_PROCESSED_CONFIRMATION: OutcomeInfo(
        "R20", _G.NOT_PROCESSED, "", confirmed=False
    ),
    Outcome.OTHER_CORRECTION_OVERDUE: OutcomeInfo("R21", _G.OTHER, _REG + "第三十条"),
    Outcome.OTHER_FEE_UNPAID: OutcomeInfo(
        "R22",
        _G.OTHER,
        "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
        confirmed=False,
    ),
    Outcome.OTHER: OutcomeInfo("R23", _G.OTHER, ""),
}
