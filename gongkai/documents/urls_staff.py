"""Back-office document URLs, mounted at /staff/documents/ (namespace "staff").

One POST URL per workflow action (never a dispatch on POST["action"]).
"""

from django.urls import URLPattern, URLResolver, path

from .views import staff

urlpatterns: list[URLPattern | URLResolver] = [
    path("", staff.document_list, name="document_list"),
    path("new/", staff.document_create, name="document_create"),
    path("<int:pk>/", staff.document_detail, name="document_detail"),
    path("<int:pk>/edit/", staff.document_edit, name="document_edit"),
    path("<int:pk>/submit/", staff.document_submit, name="document_submit"),
    path("<int:pk>/return/", staff.document_return, name="document_return"),
    path("<int:pk>/revise/", staff.document_revise, name="document_revise"),
    path("<int:pk>/review/", staff.document_review, name="document_review"),
    path("<int:pk>/approve/", staff.document_approve, name="document_approve"),
    path("<int:pk>/publish/", staff.document_publish, name="document_publish"),
    path("<int:pk>/withdraw/", staff.document_withdraw, name="document_withdraw"),
    path(
        "<int:pk>/pii/<int:finding_pk>/redact/",
        staff.pii_redact,
        name="document_pii_redact",
    ),
    path(
        "<int:pk>/pii/<int:finding_pk>/confirm-public/",
        staff.pii_confirm_public,
        name="document_pii_confirm_public",
    ),
    path("<int:pk>/attachments/", staff.attachment_add, name="document_attachment_add"),
    path(
        "<int:pk>/attachments/<int:attachment_pk>/remove/",
        staff.attachment_remove,
        name="document_attachment_remove",
    ),
]
