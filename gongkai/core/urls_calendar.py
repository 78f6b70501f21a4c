"""Staff calendar pages, included under /staff/calendar/ in namespace "staff"."""

from django.urls import URLPattern, URLResolver, path

from . import views_calendar

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views_calendar.calendar_list, name="calendar_list"),
    path("<int:year>/edit/", views_calendar.calendar_edit, name="calendar_edit"),
    path("<int:year>/verify/", views_calendar.calendar_verify, name="calendar_verify"),
]
