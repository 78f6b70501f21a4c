from .catalogue import Column, ColumnKind, Topic
from .choices import (
    ContentType,
    Disclosure,
    DocumentStatus,
    Genre,
    LegalForm,
    StatutoryItem,
    SupersedeEffect,
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
    PiiSource,
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
    "PiiSource",
    "StatutoryItem",
    "SupersedeEffect",
    "Topic",
    "Validity",
]
