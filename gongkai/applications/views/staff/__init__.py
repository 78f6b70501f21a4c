"""The back office for disclosure on application (/staff/applications/).

Views stay thin: parse with a form, call one service, render or redirect.
Each workflow action has its own POST URL (never a dispatch on
POST["action"]); cases the user may not see answer 404; a refusal by the
rules is shown on the case page in Chinese with 400/403/409, nothing stored.

access        which actions a user may take on a case
action_table  the workflow actions as data: form, service call, message
actions       one generic view per row of the action table
detail        the case page with every allowed action's form
queue         the queue with filters, sorting and due-date colours
record        recording an application received in person, by post…
ledger        the deadline ledger (how the due date was reached)
remedies      reconsideration and litigation records
files         letters and released files
"""
