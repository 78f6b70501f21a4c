"""Back-office document URLs, mounted at /staff/documents/ (namespace "staff").

One POST URL per workflow action (never a dispatch on POST["action"]):
`<pk>/<action>/`, named `document_<action>`, from the action table.
栏目管理 lives under catalogue/ (one organisation's tree, then its columns).
"""

from django.urls import URLPattern, URLResolver, path

from .views.staff import attachments, catalogue, detail, edit, listing, pii
from .views.staff.actions import ACTION_VIEWS

urlpatterns: list[URLPattern | URLResolver] = [
    path("", listing.document_list, name="document_list"),
    path("new/", edit.document_create, name="document_create"),
    path("<int:pk>/", detail.document_detail, name="document_detail"),
    path("<int:pk>/edit/", edit.document_edit, name="document_edit"),
    *(
        path(f"<int:pk>/{action.value}/", view, name=f"document_{action.value}")
        for action, view in ACTION_VIEWS.items()
    ),
    path(
        "<int:pk>/pii/<int:finding_pk>/redact/",
        pii.pii_redact,
        name="document_pii_redact",
    ),
    path(
        "<int:pk>/pii/<int:finding_pk>/confirm-public/",
        pii.pii_confirm_public,
        name="document_pii_confirm_public",
    ),
    path(
        "<int:pk>/attachments/",
        attachments.attachment_add,
        name="document_attachment_add",
    ),
    path(
        "<int:pk>/attachments/<int:attachment_pk>/remove/",
        attachments.attachment_remove,
        name="document_attachment_remove",
    ),
    path("catalogue/", catalogue.catalogue_index, name="catalogue_index"),
    path("catalogue/<int:org_pk>/", catalogue.catalogue_tree, name="catalogue_tree"),
    path("catalogue/<int:org_pk>/new/", catalogue.column_create, name="column_create"),
    path("catalogue/columns/<int:pk>/edit/", catalogue.column_edit, name="column_edit"),
    path("catalogue/columns/<int:pk>/move/", catalogue.column_move, name="column_move"),
    path(
        "catalogue/columns/<int:pk>/delete/",
        catalogue.column_delete,
        name="column_delete",
    ),
]
