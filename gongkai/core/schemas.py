"""API schemas every app's endpoints share."""

from __future__ import annotations

from ninja import Schema


class ErrorOut(Schema):
    """The body of a refused request: a code and a message a person reads."""

    error: str
    message: str
