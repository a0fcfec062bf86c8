"""Error codes of spreadsheet imports: refusals of the upload itself, and per-cell reasons in the report."""

from enum import StrEnum

from redchain.services.errors import DomainError


class ImportErrorCode(StrEnum):
    FILE_TOO_LARGE = "FILE_TOO_LARGE"
    UNCOMPRESSED_TOO_LARGE = "UNCOMPRESSED_TOO_LARGE"
    COMPRESSION_TOO_HIGH = "COMPRESSION_TOO_HIGH"
    TOO_MANY_ROWS = "TOO_MANY_ROWS"
    UNSUPPORTED_FILE_TYPE = "UNSUPPORTED_FILE_TYPE"
    UNREADABLE_FILE = "UNREADABLE_FILE"
    EMPTY_FILE = "EMPTY_FILE"
    MISSING_COLUMN = "MISSING_COLUMN"
    UNKNOWN_CHAIN = "UNKNOWN_CHAIN"
    UNKNOWN_ORGANIZATION = "UNKNOWN_ORGANIZATION"
    AMBIGUOUS_ORGANIZATION = "AMBIGUOUS_ORGANIZATION"
    UNKNOWN_ENTERPRISE = "UNKNOWN_ENTERPRISE"
    NOT_A_NUMBER = "NOT_A_NUMBER"
    NOT_A_BOOLEAN = "NOT_A_BOOLEAN"
    NOT_A_DATE = "NOT_A_DATE"
    UNKNOWN_STATUS = "UNKNOWN_STATUS"
    DUPLICATE_IN_FILE = "DUPLICATE_IN_FILE"
    IMPORT_INTERRUPTED = "IMPORT_INTERRUPTED"


class FileTooLarge(DomainError):
    code = ImportErrorCode.FILE_TOO_LARGE
    message_zh = "文件过大（最大 {limit_mb} MB）"
    message_en = "The file is too large (at most {limit_mb} MB)"


class UncompressedTooLarge(DomainError):
    code = ImportErrorCode.UNCOMPRESSED_TOO_LARGE
    message_zh = "XLSX 文件解压后过大（最大 {limit_mb} MB）"
    message_en = "The XLSX file unpacks to too much data (at most {limit_mb} MB)"


class CompressionTooHigh(DomainError):
    code = ImportErrorCode.COMPRESSION_TOO_HIGH
    message_zh = "XLSX 文件的压缩比过高（最多 {limit} 倍），不像是表格软件保存的文件"
    message_en = "The XLSX file is compressed too much (at most {limit} times) to be a spreadsheet as saved"


class TooManyRows(DomainError):
    code = ImportErrorCode.TOO_MANY_ROWS
    message_zh = "文件行数过多（最多 {limit} 行）"
    message_en = "The file has too many rows (at most {limit})"


class UnsupportedFileType(DomainError):
    code = ImportErrorCode.UNSUPPORTED_FILE_TYPE
    message_zh = "仅支持 CSV（UTF-8 或 GB18030 编码）和 XLSX 文件"
    message_en = "Only CSV (UTF-8 or GB18030) and XLSX files are accepted"


class UnreadableFile(DomainError):
    code = ImportErrorCode.UNREADABLE_FILE
    message_zh = "文件无法读取，可能已损坏"
    message_en = "The file cannot be read; it may be damaged"


class EmptyFile(DomainError):
    code = ImportErrorCode.EMPTY_FILE
    message_zh = "文件中没有表头或数据"
    message_en = "The file has no header row or no data"


class MissingColumn(DomainError):
    code = ImportErrorCode.MISSING_COLUMN
    message_zh = "缺少必需的列：{column}"
    message_en = "A required column is missing: {column}"


class UnknownChain(DomainError):
    code = ImportErrorCode.UNKNOWN_CHAIN
    message_zh = "本园区没有名为“{value}”的产业链"
    message_en = "This park has no industry chain named “{value}”"


class UnknownOrganization(DomainError):
    code = ImportErrorCode.UNKNOWN_ORGANIZATION
    message_zh = "本园区没有名为“{value}”的党组织"
    message_en = "This park has no Party organisation named “{value}”"


class AmbiguousOrganization(DomainError):
    code = ImportErrorCode.AMBIGUOUS_ORGANIZATION
    message_zh = "有多个名为“{value}”的党组织，请在系统中逐一维护"
    message_en = "Several Party organisations are named “{value}”; assign this member in the app"


class UnknownEnterprise(DomainError):
    code = ImportErrorCode.UNKNOWN_ENTERPRISE
    message_zh = "本园区没有统一社会信用代码为 {value} 的企业"
    message_en = "This park has no enterprise with credit code {value}"


class NotANumber(DomainError):
    code = ImportErrorCode.NOT_A_NUMBER
    message_zh = "“{value}”不是整数"
    message_en = "“{value}” is not a whole number"


class NotABoolean(DomainError):
    code = ImportErrorCode.NOT_A_BOOLEAN
    message_zh = "“{value}”应为“是”或“否”"
    message_en = "“{value}” should be yes or no (是/否)"


class NotADate(DomainError):
    code = ImportErrorCode.NOT_A_DATE
    message_zh = "“{value}”不是日期（如 2021-07-01）"
    message_en = "“{value}” is not a date (e.g. 2021-07-01)"


class UnknownStatus(DomainError):
    code = ImportErrorCode.UNKNOWN_STATUS
    message_zh = "“{value}”不是党员状态（正式党员、预备党员、发展对象、入党积极分子）"
    message_en = "“{value}” is not a member status (FULL, PROBATIONARY, DEVELOPMENT_TARGET, ACTIVIST)"


class DuplicateInFile(DomainError):
    code = ImportErrorCode.DUPLICATE_IN_FILE
    message_zh = "与第 {first_row} 行重复，已跳过"
    message_en = "Repeats row {first_row}; skipped"


class ImportInterrupted(DomainError):
    code = ImportErrorCode.IMPORT_INTERRUPTED
    message_zh = "导入因内部错误中止，已写入的行保持不变，请重新上传"
    message_en = "The import stopped on an internal error; rows already written stay; upload the file again"
