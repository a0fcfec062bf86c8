"""Process configuration from environment variables and `.env` (prefix-free, as twelve-factor apps do)."""

from enum import StrEnum
from functools import lru_cache

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class PoolerMode(StrEnum):
    # Behind PgBouncer in transaction mode asyncpg's statement cache must be off.
    SESSION = "session"
    TRANSACTION = "transaction"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # Owner/migrator connection. Unset means: start the embedded PostgreSQL under .data/.
    database_url: str | None = None
    # Role the API and workers use for tenant work; it owns no table, so row-level security binds it.
    app_db_role: str = "redchain_app"
    app_db_password: SecretStr = SecretStr("redchain_app")
    db_pool_size: int = 10
    pooler_mode: PoolerMode = PoolerMode.SESSION
    redis_url: str | None = None
    data_dir: str = ".data"

    debug: bool = False
    port: int = 8000
    jwt_secret: SecretStr = SecretStr("dev-only-change-me-in-production-32bytes")
    access_token_minutes: int = 15
    refresh_token_days: int = 30

    login_attempts_per_account: int = 5
    login_attempts_per_ip: int = 30
    login_window_seconds: int = 300
    requests_per_minute: int = 600

    max_query_depth: int = 10
    max_query_cost: int = 5000
    max_body_bytes: int = 1_000_000
    max_string_length: int = 10_000
    max_page_size: int = 100

    def __repr__(self) -> str:  # secrets are SecretStr; the URL may hold a password
        return "Settings(...)"


@lru_cache
def get_settings() -> Settings:
    return Settings()
