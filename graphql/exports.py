"""The file types every export query shares: the format asked for and the file returned."""

import base64
from enum import StrEnum

import strawberry

from redchain.infra.spreadsheet import SheetFile


@strawberry.enum(description="A file format for exports.")
class ExportFormat(StrEnum):
    CSV = "CSV"
    XLSX = "XLSX"


@strawberry.type(description="A file for download: its bytes in base64.")
class FileExport:
    filename: str
    media_type: str
    content_base64: str

    @classmethod
    def of(cls, file: SheetFile) -> "FileExport":
        return cls(
            filename=file.filename, media_type=file.media_type, content_base64=base64.b64encode(file.content).decode()
        )
