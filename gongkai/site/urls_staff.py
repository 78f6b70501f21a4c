from django.urls import path

from . import views_staff

urlpatterns = [
    path("", views_staff.dashboard, name="dashboard"),
]
