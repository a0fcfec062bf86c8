"""Tenancy error codes."""

from enum import StrEnum

from redchain.services.errors import DomainError


class TenancyErrorCode(StrEnum):
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    NO_MEMBERSHIP = "NO_MEMBERSHIP"
    INVALID_REFRESH_TOKEN = "INVALID_REFRESH_TOKEN"
    PARK_CODE_TAKEN = "PARK_CODE_TAKEN"
    INVALID_EMAIL = "INVALID_EMAIL"
    PASSWORD_TOO_SHORT = "PASSWORD_TOO_SHORT"
    PASSWORD_TOO_SIMPLE = "PASSWORD_TOO_SIMPLE"
    PASSWORD_CONTAINS_EMAIL = "PASSWORD_CONTAINS_EMAIL"
    PASSWORD_REUSED = "PASSWORD_REUSED"
    ACCOUNT_LOCKED = "ACCOUNT_LOCKED"
    NOT_LOCKED = "NOT_LOCKED"
    ALREADY_LOCKED = "ALREADY_LOCKED"
    CANNOT_LOCK_YOURSELF = "CANNOT_LOCK_YOURSELF"
    ALREADY_DISABLED = "ALREADY_DISABLED"
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


class PasswordTooShort(DomainError):
    code = TenancyErrorCode.PASSWORD_TOO_SHORT
    message_zh = "密码至少需要 {min_length} 个字符"
    message_en = "A password needs at least {min_length} characters"


class PasswordTooSimple(DomainError):
    code = TenancyErrorCode.PASSWORD_TOO_SIMPLE
    message_zh = "密码须包含小写字母、大写字母、数字和符号中的至少 {classes} 类"
    message_en = "A password needs {classes} of: lower-case letters, upper-case letters, digits, symbols"


class PasswordContainsEmail(DomainError):
    code = TenancyErrorCode.PASSWORD_CONTAINS_EMAIL
    message_zh = "密码不能包含邮箱或其用户名部分"
    message_en = "A password must not contain the email address or its name part"


class PasswordReused(DomainError):
    code = TenancyErrorCode.PASSWORD_REUSED
    message_zh = "不能使用最近 {count} 次用过的密码"
    message_en = "A password must differ from the last {count} ones"


class AccountLocked(DomainError):
    code = TenancyErrorCode.ACCOUNT_LOCKED
    message_zh = "账号因多次登录失败已被锁定，请联系园区管理员解锁"
    message_en = "The account is locked after repeated failed logins; ask a park admin to unlock it"


class NotLocked(DomainError):
    code = TenancyErrorCode.NOT_LOCKED
    message_zh = "该账号未被锁定"
    message_en = "This account is not locked"


class AlreadyLocked(DomainError):
    code = TenancyErrorCode.ALREADY_LOCKED
    message_zh = "该账号已被锁定"
    message_en = "This account is already locked"


class CannotLockYourself(DomainError):
    code = TenancyErrorCode.CANNOT_LOCK_YOURSELF
    message_zh = "不能锁定自己的账号"
    message_en = "You cannot lock your own account"


class AlreadyDisabled(DomainError):
    code = TenancyErrorCode.ALREADY_DISABLED
    message_zh = "该账号已停用"
    message_en = "This account is already disabled"


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
