"""Spreadsheet imports end to end: GraphQL multipart upload → outbox → relay → worker → poll the import."""

import json
from typing import Any

import pytest
from arq import ArqRedis
from litestar.testing import AsyncTestClient

from redchain.infra.db import Database
from redchain.infra.settings import Settings, get_settings
from redchain.services.permissions import Role
from redchain.services.registry.credit_code import make_credit_code
from redchain.services.registry.imports.files import MAX_IMPORT_BYTES
from redchain.services.tenancy.models import Tenant
from redchain.workers.outbox import relay
from tests.factories import create_chain, create_park
from tests.graphql.client import error_codes, gql, member_token, user_errors
from tests.services.registry.spreadsheets import ENTERPRISE_HEADER_ZH, csv_bytes, enterprise_row, xlsx_bomb, xlsx_bytes
from tests.workers.conftest import run_worker_burst

IMPORT_ENTERPRISES = """
mutation Import($file: Upload!) {
  importEnterprises(file: $file) {
    registryImport { id status kind filename totalRows doneRows }
    userErrors { field code message }
  }
}
"""
IMPORT_MEMBERS = """
mutation Import($file: Upload!) {
  importMembers(file: $file) { registryImport { id kind } userErrors { field code } }
}
"""
POLL = """
query Poll($id: ID!) {
  registryImport(id: $id) {
    status totalRows doneRows createdRows updatedRows unchangedRows errorRows finishedAt
    errors { row column code message }
  }
}
"""
IMPORTS = "query { registryImports(first: 10) { totalCount nodes { id status } } }"
ENTERPRISES = "query { enterprises(first: 50) { totalCount } }"
CHAIN = "新材料"
BAD_CHECK = make_credit_code(4)[:17] + ("0" if make_credit_code(4)[17] != "0" else "1")


def _file() -> bytes:
    return csv_bytes(
        [
            ENTERPRISE_HEADER_ZH,
            enterprise_row(1, CHAIN, is_key="是"),
            enterprise_row(2, CHAIN),
            enterprise_row(3, ""),
            enterprise_row(4, CHAIN, credit_code=BAD_CHECK),
            enterprise_row(5, CHAIN, name=""),
            enterprise_row(6, "大数据"),
            enterprise_row(7, CHAIN, employee_count="约两百"),
        ],
        bom=True,
    )


async def upload(
    client: AsyncTestClient[Any],
    token: str | None,
    document: str,
    filename: str,
    content: bytes,
    headers: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The GraphQL multipart request spec: operations, a map from file parts to variables, the parts."""
    response = await client.post(
        "/graphql",
        headers={**({"Authorization": f"Bearer {token}"} if token else {}), **(headers or {})},
        data={
            "operations": json.dumps({"query": document, "variables": {"file": None}}),
            "map": json.dumps({"0": ["variables.file"]}),
        },
        files={"0": (filename, content, "application/octet-stream")},
    )
    body: dict[str, Any] = response.json()
    body["_status"] = response.status_code
    return body


async def _admin(client: AsyncTestClient[Any], db: Database) -> tuple[Tenant, str]:
    park = await create_park(db)
    await create_chain(db, park, name=CHAIN)
    _, token = await member_token(client, db, park, Role.PARK_ADMIN)
    return park, token


async def _run_worker(db: Database, arq_pool: ArqRedis, settings: Settings) -> None:
    assert settings.redis_url
    await relay(db, arq_pool)
    await run_worker_burst(settings.redis_url)  # the event's handler enqueues the import job, run in turn


async def _import(
    client: AsyncTestClient[Any],
    db: Database,
    arq_pool: ArqRedis,
    settings: Settings,
    token: str,
    filename: str,
    content: bytes,
    headers: dict[str, str] | None = None,
) -> dict[str, Any]:
    body = await upload(client, token, IMPORT_ENTERPRISES, filename, content)
    payload = body["data"]["importEnterprises"]
    assert payload["userErrors"] == []
    assert (payload["registryImport"]["status"], payload["registryImport"]["kind"]) == ("PENDING", "ENTERPRISES")
    await _run_worker(db, arq_pool, settings)
    polled = await gql(client, POLL, {"id": payload["registryImport"]["id"]}, token=token, headers=headers)
    result: dict[str, Any] = polled["data"]["registryImport"]
    return result


async def test_upload_run_and_poll_then_run_again(
    client: AsyncTestClient[Any], db: Database, arq_pool: ArqRedis, settings: Settings
) -> None:
    _, token = await _admin(client, db)

    done = await _import(client, db, arq_pool, settings, token, "企业名单.csv", _file())

    assert done["status"] == "DONE" and done["finishedAt"]
    assert [done[k] for k in ("totalRows", "doneRows", "createdRows", "updatedRows", "unchangedRows", "errorRows")] == [
        7,
        7,
        3,
        0,
        0,
        4,
    ]
    assert [(e["row"], e["column"], e["code"]) for e in done["errors"]] == [
        (5, "统一社会信用代码", "INVALID_CREDIT_CODE"),
        (6, "企业名称", "REQUIRED"),
        (7, "产业链", "UNKNOWN_CHAIN"),
        (8, "职工人数", "NOT_A_NUMBER"),
    ]
    assert all(e["message"] for e in done["errors"])
    assert (await gql(client, ENTERPRISES, token=token))["data"]["enterprises"]["totalCount"] == 3

    again = await _import(
        client, db, arq_pool, settings, token, "企业名单.csv", _file(), headers={"Accept-Language": "en"}
    )

    assert [again[k] for k in ("createdRows", "updatedRows", "unchangedRows", "errorRows")] == [0, 0, 3, 4]
    assert again["errors"][0]["message"].startswith("Invalid unified social credit code")
    assert (await gql(client, ENTERPRISES, token=token))["data"]["enterprises"]["totalCount"] == 3
    imports = (await gql(client, IMPORTS, token=token))["data"]["registryImports"]
    assert [n["status"] for n in imports["nodes"]] == ["DONE", "DONE"]


async def test_an_xlsx_upload(
    client: AsyncTestClient[Any], db: Database, arq_pool: ArqRedis, settings: Settings
) -> None:
    _, token = await _admin(client, db)
    content = xlsx_bytes([ENTERPRISE_HEADER_ZH, enterprise_row(1, CHAIN), enterprise_row(2, CHAIN, is_key="是")])

    done = await _import(client, db, arq_pool, settings, token, "企业名单.xlsx", content)

    assert (done["status"], done["createdRows"], done["errorRows"]) == ("DONE", 2, 0)


async def test_a_members_upload_is_accepted(client: AsyncTestClient[Any], db: Database) -> None:
    _, token = await _admin(client, db)
    body = await upload(client, token, IMPORT_MEMBERS, "党员.csv", csv_bytes([["姓名", "身份证号"], ["张伟", "x"]]))
    assert body["data"]["importMembers"]["registryImport"]["kind"] == "MEMBERS"


async def test_refused_files_are_user_errors(client: AsyncTestClient[Any], db: Database) -> None:
    _, token = await _admin(client, db)
    cases = {
        ("名单.csv", b"x" * (MAX_IMPORT_BYTES + 1)): "FILE_TOO_LARGE",
        ("名单.pdf", b"%PDF-1.7\n"): "UNSUPPORTED_FILE_TYPE",
        ("名单.xlsx", b"\x89PNG\r\n\x1a\n"): "UNSUPPORTED_FILE_TYPE",
        ("名单.xlsx", xlsx_bomb(300)): "UNCOMPRESSED_TOO_LARGE",  # ~400 kB unpacking to 300 MB
        ("名单.xlsx", xlsx_bomb(50)): "COMPRESSION_TOO_HIGH",
    }
    for (filename, content), code in cases.items():
        body = await upload(client, token, IMPORT_ENTERPRISES, filename, content)
        payload = body["data"]["importEnterprises"]
        assert payload["registryImport"] is None
        assert user_errors(payload) == [("file", code)], filename
    assert (await gql(client, IMPORTS, token=token))["data"]["registryImports"]["totalCount"] == 0


async def test_a_csv_of_too_many_rows_is_a_user_error(
    client: AsyncTestClient[Any], db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, token = await _admin(client, db)
    # The object the app reads now: a test that cleared the settings cache leaves the fixture's behind.
    monkeypatch.setattr(get_settings(), "import_max_rows", 3)

    body = await upload(client, token, IMPORT_ENTERPRISES, "名单.csv", _file())

    payload = body["data"]["importEnterprises"]
    assert payload["registryImport"] is None
    assert user_errors(payload) == [("file", "TOO_MANY_ROWS")]
    assert (await gql(client, IMPORTS, token=token))["data"]["registryImports"]["totalCount"] == 0


async def test_other_roles_and_parks_are_refused(client: AsyncTestClient[Any], db: Database) -> None:
    park, admin = await _admin(client, db)
    _, other_admin = await _admin(client, db)
    created = await upload(client, admin, IMPORT_ENTERPRISES, "a.csv", _file())
    import_id = created["data"]["importEnterprises"]["registryImport"]["id"]

    for role in (Role.CHAIN_STAFF, Role.LIAISON_OFFICER, Role.ENTERPRISE_CONTACT, Role.FINANCE_OFFICER, Role.AUDITOR):
        _, token = await member_token(client, db, park, role)
        assert error_codes(await upload(client, token, IMPORT_ENTERPRISES, "a.csv", _file())) == ["FORBIDDEN"]
        assert error_codes(await upload(client, token, IMPORT_MEMBERS, "a.csv", _file())) == ["FORBIDDEN"]
        assert error_codes(await gql(client, POLL, {"id": import_id}, token=token)) == ["FORBIDDEN"]
        node = await gql(client, "query($id: ID!) { node(id: $id) { id } }", {"id": import_id}, token=token)
        assert error_codes(node) == ["NOT_FOUND"]

    assert error_codes(await gql(client, POLL, {"id": import_id}, token=other_admin)) == ["NOT_FOUND"]
    assert error_codes(await upload(client, None, IMPORT_ENTERPRISES, "a.csv", _file())) == ["UNAUTHENTICATED"]
