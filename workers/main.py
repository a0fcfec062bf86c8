"""The arq worker: `python -m redchain.workers.main` (what `redchain worker` runs) until SIGTERM/SIGINT.

It runs the outbox relay every second and the jobs the relay enqueues.
"""

import logging

from arq import cron, run_worker
from arq.connections import RedisSettings

from redchain.infra.db import Database
from redchain.infra.logging import configure_logging
from redchain.infra.settings import get_settings
from redchain.workers import calendar, funds, notifications, registry, tickets
from redchain.workers.events import handle_event
from redchain.workers.jobs import Ctx
from redchain.workers.outbox import relay_outbox

# Each context's event handlers, registered with @on when their module is imported: add yours here.
HANDLER_MODULES = (notifications, funds, registry, tickets)


async def startup(ctx: Ctx) -> None:
    settings = get_settings()
    if not settings.database_url:
        raise RuntimeError("DATABASE_URL is not set (`redchain worker` sets it, or starts the embedded server)")
    ctx["db"] = Database.connect(settings, settings.database_url)


async def shutdown(ctx: Ctx) -> None:
    if "db" in ctx:
        await ctx["db"].dispose()


# Every second (no second= filter); the relay's row locks make overlapping runs harmless.
# arq's WorkerCoroutine protocol does not accept our typed ctx, hence the ignore.
RELAY_CRON = cron(
    relay_outbox,  # type: ignore[arg-type]
    second=None,
    run_at_startup=True,
    keep_result=0,
    max_tries=1,
    timeout=60,
)


class QuietRelayRuns(logging.Filter):
    """arq logs every job start and end; the relay runs each second and logs itself when it relays."""

    def filter(self, record: logging.LogRecord) -> bool:
        # arq passes the job's name as a log argument: "→ cron:relay_outbox()", "← cron:relay_outbox ● 0".
        return record.levelno > logging.INFO or not (isinstance(record.args, tuple) and RELAY_CRON.name in record.args)


class WorkerSettings:
    functions = [handle_event, *funds.JOBS, *registry.JOBS, *tickets.JOBS, *calendar.JOBS]
    cron_jobs = [RELAY_CRON, *funds.CRON_JOBS, *tickets.CRON_JOBS, *calendar.CRON_JOBS]
    on_startup = startup
    on_shutdown = shutdown
    poll_delay = 0.2
    max_jobs = 20
    # A killed job stays "in progress" for the longest job timeout + 10 s, blocking its queue slot;
    # reading well past max_jobs keeps a few such slots from stalling everything behind them.
    queue_read_limit = 1000
    job_timeout = 120
    # A finished event job's result keeps its ID reserved this long, so a re-relayed event collapses.
    keep_result = 3600
    max_tries = 5
    # On SIGTERM/SIGINT stop taking jobs and let running ones finish this long before cancelling them.
    job_completion_wait = 10


def main() -> None:
    # Before the worker starts: arq logs its start-up lines before on_startup runs.
    configure_logging()
    logging.getLogger("arq.worker").addFilter(QuietRelayRuns())
    redis_url = get_settings().redis_url
    if not redis_url:
        raise SystemExit("REDIS_URL is not set (`redchain worker` sets it, or starts the embedded server)")
    # arq reads any class's attributes; its type hints ask for its own base class.
    run_worker(WorkerSettings, redis_settings=RedisSettings.from_dsn(redis_url))  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
