"""Attachment intake: type sniffed from content, size-limited, text extracted.

The declared content type and the file name are never trusted: the type is
decided by the bytes (`filetype` for PDF and images; DOCX and XLSX are ZIP
packages, recognised by the main part declared in `[Content_Types].xml`).
"""

from __future__ import annotations

import hashlib
import io
import logging
import secrets
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

logger = logging.getLogger(__name__)

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PNG = "image/png"
JPEG = "image/jpeg"
GIF = "image/gif"

ALLOWED_TYPES: dict[str, str | Promise] = {
    PDF: "PDF",
    DOCX: "Word（DOCX）",
    XLSX: "Excel（XLSX）",
    PNG: gettext_lazy("PNG 图片"),
    JPEG: gettext_lazy("JPEG 图片"),
    GIF: gettext_lazy("GIF 图片"),
}
EXTENSIONS = {
    PDF: "pdf",
    DOCX: "docx",
    XLSX: "xlsx",
    PNG: "png",
    JPEG: "jpg",
    GIF: "gif",
}

_OOXML_MAIN_PARTS = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": XLSX,
}
# A package that inflates beyond this is refused (zip bomb).
MAX_UNCOMPRESSED_FACTOR = 20
SNIFF_BYTES = 8192


@dataclass(frozen=True)
class CheckedUpload:
    content: bytes
    mime_type: str
    original_name: str
    size: int
    sha256: str
    storage_key: str
    extracted_text: str


def max_bytes() -> int:
    return int(settings.GONGKAI_ATTACHMENT_MAX_BYTES)


def _ooxml_type(content: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as package:
            inflated = sum(info.file_size for info in package.infolist())
            if inflated > max(max_bytes(), len(content)) * MAX_UNCOMPRESSED_FACTOR:
                raise ValidationError(
                    _("附件压缩内容异常，无法接收。"), code="zip_bomb"
                )
            manifest = package.read("[Content_Types].xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, KeyError, OSError):
        return None
    for main_part, mime in _OOXML_MAIN_PARTS.items():
        if main_part in manifest:
            return mime
    return None


def sniff_type(content: bytes) -> str | None:
    """The allowed MIME type the bytes really are, or None."""
    kind = filetype.guess(content[:SNIFF_BYTES])
    if kind is None:
        return None
    if kind.mime in {PDF, PNG, JPEG, GIF}:
        return str(kind.mime)
    if kind.mime in {"application/zip", DOCX, XLSX}:
        return _ooxml_type(content)
    return None


def extract_text(content: bytes, mime_type: str) -> str:
    """Plain text of a PDF or DOCX for the PII scan; '' when none can be read."""
    try:
        if mime_type == PDF:
            # PostgreSQL text columns cannot hold NUL.
            return _pdf_text(content).replace("\x00", "")
        if mime_type == DOCX:
            return _docx_text(content).replace("\x00", "")
    except Exception:  # malformed files must not block the upload
        logger.warning("text extraction failed for a %s attachment", mime_type)
    return ""


def _pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _docx_text(content: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(content))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append("\t".join(cell.text for cell in row.cells))
    for section in document.sections:
        for part in (section.header, section.footer):
            parts.extend(paragraph.text for paragraph in part.paragraphs)
    return "\n".join(parts)


def _clean_name(name: str, mime_type: str) -> str:
    base = PurePath(name.replace("\\", "/")).name.strip() or "附件"
    if "." not in base:
        base = f"{base}.{EXTENSIONS[mime_type]}"
    return base[-200:]


def _read_limited(uploaded_file: UploadedFile, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in uploaded_file.chunks():
        size += len(chunk)
        if size > limit:
            raise ValidationError(
                _("附件大小超过上限（%(limit)s）。") % {"limit": filesizeformat(limit)},
                code="too_big",
            )
        chunks.append(chunk)
    return b"".join(chunks)


def check_upload(uploaded_file: UploadedFile) -> CheckedUpload:
    """Validate an upload; ValidationError with a Chinese message if refused."""
    limit = max_bytes()
    if uploaded_file.size is not None and uploaded_file.size > limit:
        raise ValidationError(
            _("附件大小超过上限（%(limit)s）。") % {"limit": filesizeformat(limit)},
            code="too_big",
        )
    content = _read_limited(uploaded_file, limit)
    if not content:
        raise ValidationError(_("附件是空文件。"), code="empty")
    mime_type = sniff_type(content)
    if mime_type is None:
        raise ValidationError(
            _(
                "不支持的附件类型。"
                "只接受 PDF、Word（DOCX）、Excel（XLSX）和 PNG、JPEG、GIF 图片。"
            ),
            code="wrong_type",
        )
    return CheckedUpload(
        content=content,
        mime_type=mime_type,
        original_name=_clean_name(uploaded_file.name or "", mime_type),
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        storage_key=secrets.token_hex(16),
        extracted_text=extract_text(content, mime_type),
    )
