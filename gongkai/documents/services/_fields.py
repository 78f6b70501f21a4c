"""Validating the editable metadata of a document (spec §5.1)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from gongkai.core.models import Organisation

from ..body import sanitise_body
from ..doc_numbers import normalise_doc_number
from ..models import Document

EDITABLE_FIELDS: frozenset[str] = frozenset(
    {
        "title",
        "doc_number",
        "written_on",
        "effective_on",
        "expires_on",
        "topic",
        "genre",
        "content_type",
        "legal_form",
        "validity",
        "disclosure",
        "disclosure_reason",
        "statutory_item",
        "keywords",
        "summary",
        "body",
        "needs_interpretation",
        "supersedes",
        "supersede_effect",
        "column",
    }
)
M2M_FIELDS: frozenset[str] = frozenset({"co_issuers"})


def split_fields(fields: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    unknown = set(fields) - EDITABLE_FIELDS - M2M_FIELDS
    if unknown:
        raise TypeError(f"not editable document fields: {sorted(unknown)}")
    plain = {k: v for k, v in fields.items() if k in EDITABLE_FIELDS}
    m2m = {k: v for k, v in fields.items() if k in M2M_FIELDS}
    return plain, m2m


def clean_values(document: Document, values: Mapping[str, Any]) -> dict[str, Any]:
    """Normalised values; ValidationError keyed by field, messages in Chinese."""
    cleaned = dict(values)
    errors: dict[str, list[str]] = {}
    if "title" in cleaned:
        cleaned["title"] = (cleaned["title"] or "").strip()
    if cleaned.get("doc_number"):
        try:
            cleaned["doc_number"] = normalise_doc_number(cleaned["doc_number"])
        except ValidationError as exc:
            errors["doc_number"] = exc.messages
    elif "doc_number" in cleaned:
        cleaned["doc_number"] = ""
    if "body" in cleaned:
        cleaned["body"] = sanitise_body(cleaned["body"] or "")
    for name in ("keywords", "summary", "disclosure_reason"):
        if name in cleaned:
            cleaned[name] = (cleaned[name] or "").strip()
    if errors:
        raise ValidationError(errors)
    return cleaned


def check_document(document: Document) -> None:
    """Rules across fields, then the model's own validation."""
    errors: dict[str, str] = {}
    if (
        document.effective_on
        and document.expires_on
        and document.expires_on < document.effective_on
    ):
        errors["expires_on"] = _("废止（失效）日期不能早于实施日期。")
    if document.supersedes_id is not None:
        if document.pk is not None and document.supersedes_id == document.pk:
            errors["supersedes"] = _("文件不能修订或废止自身。")
        if not document.supersede_effect:
            errors["supersede_effect"] = _(
                "请选择本文件对原文件的效力（修改、废止等）。"
            )
    elif document.supersede_effect:
        errors["supersede_effect"] = _("未指定被修订或废止的原文件。")
    if (
        document.column_id is not None
        and document.column is not None
        and document.column.organisation_id != document.organisation_id
    ):
        errors["column"] = _("栏目不属于本机关的公开目录。")
    if errors:
        raise ValidationError(errors)
    document.full_clean(
        exclude=["index_number", "index_year", "index_serial", "created_by"]
    )


def set_co_issuers(document: Document, organisations: Iterable[Organisation]) -> None:
    # 联合发文: the lead organ is `organisation`; it is not its own co-issuer.
    document.co_issuers.set(
        [o for o in organisations if o.pk != document.organisation_id]
    )
