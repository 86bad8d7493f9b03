"""Domain errors. The UI and the CLI turn these into messages; nothing else should reach a user."""

from __future__ import annotations


class TransitionsError(Exception):
    """Base class of every error that is meant to be shown to a user as a message."""


class ValidationError(TransitionsError):
    """Input that breaks a rule. ``field`` names the offending field where there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(TransitionsError):
    """A record the user named does not exist."""


class IllegalTransitionError(ValidationError):
    """An encounter status change that the discharge state machine does not allow."""


class ConflictError(TransitionsError):
    """Someone else saved a newer version of the record (optimistic locking).

    ``theirs`` (optional) holds the saved values now in the database, field -> text, so the
    conflict dialog can show them beside the user's own.
    """

    def __init__(self, message: str, theirs: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.theirs = theirs


class PermissionDeniedError(TransitionsError):
    """The acting user's role does not allow the action."""


class AuthenticationError(TransitionsError):
    """Sign-in failed. The message never says whether the user name or the password was wrong."""


class DatabaseUnavailableError(TransitionsError):
    """The database URL is malformed or the server cannot be reached. Message masks the password."""


class ConfigError(TransitionsError):
    """The site configuration file is invalid; the message names the key."""
