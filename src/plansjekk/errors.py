"""The two kinds of failure: a bad document (a result) and a user mistake (exit 2)."""

from __future__ import annotations


class PlansjekkError(Exception):
    """A usage or configuration mistake; caught once in the CLI and mapped to exit code 2."""


class ExtractionError(Exception):
    """A document that cannot be read. Becomes DocumentResult.error, exit code 3.

    `code` is stable and machine-readable; `message` is Norwegian and tells the user
    what to do.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class RuleFileError(PlansjekkError):
    """A rule file that does not validate; the message names file and line."""
