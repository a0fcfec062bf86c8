"""The worker as it runs in production: `python -m redchain.workers.main`, relaying every second on
its own, logging JSON, and stopping cleanly on SIGTERM and SIGINT."""

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from redchain.infra.db import Database
from redchain.infra.settings import Settings
from redchain.services.actor import Grant
from redchain.services.permissions import Role
from redchain.services.tenancy import service as tenancy
from tests.factories import actor_for, create_member, create_park
from tests.workers.helpers import notifications_of

pytestmark = pytest.mark.slow


def start_worker(settings: Settings, log_file: Path) -> subprocess.Popen[bytes]:
    assert settings.database_url and settings.redis_url
    env = {**os.environ, "DATABASE_URL": settings.database_url, "REDIS_URL": settings.redis_url}
    with log_file.open("wb") as log:
        # Its own working directory, so no .env of the checkout is read.
        return subprocess.Popen(
            [sys.executable, "-m", "redchain.workers.main"], env=env, stdout=log, stderr=log, cwd=log_file.parent
        )


def stop(process: subprocess.Popen[bytes], signum: int) -> int:
    process.send_signal(signum)
    try:
        return process.wait(15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
async def test_worker_relays_on_its_own_and_stops_cleanly(
    db: Database, settings: Settings, tmp_path: Path, signum: int
) -> None:
    park = await create_park(db)
    admin, _ = await create_member(db, park, Role.PARK_ADMIN)
    log_file = tmp_path / "worker.log"
    worker = start_worker(settings, log_file)
    try:
        async with db.transaction(park.id, admin.id) as session:
            granted = await tenancy.grant_membership(
                session,
                actor_for(park, admin, Grant(Role.PARK_ADMIN)),
                f"{uuid.uuid4().hex[:8]}@example.cn",
                "赵六",
                Role.AUDITOR,
                None,
                None,
                "A-long-password",
            )
        deadline = time.monotonic() + 20
        while not await notifications_of(db, park, granted.user.id):
            assert worker.poll() is None, log_file.read_text()
            assert time.monotonic() < deadline, "no notification within 20 s:\n" + log_file.read_text()
            await asyncio.sleep(0.2)
    finally:
        exit_code = stop(worker, signum)

    assert exit_code == 0, log_file.read_text()
    lines = [json.loads(line) for line in log_file.read_text().splitlines()]
    assert any(line["logger"] == "arq.worker" for line in lines)
    assert not any(line["level"] in {"ERROR", "CRITICAL"} and line["logger"].startswith("redchain") for line in lines)
