"""One error tree: each error knows its HTTP status and its CLI exit code."""

from __future__ import annotations


class CreditGraphError(Exception):
    """Base of every error the product raises on purpose."""

    status_code = 500
    exit_code = 1

    def __init__(self, message: str, *, detail: dict[str, object] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail or {}


class InputError(CreditGraphError):
    """The caller gave something we cannot use (bad file, bad argument)."""

    status_code = 400
    exit_code = 2


class NotFoundError(CreditGraphError):
    """A subject, node or path that does not exist in the store."""

    status_code = 404
    exit_code = 3


class AmbiguousSubjectError(CreditGraphError):
    """A name matches several entities; the caller must choose."""

    status_code = 409
    exit_code = 4


class BackendError(CreditGraphError):
    """A storage or search backend failed or is unreachable."""

    status_code = 503
    exit_code = 5
