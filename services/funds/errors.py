"""Funds error codes."""

from enum import StrEnum

from redchain.services.errors import DomainError


class FundsErrorCode(StrEnum):
    ILLEGAL_TRANSITION = "ILLEGAL_TRANSITION"
    SEGREGATION_OF_DUTIES = "SEGREGATION_OF_DUTIES"
    BUDGET_EXCEEDED = "BUDGET_EXCEEDED"
    BUDGET_BELOW_COMMITTED = "BUDGET_BELOW_COMMITTED"
    ALREADY_APPLIED = "ALREADY_APPLIED"
    NOT_ELIGIBLE = "NOT_ELIGIBLE"
    AMOUNT_OUT_OF_RANGE = "AMOUNT_OUT_OF_RANGE"
    INVALID_AMOUNT_RULE = "INVALID_AMOUNT_RULE"
    PROGRAM_EXISTS = "PROGRAM_EXISTS"
    REASON_REQUIRED = "REASON_REQUIRED"
    INVALID_PAYEE = "INVALID_PAYEE"
    INVALID_DOCUMENT = "INVALID_DOCUMENT"
    NOT_IN_BATCH = "NOT_IN_BATCH"
    EMPTY_BATCH = "EMPTY_BATCH"
    INVALID_FISCAL_YEAR = "INVALID_FISCAL_YEAR"


class IllegalTransition(DomainError):
    code = FundsErrorCode.ILLEGAL_TRANSITION
    message_zh = "申请当前状态为 {status}，不能执行“{action}”"
    message_en = "The application is {status}; it cannot be {action}"


class SegregationOfDuties(DomainError):
    # 不相容岗位分离: applicant, reviewer, approver and payer are four different people.
    code = FundsErrorCode.SEGREGATION_OF_DUTIES
    message_zh = "同一人不能在同一笔经费中承担申请、审核、审批、支付中的两个环节"
    message_en = "One person may not hold two of applicant, reviewer, approver and payer for one application"


class BudgetExceeded(DomainError):
    code = FundsErrorCode.BUDGET_EXCEEDED
    message_zh = "预算余额不足（可用 {available_fen} 分，需要 {amount_fen} 分）"
    message_en = "Not enough budget left ({available_fen} fen available, {amount_fen} fen needed)"


class BudgetBelowCommitted(DomainError):
    code = FundsErrorCode.BUDGET_BELOW_COMMITTED
    message_zh = "预算不能低于已占用金额 {committed_fen} 分"
    message_en = "The budget cannot be below the {committed_fen} fen already committed"


class AlreadyApplied(DomainError):
    code = FundsErrorCode.ALREADY_APPLIED
    message_zh = "该党组织已申请过此项经费"
    message_en = "This organisation has already applied for this fund"


class NotEligible(DomainError):
    code = FundsErrorCode.NOT_ELIGIBLE
    message_zh = "该党组织不符合申请条件：{why}"
    message_en = "The organisation is not eligible: {why}"


class AmountOutOfRange(DomainError):
    code = FundsErrorCode.AMOUNT_OUT_OF_RANGE
    message_zh = "申请金额须在 1 至 {entitled_fen} 分之间"
    message_en = "The amount must be between 1 and {entitled_fen} fen"


class InvalidAmountRule(DomainError):
    code = FundsErrorCode.INVALID_AMOUNT_RULE
    message_zh = "金额规则无效：{why}"
    message_en = "Invalid amount rule: {why}"


class ProgramExists(DomainError):
    code = FundsErrorCode.PROGRAM_EXISTS
    message_zh = "该年度已有同类经费项目"
    message_en = "A program of this kind already exists for this fiscal year"


class ReasonRequired(DomainError):
    code = FundsErrorCode.REASON_REQUIRED
    message_zh = "请填写理由"
    message_en = "A reason is required"


class InvalidPayee(DomainError):
    code = FundsErrorCode.INVALID_PAYEE
    message_zh = "收款信息无效：{why}"
    message_en = "Invalid payee: {why}"


class InvalidDocument(DomainError):
    code = FundsErrorCode.INVALID_DOCUMENT
    message_zh = "附件信息无效：{why}"
    message_en = "Invalid document: {why}"


class NotInBatch(DomainError):
    code = FundsErrorCode.NOT_IN_BATCH
    message_zh = "申请不在可支付状态（需为园区已审批）"
    message_en = "An application is not ready for payment (it must be park-approved)"


class EmptyBatch(DomainError):
    code = FundsErrorCode.EMPTY_BATCH
    message_zh = "支付批次不能为空"
    message_en = "A payment batch needs at least one application"


class InvalidFiscalYear(DomainError):
    code = FundsErrorCode.INVALID_FISCAL_YEAR
    message_zh = "年度无效"
    message_en = "Invalid fiscal year"
