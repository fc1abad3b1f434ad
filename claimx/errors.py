"""Domain errors: each message names the problem and, where there is one, the fix."""

from __future__ import annotations


class ClaimxError(Exception):
    """Base class of every error claimx reports to a user."""

    exit_code = 1


class InputError(ClaimxError):
    """An input could not be read or decoded (the other inputs still run)."""

    exit_code = 1

    def __init__(self, source: str, reason: str, line: int | None = None):
        self.source = source
        self.reason = reason
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")

    def __reduce__(self):
        # picklable with its own arguments (spaCy's worker processes pass errors along)
        return (InputError, (self.source, self.reason, self.line))


class ModelError(ClaimxError):
    """No usable spaCy model could be loaded."""

    exit_code = 3


class OutputError(ClaimxError):
    """The output could not be written where it was asked for."""

    exit_code = 4


class UsageError(ClaimxError):
    """An option value is invalid."""

    exit_code = 2
