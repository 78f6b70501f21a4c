"""Public disclosure site URLs (namespace "public", mounted at the root)."""

from django.urls import URLPattern, URLResolver, path

from .views import public

urlpatterns: list[URLPattern | URLResolver] = [
    path("documents/", public.document_list, name="document_list"),
    path("documents/<int:pk>/", public.document_detail, name="document"),
    path("documents/<int:pk>/print/", public.document_print, name="document_print"),
    path(
        "documents/<int:document_pk>/attachments/<int:pk>/",
        public.attachment_download,
        name="attachment",
    ),
    path("org/<str:credit_code>/", public.organisation_detail, name="organisation"),
    path("org/<str:credit_code>/guide/", public.guide, name="guide"),
    path(
        "org/<str:credit_code>/catalogue/<slug:slug>/",
        public.column_detail,
        name="column",
    ),
    path("large-text/", public.large_text_toggle, name="large_text"),
]
