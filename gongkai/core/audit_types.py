"""The one enum of audit event types, for every app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEventType(models.TextChoices):
    ORGANISATION_CREATED = "organisation.created", _("创建机关")
    ORGANISATION_UPDATED = "organisation.updated", _("修改机关信息")
    ORGANISATION_MOVED = "organisation.moved", _("调整上级机关")
    ROLE_GRANTED = "role.granted", _("授予角色")
    ROLE_REVOKED = "role.revoked", _("撤销角色")
    USER_CREATED = "user.created", _("创建用户")
    CALENDAR_YEAR_SAVED = "calendar.year_saved", _("保存年度日历")
    CALENDAR_YEAR_VERIFIED = "calendar.year_verified", _("核验年度日历")
    DEADLINE_RECOMPUTED = "deadline.recomputed", _("重新计算期限")
    DOCUMENT_CREATED = "document.created", _("创建文件")
    DOCUMENT_UPDATED = "document.updated", _("修改文件")
    DOCUMENT_SUBMITTED = "document.submitted", _("提交审核")
    DOCUMENT_RETURNED = "document.returned", _("退文")
    DOCUMENT_REVISED = "document.revised", _("退文后重新编辑")
    DOCUMENT_APPROVED = "document.approved", _("审核通过")
    DOCUMENT_PUBLISHED = "document.published", _("发布")
    DOCUMENT_WITHDRAWN = "document.withdrawn", _("撤回")
    DOCUMENT_SUPERSEDED = "document.superseded", _("被修订/废止")
    DOCUMENT_VALIDITY_CHANGED = "document.validity_changed", _("效力状态变更")
    CONFIDENTIALITY_REVIEWED = "document.confidentiality_reviewed", _("保密审查")
    PII_DECIDED = "document.pii_decided", _("个人信息处理决定")
    ATTACHMENT_ADDED = "document.attachment_added", _("添加附件")
    ATTACHMENT_REMOVED = "document.attachment_removed", _("删除附件")
    TOPIC_SAVED = "topic.saved", _("保存主题分类")
    COLUMN_SAVED = "column.saved", _("保存栏目")
    USER_UPDATED = "user.updated", _("修改用户")
    PII_SCANNED = "document.pii_scanned", _("个人信息扫描")
    COLUMN_MOVED = "column.moved", _("调整栏目位置")
    COLUMN_DELETED = "column.deleted", _("删除栏目")
    APPLICATION_LODGED = "application.lodged", _("提交政府信息公开申请")
    APPLICATION_RECORDED = "application.recorded", _("登记政府信息公开申请")
    APPLICATION_IMPORTED = "application.imported", _("导入历史申请")
    APPLICATION_CONFIRM = "application.confirm", _("确认收到申请")
    APPLICATION_ASSIGN = "application.assign", _("分配承办人")
    APPLICATION_CORRECTION_NOTICE = "application.correction_notice", _("发出补正通知")
    APPLICATION_CORRECTION_RECEIVE = "application.correction_receive", _("登记补正")
    APPLICATION_CORRECTION_EXPIRE = "application.correction_expire", _("逾期未补正")
    APPLICATION_CONSULTATION_START = "application.consultation_start", _("征求意见")
    APPLICATION_CONSULTATION_ANSWER = (
        "application.consultation_answer",
        _("登记征求意见答复"),
    )
    APPLICATION_EXTEND = "application.extend", _("延期答复")
    APPLICATION_FEE_NOTICE = "application.fee_notice", _("发出收费通知")
    APPLICATION_FEE_PAY = "application.fee_pay", _("登记缴费")
    APPLICATION_FEE_EXPIRE = "application.fee_expire", _("逾期未缴费")
    APPLICATION_REPLY = "application.reply", _("作出答复")
    APPLICATION_REFER = "application.refer", _("告知负责机关")
    APPLICATION_WITHDRAW = "application.withdraw", _("撤回申请")
    APPLICATION_DEADLINE_RECOMPUTED = (
        "application.deadline_recomputed",
        _("重新计算答复期限"),
    )
    REMEDY_RECORDED = "remedy.recorded", _("登记行政复议、行政诉讼")
    REMEDY_DECIDED = "remedy.decided", _("登记复议诉讼结果")
    LETTER_TEMPLATE_SAVED = "letter_template.saved", _("保存文书模板")
    ANNUAL_REPORT_SAVED = "annual_report.saved", _("保存年度报告")
    ANNUAL_REPORT_APPROVED = "annual_report.approved", _("审定年度报告")
    ANNUAL_REPORT_PUBLISHED = "annual_report.published", _("发布年度报告")
