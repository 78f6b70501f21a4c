from django.urls import URLPattern, URLResolver, path

from . import views_organisations

# Included under /staff/organisations/ in the "staff" namespace.
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views_organisations.organisation_list, name="organisation_list"),
    path(
        "<int:pk>/edit/",
        views_organisations.organisation_edit,
        name="organisation_edit",
    ),
]
