"""The enterprise export, the import template and restoreEnterprise through GraphQL: files, roles,
other parks' IDs, bad input."""

import base64
import csv
import io
from datetime import UTC, datetime
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from redchain.infra.db import Database
from tests.factories import build_cast, create_enterprise
from tests.graphql.client import error_codes, gql
from tests.graphql.registry.support import gid, token, user_errors

EXPORT = """
query Export($format: ExportFormat!, $filter: EnterpriseFilter) {
  enterprisesExport(format: $format, filter: $filter) { filename mediaType contentBase64 }
}
"""
TEMPLATE = """
query Template($kind: RegistryImportKind!, $format: ExportFormat!) {
  registryImportTemplate(kind: $kind, format: $format) { filename mediaType contentBase64 }
}
"""
RESTORE = """
mutation Restore($input: ArchiveInput!) {
  restoreEnterprise(input: $input) { enterprise { id archivedAt } userErrors { field code message } }
}
"""


def rows_of(body: dict[str, Any], field: str) -> list[list[str]]:
    assert "errors" not in body, body
    content = base64.b64decode(body["data"][field]["contentBase64"])
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


async def test_park_admin_exports_the_filtered_list(client: AsyncTestClient[Any], db: Database) -> None:
    cast = await build_cast(db)
    await create_enterprise(db, cast.park, chain_id=cast.chain.id, name="导出测试甲", is_key=True)
    await create_enterprise(db, cast.park, chain_id=cast.chain.id, name="导出测试乙", is_key=False)
    admin = await token(client, db, cast, cast.admin)

    body = await gql(client, EXPORT, {"format": "CSV", "filter": {"search": "导出测试", "isKey": True}}, token=admin)

    header, *rows = rows_of(body, "enterprisesExport")
    assert header[1] == "企业名称 Name"
    assert [row[1] for row in rows] == ["导出测试甲"]
    assert body["data"]["enterprisesExport"]["filename"].endswith(".csv")


async def test_xlsx_export_is_a_workbook(client: AsyncTestClient[Any], db: Database) -> None:
    cast = await build_cast(db)
    admin = await token(client, db, cast, cast.admin)

    body = await gql(client, EXPORT, {"format": "XLSX"}, token=admin)

    file = body["data"]["enterprisesExport"]
    assert file["mediaType"].startswith("application/vnd.openxmlformats")
    assert base64.b64decode(file["contentBase64"])[:2] == b"PK"


async def test_export_refuses_bad_input_and_other_parks_chains(client: AsyncTestClient[Any], db: Database) -> None:
    cast, other = await build_cast(db), await build_cast(db)
    admin = await token(client, db, cast, cast.admin)

    too_long = await gql(client, EXPORT, {"format": "CSV", "filter": {"search": "x" * 101}}, token=admin)
    bad_id = await gql(client, EXPORT, {"format": "CSV", "filter": {"chainId": "nonsense"}}, token=admin)
    bad_format = await gql(client, EXPORT, {"format": "PDF"}, token=admin)
    elsewhere = await gql(
        client, EXPORT, {"format": "CSV", "filter": {"chainId": gid("IndustryChain", other.chain)}}, token=admin
    )

    assert error_codes(too_long) == ["BAD_USER_INPUT"]
    assert error_codes(bad_id) == ["BAD_USER_INPUT"]
    assert len(error_codes(bad_format)) == 1
    # Another park's chain filters to nothing: none of its enterprises leaves.
    assert rows_of(elsewhere, "enterprisesExport")[1:] == []


async def test_export_needs_a_session_and_registry_read(client: AsyncTestClient[Any], db: Database) -> None:
    anonymous = await gql(client, EXPORT, {"format": "CSV"})

    assert error_codes(anonymous) == ["UNAUTHENTICATED"]


async def test_the_import_template_for_importers(client: AsyncTestClient[Any], db: Database) -> None:
    cast = await build_cast(db)
    admin = await token(client, db, cast, cast.admin)
    auditor = await token(client, db, cast, cast.auditor)

    body = await gql(client, TEMPLATE, {"kind": "ENTERPRISES", "format": "CSV"}, token=admin)
    refused = await gql(client, TEMPLATE, {"kind": "ENTERPRISES", "format": "CSV"}, token=auditor)

    [header] = rows_of(body, "registryImportTemplate")
    assert header[:2] == ["统一社会信用代码*", "企业名称*"]
    assert error_codes(refused) == ["FORBIDDEN"]


async def test_restore_brings_an_archived_enterprise_back(client: AsyncTestClient[Any], db: Database) -> None:
    cast = await build_cast(db)
    archived = await create_enterprise(db, cast.park, chain_id=cast.chain.id, archived_at=datetime.now(UTC))
    staff = await token(client, db, cast, cast.staff)

    body = await gql(client, RESTORE, {"input": {"id": gid("Enterprise", archived)}}, token=staff)

    assert user_errors(body, "restoreEnterprise") == []
    assert body["data"]["restoreEnterprise"]["enterprise"]["archivedAt"] is None


@pytest.mark.parametrize("who", ["officer", "contact", "auditor", "finance"])
async def test_restore_needs_registry_manage(client: AsyncTestClient[Any], db: Database, who: str) -> None:
    cast = await build_cast(db)
    caller = await token(client, db, cast, getattr(cast, who))

    body = await gql(client, RESTORE, {"input": {"id": gid("Enterprise", cast.enterprise)}}, token=caller)

    assert error_codes(body) == ["FORBIDDEN"]


async def test_restore_of_another_chain_or_park_is_not_found(client: AsyncTestClient[Any], db: Database) -> None:
    cast, other = await build_cast(db), await build_cast(db)
    staff = await token(client, db, cast, cast.staff)
    theirs = await create_enterprise(db, other.park, archived_at=datetime.now(UTC))

    other_chain = await gql(client, RESTORE, {"input": {"id": gid("Enterprise", cast.other_enterprise)}}, token=staff)
    other_park = await gql(client, RESTORE, {"input": {"id": gid("Enterprise", theirs)}}, token=staff)

    assert user_errors(other_chain, "restoreEnterprise") == [("input.id", "NOT_FOUND")]
    assert user_errors(other_park, "restoreEnterprise") == [("input.id", "NOT_FOUND")]
