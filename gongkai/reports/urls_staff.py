from django.urls import URLPattern, path

from .views.check import report_check

urlpatterns: list[URLPattern] = [
    path("check/", report_check, name="report_check"),
]
