"""Letters to applicants and third parties (告知书、回执、通知、征求意见函).

Services call `letter_issue`; the back office edits the templates through
`letter_template_save` (letters/views.py, /staff/applications/letter-templates/).
"""

from __future__ import annotations

from .context import letter_context
from .render import letter_render_text
from .seed import letter_templates_seed
from .services import (
    letter_build,
    letter_issue,
    letter_preview,
    letter_template_for,
    letter_template_save,
)

__all__ = [
    "letter_build",
    "letter_context",
    "letter_issue",
    "letter_preview",
    "letter_render_text",
    "letter_template_for",
    "letter_template_save",
    "letter_templates_seed",
]
