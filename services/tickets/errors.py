"""Ticket error codes."""

from enum import StrEnum

from redchain.services.errors import DomainError


class TicketErrorCode(StrEnum):
    REQUIRED = "REQUIRED"
    INVALID_TRANSITION = "INVALID_TRANSITION"
    NOT_ALLOWED = "NOT_ALLOWED"
    STALE_VERSION = "STALE_VERSION"
    INVALID_CATEGORY = "INVALID_CATEGORY"
    INVALID_VISIT = "INVALID_VISIT"
    INVALID_ASSIGNEE = "INVALID_ASSIGNEE"
    INVALID_RATING = "INVALID_RATING"
    INVALID_DUPLICATE = "INVALID_DUPLICATE"
    REOPEN_WINDOW_PASSED = "REOPEN_WINDOW_PASSED"
    ENTERPRISE_ARCHIVED = "ENTERPRISE_ARCHIVED"
    DEADLINE_PASSED = "DEADLINE_PASSED"
    EXTENSION_PENDING = "EXTENSION_PENDING"
    EXTENSION_DECIDED = "EXTENSION_DECIDED"
    INVALID_EXTENSION = "INVALID_EXTENSION"
    NOT_BREACHED = "NOT_BREACHED"
    FILE_TOO_LARGE = "FILE_TOO_LARGE"
    FILE_TYPE_NOT_ALLOWED = "FILE_TYPE_NOT_ALLOWED"
    EMPTY_FILE = "EMPTY_FILE"
    DUPLICATE_CODE = "DUPLICATE_CODE"
    INVALID_TARGET = "INVALID_TARGET"
    TICKET_CLOSED = "TICKET_CLOSED"
    EXPORT_TOO_LARGE = "EXPORT_TOO_LARGE"
    INVALID_PERIOD = "INVALID_PERIOD"


class Required(DomainError):
    code = TicketErrorCode.REQUIRED
    message_zh = "请填写此项"
    message_en = "This field is required"


class InvalidTransition(DomainError):
    # Also what the loser of two concurrent transitions sees: the winner moved the ticket on.
    code = TicketErrorCode.INVALID_TRANSITION
    message_zh = "工单当前状态（{status}）下不能执行“{action}”"
    message_en = "Cannot {action} a ticket that is {status}"


class NotAllowed(DomainError):
    # The actor sees the ticket but its role may not do this to it (a top-level FORBIDDEN would hide
    # which rule refused it).
    code = TicketErrorCode.NOT_ALLOWED
    message_zh = "您的角色不能对该工单执行此操作"
    message_en = "Your role may not do this to this ticket"


class StaleVersion(DomainError):
    code = TicketErrorCode.STALE_VERSION
    message_zh = "工单已被他人修改，请刷新后重试"
    message_en = "The ticket was changed by someone else; reload and try again"


class InvalidCategory(DomainError):
    code = TicketErrorCode.INVALID_CATEGORY
    message_zh = "请选择本园区有效的问题类别和方面"
    message_en = "Choose an active category and one of its aspects"


class InvalidVisit(DomainError):
    code = TicketErrorCode.INVALID_VISIT
    message_zh = "走访记录不存在或不属于该企业"
    message_en = "No such visit to this enterprise"


class InvalidAssignee(DomainError):
    code = TicketErrorCode.INVALID_ASSIGNEE
    message_zh = "只能指派给该产业链的工作人员或该企业的联络员"
    message_en = "Assign to staff of the ticket's chain or a liaison officer of the enterprise"


class InvalidRating(DomainError):
    code = TicketErrorCode.INVALID_RATING
    message_zh = "满意度评分须为 1 到 5"
    message_en = "A rating is 1 to 5"


class InvalidDuplicate(DomainError):
    code = TicketErrorCode.INVALID_DUPLICATE
    message_zh = "只能合并到本园区另一张未合并、未驳回的工单"
    message_en = "Merge into another ticket of this park that is neither merged nor rejected"


class ReopenWindowPassed(DomainError):
    code = TicketErrorCode.REOPEN_WINDOW_PASSED
    message_zh = "办结已超过 {days} 天，不能重新打开"
    message_en = "Resolved more than {days} days ago; it can no longer be reopened"


class EnterpriseArchived(DomainError):
    code = TicketErrorCode.ENTERPRISE_ARCHIVED
    message_zh = "该企业已归档"
    message_en = "This enterprise is archived"


class DeadlinePassed(DomainError):
    code = TicketErrorCode.DEADLINE_PASSED
    message_zh = "办理时限已过，不能再申请延期"
    message_en = "The deadline has passed; an extension can no longer be requested"


class ExtensionPending(DomainError):
    code = TicketErrorCode.EXTENSION_PENDING
    message_zh = "已有待审批的延期申请"
    message_en = "An extension request is already pending"


class ExtensionDecided(DomainError):
    code = TicketErrorCode.EXTENSION_DECIDED
    message_zh = "该延期申请已审批"
    message_en = "This extension request was already decided"


class InvalidExtension(DomainError):
    code = TicketErrorCode.INVALID_EXTENSION
    message_zh = "延期时长须为 1 到 {limit} 个工作小时"
    message_en = "An extension is 1 to {limit} business hours"


class NotBreached(DomainError):
    code = TicketErrorCode.NOT_BREACHED
    message_zh = "工单尚未超时，不能催办"
    message_en = "The ticket is not overdue; a reminder is for overdue tickets"


class FileTooLarge(DomainError):
    code = TicketErrorCode.FILE_TOO_LARGE
    message_zh = "文件不能超过 {limit_mb} MB"
    message_en = "A file may be at most {limit_mb} MB"


class FileTypeNotAllowed(DomainError):
    code = TicketErrorCode.FILE_TYPE_NOT_ALLOWED
    message_zh = "不支持的文件类型：{content_type}"
    message_en = "File type not allowed: {content_type}"


class EmptyFile(DomainError):
    code = TicketErrorCode.EMPTY_FILE
    message_zh = "文件为空"
    message_en = "The file is empty"


class DuplicateCode(DomainError):
    code = TicketErrorCode.DUPLICATE_CODE
    message_zh = "类别代码已存在"
    message_en = "This category code is already used"


class InvalidTarget(DomainError):
    code = TicketErrorCode.INVALID_TARGET
    message_zh = "时限须为 1 到 {limit} 个工作小时，且办结时限不短于首次响应时限"
    message_en = "Targets are 1 to {limit} business hours, resolution no shorter than first response"


class TicketClosed(DomainError):
    code = TicketErrorCode.TICKET_CLOSED
    message_zh = "工单已结束"
    message_en = "The ticket is closed"


class ExportTooLarge(DomainError):
    code = TicketErrorCode.EXPORT_TOO_LARGE
    message_zh = "导出最多 {limit} 条，请缩小筛选范围"
    message_en = "An export holds at most {limit} tickets; narrow the filter"


class InvalidPeriod(DomainError):
    code = TicketErrorCode.INVALID_PERIOD
    message_zh = "统计期间无效（结束日期不能早于开始日期，最长十年）"
    message_en = "Invalid period (the end must not precede the start; at most ten years)"
