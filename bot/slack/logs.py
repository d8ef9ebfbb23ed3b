"""Logging for the Slack app: one line per record, with every token and secret redacted.

The filter sits on the handlers, so nothing any library logs (Bolt, slack_sdk, gunicorn,
SQLAlchemy) can print a token: known secret values and anything shaped like a Slack token
(xoxb-, xoxp-, xapp-, …) become "[redacted]"."""

from __future__ import annotations

import logging
import os
import re

TOKEN_RE = re.compile(r"\b(?:xox[abposr]|xapp|xoxe(?:\.xox[bp])?)-[A-Za-z0-9-]+")
# Slack's deprecated verification token, as a form field or a JSON member of a payload
FIELD_RE = re.compile(r"""((?:^|[&?\s{,'"])(?:token|client_secret|signing_secret)['"]?\s*[:=]\s*['"]?)[^&'"\s,}]+""")
# a password inside a database URL: scheme://user:PASSWORD@host
URL_PASSWORD_RE = re.compile(r"(\w+://[^:/\s@]+:)[^@\s]+(@)")


class Redact(logging.Filter):
    def __init__(self, secrets: list[str] | None = None) -> None:
        super().__init__()
        self.secrets = sorted({s for s in (secrets or []) if s and len(s) >= 6}, key=len, reverse=True)

    def scrub(self, text: str) -> str:
        for s in self.secrets:
            text = text.replace(s, "[redacted]")
        text = TOKEN_RE.sub("[redacted]", text)
        text = FIELD_RE.sub(r"\1[redacted]", text)
        return URL_PASSWORD_RE.sub(r"\1[redacted]\2", text)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = self.scrub(message)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.scrub(record.exc_text)
        if clean != message or record.args:
            record.msg, record.args = clean, None
        return True


def configure(secrets: list[str] | None = None, level: str | None = None) -> None:
    """Log to stderr at $LOG_LEVEL (default INFO) through the redaction filter. Every handler
    of the root logger gets the filter, including ones set up before (gunicorn's)."""
    level = (level or os.environ.get("LOG_LEVEL") or "INFO").upper()
    root = logging.getLogger()
    if not root.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s [%(process)d] %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(level)
    install_filter(secrets)


def install_filter(secrets: list[str] | None = None) -> None:
    redact = Redact(secrets)
    for name in ("", "gunicorn.error", "gunicorn.access"):
        for handler in logging.getLogger(name).handlers:
            handler.filters = [f for f in handler.filters if not isinstance(f, Redact)]
            handler.addFilter(redact)
