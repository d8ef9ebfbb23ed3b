"""Settings from the environment (and a ``.env`` file via python-dotenv).

A missing setting stops start-up with a message naming the variable. Secrets are kept out of
``repr`` so a settings object can never leak a token into a log or a traceback.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

SLACK_API_URL_DEFAULT = "https://slack.com/api/"
HTTP, SOCKET_MODE = "http", "socket"


class SettingsError(RuntimeError):
    """A required setting is missing or malformed; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    bot_token: str = field(repr=False)
    signing_secret: str | None = field(default=None, repr=False)
    app_token: str | None = field(default=None, repr=False)
    database_url: str | None = field(default=None, repr=False)  # may carry a password
    port: int = 3000
    web_concurrency: int = 2
    slack_api_url: str = SLACK_API_URL_DEFAULT

    @property
    def mode(self) -> str:
        return SOCKET_MODE if self.app_token else HTTP

    def secrets(self) -> list[str]:
        """Every secret value, for the log redaction filter."""
        out = [self.bot_token, self.signing_secret, self.app_token]
        if self.database_url:
            from sqlalchemy.engine import make_url

            try:
                password = make_url(self.database_url).password
            except Exception:  # noqa: BLE001 - an unparsable URL fails later, with its own message
                password = None
            out.append(password)
        return [s for s in out if s]

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, *, mode: str | None = None, load_dotenv: bool = True) -> "Settings":
        """Read the settings. ``mode`` forces HTTP or Socket Mode; by default Socket Mode is
        used when SLACK_APP_TOKEN is set."""
        if env is None:
            if load_dotenv:
                from dotenv import load_dotenv as _load

                _load()
            env = dict(os.environ)

        def get(name: str) -> str | None:
            value = env.get(name)
            return value.strip() if value and value.strip() else None

        def require(name: str, why: str) -> str:
            value = get(name)
            if value is None:
                raise SettingsError(f"{name} is not set: {why}. Set it in the environment or in a .env file.")
            return value

        def integer(name: str, default: int) -> int:
            value = get(name)
            if value is None:
                return default
            try:
                number = int(value)
            except ValueError:
                raise SettingsError(f"{name} must be a whole number, not {value!r}.") from None
            if number <= 0:
                raise SettingsError(f"{name} must be positive, not {number}.")
            return number

        app_token = get("SLACK_APP_TOKEN")
        if mode == SOCKET_MODE and app_token is None:
            require("SLACK_APP_TOKEN", "Socket Mode needs an app-level token (xapp-…) with connections:write")
        if mode == HTTP:
            app_token = None
        bot_token = require("SLACK_BOT_TOKEN", "the bot token (xoxb-…) from the app's OAuth & Permissions page")
        signing_secret = get("SLACK_SIGNING_SECRET")
        if app_token is None and signing_secret is None:
            require("SLACK_SIGNING_SECRET", "HTTP mode verifies every request with the app's signing secret")
        if app_token is not None and not app_token.startswith("xapp-"):
            raise SettingsError("SLACK_APP_TOKEN must be an app-level token starting with xapp-.")
        api_url = get("SLACK_API_URL") or SLACK_API_URL_DEFAULT
        if not api_url.startswith(("http://", "https://")):
            raise SettingsError(f"SLACK_API_URL must be an http(s) URL, not {api_url!r}.")
        return cls(
            bot_token=bot_token,
            signing_secret=signing_secret,
            app_token=app_token,
            database_url=get("DATABASE_URL"),
            port=integer("PORT", 3000),
            web_concurrency=integer("WEB_CONCURRENCY", 2),
            slack_api_url=api_url if api_url.endswith("/") else api_url + "/",
        )
