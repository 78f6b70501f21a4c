"""Recording an application received by a channel other than the website."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from gongkai.core.access import actor, staff_required
from gongkai.core.errors import DomainError

from ...forms.staff.record import ApplicationRecordForm
from ...services.intake import application_lodge
from .access import recording_organisations


@require_http_methods(["GET", "POST"])
@staff_required
def application_record(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    organisations = recording_organisations(user)
    if not organisations:
        raise Http404
    data = request.POST if request.method == "POST" else None
    form = ApplicationRecordForm(data, organisations=organisations)
    if data is not None and form.is_valid():
        try:
            application = application_lodge(actor=user, **form.lodge_arguments())
        except DomainError as exc:
            form.add_error(None, exc.message)
        except ValidationError as exc:
            form.add_error(None, "；".join(exc.messages))
        else:
            messages.success(
                request,
                gettext("申请已登记，查询码 %(code)s。")
                % {"code": application.tracking_code},
            )
            return redirect("staff:application_detail", pk=application.pk)
    status = 400 if form.is_bound else 200
    return render(
        request, "applications/staff/record.html", {"form": form}, status=status
    )
