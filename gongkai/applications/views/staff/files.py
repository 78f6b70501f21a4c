"""Letters (DOCX, PDF) and released files of a case, for the staff."""

from __future__ import annotations

import mimetypes

from django.core.files import File
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from gongkai.core.access import actor, staff_required

from ...models import Letter, ReleasedFile
from .access import case_get

FORMATS = ("pdf", "docx")


def attachment(stored: File[bytes], filename: str) -> HttpResponse:
    """The stored file as a download (letters and released files are small)."""
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    try:
        with stored.open("rb") as handle:
            response = HttpResponse(handle.read(), content_type=content_type)
    except OSError as error:  # the row exists but the file is gone
        raise Http404 from error
    response["Content-Disposition"] = content_disposition_header(True, filename) or ""
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
@staff_required
def letter_download(
    request: HttpRequest, pk: int, letter_pk: int, fmt: str
) -> HttpResponse:
    application = case_get(actor(request), pk)
    letter = get_object_or_404(Letter, pk=letter_pk, application=application)
    stored = letter.pdf if fmt == "pdf" else letter.docx
    if fmt not in FORMATS or not stored:
        raise Http404
    return attachment(stored, f"{application.tracking_code}-{letter.kind}.{fmt}")


@require_GET
@staff_required
def released_file_download(request: HttpRequest, pk: int, file_pk: int) -> HttpResponse:
    application = case_get(actor(request), pk)
    released = get_object_or_404(ReleasedFile, pk=file_pk, application=application)
    return attachment(released.file, released.name)
