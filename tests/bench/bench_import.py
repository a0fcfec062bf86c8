"""Issue #3: importing 38,000 enterprises end to end — multipart upload, outbox relay, worker, polled to DONE."""

import asyncio
import json
import time
from typing import Any

from redchain.infra.clock import park_today
from redchain.services.demo_scale.loader import enterprise_sheet
from redchain.services.demo_scale.plan import plan_park
from redchain.services.registry.service import REFERENCE_CHAINS
from tests.bench.framework import Account, Bench, Result, at_most, benchmark
from tests.factories import create_chain

IMPORT = """
mutation Import($file: Upload!) {
  importEnterprises(file: $file) { registryImport { id } userErrors { code message } }
}
"""
POLL = """
query Poll($id: ID!) {
  registryImport(id: $id) { status totalRows doneRows createdRows updatedRows unchangedRows errorRows }
}
"""
POLL_SECONDS = 0.1
TIMEOUT_SECONDS = 300


async def _import(bench: Bench, account: Account, filename: str, content: bytes) -> tuple[float, dict[str, Any]]:
    """Seconds from the upload's first byte to the poll that sees the import DONE, and its counts."""
    started = time.monotonic()
    response = await bench.http.post(
        "/graphql",
        headers={"Authorization": f"Bearer {account.token}"},
        data={
            "operations": json.dumps({"query": IMPORT, "variables": {"file": None}}),
            "map": json.dumps({"0": ["variables.file"]}),
        },
        files={"0": (filename, content, "text/csv")},
    )
    payload = response.json()["data"]["importEnterprises"]
    if payload["userErrors"]:
        raise AssertionError(f"import refused: {payload['userErrors']}")
    import_id = payload["registryImport"]["id"]
    while time.monotonic() - started < TIMEOUT_SECONDS:
        polled = (await bench.gql(POLL, {"id": import_id}, token=account.token))["data"]["registryImport"]
        if polled["status"] in ("DONE", "FAILED"):
            if polled["status"] == "FAILED":
                raise AssertionError(f"import failed: {polled}")
            return time.monotonic() - started, polled
        await asyncio.sleep(POLL_SECONDS)
    raise TimeoutError(f"import {import_id} not done within {TIMEOUT_SECONDS} s")


@benchmark("import")
async def bench_import_38k(bench: Bench) -> list[Result]:
    account = await bench.signed_in()
    for name in REFERENCE_CHAINS:
        await create_chain(bench.db, account.park, name=name)
    sheet = enterprise_sheet(plan_park(park_today()))
    bench.stack.start_worker()
    # A two-row import first: the worker is up, connected and warm before the clock starts.
    await _import(bench, account, "warm-up.csv", b"\n".join(sheet.splitlines()[:3]))

    first_seconds, first = await _import(bench, account, "企业名单.csv", sheet)
    again_seconds, again = await _import(bench, account, "企业名单.csv", sheet)

    if (first["totalRows"], first["errorRows"], again["unchangedRows"]) != (38_000, 0, 38_000):
        raise AssertionError(f"unexpected counts: {first}, {again}")
    return [
        Result("import.enterprises_38k.seconds", first_seconds, "s", target=at_most(15)),
        Result("import.enterprises_38k.rows_per_second", 38_000 / first_seconds, "rows/s"),
        Result("import.enterprises_38k.rerun_unchanged.seconds", again_seconds, "s"),
    ]
