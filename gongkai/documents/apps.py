from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


def _seed_after_migrate(**kwargs: Any) -> None:
    from .catalogue_seed import catalogues_seed_all
    from .topics_seed import topics_seed

    topics_seed()
    catalogues_seed_all()


def _catalogue_for_new_organisation(
    sender: Any, instance: Any, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    # core may not import documents (layers), so the standard catalogue is
    # attached here: it exists from the moment the organisation does.
    if created and not raw:
        from .catalogue_seed import catalogue_seed

        catalogue_seed(organisation=instance)


class DocumentsConfig(AppConfig):
    name = "gongkai.documents"
    label = "documents"
    verbose_name = _("主动公开")

    def ready(self) -> None:
        from gongkai.core.deadline_registry import register_recomputer
        from gongkai.core.models import Organisation

        from .search_index import search_register
        from .services.deadlines import OWNER_KIND, publish_due_recompute

        register_recomputer(OWNER_KIND, publish_due_recompute)
        search_register()  # documents are searchable (gongkai.search, issue 3)
        post_migrate.connect(
            _seed_after_migrate, sender=self, dispatch_uid="documents_seed"
        )
        post_save.connect(
            _catalogue_for_new_organisation,
            sender=Organisation,
            dispatch_uid="documents_catalogue_for_new_organisation",
        )
