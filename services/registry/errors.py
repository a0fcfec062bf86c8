"""Registry error codes."""

from enum import StrEnum
from typing import ClassVar

from redchain.services.errors import DomainError
from redchain.services.registry.credit_code import CreditCodeRule
from redchain.services.registry.id_card import IdCardRule


class RegistryErrorCode(StrEnum):
    REQUIRED = "REQUIRED"
    NEGATIVE = "NEGATIVE"
    INVALID_CREDIT_CODE = "INVALID_CREDIT_CODE"
    DUPLICATE_CREDIT_CODE = "DUPLICATE_CREDIT_CODE"
    DUPLICATE_CHAIN_NAME = "DUPLICATE_CHAIN_NAME"
    CHAIN_ARCHIVED = "CHAIN_ARCHIVED"
    CHAIN_NOT_EMPTY = "CHAIN_NOT_EMPTY"
    NOT_CHAIN_STAFF = "NOT_CHAIN_STAFF"
    ARCHIVED = "ARCHIVED"
    INVALID_TRANSITION = "INVALID_TRANSITION"
    INVALID_COVERAGE = "INVALID_COVERAGE"
    INVALID_PARENT = "INVALID_PARENT"
    SECRETARY_NOT_MEMBER = "SECRETARY_NOT_MEMBER"
    SECRETARY_NOT_FULL_MEMBER = "SECRETARY_NOT_FULL_MEMBER"
    TOO_FEW_MEMBERS = "TOO_FEW_MEMBERS"
    INVALID_DATE = "INVALID_DATE"
    INVALID_ID_CARD = "INVALID_ID_CARD"
    DUPLICATE_ID_CARD = "DUPLICATE_ID_CARD"
    INFLOW_AREA_REQUIRED = "INFLOW_AREA_REQUIRED"
    SAME_ORGANIZATION = "SAME_ORGANIZATION"
    ORGANIZATION_DISSOLVED = "ORGANIZATION_DISSOLVED"


class Required(DomainError):
    code = RegistryErrorCode.REQUIRED
    message_zh = "不能为空"
    message_en = "Must not be empty"


class Negative(DomainError):
    code = RegistryErrorCode.NEGATIVE
    message_zh = "不能为负数"
    message_en = "Must not be negative"


CREDIT_CODE_RULES: dict[CreditCodeRule, tuple[str, str]] = {
    CreditCodeRule.LENGTH: ("须为 18 位", "must have 18 characters"),
    CreditCodeRule.CHARSET: (
        "只能含数字和除 I、O、Z、S、V 外的大写字母",
        "only digits and upper-case letters other than I, O, Z, S, V",
    ),
    CreditCodeRule.DIVISION: ("第 3-8 位行政区划码须为数字", "characters 3-8, the division code, must be digits"),
    CreditCodeRule.CHECK_CHARACTER: ("第 18 位校验码不符", "the 18th character, the check character, does not match"),
}


class InvalidCreditCode(DomainError):
    # The message names the broken GB 32100-2015 rule, so a clerk knows what to fix.
    code = RegistryErrorCode.INVALID_CREDIT_CODE
    message_zh = "统一社会信用代码无效：{rule_zh}（{rule}）"
    message_en = "Invalid unified social credit code: {rule_en} ({rule})"

    def __init__(self, field: str | None, rule: CreditCodeRule) -> None:
        zh, en = CREDIT_CODE_RULES[rule]
        super().__init__(field, rule=rule.value, rule_zh=zh, rule_en=en)


class DuplicateCreditCode(DomainError):
    code = RegistryErrorCode.DUPLICATE_CREDIT_CODE
    message_zh = "本园区已有使用该统一社会信用代码的企业"
    message_en = "An enterprise with this credit code already exists in this park"


class DuplicateChainName(DomainError):
    code = RegistryErrorCode.DUPLICATE_CHAIN_NAME
    message_zh = "已有同名产业链"
    message_en = "An industry chain with this name already exists"


class ChainArchived(DomainError):
    code = RegistryErrorCode.CHAIN_ARCHIVED
    message_zh = "该产业链已归档"
    message_en = "This industry chain is archived"


class ChainNotEmpty(DomainError):
    code = RegistryErrorCode.CHAIN_NOT_EMPTY
    message_zh = "该产业链仍有 {count} 家未归档企业"
    message_en = "This industry chain still has {count} enterprises that are not archived"


class NotChainStaff(DomainError):
    code = RegistryErrorCode.NOT_CHAIN_STAFF
    message_zh = "产业链党委书记须是该产业链的工作人员"
    message_en = "A chain committee's secretary must hold a CHAIN_STAFF role for that chain"


class Archived(DomainError):
    code = RegistryErrorCode.ARCHIVED
    message_zh = "已归档，不能修改"
    message_en = "Archived; it cannot be changed"


class InvalidTransition(DomainError):
    code = RegistryErrorCode.INVALID_TRANSITION
    message_zh = "不能从“{from_status}”变为“{to_status}”"
    message_en = "Cannot go from {from_status} to {to_status}"


class InvalidCoverage(DomainError):
    code = RegistryErrorCode.INVALID_COVERAGE
    message_zh = "联合党支部须覆盖至少 2 家企业，其他党组织至多覆盖 1 家企业"
    message_en = "A joint branch covers at least 2 enterprises; any other organisation at most 1"


class InvalidParent(DomainError):
    code = RegistryErrorCode.INVALID_PARENT
    message_zh = "上级党组织须是未撤销的党委或党总支，且不能形成循环"
    message_en = "The parent must be a party committee or general branch that is not dissolved, without a cycle"


class SecretaryNotMember(DomainError):
    code = RegistryErrorCode.SECRETARY_NOT_MEMBER
    message_zh = "书记须是本党组织的党员"
    message_en = "The secretary must be a member of this organisation"


class SecretaryNotFullMember(DomainError):
    code = RegistryErrorCode.SECRETARY_NOT_FULL_MEMBER
    message_zh = "书记须是正式党员"
    message_en = "The secretary must be a full member"


class TooFewMembers(DomainError):
    # 党章: an organisation is formed where there are three or more full members.
    code = RegistryErrorCode.TOO_FEW_MEMBERS
    message_zh = "成立党组织须有正式党员 {minimum} 人以上（现有 {count} 人）"
    message_en = "Forming an organisation needs at least {minimum} full members (it has {count})"


class InvalidDate(DomainError):
    code = RegistryErrorCode.INVALID_DATE
    message_zh = "日期无效：{reason_zh}"
    message_en = "Invalid date: {reason_en}"
    REASONS: ClassVar[dict[str, tuple[str, str]]] = {
        "FUTURE": ("不能晚于今天", "it is in the future"),
        "BEFORE_FORMED": ("不能早于成立日期", "it is before the formation date"),
    }

    def __init__(self, field: str | None, reason: str) -> None:
        zh, en = self.REASONS[reason]
        super().__init__(field, reason=reason, reason_zh=zh, reason_en=en)


ID_CARD_RULES: dict[IdCardRule, tuple[str, str]] = {
    IdCardRule.FORMAT: ("须为 17 位数字加 1 位数字或 X", "must be 17 digits and a digit or X"),
    IdCardRule.BIRTH_DATE: ("出生日期无效", "the birth date is not a valid date"),
    IdCardRule.CHECK_DIGIT: ("校验位不符", "the check digit does not match"),
}


class InvalidIdCard(DomainError):
    code = RegistryErrorCode.INVALID_ID_CARD
    message_zh = "身份证号码无效：{rule_zh}（{rule}）"
    message_en = "Invalid ID card number: {rule_en} ({rule})"

    def __init__(self, field: str | None, rule: IdCardRule) -> None:
        zh, en = ID_CARD_RULES[rule]
        super().__init__(field, rule=rule.value, rule_zh=zh, rule_en=en)


class DuplicateIdCard(DomainError):
    code = RegistryErrorCode.DUPLICATE_ID_CARD
    message_zh = "已有使用该身份证号码的党员"
    message_en = "A member with this ID card number already exists"


class InflowAreaRequired(DomainError):
    code = RegistryErrorCode.INFLOW_AREA_REQUIRED
    message_zh = "流动党员须填写流入地"
    message_en = "A floating member needs an inflow area"


class SameOrganization(DomainError):
    code = RegistryErrorCode.SAME_ORGANIZATION
    message_zh = "该党员已在此党组织"
    message_en = "The member already belongs to this organisation"


class OrganizationDissolved(DomainError):
    code = RegistryErrorCode.ORGANIZATION_DISSOLVED
    message_zh = "该党组织已撤销"
    message_en = "This organisation is dissolved"
