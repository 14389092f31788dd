"""Settings in one place: environment variables with the ``PLANWATCH_`` prefix."""

from __future__ import annotations

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Runtime configuration; every field can be set as ``PLANWATCH_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="PLANWATCH_", env_file=None)

    #: SQLAlchemy URL. The default is a SQLite file in the working folder.
    database_url: str = "sqlite:///planwatch.sqlite"
    #: Who is recorded in audit rows when the caller does not say.
    user: str = "planwatch"
    #: Mark the login cookie Secure (HTTPS only). Also set per request when the request came
    #: over HTTPS (behind a proxy: ``planwatch serve --forwarded-allow-ips`` trusts its
    #: X-Forwarded-Proto).
    cookie_secure: bool = False


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process-wide settings (read once from the environment)."""
    return Settings()
