"""Back-office application URLs, mounted at /staff/applications/ (namespace "staff").

One POST URL per workflow action (never a dispatch on POST["action"]):
`<pk>/<slug>/`, named `application_<action>`, from the action table.
"""

from django.urls import URLPattern, URLResolver, include, path

from .views.staff import detail, files, ledger, queue, record, remedies
from .views.staff.action_table import ACTION_STEPS
from .views.staff.actions import ACTION_VIEWS

urlpatterns: list[URLPattern | URLResolver] = [
    path("", queue.queue, name="application_queue"),
    path("new/", record.application_record, name="application_record"),
    path("letter-templates/", include("gongkai.applications.letters.urls")),
    path("<int:pk>/", detail.case_detail, name="application_detail"),
    path("<int:pk>/ledger/", ledger.case_ledger, name="application_ledger"),
    *(
        path(
            f"<int:pk>/{ACTION_STEPS[action].slug}/",
            view,
            name=f"application_{action.value}",
        )
        for action, view in ACTION_VIEWS.items()
    ),
    path(
        "<int:pk>/remedies/", remedies.remedy_record, name="application_remedy_record"
    ),
    path(
        "<int:pk>/remedies/<int:remedy_pk>/decide/",
        remedies.remedy_decide,
        name="application_remedy_decide",
    ),
    path(
        "<int:pk>/letters/<int:letter_pk>.<str:fmt>",
        files.letter_download,
        name="application_letter",
    ),
    path(
        "<int:pk>/files/<int:file_pk>/",
        files.released_file_download,
        name="application_released_file",
    ),
]
