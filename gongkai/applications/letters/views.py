"""文书模板管理 (/staff/applications/letter-templates/): list, edit, preview.

Only administrators (LETTER_TEMPLATE_MANAGE, global) get in; the preview
renders the draft over a sample case without saving anything.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied as HttpForbidden
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.core.access import actor, staff_required
from gongkai.core.errors import PermissionDenied
from gongkai.core.models import Organisation
from gongkai.core.permissions import Permission, has_permission, role_assignments

from ..models import LetterKind, LetterTemplate
from .defaults import letter_default
from .formats import letter_pdf
from .forms import LetterTemplateForm
from .preview import SAMPLE_DAY, preview_application, preview_extra
from .render import LetterText
from .services import letter_preview, letter_template_save


def _require_manager(request: HttpRequest) -> None:
    if not has_permission(request.user, Permission.LETTER_TEMPLATE_MANAGE, None):
        raise HttpForbidden(_("您没有管理文书模板的权限。"))


def _sample_organisation(request: HttpRequest) -> Organisation:
    assignments = role_assignments(request.user)
    ids = [a.organisation_id for a in assignments if a.organisation_id is not None]
    found = Organisation.objects.filter(pk__in=ids[:1]).first()
    return found or Organisation.objects.order_by("path").first() or Organisation()


@require_GET
@staff_required
def letter_template_list(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    templates = LetterTemplate.objects.select_related("updated_by").order_by(
        "kind", "outcome"
    )
    return render(
        request, "applications/letters/template_list.html", {"templates": templates}
    )


def _preview(
    request: HttpRequest, template: LetterTemplate, form: LetterTemplateForm
) -> LetterText:
    application = preview_application(_sample_organisation(request))
    return letter_preview(
        application=application,
        kind=template.kind,
        issued_on=SAMPLE_DAY,
        title=form.cleaned_data["title"],
        body=form.cleaned_data["body"],
        extra=preview_extra(application, template),
    )


def _attempt_preview(
    request: HttpRequest, template: LetterTemplate, form: LetterTemplateForm
) -> LetterText | None:
    try:
        return _preview(request, template, form)
    except ValidationError as exc:
        form.add_error("body", exc.messages)
        return None


@require_http_methods(["GET", "POST"])
@staff_required
def letter_template_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    template = get_object_or_404(LetterTemplate, pk=pk)
    initial = {"title": template.title, "body": template.body}
    if "restore_default" in request.POST:
        # Show the built-in text in the form; it is stored only on 保存.
        title, body = letter_default(LetterKind(template.kind), template.outcome)
        form = LetterTemplateForm(initial={"title": title, "body": body})
        messages.info(request, _("已填入系统默认文本，保存后生效。"))
        context = {"template": template, "form": form, "preview": None}
        return render(request, "applications/letters/template_edit.html", context)
    form = LetterTemplateForm(request.POST or None, initial=initial)
    preview: LetterText | None = None
    if request.method == "POST" and form.is_valid():
        if "preview_pdf" in request.POST:
            built = _attempt_preview(request, template, form)
            if built is not None:
                return HttpResponse(letter_pdf(built), content_type="application/pdf")
        elif "preview" in request.POST:
            preview = _attempt_preview(request, template, form)
        elif _save(request, template, form):
            messages.success(request, _("文书模板已保存。"))
            return redirect("staff:letter_template_edit", pk=template.pk)
    status = 400 if form.errors else 200
    context = {"template": template, "form": form, "preview": preview}
    return render(
        request, "applications/letters/template_edit.html", context, status=status
    )


def _save(
    request: HttpRequest, template: LetterTemplate, form: LetterTemplateForm
) -> bool:
    try:
        letter_template_save(
            actor=actor(request),
            template=template,
            title=form.cleaned_data["title"],
            body=form.cleaned_data["body"],
        )
    except PermissionDenied as exc:
        raise HttpForbidden(exc.message) from exc
    except ValidationError as exc:
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        return False
    return True
