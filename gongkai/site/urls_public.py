from django.urls import include, path

from . import views_public

urlpatterns = [
    path("", views_public.home, name="home"),
    path("", include("gongkai.documents.urls_public")),
    path("", include("gongkai.search.urls_public")),
    path("apply/", include("gongkai.applications.urls_public")),
    path("reports/", include("gongkai.reports.urls_public")),
]
