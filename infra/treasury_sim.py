"""A simulated treasury gateway (模拟国库支付网关): a separate HTTP process with its own SQLite records.

It honours idempotency keys (a key is paid at most once; asking again returns the first answer) and
misbehaves on demand, from start-up flags, `POST /admin/faults`, or per payee account:

    account ending  0001  declined for good (ACCOUNT_CLOSED)
                    0002  busy (503) for the first two calls of its key, then paid
                    0003  pays, then answers too late (the caller times out) on its key's first call
                    0004  hangs without paying on its key's first call (the caller times out)
                    0005  answers slowly (slow_ms, or 300 ms)
                    0006  answers twice: the request is delivered twice, the second answer is returned

`GET /admin/stats` reports what it did and `GET /admin/captures` lists every payment taken, from an
append-only table: a key paid twice would show up there even if the idempotency check failed.

    python -m redchain.infra.treasury_sim --port 8010 --db .data/treasury.sqlite --timeout-rate 0.1
"""

import argparse
import asyncio
import os
import random
import sqlite3
import subprocess
import sys
import time
import uuid
from collections import Counter
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

import httpx
from litestar import Litestar, Response, get, post
from litestar.datastructures import State

from redchain.infra import devservers

SCHEMA = """
CREATE TABLE IF NOT EXISTS payments (
    idempotency_key TEXT PRIMARY KEY, amount_fen INTEGER NOT NULL, account_last4 TEXT NOT NULL,
    status TEXT NOT NULL, reason TEXT, reference TEXT NOT NULL, created_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS captures (
    id INTEGER PRIMARY KEY AUTOINCREMENT, idempotency_key TEXT NOT NULL, amount_fen INTEGER NOT NULL,
    captured_at REAL NOT NULL);
"""


@dataclass
class Faults:
    timeout_rate: float = 0.0  # share of calls that get no answer in time (half paid first, half not)
    decline_rate: float = 0.0  # share of new keys declined for good
    busy_rate: float = 0.0  # share of calls answered 503, not processed
    duplicate_rate: float = 0.0  # share of calls delivered twice
    slow_ms: int = 0  # added to every answer
    hang_seconds: float = 10.0  # how long a timed-out call hangs before its late answer
    seed: int | None = None

    def update(self, values: dict[str, Any]) -> None:
        known = {f.name for f in fields(self)}
        for name, value in values.items():
            if name in known:
                setattr(self, name, value)


class Treasury:
    def __init__(self, db_path: str, faults: Faults) -> None:
        self.db = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")  # durable enough for a simulator, and fast
        self.db.executescript(SCHEMA)
        self.faults = faults
        self.random = random.Random(faults.seed)
        self.stats: Counter[str] = Counter()
        self.calls_per_key: Counter[str] = Counter()

    def record(self, key: str) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT idempotency_key, amount_fen, status, reason, reference FROM payments WHERE idempotency_key = ?",
            (key,),
        ).fetchone()
        if row is None:
            return None
        return {
            "idempotency_key": row[0],
            "amount_fen": row[1],
            "status": row[2],
            "reason": row[3],
            "reference": row[4],
        }

    def process(self, order: dict[str, Any], decline: str | None) -> tuple[int, dict[str, Any]]:
        """Synchronous from check to insert: no other request interleaves (one event loop)."""
        key = order["idempotency_key"]
        existing = self.record(key)
        if existing is not None:
            self.stats["replays"] += 1
            if existing["amount_fen"] != order["amount_fen"]:
                return 409, {"status": "CONFLICT", "reason": "KEY_REUSED_WITH_OTHER_AMOUNT"}
            return 200, existing
        status = "DECLINED" if decline else "CAPTURED"
        reference = f"TR{uuid.uuid4().hex[:16].upper()}"
        now = time.time()
        self.db.execute(
            "INSERT INTO payments VALUES (?, ?, ?, ?, ?, ?, ?)",
            (key, order["amount_fen"], str(order["payee_account"])[-4:], status, decline, reference, now),
        )
        if status == "CAPTURED":
            self.db.execute(
                "INSERT INTO captures (idempotency_key, amount_fen, captured_at) VALUES (?, ?, ?)",
                (key, order["amount_fen"], now),
            )
        self.stats["captured" if status == "CAPTURED" else "declined"] += 1
        return 200, self.record(key) or {}

    def summary(self) -> dict[str, Any]:
        captured = self.db.execute(
            "SELECT count(*), coalesce(sum(amount_fen), 0), count(DISTINCT idempotency_key) FROM captures"
        ).fetchone()
        keys_paid_twice = self.db.execute(
            "SELECT count(*) FROM (SELECT idempotency_key FROM captures GROUP BY 1 HAVING count(*) > 1)"
        ).fetchone()[0]
        return {
            **self.stats,
            "captures": captured[0],
            "captured_total_fen": captured[1],
            "captured_keys": captured[2],
            "keys_paid_twice": keys_paid_twice,
            "faults": asdict(self.faults),
        }


def _roll(treasury: Treasury, rate: float) -> bool:
    return rate > 0 and treasury.random.random() < rate


def _treasury(state: State) -> Treasury:
    return state.treasury  # type: ignore[no-any-return]


@post("/payments")
async def pay(state: State, data: dict[str, Any]) -> Response[dict[str, Any]]:
    treasury, faults = _treasury(state), _treasury(state).faults
    key, account = str(data.get("idempotency_key", "")), str(data.get("payee_account", ""))
    if not key or not isinstance(data.get("amount_fen"), int) or data["amount_fen"] <= 0:
        return Response({"status": "INVALID"}, status_code=400)
    treasury.stats["pay_calls"] += 1
    treasury.calls_per_key[key] += 1
    first_call = treasury.calls_per_key[key] == 1
    slow = faults.slow_ms or (300 if account.endswith("0005") else 0)
    if slow:
        await asyncio.sleep(slow / 1000)
    if (account.endswith("0002") and treasury.calls_per_key[key] <= 2) or _roll(treasury, faults.busy_rate):
        treasury.stats["busy"] += 1
        return Response({"status": "BUSY", "reason": "BANK_BUSY"}, status_code=503)
    timeout = _roll(treasury, faults.timeout_rate)
    pay_then_hang = (account.endswith("0003") and first_call) or (timeout and treasury.random.random() < 0.5)
    hang_unpaid = (account.endswith("0004") and first_call) or (timeout and not pay_then_hang)
    if hang_unpaid:
        treasury.stats["timeouts"] += 1
        await asyncio.sleep(faults.hang_seconds)
        return Response({"status": "TIMEOUT"}, status_code=504)
    decline = "ACCOUNT_CLOSED" if account.endswith("0001") else None
    if decline is None and treasury.record(key) is None and _roll(treasury, faults.decline_rate):
        decline = "DECLINED_BY_BANK"
    status_code, answer = treasury.process(data, decline)
    if account.endswith("0006") or _roll(treasury, faults.duplicate_rate):
        treasury.stats["duplicates"] += 1
        status_code, answer = treasury.process(data, decline)
    if pay_then_hang:
        treasury.stats["timeouts"] += 1
        await asyncio.sleep(faults.hang_seconds)
    return Response(answer, status_code=status_code)


@get("/payments/{key:str}")
async def payment_status(state: State, key: str) -> Response[dict[str, Any]]:
    treasury = _treasury(state)
    treasury.stats["status_calls"] += 1
    if _roll(treasury, treasury.faults.timeout_rate):
        treasury.stats["timeouts"] += 1
        await asyncio.sleep(treasury.faults.hang_seconds)
    found = treasury.record(key)
    return Response(found or {"status": "NOT_FOUND"}, status_code=200 if found else 404)


@get("/admin/stats")
async def stats(state: State) -> dict[str, Any]:
    return _treasury(state).summary()


@get("/admin/captures")
async def captures(state: State) -> list[dict[str, Any]]:
    rows = _treasury(state).db.execute("SELECT idempotency_key, amount_fen FROM captures ORDER BY id").fetchall()
    return [{"idempotency_key": key, "amount_fen": amount} for key, amount in rows]


@post("/admin/faults")
async def set_faults(state: State, data: dict[str, Any]) -> dict[str, Any]:
    treasury = _treasury(state)
    treasury.faults.update(data)
    if "seed" in data:
        treasury.random.seed(data["seed"])
    return asdict(treasury.faults)


@get("/health", sync_to_thread=False)
def health() -> dict[str, str]:
    return {"status": "ok"}


def create_app(db_path: str, faults: Faults) -> Litestar:
    return Litestar(
        route_handlers=[pay, payment_status, stats, captures, set_faults, health],
        state=State({"treasury": Treasury(db_path, faults)}),
        debug=False,
    )


def start_treasury(data_dir: Path, port: int | None = None, **faults: Any) -> devservers.ServerProcess:
    """Runs the simulator as our child process on 127.0.0.1 and waits until it answers."""
    data_dir.mkdir(parents=True, exist_ok=True)
    port = port or devservers.free_port()
    command = [
        sys.executable,
        "-m",
        "redchain.infra.treasury_sim",
        "--port",
        str(port),
        "--db",
        str(data_dir / "treasury.sqlite"),
    ]
    for name, value in faults.items():
        command += [f"--{name.replace('_', '-')}", str(value)]
    log = open(data_dir / "treasury.log", "ab")  # noqa: SIM115 - owned by the child for its life
    process = subprocess.Popen(command, stdout=log, stderr=log, start_new_session=True, env=os.environ.copy())
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"treasury simulator exited with code {process.returncode}")
        try:
            if httpx.get(f"{url}/health", timeout=0.5).status_code == 200:
                return devservers.ServerProcess(url, process)
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise TimeoutError("treasury simulator did not start")


def main(argv: list[str] | None = None) -> None:
    import uvicorn

    parser = argparse.ArgumentParser(prog="treasury_sim", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8010)
    parser.add_argument("--db", default=".data/treasury.sqlite")
    for spec in fields(Faults):
        kind = int if spec.name in ("slow_ms", "seed") else float
        parser.add_argument(f"--{spec.name.replace('_', '-')}", type=kind, default=spec.default)
    args = parser.parse_args(argv)
    Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    faults = Faults(**{spec.name: getattr(args, spec.name) for spec in fields(Faults)})
    uvicorn.run(create_app(args.db, faults), host="127.0.0.1", port=args.port, log_level="warning", access_log=False)


if __name__ == "__main__":
    main()
