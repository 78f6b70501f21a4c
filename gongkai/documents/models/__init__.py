from .catalogue import Column, ColumnKind, Topic
from .choices import (
    ContentType,
    Disclosure,
    DocumentStatus,
    Genre,
    LegalForm,
    StatutoryItem,
    Validity,
)
from .documents import (
    Attachment,
    ConfidentialityReview,
    Document,
    IndexSerial,
    PiiDecision,
    PiiFinding,
    PiiKind,
)

__all__ = [
    "Attachment",
    "Column",
    "ColumnKind",
    "ConfidentialityReview",
    "ContentType",
    "Disclosure",
    "Document",
    "DocumentStatus",
    "Genre",
    "IndexSerial",
    "LegalForm",
    "PiiDecision",
    "PiiFinding",
    "PiiKind",
    "StatutoryItem",
    "Topic",
    "Validity",
]
