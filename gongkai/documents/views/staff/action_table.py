"""The workflow actions as data: what each POST URL parses, calls and says.

One row per action; `actions.action_view` turns a row into its view and
`detail` shows each row's form. An action with a form is posted with the
form's prefix equal to the action (e.g. `return-reason`) and its invalid form
re-renders the detail page as `<action>_form`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ... import services
from ...forms import ActionForm, ConfidentialityReviewForm, PublishForm, ReasonForm
from ...models import Document, DocumentStatus, PiiDecision
from ...workflow import DocumentAction
from .responses import Report


@dataclass(frozen=True)
class ActionStep:
    """One action: its service (called with actor=, document= and the form's
    arguments), the message on success and, if it takes input, its form."""

    service: Callable[..., object]
    success: str | Promise
    form: type[ActionForm] | None = None
    report: Report | None = None  # a message that depends on the result


def _report_submit(request: HttpRequest, document: Document) -> None:
    if document.status == DocumentStatus.RETURNED:
        # The domain returned it at once (公开属性未定或缺少理由).
        messages.error(request, document.return_reason)
    elif document.pii_findings.filter(decision=PiiDecision.PENDING).exists():
        messages.warning(
            request, gettext("已提交审核。检测到疑似个人信息，审核人员须逐项处理。")
        )
    else:
        messages.success(request, gettext("已提交审核。"))


ACTION_STEPS: dict[DocumentAction, ActionStep] = {
    DocumentAction.SUBMIT: ActionStep(
        services.document_submit, _("已提交审核。"), report=_report_submit
    ),
    DocumentAction.RETURN: ActionStep(
        services.document_return, _("已退文。"), ReasonForm
    ),
    DocumentAction.REVISE: ActionStep(
        services.document_revise, _("文件已恢复为草稿，可以修改后重新提交。")
    ),
    DocumentAction.REVIEW: ActionStep(
        services.confidentiality_review_record,
        _("保密审查已记录。"),
        ConfidentialityReviewForm,
    ),
    DocumentAction.APPROVE: ActionStep(services.document_approve, _("审核通过。")),
    DocumentAction.PUBLISH: ActionStep(
        services.document_publish, _("文件已发布。"), PublishForm
    ),
    DocumentAction.WITHDRAW: ActionStep(
        services.document_withdraw, _("文件已撤回，公开网站不再显示。"), ReasonForm
    ),
}


def form_key(action: DocumentAction) -> str:
    """The template's name for the action's form, e.g. `return_form`."""
    return f"{action.value}_form"
