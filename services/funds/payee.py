"""Payee account numbers: encrypted at rest (AES-256-GCM, bound to the park), shown only masked."""

import base64
import os
import uuid

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from redchain.infra.payments.settings import get_payment_settings

VERSION = b"\x01"  # leading byte, so a later key can be rolled in beside this one
NONCE_BYTES = 12


class PayeeKeyError(Exception):
    pass


def _cipher() -> AESGCM:
    key = base64.urlsafe_b64decode(get_payment_settings().payee_encryption_key.get_secret_value())
    if len(key) != 32:
        raise PayeeKeyError("PAYEE_ENCRYPTION_KEY must be 32 bytes, base64-encoded")
    return AESGCM(key)


def encrypt_account(tenant_id: uuid.UUID, account: str) -> bytes:
    # The park is authenticated data: a ciphertext copied into another park does not decrypt.
    nonce = os.urandom(NONCE_BYTES)
    return VERSION + nonce + _cipher().encrypt(nonce, account.encode(), tenant_id.bytes)


def decrypt_account(tenant_id: uuid.UUID, cipher: bytes) -> str:
    if cipher[:1] != VERSION:
        raise PayeeKeyError("unknown payee cipher version")
    nonce, body = cipher[1 : 1 + NONCE_BYTES], cipher[1 + NONCE_BYTES :]
    try:
        return _cipher().decrypt(nonce, body, tenant_id.bytes).decode()
    except InvalidTag as exc:
        raise PayeeKeyError("payee account does not decrypt with this key") from exc


def mask_account(last4: str) -> str:
    return f"**** **** **** {last4}"
