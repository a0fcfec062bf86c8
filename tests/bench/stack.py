"""The processes a benchmark run owns: its own PostgreSQL and Redis, a migrated database, the API server
(and the worker when a benchmark asks for it). Everything is started here and stopped here by PID."""

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from redchain.infra import devservers, migrate
from redchain.infra.settings import Settings, get_settings

REPO = Path(__file__).resolve().parents[2]
ENVIRONMENT = {
    "JWT_SECRET": "bench-secret-that-is-long-enough-for-hs256",
    "ID_CARD_PEPPER": "bench-id-card-pepper",
    "PAYEE_ENCRYPTION_KEY": "YmVuY2gtcGF5ZWUta2V5LTMyLWJ5dGVzLWxvbmctISE=",
    "DEBUG": "false",
    # The limiter still counts every request in Redis, but a load test is not an abuser to stop.
    "REQUESTS_PER_MINUTE": "1000000000",
}


class Stack:
    settings: Settings  # set once the database is migrated
    base_url: str  # set once the API answers /readyz

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.servers: list[devservers.ServerProcess] = []
        self.children: list[subprocess.Popen[bytes]] = []

    @classmethod
    @contextmanager
    def running(cls) -> Iterator["Stack"]:
        stack = cls(Path(tempfile.mkdtemp(prefix="redchain-bench-")))
        try:
            stack._start()
            yield stack
        finally:
            stack._stop()
            shutil.rmtree(stack.workdir, ignore_errors=True)

    def _start(self) -> None:
        postgres = devservers.start_postgres(self.workdir / "postgres")
        self.servers.append(postgres)
        redis = devservers.start_redis(self.workdir / "redis")
        self.servers.append(redis)
        database_url = asyncio.run(migrate.create_database(postgres.url, "redchain_bench"))
        os.environ.update(ENVIRONMENT, DATABASE_URL=database_url, REDIS_URL=redis.url)
        get_settings.cache_clear()
        self.settings = get_settings()
        migrate.upgrade(database_url, self.settings)
        self._start_api()

    def _spawn(self, name: str, command: list[str]) -> subprocess.Popen[bytes]:
        log = open(self.workdir / f"{name}.log", "ab")  # noqa: SIM115 - owned by the child for its life
        # A session of its own: Ctrl-C reaches only us, and we stop the child in order.
        child = subprocess.Popen(
            command, cwd=REPO, env=os.environ.copy(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.children.append(child)
        return child

    def _start_api(self) -> None:
        port = devservers.free_port()
        api = self._spawn(
            "api",
            [
                sys.executable,
                "-m",
                "uvicorn",
                "--factory",
                "redchain.graphql.app:create_app",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--workers",
                "1",
                "--no-access-log",
                "--log-level",
                "warning",
            ],
        )
        self.base_url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if api.poll() is not None:
                raise RuntimeError(f"the API server exited with {api.returncode}:\n{self.log_tail('api')}")
            try:
                if httpx.get(f"{self.base_url}/readyz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise TimeoutError(f"the API server was not ready within 30 s:\n{self.log_tail('api')}")

    def start_worker(self) -> subprocess.Popen[bytes]:
        """The arq worker, for benchmarks of work that runs in jobs (stopped with the rest)."""
        return self._spawn("worker", [sys.executable, "-m", "redchain.workers.main"])

    def log_tail(self, name: str, lines: int = 30) -> str:
        path = self.workdir / f"{name}.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""

    def _stop(self) -> None:
        for child in reversed(self.children):
            if child.poll() is None:
                child.terminate()
                try:
                    child.wait(10)
                except subprocess.TimeoutExpired:
                    child.kill()
                    child.wait()
        for server in reversed(self.servers):
            server.stop()
