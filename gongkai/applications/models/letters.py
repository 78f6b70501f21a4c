"""Letters to the applicant (告知书, notices) and the files released."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..choices import Outcome


class LetterKind(models.TextChoices):
    RECEIPT = "receipt", _("受理回执")
    CORRECTION = "correction", _("补正告知书")
    EXTENSION = "extension", _("延期答复告知书")
    FEE = "fee", _("收费通知书")
    CONSULTATION = "consultation", _("征求意见函")
    REPLY = "reply", _("政府信息公开申请答复书")


class LetterTemplate(models.Model):
    """Editable text of a letter kind (and, for replies, one per outcome).

    The body is a Django template over the letter context
    (`letters.context`); administrators edit it in the back office.
    """

    kind = models.CharField(_("文书类型"), max_length=20, choices=LetterKind.choices)
    outcome = models.CharField(
        _("办理结果"), max_length=48, choices=Outcome.choices, blank=True
    )
    title = models.CharField(_("标题"), max_length=100)
    body = models.TextField(_("正文模板"))
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("文书模板")
        verbose_name_plural = _("文书模板")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "outcome"], name="unique_letter_template"
            ),
            models.CheckConstraint(
                condition=Q(kind="reply") | Q(outcome=""),
                name="letter_template_outcome_only_for_replies",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Letter(models.Model):
    """A generated letter, frozen as sent (DOCX and PDF)."""

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="letters"
    )
    kind = models.CharField(_("文书类型"), max_length=20, choices=LetterKind.choices)
    title = models.CharField(_("标题"), max_length=100)
    text = models.TextField(_("正文"))  # the rendered text, for search and tests
    docx = models.FileField(upload_to="applications/letters/%Y/")
    pdf = models.FileField(upload_to="applications/letters/%Y/")
    issued_on = models.DateField(_("日期"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("文书")
        verbose_name_plural = _("文书")
        ordering = ["issued_on", "created_at"]

    def __str__(self) -> str:
        return self.title


class ReleasedFile(models.Model):
    """Information released with a reply (attached to the reply)."""

    application = models.ForeignKey(
        "applications.Application",
        on_delete=models.CASCADE,
        related_name="released_files",
    )
    file = models.FileField(upload_to="applications/released/%Y/")
    name = models.CharField(_("文件名"), max_length=200)
    size = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("提供的信息")
        verbose_name_plural = _("提供的信息")

    def __str__(self) -> str:
        return self.name
