"""/apply/: applying online and tracking an application (namespace public:apply)."""

from django.urls import URLPattern, path

from .views import public, public_track

app_name = "apply"

urlpatterns: list[URLPattern] = [
    path("", public.apply_start, name="start"),
    path("organisation/", public.apply_organisation, name="organisation"),
    path("form/", public.apply_form, name="form"),
    path("receipt/<str:token>/", public.apply_receipt, name="receipt"),
    path("receipt/<str:token>/pdf/", public.apply_receipt_pdf, name="receipt_pdf"),
    path("track/", public_track.track, name="track"),
    path("track/<int:pk>/", public_track.track_case, name="track_case"),
    path(
        "track/<int:pk>/letters/<int:letter_pk>/<str:fmt>/",
        public_track.track_letter,
        name="track_letter",
    ),
    path(
        "track/<int:pk>/withdraw/",
        public_track.track_withdraw,
        name="track_withdraw",
    ),
    path(
        "track/<int:pk>/files/<int:file_pk>/",
        public_track.track_file,
        name="track_file",
    ),
]
