from .audit import AuditChainHead, AuditEvent
from .calendar import CalendarDay, CalendarYear, StoredDeadline
from .organisations import Organisation, OrganisationKind
from .users import Role, RoleAssignment, User

__all__ = [
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
