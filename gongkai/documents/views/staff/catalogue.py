"""栏目管理: the catalogue tree of an organisation and its column forms.

Heads manage their own organisation's catalogue, administrators those of
their subtree; any other organisation or column answers 404. Each POST calls
one service and redirects to the tree (POST-redirect-GET); a refusal is shown
on the form, or as a message for deletion.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.core.access import actor, staff_required
from gongkai.core.errors import DomainError, PermissionDenied
from gongkai.core.models import Organisation

from ... import services
from ...forms.catalogue import ColumnForm, ColumnMoveForm, column_initial
from ...models import Column
from ...selectors.catalogue import (
    catalogue_organisation_get,
    catalogue_organisations,
    catalogue_rows,
    column_get_for_manager,
    column_is_standard,
    seeded_slugs,
)
from ...selectors.public import column_subtree_ids

FORM_TEMPLATE = "documents/staff/catalogue_form.html"


def _post(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


def _to_tree(organisation_id: int) -> HttpResponseRedirect:
    return redirect("staff:catalogue_tree", org_pk=organisation_id)


def _attempt(form: forms.Form, call: Callable[[], object]) -> bool:
    """Call one service; a refusal goes onto the form and gives False."""
    try:
        call()
    except PermissionDenied as exc:
        raise Http404(exc.message) from exc
    except DomainError as exc:
        form.add_error(None, exc.message)
    except ValidationError as exc:
        if not hasattr(exc, "error_dict"):
            form.add_error(None, exc)
            return False
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        return True
    return False


def _form_page(
    request: HttpRequest, form: forms.Form, organisation: Organisation, **extra: Any
) -> HttpResponse:
    context = {"form": form, "organisation": organisation, **extra}
    status = 400 if form.is_bound else 200
    return render(request, FORM_TEMPLATE, context, status=status)


@require_GET
@staff_required
def catalogue_index(request: HttpRequest) -> HttpResponse:
    """Choose an organisation; with only one, go straight to its catalogue."""
    organisations = list(catalogue_organisations(user=actor(request)))
    if not organisations:
        raise Http404
    if len(organisations) == 1:
        return _to_tree(organisations[0].pk)
    return render(
        request,
        "documents/staff/catalogue_index.html",
        {"organisations": organisations},
    )


@require_GET
@staff_required
def catalogue_tree(request: HttpRequest, org_pk: int) -> HttpResponse:
    organisation = catalogue_organisation_get(user=actor(request), pk=org_pk)
    return render(
        request,
        "documents/staff/catalogue_tree.html",
        {
            "organisation": organisation,
            "rows": catalogue_rows(organisation=organisation),
            "may_switch": catalogue_organisations(user=actor(request)).count() > 1,
        },
    )


@require_http_methods(["GET", "POST"])
@staff_required
def column_create(request: HttpRequest, org_pk: int) -> HttpResponse:
    user = actor(request)
    organisation = catalogue_organisation_get(user=user, pk=org_pk)
    rows = catalogue_rows(organisation=organisation)
    initial = {"parent": request.GET.get("parent")}
    form = ColumnForm(_post(request), rows=rows, initial=initial)
    if request.method == "POST" and form.is_valid():
        done = _attempt(
            form,
            lambda: services.column_create(
                actor=user,
                organisation=organisation,
                parent=form.cleaned_data["parent"],
                **form.service_fields(),
            ),
        )
        if done:
            messages.success(request, _("栏目已添加。"))
            return _to_tree(organisation.pk)
    return _form_page(request, form, organisation, column=None)


@require_http_methods(["GET", "POST"])
@staff_required
def column_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = actor(request)
    column = column_get_for_manager(user=user, pk=pk)
    organisation = column.organisation
    standard = column_is_standard(column, seeded_slugs(organisation=organisation))
    form = ColumnForm(_post(request), standard=standard, initial=column_initial(column))
    if request.method == "POST" and form.is_valid():
        fields = form.service_fields()

        def call() -> Column:
            return services.column_update(actor=user, column=column, **fields)

        if _attempt(form, call):
            messages.success(request, _("栏目已保存。"))
            return _to_tree(organisation.pk)
    return _form_page(request, form, organisation, column=column, action="edit")


@require_http_methods(["GET", "POST"])
@staff_required
def column_move(request: HttpRequest, pk: int) -> HttpResponse:
    user = actor(request)
    column = column_get_for_manager(user=user, pk=pk)
    organisation = column.organisation
    # The column and its sub-columns are no place to put it.
    excluded = set(column_subtree_ids(column=column))
    rows = catalogue_rows(organisation=organisation)
    form = ColumnMoveForm(
        _post(request),
        rows=[row for row in rows if row.column.pk not in excluded],
        initial={"parent": column.parent_id, "sort_order": column.sort_order},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def call() -> Column:
            return services.column_move(
                actor=user,
                column=column,
                new_parent=data["parent"],
                sort_order=data["sort_order"],
            )

        if _attempt(form, call):
            messages.success(request, _("栏目位置已调整。"))
            return _to_tree(organisation.pk)
    return _form_page(request, form, organisation, column=column, action="move")


@require_http_methods(["GET", "POST"])
@staff_required
def column_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST deletes, or says why it may not."""
    user = actor(request)
    column = column_get_for_manager(user=user, pk=pk)
    organisation = column.organisation
    if request.method == "POST":
        try:
            services.column_delete(actor=user, column=column)
        except PermissionDenied as exc:
            raise Http404(exc.message) from exc
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request, _("栏目“%(name)s”已删除。") % {"name": column.name}
            )
        return _to_tree(organisation.pk)
    subtree = set(column_subtree_ids(column=column))
    rows = [
        r for r in catalogue_rows(organisation=organisation) if r.column.pk in subtree
    ]
    return render(
        request,
        "documents/staff/catalogue_delete.html",
        {
            "organisation": organisation,
            "column": column,
            "rows": rows,
            "blocked": any(r.standard for r in rows) or rows[0].documents_total > 0,
        },
    )
