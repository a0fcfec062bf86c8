"""One `redchain` distribution: the built wheel holds every source file, and our graphql/ folder never
shadows graphql-core (it has no __init__.py, so the installed library wins the import)."""

import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
ROOTS = ("services", "graphql", "workers", "infra")
# Read by Alembic as files, not imported: shipped as package data of redchain.infra.
DATA_DIRS = (Path("infra/migrations"),)


def source_files() -> list[Path]:
    return sorted(
        path.relative_to(REPO)
        for root in ROOTS
        for path in (REPO / root).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    )


def package_dirs() -> set[str]:
    dirs = {path.parent for path in source_files() if path.suffix == ".py"}
    return {
        "redchain." + ".".join(d.parts) for d in dirs if not any(d == data or data in d.parents for data in DATA_DIRS)
    }


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=REPO, capture_output=True, text=True, timeout=120)


def test_graphql_is_graphql_core_even_from_the_repo_root() -> None:
    assert not (REPO / "graphql" / "__init__.py").exists(), "graphql/ must stay a namespace portion"

    result = run("-c", "import strawberry, graphql; print(graphql.__file__)")

    assert result.returncode == 0, result.stderr
    assert "site-packages" in result.stdout and result.stdout.strip().endswith("graphql/__init__.py")


def test_tests_collect_from_the_repo_root() -> None:
    result = run("-m", "pytest", "--collect-only", "-q", "tests/graphql/test_schema_file.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_package_is_listed_in_pyproject() -> None:
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])

    missing, stale = package_dirs() - listed, listed - package_dirs()

    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(missing)}"
    assert not stale, f"listed in pyproject.toml but not in the tree: {sorted(stale)}"


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    # Built from a copy, so the build/ and egg-info scratch never lands in the working tree.
    source = tmp_path_factory.mktemp("source") / "redchain"
    shutil.copytree(
        REPO,
        source,
        ignore=shutil.ignore_patterns(
            ".git",
            ".venv",
            ".data",
            "build",
            "dist",
            "*.egg-info",
            "__pycache__",
            ".*_cache",
            # web/ is not in the wheel; its dependencies and test runs are large.
            "node_modules",
            "test-results",
            "playwright-report",
            ".e2e-data",
        ),
    )
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = out.glob("redchain-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_the_wheel_ships_every_source_file(wheel_names: set[str]) -> None:
    expected = {"redchain/" + path.as_posix() for path in source_files()}

    missing = sorted(expected - wheel_names)

    assert not missing, f"not in the wheel (pyproject.toml packages / package-data): {missing}"
    assert {
        "redchain/graphql/schema.graphql",
        "redchain/infra/migrations/env.py",
        "redchain/infra/migrations/script.py.mako",
    } <= wheel_names
    assert any(n.startswith("redchain/infra/migrations/versions/") for n in wheel_names)


def test_the_wheel_ships_no_tests_and_no_top_level_graphql(wheel_names: set[str]) -> None:
    assert not [n for n in wheel_names if n.startswith(("tests/", "graphql/", "redchain/tests/"))]
    assert not [n for n in wheel_names if n.endswith((".pyc", "/graphql/__init__.py"))]


def test_the_wheel_carries_the_built_web_app(wheel_names: set[str]) -> None:
    built = REPO / "graphql" / "web_dist"
    if not (built / "index.html").is_file():
        pytest.skip("the web app is not built (make web; make test builds it first when npm is present)")
    assets = {n for n in wheel_names if n.startswith("redchain/graphql/web_dist/assets/")}

    assert "redchain/graphql/web_dist/index.html" in wheel_names
    files = {"redchain/graphql/web_dist/" + p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file()}
    assert files <= wheel_names
    assert any(n.endswith(".js") for n in assets) and any(n.endswith(".css") for n in assets)
    assert any(n.endswith(".js.gz") for n in assets)
