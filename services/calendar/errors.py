"""Holiday calendar error codes."""

from enum import StrEnum

from redchain.services.errors import DomainError


class CalendarErrorCode(StrEnum):
    YEAR_OUT_OF_RANGE = "YEAR_OUT_OF_RANGE"
    DATE_OUTSIDE_YEAR = "DATE_OUTSIDE_YEAR"
    DUPLICATE_DATE = "DUPLICATE_DATE"
    UNKNOWN_KIND = "UNKNOWN_KIND"
    REQUIRED = "REQUIRED"
    DAY_NOT_FOUND = "DAY_NOT_FOUND"
    TOO_MANY_DAYS = "TOO_MANY_DAYS"


class YearOutOfRange(DomainError):
    code = CalendarErrorCode.YEAR_OUT_OF_RANGE
    message_zh = "年份须在 {low} 至 {high} 之间"
    message_en = "The year must be between {low} and {high}"


class DateOutsideYear(DomainError):
    code = CalendarErrorCode.DATE_OUTSIDE_YEAR
    message_zh = "日期不在 {year} 年内"
    message_en = "The date is not in {year}"


class DuplicateDate(DomainError):
    code = CalendarErrorCode.DUPLICATE_DATE
    message_zh = "日期重复：{day}"
    message_en = "Duplicate date: {day}"


class UnknownKind(DomainError):
    code = CalendarErrorCode.UNKNOWN_KIND
    message_zh = "类型须为 HOLIDAY（休息日）或 WORKDAY（调休上班日）"
    message_en = "The kind must be HOLIDAY or WORKDAY"


class Required(DomainError):
    code = CalendarErrorCode.REQUIRED
    message_zh = "请填写此项"
    message_en = "This field is required"


class DayNotFound(DomainError):
    code = CalendarErrorCode.DAY_NOT_FOUND
    message_zh = "日历中没有这一天"
    message_en = "The calendar has no entry for this date"


class TooManyDays(DomainError):
    code = CalendarErrorCode.TOO_MANY_DAYS
    message_zh = "一年最多 {limit} 个条目"
    message_en = "At most {limit} entries a year"
