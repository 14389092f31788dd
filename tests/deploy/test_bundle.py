"""The offline bundle: built for this machine, installed with pip's index switched off, then the demo runs.

It needs PyPI (or a mirror) to build the bundle, so it runs when ``PLANWATCH_TEST_BUNDLE=1``
and must run (never skip) when ``PLANWATCH_TEST_REQUIRE_BUNDLE=1``, as ``.ci/run`` sets.
The install uses the bundle's own ``install.sh`` with pip's configuration emptied, so
no index, mirror or local wheel folder of this machine can help it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from planwatch.bundle import PLATFORMS, BundleError, build, environment, needed, pin_for, read_lock, this_platform

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = bool(os.environ.get("PLANWATCH_TEST_REQUIRE_BUNDLE"))
PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"

LOCK = """\
soupsieve==2.10 ; python_full_version < '3.11.5' \\
    --hash=sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
soupsieve==4.1.4 ; python_full_version >= '3.11.5' \\
    --hash=sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
    # via beautifulsoup4
tzdata==2026.6 ; sys_platform == 'win32' \\
    --hash=sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc
"""


@pytest.mark.parametrize(
    ("name", "platform_name", "version"),
    [
        ("soupsieve", "linux-x86_64", "2.10"),  # any 3.11 patch release: the pin that fits them all
        ("soupsieve", "win-amd64", "2.10"),
        ("tzdata", "win-amd64", "2026.6"),
    ],
)
def test_the_lock_pin_for_a_target_follows_its_markers(name: str, platform_name: str, version: str) -> None:
    pin = pin_for(name, read_lock(LOCK), environment(PLATFORMS[platform_name], "3.11"))
    assert pin.version == version and len(pin.hashes) == 1


def test_a_pin_only_for_windows_is_not_found_for_linux() -> None:
    with pytest.raises(BundleError, match="tzdata"):
        pin_for("tzdata", read_lock(LOCK), environment(PLATFORMS["linux-aarch64"], "3.11"))


@pytest.mark.parametrize(
    ("requirement", "platform_name", "extras", "wanted"),
    [
        ('colorama; platform_system == "Windows"', "win-amd64", set(), True),
        ('colorama; platform_system == "Windows"', "linux-x86_64", set(), False),
        ('psycopg-binary; extra == "binary"', "linux-x86_64", {"binary"}, True),
        ('psycopg-binary; extra == "binary"', "linux-x86_64", set(), False),
        ("pyarrow>=15", "linux-aarch64", set(), True),
    ],
)
def test_a_dependency_is_bundled_when_its_marker_holds_on_the_target(
    requirement: str, platform_name: str, extras: set[str], wanted: bool
) -> None:
    from packaging.requirements import Requirement

    env = environment(PLATFORMS[platform_name], "3.11")
    assert needed(Requirement(requirement), env, extras) is wanted


@pytest.mark.skipif(
    not (REQUIRED or os.environ.get("PLANWATCH_TEST_BUNDLE")),
    reason="builds an offline bundle from PyPI: set PLANWATCH_TEST_BUNDLE=1 (.ci/run requires it)",
)
def test_the_offline_bundle_installs_without_an_index_and_runs_the_demo(tmp_path: Path) -> None:
    try:
        bundle = build(tmp_path / "离线包", this_platform(), PYTHON)
    except BundleError as exc:
        if REQUIRED:
            raise
        pytest.skip(f"PyPI unreachable: {exc}")
    offline = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PLANWATCH_"))}
    offline.update(PIP_CONFIG_FILE=os.devnull, PIP_NO_INDEX="1", PYTHON=sys.executable)
    target = tmp_path / "planwatch-env"
    installed = subprocess.run(["sh", str(bundle / "install.sh"), str(target)], env=offline,
                               capture_output=True, text=True, check=False)
    assert installed.returncode == 0, installed.stderr + installed.stdout
    assert "已安装到" in installed.stdout

    demo = subprocess.run([str(target / "bin" / "planwatch"), "demo", "--db", str(tmp_path / "demo.sqlite")],
                          env=offline, capture_output=True, text=True, check=False, cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr
    assert "已建立演示数据库" in demo.stdout and "合计" in demo.stdout

    # Core only: asking for Parquet names the extra instead of failing with a traceback.
    parquet = subprocess.run(
        [str(target / "bin" / "planwatch"), "export", "--db", str(tmp_path / "demo.sqlite"), "--plan", "JC2025",
         "--format", "parquet", "-o", str(tmp_path / "parquet")],
        env=offline, capture_output=True, text=True, check=False)
    assert parquet.returncode == 1
    assert "planwatch[parquet]" in parquet.stderr and "Traceback" not in parquet.stderr
    assert not (tmp_path / "parquet").exists()

    size = subprocess.run(["du", "-sm", str(target)], capture_output=True, text=True, check=False).stdout.split()[0]
    print(f"\ncore-only venv from the bundle: {size} MB")
