"""Liaison error codes."""

from enum import StrEnum

from redchain.services.errors import DomainError


class LiaisonErrorCode(StrEnum):
    OFFICER_NOT_ELIGIBLE = "OFFICER_NOT_ELIGIBLE"
    ENTERPRISE_ARCHIVED = "ENTERPRISE_ARCHIVED"
    DUPLICATE_ASSIGNMENT = "DUPLICATE_ASSIGNMENT"
    ALREADY_ENDED = "ALREADY_ENDED"
    ENDS_BEFORE_START = "ENDS_BEFORE_START"
    ASSIGNMENT_NOT_ACTIVE = "ASSIGNMENT_NOT_ACTIVE"
    VISIT_DATE_OUT_OF_RANGE = "VISIT_DATE_OUT_OF_RANGE"
    NOTES_REQUIRED = "NOTES_REQUIRED"


class OfficerNotEligible(DomainError):
    code = LiaisonErrorCode.OFFICER_NOT_ELIGIBLE
    message_zh = "该用户在本园区没有驻企联络员角色"
    message_en = "This user holds no LIAISON_OFFICER role in this park"


class EnterpriseArchived(DomainError):
    code = LiaisonErrorCode.ENTERPRISE_ARCHIVED
    message_zh = "企业已归档"
    message_en = "The enterprise is archived"


class DuplicateAssignment(DomainError):
    code = LiaisonErrorCode.DUPLICATE_ASSIGNMENT
    message_zh = "该联络员已派驻该企业（同一类型的派驻期间重叠）"
    message_en = "This officer already has an overlapping assignment of this kind to this enterprise"


class AlreadyEnded(DomainError):
    code = LiaisonErrorCode.ALREADY_ENDED
    message_zh = "该派驻已结束"
    message_en = "This assignment has already ended"


class EndsBeforeStart(DomainError):
    code = LiaisonErrorCode.ENDS_BEFORE_START
    message_zh = "结束日期不能早于开始日期（{starts_on}）"
    message_en = "The end date cannot be before the start date ({starts_on})"


class AssignmentNotActive(DomainError):
    code = LiaisonErrorCode.ASSIGNMENT_NOT_ACTIVE
    message_zh = "该派驻当前不在有效期内"
    message_en = "This assignment is not active today"


class VisitDateOutOfRange(DomainError):
    code = LiaisonErrorCode.VISIT_DATE_OUT_OF_RANGE
    message_zh = "走访日期须在派驻期间内且不晚于今天"
    message_en = "The visit date must fall within the assignment and not after today"


class NotesRequired(DomainError):
    code = LiaisonErrorCode.NOTES_REQUIRED
    message_zh = "请填写走访记录"
    message_en = "Visit notes are required"
