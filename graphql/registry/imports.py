"""Spreadsheet imports through GraphQL: upload (multipart request spec), then poll the import."""

import uuid
from datetime import datetime

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.file_uploads import Upload
from strawberry.types import Info

from redchain.graphql.dataloaders import EntityLoader
from redchain.graphql.errors import ApiError, ErrorCode, mutate
from redchain.graphql.exports import ExportFormat, FileExport
from redchain.graphql.permissions import HasPerm
from redchain.graphql.registry.types import RegistryUserError
from redchain.graphql.relay import Connection, Node, decode_id, encode_id, loaded_node, paged
from redchain.infra.spreadsheet import SheetFormat
from redchain.services.actor import Actor
from redchain.services.permissions import Perm
from redchain.services.registry.imports import service as importing
from redchain.services.registry.imports.files import MAX_IMPORT_BYTES
from redchain.services.registry.imports.template import import_template
from redchain.services.registry.models import ImportKind as ImportKindEnum
from redchain.services.registry.models import ImportStatus as ImportStatusEnum
from redchain.services.registry.models import RegistryImport as ImportRow

ImportKind = strawberry.enum(ImportKindEnum, name="RegistryImportKind")
ImportStatus = strawberry.enum(
    ImportStatusEnum,
    name="RegistryImportStatus",
    description="PENDING (waiting for the worker) → RUNNING → DONE; FAILED when the file cannot be read "
    "or is past an import limit.",
)


@strawberry.type(description="One problem of the file: its row (as numbered in the spreadsheet), column, reason.")
class ImportRowError:
    row: int = strawberry.field(description="Spreadsheet row number; 0 when the file as a whole is at fault.")
    column: str = strawberry.field(description="The column's header as written in the file.")
    code: str
    message: str


@strawberry.type(description="A spreadsheet import (批量导入): its progress, counts and error report.")
class RegistryImport(Node):
    kind: ImportKind  # type: ignore[valid-type]
    status: ImportStatus  # type: ignore[valid-type]
    filename: str
    total_rows: int
    done_rows: int
    created_rows: int
    updated_rows: int
    unchanged_rows: int
    error_rows: int = strawberry.field(description="Rows not applied; the report lists at most the first 1,000.")
    created_at: datetime
    finished_at: datetime | None
    row: strawberry.Private[ImportRow]

    @strawberry.field
    def errors(self, info: Info) -> list[ImportRowError]:
        locale = "en" if info.context.locale == "en" else "zh"
        return [
            ImportRowError(row=e["row"], column=e["column"], code=e["code"], message=e[f"message_{locale}"])
            for e in self.row.errors
        ]

    @classmethod
    def from_row(cls, row: ImportRow) -> "RegistryImport":
        return cls(
            id=encode_id("RegistryImport", row.id),
            kind=ImportKindEnum(row.kind),
            status=ImportStatusEnum(row.status),
            filename=row.filename,
            total_rows=row.total_rows,
            done_rows=row.done_rows,
            created_rows=row.created_rows,
            updated_rows=row.updated_rows,
            unchanged_rows=row.unchanged_rows,
            error_rows=row.error_rows,
            created_at=row.created_at,
            finished_at=row.finished_at,
            row=row,
        )


class RegistryImportByIdLoader(EntityLoader[ImportRow]):
    async def fetch(self, session: AsyncSession, actor: Actor | None, ids: list[uuid.UUID]) -> list[ImportRow]:
        return await importing.imports_by_ids(session, actor, ids) if actor else []


loaded_node("RegistryImport", RegistryImportByIdLoader, RegistryImport.from_row)


@strawberry.type
class RegistryImportPayload:
    registry_import: RegistryImport | None = None
    user_errors: list[RegistryUserError] = strawberry.field(default_factory=list)


async def _request(info: Info, kind: ImportKindEnum, file: Upload) -> RegistryImportPayload:
    actor = info.context.require_actor()
    # One byte over the limit is enough to refuse it; the rest is never read into memory.
    content = await file.read(MAX_IMPORT_BYTES + 1)  # type: ignore[attr-defined]
    filename = file.filename or ""  # type: ignore[attr-defined]
    return await mutate(
        info,
        RegistryImportPayload,
        lambda s: importing.request_import(s, actor, kind, filename, content),
        lambda row: RegistryImportPayload(registry_import=RegistryImport.from_row(row)),
        root=None,  # the file is an argument of its own, not a field of an input
    )


@strawberry.type
class RegistryImportMutation:
    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.REGISTRY_IMPORT)],
        description="Import enterprises from a CSV (UTF-8 or GB18030) or XLSX file of at most 20 MB, upserting by "
        "credit code. Headers in Chinese or English: 统一社会信用代码/creditCode, 企业名称/name, 产业链/chain (by "
        "name), 地址/address, 片区/area, 职工人数/employeeCount, 重点企业/isKey (是/否), 联系人/contactName, "
        "联系电话/contactPhone. The worker runs it; poll `registryImport` for progress and the error report.",
    )
    async def import_enterprises(self, info: Info, file: Upload) -> RegistryImportPayload:
        return await _request(info, ImportKindEnum.ENTERPRISES, file)

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.REGISTRY_IMPORT)],
        description="Import members, upserting by ID-card number. Headers: 姓名/name, 身份证号/idCard, 党员状态/status "
        "(正式党员, 预备党员, 发展对象, 入党积极分子), 所在党组织/organization (by name), 所在企业信用代码/"
        "enterpriseCreditCode, 入党日期/joinedOn, 流动党员/isFloating, 流入地/inflowArea, 联系电话/phone. A column "
        "left out keeps the stored value; a new organisation is recorded as a transfer.",
    )
    async def import_members(self, info: Info, file: Upload) -> RegistryImportPayload:
        return await _request(info, ImportKindEnum.MEMBERS, file)


@strawberry.type
class RegistryImportQuery:
    @strawberry.field(permission_classes=[HasPerm(Perm.REGISTRY_IMPORT)], description="An import, to poll.")
    async def registry_import(self, info: Info, id: strawberry.ID) -> RegistryImport:
        row = await info.context.loader(RegistryImportByIdLoader).load(decode_id(id, "RegistryImport"))
        if row is None:
            raise ApiError(ErrorCode.NOT_FOUND, info.context.locale)
        return RegistryImport.from_row(row)

    @strawberry.field(
        permission_classes=[HasPerm(Perm.REGISTRY_IMPORT)],
        description="A blank spreadsheet with the columns an import of `kind` reads; required ones end in *.",
    )
    def registry_import_template(self, info: Info, kind: ImportKind, format: ExportFormat) -> FileExport:  # type: ignore[valid-type]
        actor = info.context.require_actor()
        return FileExport.of(import_template(actor, ImportKindEnum(kind), SheetFormat(format.value)))

    @strawberry.field(permission_classes=[HasPerm(Perm.REGISTRY_IMPORT)], description="Newest first.")
    async def registry_imports(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[RegistryImport]:
        actor = info.context.require_actor()
        return await paged(
            info,
            first,
            after,
            RegistryImport.from_row,
            fetch=lambda s, page: importing.list_imports(s, actor, page),
            count=lambda s: importing.count_imports(s, actor),
        )
