"""/staff/reports/ (namespace "staff")."""

from django.urls import URLPattern, path

from .views import cells, staff
from .views.check import report_check

urlpatterns: list[URLPattern] = [
    path("", staff.report_list, name="report_list"),
    path("new/", staff.report_new, name="report_new"),
    path("check/", report_check, name="report_check"),
    path("<int:pk>/", staff.report_detail, name="report_detail"),
    path("<int:pk>/edit/", staff.report_edit, name="report_edit"),
    path("<int:pk>/approve/", staff.report_approve_view, name="report_approve"),
    path("<int:pk>/publish/", staff.report_publish_view, name="report_publish"),
    path("<int:pk>/reopen/", staff.report_reopen_view, name="report_reopen"),
    path("<int:pk>/correct/", staff.report_correct_view, name="report_correct"),
    path("<int:pk>/export/<str:fmt>/", staff.report_export, name="report_export"),
    path(
        "cells/<str:org>/<int:year>/<str:scope>/<str:key>/",
        cells.report_cell,
        name="report_cell",
    ),
]
