from django.contrib.auth.decorators import login_required
from django.urls import URLPattern, path

from . import views

urlpatterns: list[URLPattern] = [
    path("", login_required(views.search_stats), name="search_stats"),
]
