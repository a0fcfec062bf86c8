"""Masks for personal data shown to roles that do not need it whole: the API and the exports use the same."""


def mask_phone(phone: str | None) -> str | None:
    """ "13812345678" → "138****5678"; a short number is masked whole."""
    if not phone:
        return phone
    return phone[:3] + "*" * max(len(phone) - 7, 0) + phone[-4:] if len(phone) > 7 else "*" * len(phone)
