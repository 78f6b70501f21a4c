"""Staff pages: the organisations a user may manage and their guide data."""

from __future__ import annotations

import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .access import staff_required
from .forms_organisations import (
    IDENTITY_FIELDS,
    PROFILE_FIELDS,
    OrganisationAdminForm,
    OrganisationProfileForm,
)
from .models import User
from .permissions import Permission, has_permission
from .selectors import organisations_where
from .services.organisations import organisation_update


@staff_required
def organisation_list(request: HttpRequest) -> HttpResponse:
    organisations = organisations_where(
        user=request.user, permission=Permission.ORGANISATION_PROFILE_EDIT
    ).order_by("path")
    return render(
        request,
        "core/organisations/list.html",
        {"organisations": organisations},
    )


@staff_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    # Organisations outside the user's permission answer 404, not 403.
    organisation = get_object_or_404(
        organisations_where(
            user=request.user, permission=Permission.ORGANISATION_PROFILE_EDIT
        ),
        pk=pk,
    )
    identity = has_permission(
        request.user, Permission.ORGANISATION_MANAGE, organisation
    )
    form_class = OrganisationAdminForm if identity else OrganisationProfileForm
    # The form works on a copy: invalid input must not rename the page.
    data = request.POST if request.method == "POST" else None
    form = form_class(data, instance=copy.copy(organisation))
    if request.method == "POST" and form.is_valid():
        fields = IDENTITY_FIELDS + PROFILE_FIELDS if identity else PROFILE_FIELDS
        actor = request.user if isinstance(request.user, User) else None
        try:
            organisation_update(
                actor=actor,
                organisation=organisation,
                **{name: form.cleaned_data[name] for name in fields},
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("已保存“%(name)s”的机构信息。") % {"name": organisation.name}
            )
            return redirect("staff:organisation_list")
    return render(
        request,
        "core/organisations/edit.html",
        {"organisation": organisation, "form": form, "identity": identity},
    )
