from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.core.identity import IdType

from ..choices import ApplicantType, Channel, Outcome


class ApplicationStatus(models.TextChoices):
    """Where a case is (spec §1.6); the legal answer is `Outcome`."""

    LODGED = "lodged", _("已提交待确认")
    RECEIVED = "received", _("办理中")
    CORRECTION_REQUESTED = "correction_requested", _("待补正")
    CONSULTING = "consulting", _("征求意见中")
    AWAITING_FEE = "awaiting_fee", _("待缴费")
    CLOSED = "closed", _("已办结")


class RequestForm(models.TextChoices):
    """条例第二十九条第（三）项: the form the applicant wants."""

    PAPER = "paper", _("纸质")
    ELECTRONIC = "electronic", _("电子邮件")
    DISC = "disc", _("光盘")
    DOWNLOAD = "download", _("网上下载")


class Delivery(models.TextChoices):
    """How the applicant obtains it."""

    POST = "post", _("邮寄")
    IN_PERSON = "in_person", _("当面领取")
    ONLINE = "online", _("网上获取")


# The applicant's particulars and the request (条例第二十九条) as fields of
# Application: shown by the staff API, copied into a referral's linked case.
APPLICANT_FIELDS = (
    "applicant_type",
    "applicant_name",
    "id_type",
    "id_number",
    "credit_code",
    "legal_representative",
    "contact_person",
    "phone",
    "email",
    "address",
    "postal_code",
)
REQUEST_FIELDS = (
    "description",
    "doc_title",
    "doc_number",
    "purpose",
    "form",
    "delivery",
)


class Application(models.Model):
    """One 政府信息公开申请, addressed to one organisation."""

    tracking_code = models.CharField(_("查询码"), max_length=20, unique=True)
    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("受理机关"),
    )
    status = models.CharField(
        _("状态"),
        max_length=24,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.LODGED,
    )
    outcome = models.CharField(
        _("办理结果"), max_length=48, choices=Outcome.choices, blank=True
    )
    channel = models.CharField(_("申请渠道"), max_length=20, choices=Channel.choices)

    # 申请人 (条例第二十九条第（一）项)
    applicant_type = models.CharField(
        _("申请人类型"), max_length=24, choices=ApplicantType.choices
    )
    applicant_name = models.CharField(_("申请人姓名/名称"), max_length=100)
    id_type = models.CharField(
        _("证件类型"), max_length=20, choices=IdType.choices, blank=True
    )
    id_number = models.CharField(_("证件号码"), max_length=30, blank=True)
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    legal_representative = models.CharField(_("法定代表人"), max_length=50, blank=True)
    contact_person = models.CharField(_("联系人"), max_length=50, blank=True)
    phone = models.CharField(_("联系电话"), max_length=20)
    email = models.EmailField(_("电子邮箱"), blank=True)
    address = models.CharField(_("通信地址"), max_length=200, blank=True)
    postal_code = models.CharField(_("邮政编码"), max_length=6, blank=True)
    # Resolved identity (ID number or credit code) for the monthly piece count
    # of 109号 (spec §2.3): never the account.
    identity_key = models.CharField(max_length=40, db_index=True)

    # 所需信息 (条例第二十九条第（二）、（三）项)
    description = models.TextField(_("所需政府信息的内容描述"))
    doc_title = models.CharField(_("文件名称"), max_length=300, blank=True)
    doc_number = models.CharField(_("发文字号"), max_length=100, blank=True)
    purpose = models.TextField(_("用途"), blank=True)
    form = models.CharField(
        _("获取信息的载体形式"), max_length=20, choices=RequestForm.choices
    )
    delivery = models.CharField(
        _("获取信息的方式"), max_length=20, choices=Delivery.choices
    )
    identity_proof = models.FileField(
        _("身份证明"), upload_to="applications/proofs/%Y/", blank=True
    )

    # 收到申请之日 (条例第三十一条; receipt.received_on)
    lodged_at = models.DateTimeField(_("提交时间"))
    signed_for_on = models.DateField(_("签收日期"), null=True, blank=True)
    confirmed_on = models.DateField(_("确认日期"), null=True, blank=True)
    received_on = models.DateField(_("收到申请日期"), null=True, blank=True)

    # The clock (deadlines.deadline_ledger over the case file); kept here so
    # queues sort and filter in the database.
    due_on = models.DateField(_("答复期限"), null=True, blank=True)
    due_provisional = models.BooleanField(default=False)
    calendar_version = models.PositiveIntegerField(null=True, blank=True)
    extension_days = models.PositiveSmallIntegerField(_("延期工作日"), default=0)

    # 答复 (条例第三十六条)
    reply_basis = models.TextField(_("法律依据"), blank=True)
    reply_reasons = models.TextField(_("理由"), blank=True)
    withheld_description = models.TextField(_("不予公开的部分及理由"), blank=True)
    closed_on = models.DateField(_("办结日期"), null=True, blank=True)
    referred_to = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("告知的负责机关"),
    )
    referred_to_name = models.CharField(_("负责机关名称"), max_length=100, blank=True)
    referred_from = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referral",
        verbose_name=_("转来的申请"),
    )

    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_applications",
        verbose_name=_("承办人"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Idempotency key of the submitting form or API call: a retry or a double
    # click finds the application it already created.
    submission_key = models.CharField(max_length=64, unique=True, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("政府信息公开申请")
        verbose_name_plural = _("政府信息公开申请")
        ordering = ["-lodged_at"]
        constraints = [
            # Architecture rule 1: an outcome exactly when closed.
            models.CheckConstraint(
                condition=(
                    Q(status="closed") & ~Q(outcome="") & Q(closed_on__isnull=False)
                )
                | (~Q(status="closed") & Q(outcome="") & Q(closed_on__isnull=True)),
                name="application_outcome_iff_closed",
            ),
            models.CheckConstraint(
                condition=Q(status="lodged") | Q(received_on__isnull=False),
                name="application_received_unless_lodged",
            ),
            models.CheckConstraint(
                condition=Q(extension_days__lte=40),
                name="application_extension_bounded",
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "status", "due_on"]),
            models.Index(fields=["organisation", "received_on"]),
            models.Index(fields=["organisation", "closed_on"]),
            models.Index(fields=["identity_key", "received_on"]),
            # Annual report Table 3 (reports.compute.table3): one covering
            # index scan per organisation and year, no table rows read.
            models.Index(
                fields=[
                    "organisation",
                    "received_on",
                    "closed_on",
                    "applicant_type",
                    "outcome",
                ],
                name="application_report_cover",
            ),
        ]

    def __str__(self) -> str:
        return self.tracking_code

    @property
    def is_open(self) -> bool:
        return self.status != ApplicationStatus.CLOSED
