"""Process configuration from environment variables and `.env` (prefix-free, as twelve-factor apps do)."""

import re
from collections.abc import Iterator
from enum import StrEnum
from functools import lru_cache
from typing import Any

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from redchain.infra.payments.settings import DEV_PAYEE_KEY, get_payment_settings

_URL_PASSWORD = re.compile(r"(://[^:/@]*:).*@")


class PoolerMode(StrEnum):
    # Behind PgBouncer in transaction mode asyncpg's statement cache must be off.
    SESSION = "session"
    TRANSACTION = "transaction"


DEV_JWT_SECRET = "dev-only-change-me-in-production-32bytes"
DEV_ID_CARD_PEPPER = "dev-only-change-me-id-card-pepper"


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
    jwt_secret: SecretStr = SecretStr(DEV_JWT_SECRET)
    # Key of the ID-card hashes (HMAC-SHA256). Changing it makes stored hashes unmatchable.
    id_card_pepper: SecretStr = SecretStr(DEV_ID_CARD_PEPPER)
    access_token_minutes: int = 15
    refresh_token_days: int = 30

    login_attempts_per_account: int = 5
    login_attempts_per_ip: int = 30
    login_window_seconds: int = 300
    requests_per_minute: int = 600
    # Security baseline (等保 2.0 level 3): consecutive failed logins that lock an account until a
    # PARK_ADMIN unlocks it, and the minutes a refresh token may lie unused before its session ends.
    account_lock_failures: int = 10
    session_idle_minutes: int = 30
    # How long Redis keeps a user's authorization version; PostgreSQL stays the source of truth.
    auth_version_cache_seconds: int = 3600

    max_query_depth: int = 10
    max_query_cost: int = 5000
    # Lexical tokens (comments included) a document may have: counted while parsing, so an oversized
    # document costs at most this many tokens of parser time. The standard introspection query has ~190.
    max_query_tokens: int = 3000
    max_directives_per_field: int = 10
    max_body_bytes: int = 1_000_000
    # A file upload (multipart request) may be this large; every other request body stays within max_body_bytes.
    max_upload_bytes: int = 21 * 1024 * 1024
    max_string_length: int = 10_000
    max_page_size: int = 100

    # Tickets: the SLA working day in park time (Asia/Shanghai), the reopen window after a resolution,
    # and the days after which an unconfirmed resolution closes on its own.
    ticket_business_hours: str = "09:00-12:00,13:30-17:30"
    ticket_reopen_window_days: int = 7
    ticket_auto_close_days: int = 7
    # Attachments: kept by infra/storage.py, on local disk under <data_dir>/attachments unless set.
    # An upload also has to fit max_body_bytes, the limit of every request.
    attachments_dir: str | None = None
    attachment_max_bytes: int = 10 * 1024 * 1024
    # Spreadsheet imports (at most 20 MB as uploaded): a reference park's 38,000 enterprises are ~20 MB of
    # sheet XML, compressed ~14 times. Past these an upload is a decompression bomb, not a register.
    import_max_rows: int = 100_000
    import_max_uncompressed_bytes: int = 100 * 1024 * 1024
    import_max_compression_ratio: int = 100

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        # Behind repr() and str(). Secrets are SecretStr already; a URL may carry a password of its own.
        for name, value in super().__repr_args__():
            yield name, _URL_PASSWORD.sub(r"\1***@", value) if isinstance(value, str) else value


@lru_cache
def get_settings() -> Settings:
    return Settings()


def insecure_defaults(settings: Settings) -> list[str]:
    """Secrets still at their development values: anyone could forge tokens with them."""
    found = []
    if settings.jwt_secret.get_secret_value() == DEV_JWT_SECRET:
        found.append("JWT_SECRET")
    if settings.id_card_pepper.get_secret_value() == DEV_ID_CARD_PEPPER:
        found.append("ID_CARD_PEPPER")
    if get_payment_settings().payee_encryption_key.get_secret_value() == DEV_PAYEE_KEY:
        found.append("PAYEE_ENCRYPTION_KEY")
    return found


def startup_problem(settings: Settings) -> str | None:
    """Why the API must not start with these settings, in one line; None when it may."""
    if not settings.database_url or not settings.redis_url:
        return "DATABASE_URL and REDIS_URL must be set (the `redchain` command sets them)"
    if not settings.debug and (insecure := insecure_defaults(settings)):
        return f"set {', '.join(insecure)} (or DEBUG=true for a local try-out)"
    return None
