"""Starting the API with settings it must refuse: one clear line and a non-zero exit, no traceback."""

import os
import subprocess
import sys
from pathlib import Path

# Development secrets (none set) and DEBUG off; URLs set, so no embedded server is started for this.
REFUSED_ENV = {
    "PATH": os.environ.get("PATH", ""),
    "DATABASE_URL": "postgresql://nobody@127.0.0.1:9/none",
    "REDIS_URL": "redis://127.0.0.1:9",
    "PORT": "8799",
}


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    # cwd without a .env, so the refused settings are exactly these.
    return subprocess.run(command, cwd=cwd, env=REFUSED_ENV, capture_output=True, text=True, timeout=120)


def test_serve_with_development_secrets_says_so_in_one_line(tmp_path: Path) -> None:
    result = run([sys.executable, "-m", "redchain.infra.cli", "serve"], tmp_path)

    assert result.returncode != 0
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert "JWT_SECRET" in line and "DEBUG=true" in line


def test_refused_startup_has_no_second_traceback_from_shutdown(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "uvicorn", "--factory", "redchain.graphql.app:create_app", "--port", "8799"]

    result = run(command, tmp_path)

    assert result.returncode != 0
    assert "JWT_SECRET" in result.stderr
    assert "_shutdown" not in result.stderr and "KeyError: 'redchain'" not in result.stderr
