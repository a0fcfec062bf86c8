"""Tenancy error codes."""

from enum import StrEnum

from redchain.services.errors import DomainError


class TenancyErrorCode(StrEnum):
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    NO_MEMBERSHIP = "NO_MEMBERSHIP"
    INVALID_REFRESH_TOKEN = "INVALID_REFRESH_TOKEN"
    PARK_CODE_TAKEN = "PARK_CODE_TAKEN"
    INVALID_EMAIL = "INVALID_EMAIL"
    WEAK_PASSWORD = "WEAK_PASSWORD"
    SCOPE_REQUIRED = "SCOPE_REQUIRED"
    SCOPE_NOT_ALLOWED = "SCOPE_NOT_ALLOWED"
    DUPLICATE_MEMBERSHIP = "DUPLICATE_MEMBERSHIP"
    ALREADY_REVOKED = "ALREADY_REVOKED"
    INVALID_PARK_CODE = "INVALID_PARK_CODE"
    LAST_PARK_ADMIN = "LAST_PARK_ADMIN"
    REQUIRED = "REQUIRED"


class InvalidCredentials(DomainError):
    # One answer for unknown email and wrong password: no account enumeration.
    code = TenancyErrorCode.INVALID_CREDENTIALS
    message_zh = "邮箱或密码错误"
    message_en = "Wrong email or password"


class NoMembership(DomainError):
    code = TenancyErrorCode.NO_MEMBERSHIP
    message_zh = "您在该园区没有有效的角色"
    message_en = "You have no active role in this park"


class InvalidRefreshToken(DomainError):
    code = TenancyErrorCode.INVALID_REFRESH_TOKEN
    message_zh = "登录已失效，请重新登录"
    message_en = "The session has ended; log in again"


class ParkCodeTaken(DomainError):
    code = TenancyErrorCode.PARK_CODE_TAKEN
    message_zh = "园区代码已被使用"
    message_en = "This park code is already taken"


class InvalidParkCode(DomainError):
    code = TenancyErrorCode.INVALID_PARK_CODE
    message_zh = "园区代码只能包含小写字母、数字和连字符（2-64 位）"
    message_en = "A park code has 2-64 lower-case letters, digits and hyphens"


class InvalidEmail(DomainError):
    code = TenancyErrorCode.INVALID_EMAIL
    message_zh = "邮箱格式不正确"
    message_en = "Not a valid email address"


class WeakPassword(DomainError):
    code = TenancyErrorCode.WEAK_PASSWORD
    message_zh = "密码至少需要 {min_length} 个字符"
    message_en = "A password needs at least {min_length} characters"


class ScopeRequired(DomainError):
    code = TenancyErrorCode.SCOPE_REQUIRED
    message_zh = "角色 {role} 需要指定范围（{scope}）"
    message_en = "Role {role} needs a scope ({scope})"


class ScopeNotAllowed(DomainError):
    code = TenancyErrorCode.SCOPE_NOT_ALLOWED
    message_zh = "不允许的范围：{scope}"
    message_en = "Scope not allowed: {scope}"


class DuplicateMembership(DomainError):
    code = TenancyErrorCode.DUPLICATE_MEMBERSHIP
    message_zh = "该用户已拥有此角色"
    message_en = "This user already has this role"


class AlreadyRevoked(DomainError):
    code = TenancyErrorCode.ALREADY_REVOKED
    message_zh = "已被撤销"
    message_en = "Already revoked"


class LastParkAdmin(DomainError):
    code = TenancyErrorCode.LAST_PARK_ADMIN
    message_zh = "不能撤销园区最后一位管理员"
    message_en = "The park's last admin cannot be revoked"


class Required(DomainError):
    code = TenancyErrorCode.REQUIRED
    message_zh = "不能为空"
    message_en = "Must not be empty"
