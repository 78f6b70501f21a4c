from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "gongkai.core"
    label = "core"
    verbose_name = _("机构、人员与基础设施")

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)
