"""The staff back office for documents (主动公开 录入、审核、发布).

Views stay thin: parse with a form, call one service, render or redirect.
Each workflow action has its own POST URL; a domain error becomes a message
on the page, a document the user may not see (or act on) answers 404, and
every successful POST redirects (POST-redirect-GET).

access       who gets in and which actions a user may take on a document
responses    running one service and reporting its outcome as messages
listing      the document list
edit         create and edit (the metadata form)
detail       the document page with every action's form
actions      the workflow actions, one generic view over a table
pii          PII findings: one URL per decision
attachments  upload and remove
"""
