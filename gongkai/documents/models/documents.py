from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .choices import (
    ContentType,
    Disclosure,
    DocumentStatus,
    Genre,
    LegalForm,
    StatutoryItem,
    SupersedeEffect,
    Validity,
)


class Document(models.Model):
    """A piece of government information with the metadata of spec §5.1."""

    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name=_("发布机构"),
    )
    co_issuers = models.ManyToManyField(
        "core.Organisation",
        blank=True,
        related_name="co_issued_documents",
        verbose_name=_("联合发文机关"),
    )
    column = models.ForeignKey(
        "documents.Column",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
        verbose_name=_("所属栏目"),
    )
    status = models.CharField(
        _("状态"),
        max_length=20,
        choices=DocumentStatus.choices,
        default=DocumentStatus.DRAFT,
        db_index=True,
    )
    title = models.CharField(_("标题"), max_length=300)
    index_number = models.CharField(_("索引号"), max_length=80, unique=True)
    index_year = models.PositiveSmallIntegerField(editable=False)
    index_serial = models.PositiveIntegerField(editable=False)
    doc_number = models.CharField(
        _("发文字号"), max_length=60, blank=True, db_index=True
    )
    written_on = models.DateField(_("成文日期"))
    published_on = models.DateField(_("发布日期"), null=True, blank=True, db_index=True)
    effective_on = models.DateField(_("实施日期"), null=True, blank=True)
    expires_on = models.DateField(_("废止（失效）日期"), null=True, blank=True)
    topic = models.ForeignKey(
        "documents.Topic",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name=_("主题分类"),
    )
    genre = models.CharField(
        _("文种"), max_length=20, choices=Genre.choices, blank=True
    )
    content_type = models.CharField(
        _("体裁"),
        max_length=20,
        choices=ContentType.choices,
        default=ContentType.POLICY,
    )
    legal_form = models.CharField(
        _("文件性质"), max_length=20, choices=LegalForm.choices, blank=True
    )
    validity = models.CharField(
        _("效力状态"),
        max_length=20,
        choices=Validity.choices,
        default=Validity.IN_FORCE,
    )
    disclosure = models.CharField(
        _("公开属性"), max_length=20, choices=Disclosure.choices, blank=True
    )
    disclosure_reason = models.TextField(_("不公开或依申请公开理由"), blank=True)
    statutory_item = models.CharField(
        _("法定主动公开内容"), max_length=20, choices=StatutoryItem.choices, blank=True
    )
    keywords = models.CharField(_("主题词"), max_length=200, blank=True)
    summary = models.TextField(_("内容概述"), blank=True)
    body = models.TextField(_("正文"), blank=True)
    needs_interpretation = models.BooleanField(_("需要政策解读"), default=False)
    policies = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="interpretations",
        verbose_name=_("解读的政策文件"),
    )
    supersedes = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_by",
        verbose_name=_("修订或废止的原文件"),
    )
    supersede_effect = models.CharField(
        _("对原文件的效力"),
        max_length=20,
        choices=SupersedeEffect.choices,
        blank=True,
        help_text=_("本文件发布时，原文件的效力状态随之变更。"),
    )
    submission_count = models.PositiveIntegerField(
        _("提交审核次数"), default=0, editable=False
    )
    return_reason = models.TextField(_("退文理由"), blank=True)
    withdrawal_reason = models.TextField(_("撤回理由"), blank=True)
    publish_due_on = models.DateField(_("应发布日期"), null=True, blank=True)
    publish_due_provisional = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "index_year", "index_serial"],
                name="unique_index_serial",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_on__isnull=False),
                name="published_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(supersedes=F("pk")), name="does_not_supersede_itself"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "organisation", "-published_on"]),
        ]
        verbose_name = _("政府信息")
        verbose_name_plural = _("政府信息")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("public:document", args=[self.pk])


class IndexSerial(models.Model):
    """Per organisation and year counter behind `index_number`.

    Locked with SELECT … FOR UPDATE so concurrent creations never share a
    serial (索引号唯一且发布后不变, spec §5.2).
    """

    organisation = models.ForeignKey("core.Organisation", on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField()
    last_serial = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"], name="unique_index_counter"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id}/{self.year}: {self.last_serial}"


def attachment_upload_to(instance: Attachment, filename: str) -> str:
    # The stored name never derives from the uploaded one: it is not guessable.
    return f"attachments/{instance.storage_key[:2]}/{instance.storage_key}"


class Attachment(models.Model):
    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(upload_to=attachment_upload_to, max_length=200)
    storage_key = models.CharField(max_length=64, unique=True, editable=False)
    original_name = models.CharField(_("文件名"), max_length=200)
    mime_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    extracted_text = models.TextField(blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("附件")
        verbose_name_plural = _("附件")

    def __str__(self) -> str:
        return self.original_name


class ConfidentialityReview(models.Model):
    """保密审查: the reviewer's checklist, one row per review."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="confidentiality_reviews"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submission = models.PositiveIntegerField(
        _("审核轮次"),
        default=0,
        help_text=_("审查针对的是文件第几次提交；只有本轮的审查可用于审核通过。"),
    )
    checklist = models.JSONField(_("审查事项"))
    passed = models.BooleanField(_("审查通过"))
    notes = models.TextField(_("审查意见"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return gettext("%(document)s 保密审查 %(date)s") % {
            "document": self.document_id,
            "date": f"{self.created_at:%Y-%m-%d}",
        }


class PiiKind(models.TextChoices):
    RESIDENT_ID = "resident_id", _("居民身份证号码")
    MOBILE = "mobile", _("手机号码")
    BANK_CARD = "bank_card", _("银行卡号")
    EMAIL = "email", _("电子邮箱")


class PiiDecision(models.TextChoices):
    PENDING = "pending", _("待处理")
    REDACTED = "redacted", _("已删除/遮盖")
    CONFIRMED_PUBLIC = "confirmed_public", _("确认可公开")


class PiiSource(models.TextChoices):
    BODY = "body", _("正文")
    ATTACHMENT = "attachment", _("附件")


class PiiFinding(models.Model):
    """A possible piece of personal data found before approval.

    The value itself is never stored: only a masked form and a keyed digest,
    which lets a re-scan keep the decision taken for the same value.
    """

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="pii_findings"
    )
    source = models.CharField(
        _("位置"), max_length=20, choices=PiiSource.choices, default=PiiSource.BODY
    )
    # SET_NULL: removing the attachment is how an attachment hit is redacted,
    # and the finding stays as the record of that decision.
    attachment = models.ForeignKey(
        Attachment,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pii_findings",
    )
    attachment_name = models.CharField(_("附件名称"), max_length=200, blank=True)
    kind = models.CharField(_("类型"), max_length=20, choices=PiiKind.choices)
    masked_value = models.CharField(_("内容（已遮盖）"), max_length=80)
    value_digest = models.CharField(max_length=64)
    context = models.CharField(_("上下文"), max_length=200, blank=True)
    decision = models.CharField(
        _("处理"),
        max_length=20,
        choices=PiiDecision.choices,
        default=PiiDecision.PENDING,
    )
    reason = models.TextField(_("理由"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            # 确认可公开 must say why (e.g. a published hotline).
            models.CheckConstraint(
                condition=~Q(decision="confirmed_public") | ~Q(reason=""),
                name="pii_confirmation_has_reason",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.masked_value}"
