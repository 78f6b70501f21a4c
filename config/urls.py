from django.conf import settings
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from gongkai.api.urls import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    # set_language: the language switch in the page header/footer posts here.
    path("i18n/", include("django.conf.urls.i18n")),
    path("staff/", include(("gongkai.site.urls_staff", "staff"))),
    path("", include(("gongkai.site.urls_public", "public"))),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
