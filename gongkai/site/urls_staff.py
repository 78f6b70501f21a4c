"""The staff back office under /staff/ (namespace "staff")."""

from django.urls import URLPattern, URLResolver, include, path

from . import views_staff

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views_staff.dashboard, name="dashboard"),
    path("login/", views_staff.login, name="login"),
    path("logout/", views_staff.logout, name="logout"),
    path("calendar/", include("gongkai.core.urls_calendar")),
    path("organisations/", include("gongkai.core.urls_organisations")),
    path("documents/", include("gongkai.documents.urls_staff")),
    path("search/", include("gongkai.search.urls_staff")),
    path("applications/", include("gongkai.applications.urls_staff")),
    path("reports/", include("gongkai.reports.urls_staff")),
]
