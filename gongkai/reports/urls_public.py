"""/reports/ (namespace "public")."""

from django.urls import URLPattern, path

from .views import public

urlpatterns: list[URLPattern] = [
    path("<str:org>/<int:year>/", public.report_public, name="annual_report"),
]
