"""/apply/track/: the applicant's view of their case (tracking code + the
phone's last four digits), and the downloads of its letters and files.

A wrong code and wrong digits give the same answer. A match opens a session
grant for a while; the status page and each download check it again, and
everything else answers 404. The page shows the status, the due date, the
case-file entries meant for the applicant and the letters to them; nothing
else about the case (no officer, no internal notes, no third parties).
"""

from __future__ import annotations

from pathlib import PurePath

from django import forms
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from gongkai.core.errors import DomainError

from ..models import Application, Letter, LetterKind
from ..public_access import track_grant, track_granted
from ..selectors import applicant_events, application_track
from ..services import application_withdraw
from ..services.intake import tracking_code_format, tracking_code_normalise
from ..services.intake_limits import (
    RateLimited,
    client_address,
    track_attempt_check,
    track_failure_record,
)
from .public import limits

# Letters addressed to someone else are not the applicant's (条例第三十二条:
# the consultation letter goes to the third party).
APPLICANT_LETTER_KINDS = [k for k in LetterKind.values if k != LetterKind.CONSULTATION]
NOT_FOUND = gettext_lazy("未找到与该查询码和手机号码后四位相符的申请，请核对后重试。")


class TrackForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("查询码"),
        max_length=40,
        error_messages={"required": gettext_lazy("请填写查询码。")},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "spellcheck": "false",
                "autocapitalize": "characters",
            }
        ),
        help_text=gettext_lazy("见受理回执，16位字母和数字，可带连字符。"),
    )
    phone_last4 = forms.RegexField(
        label=gettext_lazy("联系电话后四位"),
        regex=r"^\d{4}$",
        error_messages={
            "required": gettext_lazy("请填写联系电话的后四位数字。"),
            "invalid": gettext_lazy("请填写联系电话的后四位数字。"),
        },
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "off", "maxlength": "4"}
        ),
    )


class WithdrawForm(forms.Form):
    """The applicant withdraws online (annual report 其他处理-3)."""

    confirm = forms.BooleanField(
        label=gettext_lazy("我确认撤回该政府信息公开申请，撤回后受理机关将终止办理。"),
        error_messages={"required": gettext_lazy("请勾选确认后再撤回申请。")},
    )
    reason = forms.CharField(
        label=gettext_lazy("撤回原因（选填）"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _track_page(
    request: HttpRequest, form: TrackForm, *, status: int = 200, error: str = ""
) -> HttpResponse:
    return render(
        request,
        "applications/public/track.html",
        {"form": form, "error": error},
        status=status,
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def track(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _track_page(
            request, TrackForm(initial={"code": request.GET.get("code", "")[:40]})
        )
    form = TrackForm(request.POST)
    if not form.is_valid():
        return _track_page(request, form, status=400)
    address = client_address(request.META)
    try:
        track_attempt_check(address=address)
    except RateLimited as error:
        return _track_page(request, form, status=429, error=error.message)
    application = application_track(
        tracking_code=tracking_code_normalise(form.cleaned_data["code"]),
        phone_last4=form.cleaned_data["phone_last4"],
    )
    if application is None:
        track_failure_record(address=address)
        return _track_page(request, form, status=404, error=str(NOT_FOUND))
    track_grant(request.session, application)
    return HttpResponseRedirect(
        reverse("public:apply:track_case", args=[application.pk]), status=303
    )


def _granted(request: HttpRequest, pk: int) -> Application:
    if not track_granted(request.session, pk):
        raise Http404
    application = (
        Application.objects.select_related("organisation").filter(pk=pk).first()
    )
    if application is None:
        raise Http404
    return application


def _case_page(
    request: HttpRequest,
    application: Application,
    *,
    withdraw: WithdrawForm | None = None,
    status: int = 200,
    error: str = "",
) -> HttpResponse:
    context = {
        "application": application,
        "code": tracking_code_format(application.tracking_code),
        "events": applicant_events(application),
        "letters": application.letters.filter(kind__in=APPLICANT_LETTER_KINDS),
        "files": application.released_files.order_by("created_at", "pk"),
        "limits": limits(),
        "withdraw": withdraw or WithdrawForm(),
        "withdraw_error": error,
    }
    return render(
        request, "applications/public/track_case.html", context, status=status
    )


@never_cache
@require_safe
def track_case(request: HttpRequest, pk: int) -> HttpResponse:
    if not track_granted(request.session, pk):
        return HttpResponseRedirect(reverse("public:apply:track"))
    return _case_page(request, _granted(request, pk))


@never_cache
@require_http_methods(["POST"])
def track_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    application = _granted(request, pk)
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        return _case_page(request, application, withdraw=form, status=400)
    try:
        application_withdraw(
            application=application,
            actor=None,
            on=timezone.localdate(),
            note=form.cleaned_data["reason"],
        )
    except DomainError as error:
        return _case_page(
            request,
            application,
            withdraw=form,
            status=error.status_code,
            error=error.message,
        )
    return HttpResponseRedirect(
        reverse("public:apply:track_case", args=[application.pk]), status=303
    )


def _letter_name(letter: Letter, extension: str) -> str:
    return f"{letter.title}-{letter.application.tracking_code}.{extension}"


@never_cache
@require_safe
def track_letter(
    request: HttpRequest, pk: int, letter_pk: int, fmt: str
) -> FileResponse:
    application = _granted(request, pk)
    letter = application.letters.filter(
        pk=letter_pk, kind__in=APPLICANT_LETTER_KINDS
    ).first()
    stored = getattr(letter, fmt, None) if fmt in ("pdf", "docx") else None
    if letter is None or not stored:
        raise Http404
    content_type = (
        "application/pdf"
        if fmt == "pdf"
        else "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    return FileResponse(
        stored.open("rb"),
        as_attachment=True,
        filename=_letter_name(letter, fmt),
        content_type=content_type,
    )


@never_cache
@require_safe
def track_file(request: HttpRequest, pk: int, file_pk: int) -> FileResponse:
    application = _granted(request, pk)
    released = application.released_files.filter(pk=file_pk).first()
    if released is None or not released.file:
        raise Http404
    name = PurePath(released.name or released.file.name).name or _("政府信息")
    return FileResponse(released.file.open("rb"), as_attachment=True, filename=name)
