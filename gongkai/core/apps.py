from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "gongkai.core"
    label = "core"
    verbose_name = _("机构、人员与基础设施")

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)
        from .calendar_seed import calendar_seed_on_migrate

        # Seed data is loaded after every migrate and test flush, not by a
        # data migration, so it survives TransactionTestCase flushes.
        post_migrate.connect(
            calendar_seed_on_migrate,
            sender=self,
            dispatch_uid="gongkai.core.calendar_seed",
        )
