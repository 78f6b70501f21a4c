"""Services of disclosure on application (one per workflow transition).

Intake (`services.intake`, lodging and validation) is imported from its own
module and deliberately not re-exported here, so importing the transition
services never drags in the intake's dependencies (and no import cycle can
form through this package).
"""

from .consultations import consultation_answer, consultation_start
from .corrections import correction_expire, correction_notice_issue, correction_receive
from .deadlines import application_deadline_refresh
from .fees import (
    fee_application_quote,
    fee_expire,
    fee_notice_issue,
    fee_payment_record,
)
from .handling import application_assign, application_confirm, application_extend
from .overdue import applications_close_overdue
from .referrals import application_refer
from .remedies import remedy_decide, remedy_record
from .replies import application_reply, application_withdraw
from .transitions import Step, transition_apply

__all__ = [
    "Step",
    "application_assign",
    "application_confirm",
    "application_deadline_refresh",
    "application_extend",
    "application_refer",
    "application_reply",
    "application_withdraw",
    "applications_close_overdue",
    "consultation_answer",
    "consultation_start",
    "correction_expire",
    "correction_notice_issue",
    "correction_receive",
    "fee_application_quote",
    "fee_expire",
    "fee_notice_issue",
    "fee_payment_record",
    "remedy_decide",
    "remedy_record",
    "transition_apply",
]
