"""Back-office forms: input shape and validation only (the 400s).

fields   shared widgets and field helpers
record   recording an application received by another channel
actions  one form per workflow action (`arguments()` = the service keywords)
remedies reconsideration and litigation records
queue    the queue's filters
"""
