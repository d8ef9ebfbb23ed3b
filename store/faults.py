"""Faults a user can meet (a full disk, a read-only file, a locked or foreign database, a URL
with no driver), each as one line that says what to do instead of a traceback.

``explain(exc)`` is used by the command line and by ingestion (a file that fails on a fault
gets this line); the traceback is logged at debug level only. Imports nothing heavy.
"""

from __future__ import annotations

import errno

from store.limits import MAX_MESSAGE_CHARS, SQLITE_BUSY_TIMEOUT_S


class StoreError(Exception):
    """A database modstats must not or cannot use as it is; the message says what to do."""


def one_line(message: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """``message`` as one printable line: control characters (a newline in a file name)
    escaped, cut to ``limit`` characters."""
    if not message.isprintable():
        message = "".join(c if c.isprintable() else repr(c)[1:-1] for c in message)
    return message if len(message) <= limit else message[: limit - 1] + "…"


def _text(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc  # SQLAlchemy wraps the driver's exception
    lines = str(orig).strip().splitlines()
    return lines[0] if lines else type(orig).__name__


def explain(exc: BaseException) -> str | None:
    """What went wrong and what to do, in one line; None when ``exc`` is not a known fault
    (a bug: the caller says so and logs the traceback)."""
    if isinstance(exc, StoreError):
        return str(exc)
    text = _text(exc)
    low = text.lower()
    err = getattr(exc, "errno", None)
    name = exc.__class__.__name__
    if "disk is full" in low or "no space left" in low or err == errno.ENOSPC or "diskfull" in low:
        return f"the disk is full ({text}); nothing was half-written: free some space and run the command again"
    if "readonly database" in low or "read-only" in low or err in (errno.EACCES, errno.EROFS, errno.EPERM):
        return f"cannot write the database ({text}): check the file's and its folder's permissions, or set DATABASE_URL"
    if "database is locked" in low:
        return (f"another modstats kept the database busy for more than {SQLITE_BUSY_TIMEOUT_S} s ({text}); "
                "run the command again when it is done")
    if "unable to open database file" in low:
        return f"cannot open the database file ({text}): check that its folder exists and is writable, or set DATABASE_URL"
    if name in ("NoSuchModuleError", "ArgumentError", "ModuleNotFoundError") or "can't load plugin" in low:
        return (f"DATABASE_URL cannot be used ({text}): modstats works with sqlite:///PATH and "
                "postgresql://USER@HOST/DB (postgres:// is accepted)")
    module = type(exc).__module__ or ""
    if module.startswith(("sqlalchemy", "sqlite3", "psycopg")) or isinstance(exc, OSError):
        return f"the database failed: {name}: {text}"
    return None
