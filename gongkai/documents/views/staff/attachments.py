"""Attachments: upload and remove (the services decide who may)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.core.access import actor, staff_required

from ... import services
from ...forms import AttachmentForm
from ...models import Attachment
from ...selectors.staff import document_get_for
from .detail import render_detail
from .responses import run


@require_POST
@staff_required
def attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = actor(request)
    document = document_get_for(user=user, pk=pk)
    form = AttachmentForm(request.POST, request.FILES, prefix="attachment")
    if not form.is_valid():
        return render_detail(
            request, user, document, bound={"attachment_form": form}, status=400
        )
    return run(
        request,
        document,
        lambda: services.attachment_add(
            actor=user, document=document, uploaded_file=form.cleaned_data["file"]
        ),
        _("附件已上传。"),
    )


@require_POST
@staff_required
def attachment_remove(
    request: HttpRequest, pk: int, attachment_pk: int
) -> HttpResponse:
    user = actor(request)
    document = document_get_for(user=user, pk=pk)
    attachment = get_object_or_404(Attachment, pk=attachment_pk, document=document)
    return run(
        request,
        document,
        lambda: services.attachment_remove(actor=user, attachment=attachment),
        _("附件已删除。"),
    )
