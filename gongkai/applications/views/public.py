"""/apply/: the guided application (条例第二十七至二十九条) and its receipt.

Step 1 searches what is already published (the person may not need to
apply); step 2 chooses the organisation; step 3 is the application form. All
GET forms and one POST; nothing needs JavaScript. Invalid input answers 400
with the form and its Chinese messages, and stores nothing.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from gongkai.core.errors import DomainError
from gongkai.search.query import QueryError
from gongkai.search.selectors import search_run

from ..forms.public import (
    ApplicationForm,
    NeedForm,
    OrganisationForm,
    submission_key_new,
)
from ..models import Application, LetterKind
from ..public_access import (
    receipt_application,
    receipt_path,
    track_grant,
    track_granted,
)
from ..services.intake import (
    application_for_submission,
    application_lodge,
    submission_key_for,
    tracking_code_format,
)
from ..services.intake_limits import RateLimited, client_address, intake_throttle

SUGGESTIONS = 8
logger = logging.getLogger(__name__)


def limits() -> dict[str, int]:
    """The statutory periods the pages explain (条例第三十、三十三条)."""
    conf = settings.GONGKAI_APPLICATIONS
    return {
        "reply_wd": int(conf["reply_limit_wd"]),
        "extension_wd": int(conf["extension_max_wd"]),
        "correction_wd": int(conf["correction_notice_limit_wd"]),
    }


def _suggestions(q: str) -> tuple[Any, str]:
    if not q:
        return None, ""
    try:
        return search_run(q=q, page_size=SUGGESTIONS, with_facets=False), ""
    except QueryError as error:
        return None, error.message
    except Exception:  # the suggestions are a help: never block applying
        logger.exception("search for application suggestions failed")
        return None, _("暂时无法检索已公开的信息，您可以直接提出申请。")


@require_safe
def apply_start(request: HttpRequest) -> HttpResponse:
    """Step 1: describe the need; matching published documents are listed."""
    form = NeedForm(request.GET or None)
    q = form.cleaned_data["q"].strip() if form.is_valid() else ""
    result, query_error = _suggestions(q)
    context = {
        "form": form,
        "q": q,
        "result": result,
        "query_error": query_error,
        "next_url": reverse("public:apply:organisation")
        + ("?" + urlencode({"q": q}) if q else ""),
        "limits": limits(),
        "step": 1,
    }
    return render(request, "applications/public/start.html", context)


@require_safe
def apply_organisation(request: HttpRequest) -> HttpResponse:
    """Step 2: the organisation that holds the information (a GET form)."""
    form = OrganisationForm(initial={"q": request.GET.get("q", "")[:200]})
    return render(
        request,
        "applications/public/organisation.html",
        {"form": form, "step": 2},
    )


def _form_page(
    request: HttpRequest, form: ApplicationForm, *, status: int = 200, error: str = ""
) -> HttpResponse:
    context = {"form": form, "error": error, "limits": limits(), "step": 3}
    return render(request, "applications/public/form.html", context, status=status)


def _initial(request: HttpRequest) -> dict[str, Any]:
    return {
        "org": request.GET.get("org", "")[:18],
        "description": request.GET.get("q", "")[:200],
        "submission_key": submission_key_new(),
        "type": "natural_person",
        "id_type": "resident_id",
    }


def _lodge(request: HttpRequest, form: ApplicationForm) -> Application:
    """The application the form describes: the stored one when this form was
    already submitted (double click, retry), else a new one."""
    applicant, req = form.checked()
    organisation = form.organisation()
    raw_key = form.cleaned_data["submission_key"]
    key = (
        submission_key_for(
            raw_key=raw_key, organisation=organisation, applicant=applicant, request=req
        )
        if raw_key
        else None
    )
    if key and (existing := application_for_submission(submission_key=key)):
        return existing
    intake_throttle(
        address=client_address(request.META), identity_key=applicant.identity_key
    )
    return application_lodge(
        organisation=organisation,
        applicant=applicant,
        request=req,
        submission_key=key,
        identity_proof=form.cleaned_data.get("identity_proof"),
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def apply_form(request: HttpRequest) -> HttpResponse:
    """Step 3: the application form; POST lodges it and shows the receipt."""
    if request.method != "POST":
        return _form_page(request, ApplicationForm(initial=_initial(request)))
    form = ApplicationForm(request.POST, request.FILES)
    if not form.is_valid():
        return _form_page(request, form, status=400)
    try:
        application = _lodge(request, form)
    except RateLimited as error:
        return _form_page(request, form, status=429, error=error.message)
    except DomainError as error:
        return _form_page(request, form, status=error.status_code, error=error.message)
    track_grant(request.session, application)
    return HttpResponseRedirect(receipt_path(application), status=303)


def _receipt_or_404(token: str) -> Application:
    application = receipt_application(token)
    if application is None:
        raise Http404
    return application


@never_cache
@require_safe
def apply_receipt(request: HttpRequest, token: str) -> HttpResponse:
    """The receipt page: tracking code, what happens next, the PDF 受理回执."""
    application = _receipt_or_404(token)
    context = {
        "application": application,
        "code": tracking_code_format(application.tracking_code),
        "has_pdf": application.letters.filter(kind=LetterKind.RECEIPT).exists(),
        "token": token,
        "limits": limits(),
        # The submitter's own session may open the tracking page directly.
        "track_url": reverse("public:apply:track_case", args=[application.pk])
        if track_granted(request.session, application.pk)
        else reverse("public:apply:track"),
    }
    return render(request, "applications/public/receipt.html", context)


def letter_file_response(
    application: Application, kind: str = LetterKind.RECEIPT
) -> FileResponse:
    letter = application.letters.filter(kind=kind).order_by("-created_at").first()
    if letter is None or not letter.pdf:
        raise Http404
    filename = _("受理回执-%(code)s.pdf") % {"code": application.tracking_code}
    return FileResponse(
        letter.pdf.open("rb"),
        as_attachment=True,
        filename=filename,
        content_type="application/pdf",
    )


@never_cache
@require_safe
def apply_receipt_pdf(request: HttpRequest, token: str) -> FileResponse:
    return letter_file_response(_receipt_or_404(token))
