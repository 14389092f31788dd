"""The lock files pin every dependency pyproject.toml names, at a version its bounds allow.

``.ci/run`` installs from ``requirements/lock-dev.txt`` and ``planwatch bundle`` from
``requirements/lock.txt``; a dependency added to pyproject.toml without regenerating them
(``scripts/lock.sh``) would otherwise surface only as a failed install on an intranet.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def pins(lock: Path) -> dict[str, list[str]]:
    """Return name -> pinned versions (one per environment marker) of a lock file."""
    found: dict[str, list[str]] = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)", line)
        if match:
            found.setdefault(canonicalize_name(match[1]), []).append(match[2])
    return found


def requirements(*extras: str) -> list[Requirement]:
    wanted = [Requirement(text) for text in PROJECT["dependencies"]]
    for extra in extras:
        wanted += [Requirement(text) for text in PROJECT["optional-dependencies"][extra]]
    return [r for r in wanted if canonicalize_name(r.name) != "planwatch"]


@pytest.mark.parametrize(
    ("lock", "extras"),
    [
        ("lock.txt", ("parquet", "postgres")),
        ("lock-dev.txt", ("dev", "parquet", "postgres")),
    ],
)
def test_the_lock_pins_every_dependency_within_its_bounds(lock: str, extras: tuple[str, ...]) -> None:
    pinned = pins(ROOT / "requirements" / lock)
    stale = []
    for requirement in requirements(*extras):
        versions = pinned.get(canonicalize_name(requirement.name), [])
        if not versions or not all(requirement.specifier.contains(v, prereleases=True) for v in versions):
            stale.append(f"{requirement} (锁定：{', '.join(versions) or '无'})")
    assert not stale, f"requirements/{lock} 与 pyproject.toml 不一致，请运行 scripts/lock.sh 重新生成：{stale}"


def test_every_locked_requirement_carries_a_hash() -> None:
    text = (ROOT / "requirements" / "lock-dev.txt").read_text(encoding="utf-8")
    entries = re.split(r"\n(?=\S)", text.strip())
    unhashed = [e.split()[0] for e in entries if not e.startswith("#") and "--hash=sha256:" not in e]
    assert not unhashed
