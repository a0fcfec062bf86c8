"""The `redchain` command: run everything, or one part (serve, worker, migrate, demo-data, ...)."""

import argparse
import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from redchain.infra import devservers, migrate
from redchain.infra.payments.settings import get_payment_settings
from redchain.infra.settings import Settings, get_settings, startup_problem

EMBEDDED_DATABASE = "redchain"


def _embedded_postgres(settings: Settings, owned: list[devservers.ServerProcess]) -> str:
    data_dir = Path(settings.data_dir) / "postgres"
    server_url = devservers.running_postgres(data_dir)
    if server_url is None:
        server = devservers.start_postgres(data_dir)
        owned.append(server)
        server_url = server.url
        print(f"embedded PostgreSQL started (pid {server.pid}) on {server_url}", flush=True)
    return asyncio.run(migrate.ensure_database(server_url, EMBEDDED_DATABASE))


def _embedded_redis(settings: Settings, owned: list[devservers.ServerProcess]) -> str:
    data_dir = Path(settings.data_dir) / "redis"
    url = devservers.running_redis(data_dir)
    if url is None:
        server = devservers.start_redis(data_dir)
        devservers.remember_redis(data_dir, server)
        owned.append(server)
        url = server.url
        print(f"embedded Redis started (pid {server.pid}) on {url}", flush=True)
    return url


def resolve_services(settings: Settings, owned: list[devservers.ServerProcess]) -> Settings:
    """Configured URLs win; otherwise reuse or start the embedded servers under `data_dir`."""
    if not settings.database_url:
        # Embedded servers mean a local try-out: development secrets and GraphiQL are fine there.
        os.environ.setdefault("DEBUG", "true")
    database_url = settings.database_url or _embedded_postgres(settings, owned)
    redis_url = settings.redis_url or _embedded_redis(settings, owned)
    os.environ["DATABASE_URL"] = database_url
    os.environ["REDIS_URL"] = redis_url
    get_settings.cache_clear()
    return get_settings()


def cmd_migrate(settings: Settings) -> None:
    assert settings.database_url
    migrate.upgrade(settings.database_url, settings)
    print("database migrated", flush=True)


def cmd_migrate_check(settings: Settings) -> None:
    """Migrate a scratch database and compare it with the models."""
    assert settings.database_url
    scratch = asyncio.run(migrate.create_database(settings.database_url, "redchain_migrate_check"))
    try:
        migrate.upgrade(scratch, settings)
        migrate.check(scratch)
        print("models and migrations agree", flush=True)
    finally:
        asyncio.run(migrate.drop_database(settings.database_url, scratch))


def cmd_demo_data(settings: Settings, scale: str) -> None:
    from redchain.services.demo import load_demo_data

    print(asyncio.run(load_demo_data(settings, scale)), flush=True)


def cmd_create_platform_admin(settings: Settings, email: str, password: str, name: str) -> None:
    from redchain.services.demo import create_platform_admin

    asyncio.run(create_platform_admin(settings, email, password, name))
    print(f"platform admin {email} is ready", flush=True)


def _serve_command(settings: Settings) -> list[str]:
    return [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        "redchain.graphql.app:create_app",
        "--host",
        "127.0.0.1",
        "--port",
        str(settings.port),
        "--no-access-log",
        "--log-level",
        "warning",
    ]


def _worker_command() -> list[str]:
    return [sys.executable, "-m", "redchain.workers.main"]


def _treasury_command(settings: Settings) -> list[str] | None:
    """The simulated treasury (infra/treasury_sim.py) for a local try-out, unless the configured
    treasury is elsewhere: the worker pays into it, and it keeps its records under data_dir."""
    url = urlsplit(get_payment_settings().treasury_url)
    if url.hostname not in ("127.0.0.1", "localhost"):
        return None
    return [
        sys.executable,
        "-m",
        "redchain.infra.treasury_sim",
        "--port",
        str(url.port or 80),
        "--db",
        str(Path(settings.data_dir) / "treasury.sqlite"),
    ]


def cmd_run(settings: Settings, owned: list[devservers.ServerProcess]) -> None:
    """Everything for a local try-out, as children of this process; Ctrl-C stops them all."""
    cmd_migrate(settings)
    cmd_demo_data(settings, "small")
    treasury = _treasury_command(settings)
    children = [subprocess.Popen(command) for command in ([treasury] if treasury else [])]
    children += [subprocess.Popen(_serve_command(settings)), subprocess.Popen(_worker_command())]
    from redchain.services.demo import DEMO_LOGINS, DEMO_PASSWORD

    base = f"http://127.0.0.1:{settings.port}"
    print(f"\nredchain is running: the web app at {base}/ and GraphiQL at {base}/graphql", flush=True)
    print(f"demo logins (password for all: {DEMO_PASSWORD}):", flush=True)
    for email, what in DEMO_LOGINS.items():
        print(f"  {email:32} {what}", flush=True)
    print("Ctrl-C stops everything.", flush=True)
    stop = False

    def _stop(*_: object) -> None:
        nonlocal stop
        stop = True

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    try:
        while not stop and all(child.poll() is None for child in children):
            time.sleep(0.3)
    finally:
        for child in children:
            if child.poll() is None:
                child.terminate()
        for child in children:
            try:
                child.wait(10)
            except subprocess.TimeoutExpired:
                child.kill()
        for server in owned:
            server.stop()
        print("stopped", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="redchain", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("run", help="migrate, load demo data, start API and worker (embedded servers if needed)")
    sub.add_parser("serve", help="start the API")
    sub.add_parser("worker", help="start the arq worker")
    sub.add_parser("migrate", help="apply migrations and set up the app database role")
    sub.add_parser("migrate-check", help="fail when models and migrations disagree")
    demo = sub.add_parser("demo-data", help="load the demo park (once)")
    demo.add_argument("--scale", choices=["small", "park"], default="small")
    admin = sub.add_parser("create-platform-admin", help="bootstrap a production install")
    admin.add_argument("--email", required=True)
    admin.add_argument("--password", required=True)
    admin.add_argument("--name", default="Platform admin")
    sub.add_parser("stop-services", help="stop the embedded PostgreSQL and Redis under data_dir")
    args = parser.parse_args(argv)

    settings = get_settings()
    if args.command == "stop-services":
        stopped = devservers.stop_embedded(Path(settings.data_dir))
        print(f"stopped {stopped} embedded server(s)")
        return
    owned: list[devservers.ServerProcess] = []
    settings = resolve_services(settings, owned)
    if args.command in ("run", "serve") and (problem := startup_problem(settings)):
        # Refused here, the reason is one line; refused inside uvicorn, it is buried in tracebacks.
        for server in owned:
            server.stop()
        sys.exit(f"redchain: {problem}")
    match args.command:
        case "run":
            cmd_run(settings, owned)
            return
        case "serve":
            # The embedded servers outlive the API (`make stop` ends them): parts run separately.
            os.execv(sys.executable, _serve_command(settings))
        case "worker":
            os.execv(sys.executable, _worker_command())
    try:
        match args.command:
            case "migrate":
                cmd_migrate(settings)
            case "migrate-check":
                cmd_migrate_check(settings)
            case "demo-data":
                cmd_migrate(settings)  # demo data needs the current schema; migrating twice is a no-op
                cmd_demo_data(settings, args.scale)
            case "create-platform-admin":
                cmd_create_platform_admin(settings, args.email, args.password, args.name)
    finally:
        # A one-shot command stops the servers it had to start.
        for server in owned:
            server.stop()


if __name__ == "__main__":
    main()
