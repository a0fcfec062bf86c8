"""Notification error codes."""

from enum import StrEnum

from redchain.services.errors import DomainError


class NotificationErrorCode(StrEnum):
    INVALID_SELECTION = "INVALID_SELECTION"
    TOO_MANY = "TOO_MANY"


class InvalidSelection(DomainError):
    code = NotificationErrorCode.INVALID_SELECTION
    message_zh = "请指定要标记的通知，或选择全部（二者选其一）"
    message_en = "Give either the notification IDs or all, not both and not neither"


class TooManyNotifications(DomainError):
    code = NotificationErrorCode.TOO_MANY
    message_zh = "一次最多标记 {limit} 条通知"
    message_en = "At most {limit} notifications at a time"
