"""Configuration of payments: the treasury gateway, retries and reconciliation, the payee key."""

from functools import lru_cache

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

DEV_PAYEE_KEY = "ZGV2LW9ubHktcGF5ZWUta2V5LWNoYW5nZS1tZS0zMmI="


class PaymentSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    treasury_url: str = "http://127.0.0.1:8010"
    # Past this the answer is "unknown", never "failed": reconciliation asks the gateway later.
    payment_timeout_seconds: float = 5.0
    payment_retry_base_seconds: float = 30.0
    payment_retry_max_seconds: float = 1800.0
    # How long a dispatched payment belongs to its job before reconciliation hands it to another.
    payment_lease_seconds: float = 120.0
    payment_reconcile_every_seconds: int = 30
    payment_reconcile_batch: int = 500
    # AES-256-GCM key for payee account numbers, 32 bytes base64 (urlsafe). Set it in production.
    payee_encryption_key: SecretStr = SecretStr(DEV_PAYEE_KEY)


@lru_cache
def get_payment_settings() -> PaymentSettings:
    return PaymentSettings()
