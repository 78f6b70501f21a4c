"""Staff pages: the working-day calendar, edited per year by administrators."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .access import staff_required
from .errors import DomainError
from .forms_calendar import CalendarYearForm, HolidayBlockFormSet, blocks_from_days
from .models import CalendarDay, CalendarYear, User
from .permissions import Permission, has_permission
from .services.calendar import (
    calendar_year_save,
    calendar_year_verify,
    two_person_check,
)
from .workdays import calendar_version, last_known_year

FIRST_YEAR, LAST_YEAR = 2000, 2100


def _require_calendar_manager(request: HttpRequest) -> User:
    """Administrators (role `admin` in any organisation) manage the calendar."""
    user = request.user
    if not isinstance(user, User) or not has_permission(
        user, Permission.CALENDAR_MANAGE, None
    ):
        raise PermissionDenied
    return user


def _year_or_404(year: int) -> int:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404
    return year


@staff_required
def calendar_list(request: HttpRequest) -> HttpResponse:
    user = _require_calendar_manager(request)
    years = CalendarYear.objects.select_related("entered_by", "verified_by").order_by(
        "-year"
    )
    held = {y.year for y in years}
    next_year = timezone.localdate().year + 1
    while next_year in held:
        next_year += 1
    return render(
        request,
        "core/calendar/list.html",
        {
            "years": years,
            "next_year": next_year,
            "version": calendar_version(),
            "last_known_year": last_known_year(),
            "two_person": two_person_check(),
            "user_id": user.pk,
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def calendar_edit(request: HttpRequest, year: int) -> HttpResponse:
    user = _require_calendar_manager(request)
    _year_or_404(year)
    existing = CalendarYear.objects.filter(year=year).first()
    if request.method == "POST":
        form = CalendarYearForm(request.POST)
        formset = HolidayBlockFormSet(request.POST, year=year, prefix="blocks")
        if form.is_valid() and formset.is_valid():
            try:
                calendar_year_save(
                    actor=user, year=year, days=formset.days(), **form.cleaned_data
                )
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _saved_message(year))
                return redirect("staff:calendar_list")
    else:
        form = CalendarYearForm(initial=_year_initial(existing, year))
        formset = HolidayBlockFormSet(
            initial=_blocks_initial(existing, year), year=year, prefix="blocks"
        )
        if existing is None:
            formset.extra = 9  # a new year: room for every holiday of a notice
    return render(
        request,
        "core/calendar/edit.html",
        {
            "year": year,
            "existing": existing,
            "form": form,
            "formset": formset,
            "two_person": two_person_check(),
        },
    )


@staff_required
@require_POST
def calendar_verify(request: HttpRequest, year: int) -> HttpResponse:
    user = _require_calendar_manager(request)
    _year_or_404(year)
    try:
        calendar_year_verify(actor=user, year=year)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("%(year)s 年放假调休安排已核验，相关期限已重新计算。") % {"year": year},
        )
    return redirect("staff:calendar_list")


def _saved_message(year: int) -> str:
    if two_person_check():
        return _("%(year)s 年放假调休安排已保存，须由另一名管理员核验后生效。") % {
            "year": year
        }
    return _("%(year)s 年放假调休安排已保存并生效，相关期限已重新计算。") % {
        "year": year
    }


def _year_initial(existing: CalendarYear | None, year: int) -> dict[str, object]:
    if existing is None:
        return {"source_title": f"国务院办公厅关于{year}年部分节假日安排的通知"}
    return {
        "source_doc_number": existing.source_doc_number,
        "source_title": existing.source_title,
        "source_url": existing.source_url,
        "notice_date": existing.notice_date,
    }


def _blocks_initial(
    existing: CalendarYear | None, year: int
) -> list[dict[str, object]]:
    if existing is None:
        return []
    rows = CalendarDay.objects.filter(calendar_year=existing).values_list(
        "date", "kind", "holiday_name"
    )
    return blocks_from_days(year, list(rows))
