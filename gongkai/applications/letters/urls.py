"""文书模板管理, included by applications/urls_staff.py at letter-templates/."""

from django.urls import URLPattern, path

from . import views

urlpatterns: list[URLPattern] = [
    path("", views.letter_template_list, name="letter_template_list"),
    path("<int:pk>/", views.letter_template_edit, name="letter_template_edit"),
]
