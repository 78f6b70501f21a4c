"""Input shape of the staff back office (the 4xx): parsing, never deciding.

Domain decisions (may this user submit? is the disclosure attribute complete
enough to go on?) belong to the services; these forms only turn POST data into
typed values and give field errors in Chinese.
"""

from .actions import (
    ActionForm,
    AttachmentForm,
    ConfidentialityReviewForm,
    PiiConfirmForm,
    PiiRedactForm,
    PublishForm,
    ReasonForm,
)
from .document import DocumentForm, document_initial
from .filters import DocumentFilterForm

__all__ = [
    "ActionForm",
    "AttachmentForm",
    "ConfidentialityReviewForm",
    "DocumentFilterForm",
    "DocumentForm",
    "PiiConfirmForm",
    "PiiRedactForm",
    "PublishForm",
    "ReasonForm",
    "document_initial",
]
