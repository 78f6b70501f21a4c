from .audit import AuditChainHead, AuditEvent
from .calendar import CalendarDay, CalendarYear, StoredDeadline
from .organisations import Organisation, OrganisationKind
from .tokens import ApiToken
from .users import Role, RoleAssignment, User

__all__ = [
    "ApiToken",
    "AuditChainHead",
    "AuditEvent",
    "CalendarDay",
    "CalendarYear",
    "Organisation",
    "OrganisationKind",
    "Role",
    "RoleAssignment",
    "StoredDeadline",
    "User",
]
