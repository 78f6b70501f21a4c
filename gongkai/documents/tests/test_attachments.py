import hashlib
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.core.audit_types import AuditEventType
from gongkai.core.errors import InvalidTransition, PermissionDenied
from gongkai.core.models import AuditEvent
from gongkai.documents import attachments, services
from gongkai.documents.models import Attachment

from .files import GIF, JPEG, PNG, plain_zip, tiny_docx, tiny_pdf, tiny_xlsx
from .workflow_helpers import after

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    # The declared type is deliberately wrong: only the bytes count.
    return SimpleUploadedFile(name, content, content_type="text/plain")


@pytest.mark.parametrize(
    ("name", "content", "mime"),
    [
        ("通知.pdf", tiny_pdf("hello"), attachments.PDF),
        ("通知.docx", tiny_docx("正文"), attachments.DOCX),
        ("统计表.xlsx", tiny_xlsx(), attachments.XLSX),
        ("图.png", PNG, attachments.PNG),
        ("图.jpg", JPEG, attachments.JPEG),
        ("图.gif", GIF, attachments.GIF),
        ("没有扩展名", tiny_pdf("x"), attachments.PDF),
    ],
)
def test_allowed_types_are_sniffed_from_content(office, name, content, mime):
    document = office.draft()
    attachment = services.attachment_add(
        actor=office.editor, document=document, uploaded_file=upload(name, content)
    )
    assert attachment.mime_type == mime
    assert attachment.size == len(content)
    assert attachment.sha256 == hashlib.sha256(content).hexdigest()
    assert len(attachment.storage_key) == 32
    assert attachment.file.name.endswith(attachment.storage_key)
    assert name not in attachment.file.name
    with attachment.file.open("rb") as stored:
        assert stored.read() == content
    event = AuditEvent.objects.get(event_type=AuditEventType.ATTACHMENT_ADDED)
    assert after(event)["sha256"] == attachment.sha256


def test_storage_keys_differ(office):
    document = office.draft()
    keys = {
        services.attachment_add(
            actor=office.editor, document=document, uploaded_file=upload("a.png", PNG)
        ).storage_key
        for _ in range(3)
    }
    assert len(keys) == 3


def docm() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(
            "[Content_Types].xml",
            '<Types><Override PartName="/word/document.xml" ContentType='
            '"application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
        )
    return buffer.getvalue()


@pytest.mark.parametrize(
    "content",
    [
        b"MZ\x90\x00" + b"\x00" * 64,  # a Windows executable
        b"<html><script>alert(1)</script></html>",
        b"just text pretending to be a PDF",
        plain_zip(),
        docm(),
    ],
)
def test_other_types_are_refused_whatever_the_name(office, content):
    document = office.draft()
    with pytest.raises(ValidationError) as excinfo:
        services.attachment_add(
            actor=office.editor,
            document=document,
            uploaded_file=upload("a.pdf", content),
        )
    assert excinfo.value.code == "wrong_type"
    assert "不支持的附件类型" in excinfo.value.messages[0]
    assert not Attachment.objects.exists()


def test_empty_and_too_big(office, settings):
    document = office.draft()
    with pytest.raises(ValidationError, match="空文件"):
        services.attachment_add(
            actor=office.editor, document=document, uploaded_file=upload("a.pdf", b"")
        )
    settings.GONGKAI_ATTACHMENT_MAX_BYTES = 100
    with pytest.raises(ValidationError, match="超过上限") as excinfo:
        services.attachment_add(
            actor=office.editor,
            document=document,
            uploaded_file=upload("a.pdf", tiny_pdf("x" * 200)),
        )
    assert excinfo.value.code == "too_big"


def test_zip_bomb_is_refused(office, settings):
    settings.GONGKAI_ATTACHMENT_MAX_BYTES = 50_000
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "[Content_Types].xml",
            '<Types ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/>',
        )
        package.writestr("word/document.xml", b"\x00" * 2_000_000)
    document = office.draft()
    with pytest.raises(ValidationError) as excinfo:
        services.attachment_add(
            actor=office.editor,
            document=document,
            uploaded_file=upload("a.docx", buffer.getvalue()),
        )
    assert excinfo.value.code == "zip_bomb"


def test_original_name_is_kept_without_path(office):
    document = office.draft()
    attachment = services.attachment_add(
        actor=office.editor,
        document=document,
        uploaded_file=upload("..\\..\\etc\\通知.pdf", tiny_pdf("x")),
    )
    assert attachment.original_name == "通知.pdf"


def test_attachments_follow_the_workflow(office):
    document = office.published()
    with pytest.raises(InvalidTransition):
        services.attachment_add(
            actor=office.editor, document=document, uploaded_file=upload("a.png", PNG)
        )
    draft = office.draft()
    with pytest.raises(PermissionDenied):
        services.attachment_add(
            actor=office.reviewer, document=draft, uploaded_file=upload("a.png", PNG)
        )


def test_remove_deletes_the_file_on_commit(office, django_capture_on_commit_callbacks):
    document = office.draft()
    attachment = services.attachment_add(
        actor=office.editor, document=document, uploaded_file=upload("a.png", PNG)
    )
    storage, name = attachment.file.storage, attachment.file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        services.attachment_remove(actor=office.editor, attachment=attachment)
    assert not storage.exists(name)
    assert not Attachment.objects.exists()
    assert AuditEvent.objects.filter(
        event_type=AuditEventType.ATTACHMENT_REMOVED
    ).exists()
