"""Every context has its boundary contract in pyproject.toml, so a new context cannot be forgotten by
`make lint` (which runs the contracts themselves)."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_context_is_reached_only_through_its_published_modules() -> None:
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    protected = {m for c in contracts if c["type"] == "protected" for m in c["protected_modules"]}
    contexts = {
        f"redchain.services.{package.name}"
        for package in (ROOT / "services").iterdir()
        if (package / "service.py").exists() or (package / "repository.py").exists()
    }
    assert contexts - {"redchain.services.demo_scale"} == protected
