"""Domain errors: expected rule failures with a stable code and zh-CN/en messages."""

from enum import StrEnum
from typing import ClassVar


class CommonErrorCode(StrEnum):
    NOT_FOUND = "NOT_FOUND"
    INVALID = "INVALID"
    TOO_LONG = "TOO_LONG"
    CONFLICT = "CONFLICT"
    FORBIDDEN = "FORBIDDEN"
    REQUIRED = "REQUIRED"


class DomainError(Exception):
    """Raised by services; the API turns it into a `userErrors` entry of the mutation payload."""

    code: ClassVar[StrEnum] = CommonErrorCode.INVALID
    message_zh: ClassVar[str] = "请求无效"
    message_en: ClassVar[str] = "The request is invalid"

    def __init__(self, field: str | None = None, **params: object) -> None:
        super().__init__(self.message_en.format(**params))
        self.field = field
        self.params = params

    def message(self, locale: str) -> str:
        template = self.message_en if locale == "en" else self.message_zh
        return template.format(**self.params)


class NotFound(DomainError):
    # Also what a caller sees for an object outside its scope: never a leak of its existence.
    code = CommonErrorCode.NOT_FOUND
    message_zh = "对象不存在"
    message_en = "Not found"


class PermissionDenied(DomainError):
    code = CommonErrorCode.FORBIDDEN
    message_zh = "无权执行此操作"
    message_en = "You are not allowed to do this"


class TooLong(DomainError):
    code = CommonErrorCode.TOO_LONG
    message_zh = "内容过长（最多 {limit} 个字符）"
    message_en = "Too long (at most {limit} characters)"


class Conflict(DomainError):
    code = CommonErrorCode.CONFLICT
    message_zh = "数据已被他人修改，请刷新后重试"
    message_en = "Changed by someone else; reload and try again"


class Required(DomainError):
    # null for a field an update cannot clear (services/updates.py).
    code = CommonErrorCode.REQUIRED
    message_zh = "不能为空"
    message_en = "Must not be empty"
