from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "gongkai.applications"
    label = "applications"
    verbose_name = _("依申请公开")

    def ready(self) -> None:
        from gongkai.core.deadline_registry import register_recomputer

        from .letters.seed import letter_templates_connect
        from .services import deadlines

        # Calendar edits recompute open cases' due dates (architecture rule 3).
        register_recomputer(
            deadlines.OWNER_KIND, deadlines.application_deadline_recompute
        )
        register_recomputer(
            deadlines.FEE_OWNER_KIND, deadlines.fee_payment_due_recompute
        )
        register_recomputer(
            deadlines.CONSULTATION_OWNER_KIND,
            deadlines.consultation_answer_due_recompute,
        )

        letter_templates_connect(self)  # default letter templates after migrate
