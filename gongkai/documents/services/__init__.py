"""Every write of the documents domain (typed, keyword-only, audited)."""

from .catalogue import column_create, column_delete, column_move, column_update
from .deadlines import publish_due_recompute, publish_due_refresh
from .documents import (
    document_approve,
    document_create,
    document_return,
    document_revise,
    document_submit,
    document_update,
    document_withdraw,
    interpretation_link,
    submission_problems,
)
from .files import attachment_add, attachment_remove
from .publishing import document_publish, publication_group
from .review import confidentiality_review_record, pii_finding_decide
from .scan import pii_scan

__all__ = [
    "attachment_add",
    "attachment_remove",
    "column_create",
    "column_delete",
    "column_move",
    "column_update",
    "confidentiality_review_record",
    "document_approve",
    "document_create",
    "document_publish",
    "document_return",
    "document_revise",
    "document_submit",
    "document_update",
    "document_withdraw",
    "interpretation_link",
    "pii_finding_decide",
    "pii_scan",
    "publication_group",
    "publish_due_recompute",
    "publish_due_refresh",
    "submission_problems",
]
