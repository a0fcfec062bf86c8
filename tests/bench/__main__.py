"""`python -m tests.bench [names...]` (what `make bench` runs): starts its own servers, runs the benchmarks,
prints a table and writes the same figures to bench-results.json."""

import argparse
import asyncio
import importlib
import json
import pkgutil
import signal
import sys
import time
import traceback
from types import FrameType

import httpx
import uvloop

from redchain.infra.db import Database
from tests import bench as bench_package
from tests.bench.framework import REGISTRY, Bench, BenchmarkFn, Result
from tests.bench.stack import REPO, Stack

RESULTS_FILE = REPO / "bench-results.json"


def discover() -> list[str]:
    """Imports every bench_*.py module (their decorators register them); returns the ones that broke."""
    broken = []
    for module in pkgutil.iter_modules(bench_package.__path__):
        if module.name.startswith("bench_"):
            try:
                importlib.import_module(f"{bench_package.__name__}.{module.name}")
            except Exception:  # noqa: BLE001 - a module that does not import must not stop the others
                traceback.print_exc()
                broken.append(module.name)
    return broken


def select(names: list[str]) -> dict[str, BenchmarkFn]:
    unknown = [name for name in names if name not in REGISTRY]
    if unknown:
        sys.exit(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(REGISTRY)}")
    return {name: REGISTRY[name] for name in names} if names else dict(REGISTRY)


async def run_all(stack: Stack, selected: dict[str, BenchmarkFn]) -> tuple[list[Result], list[str]]:
    assert stack.settings.database_url
    db = Database.connect(stack.settings, stack.settings.database_url)
    results: list[Result] = []
    failed: list[str] = []
    try:
        async with httpx.AsyncClient(base_url=stack.base_url, timeout=60) as http:
            context = Bench(stack, stack.base_url, db, stack.settings, http)
            for name, fn in selected.items():
                started = time.monotonic()
                print(f"running {name} ...", flush=True)
                try:
                    rows = await fn(context)
                except Exception:  # noqa: BLE001 - one broken benchmark must not hide the others' figures
                    traceback.print_exc()
                    for process in ("api", "worker"):
                        if tail := stack.log_tail(process):
                            print(f"--- {process} log (tail) ---\n{tail}", file=sys.stderr)
                    failed.append(name)
                    continue
                results += rows
                print(f"{name}: {len(rows)} figures in {time.monotonic() - started:.0f} s", flush=True)
    finally:
        await db.dispose()
    return results, failed


def _figure(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"


def table(results: list[Result]) -> str:
    header = ("name", "value", "unit", "baseline", "ratio", "target")
    rows = [header]
    for r in results:
        verdict = "" if r.target is None else f"{r.target} {'ok' if r.target_met else 'MISSED'}"
        rows.append((r.name, _figure(r.value), r.unit, _figure(r.baseline), _figure(r.ratio), verdict))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    aligned = [
        "  ".join(
            cell.ljust(w) if i in (0, 2, 5) else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    ]
    return "\n".join([aligned[0], "-" * len(aligned[0]), *aligned[1:]])


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt  # so `Stack.running` stops what it started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__)
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    args = parser.parse_args(argv)
    broken = discover()
    selected = select(args.names)
    signal.signal(signal.SIGTERM, _terminate)
    try:
        with Stack.running() as stack, asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
            results, failed = runner.run(run_all(stack, selected))
        failed = broken + failed
    except KeyboardInterrupt:
        print("interrupted; the servers it started are stopped", file=sys.stderr)
        return 130
    print()
    print(table(results))
    RESULTS_FILE.write_text(json.dumps([r.as_json() for r in results], indent=2, ensure_ascii=False) + "\n")
    print(f"\nwritten to {RESULTS_FILE}")
    if failed:
        print(f"FAILED: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
