from django.urls import include, path

from . import views_staff

urlpatterns = [
    path("", views_staff.dashboard, name="dashboard"),
    path("calendar/", include("gongkai.core.urls_calendar")),
    path("organisations/", include("gongkai.core.urls_organisations")),
    path("documents/", include("gongkai.documents.urls_staff")),
]
