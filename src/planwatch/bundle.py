"""An offline installation bundle: every wheel planwatch needs for one platform, and a script to install them.

Intranet machines have no internet; an IT colleague builds the bundle on a machine that has
it (``planwatch bundle DIR --platform win-amd64``), carries the folder over, and installs with
``pip install --no-index --find-links``. The versions are the tested set of
``requirements/lock.txt``; only binary wheels are taken, so nothing is compiled on the target,
and ``SHA256SUMS`` lets the receiving side check that nothing changed on the way.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlparse

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from planwatch.atomic import atomic_folder
from planwatch.extras import EXTRAS


class BundleError(Exception):
    """The bundle could not be built; the message is Chinese and says what to do."""


@dataclass(frozen=True)
class Platform:
    """A target platform: its name on the command line and the wheel tags pip may take for it."""

    name: str
    tags: tuple[str, ...]
    windows: bool


#: glibc 2.28 is the floor of the Linux targets (Kylin V10, UOS 20, RHEL 8, Debian 10 and newer).
PLATFORMS: dict[str, Platform] = {
    "linux-x86_64": Platform("linux-x86_64", ("manylinux_2_28_x86_64", "manylinux2014_x86_64"), False),
    "linux-aarch64": Platform("linux-aarch64", ("manylinux_2_28_aarch64", "manylinux2014_aarch64"), False),
    "win-amd64": Platform("win-amd64", ("win_amd64",), True),
}


def this_platform() -> str:
    """Return the name of the platform this Python runs on (the default target)."""
    import platform

    machine = platform.machine().lower()
    if sys.platform == "win32":
        return "win-amd64"
    return "linux-aarch64" if machine in ("aarch64", "arm64") else "linux-x86_64"


def project_root() -> Path:
    """Return the source folder planwatch was installed from (a checkout), where pyproject and the lock live."""
    here = Path(__file__).resolve().parents[2]
    if (here / "pyproject.toml").is_file():
        return here
    try:
        direct = metadata.distribution("planwatch").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        direct = None
    if direct:
        url = json.loads(direct).get("url", "")
        if url.startswith("file://"):
            root = Path(unquote(urlparse(url).path))
            if (root / "pyproject.toml").is_file():
                return root
    raise BundleError(
        "找不到 planwatch 的源代码目录（含 pyproject.toml 与 requirements/lock.txt）：请在源代码检出目录中运行。"
    )


@dataclass(frozen=True)
class Pin:
    """One line of the lock: a version, the environments it is for, the hashes of its files."""

    name: str
    version: str
    marker: Marker | None
    hashes: frozenset[str]


def read_lock(text: str) -> list[Pin]:
    """Return the pins of a lock file written by ``scripts/lock.sh`` (uv, universal, with hashes)."""
    pins = []
    for entry in re.split(r"\n(?=[A-Za-z0-9])", text):
        match = re.match(r"([A-Za-z0-9_.\-]+)==([^\s;\\]+)(?:\s*;\s*([^\\\n]+))?", entry)
        if match:
            marker = Marker(match[3].strip()) if match[3] else None
            hashes = frozenset(re.findall(r"--hash=sha256:([0-9a-f]{64})", entry))
            pins.append(Pin(canonicalize_name(match[1]), match[2], marker, hashes))
    return pins


def environment(target: Platform, python: str) -> dict[str, str]:
    """Return the marker environment of ``target`` (the lowest patch release, the safest choice)."""
    system = ("win32", "Windows", "nt") if target.windows else ("linux", "Linux", "posix")
    machine = "AMD64" if target.windows else target.name.split("-", 1)[1]
    return {
        "sys_platform": system[0],
        "platform_system": system[1],
        "os_name": system[2],
        "platform_machine": machine,
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "python_version": python,
        "python_full_version": f"{python}.0",
        "platform_release": "",
        "platform_version": "",
        "implementation_version": f"{python}.0",
    }


def requirements_of(wheel: Path) -> list[Requirement]:
    """Return the Requires-Dist of a wheel, read from its METADATA."""
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        text = archive.read(name).decode("utf-8")
    lines = [line for line in text.splitlines() if line.startswith("Requires-Dist:")]
    return [Requirement(line.split(":", 1)[1].strip()) for line in lines]


def needed(requirement: Requirement, env: dict[str, str], extras: set[str]) -> bool:
    """Tell whether a dependency applies on the target with the extras asked of its package."""
    if requirement.marker is None:
        return True
    return any(requirement.marker.evaluate({**env, "extra": extra}) for extra in (extras or {""}) | {""})


def pin_for(name: str, pins: list[Pin], env: dict[str, str]) -> Pin:
    for pin in pins:
        if pin.name == name and (pin.marker is None or pin.marker.evaluate(env)):
            return pin
    raise BundleError(f"requirements/lock.txt 中没有适用于目标平台的 {name}：请运行 scripts/lock.sh 重新生成锁定文件")


def download_command(pins: list[Pin], folder: Path, target: Platform, python: str) -> list[str]:
    """Return the ``pip download`` that fetches exactly these pinned binary wheels for ``target``."""
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:"]
    command += ["--dest", str(folder), "--python-version", python, "--implementation", "cp"]
    for tag in target.tags:
        command += ["--platform", tag]
    return command + [f"{pin.name}=={pin.version}" for pin in pins]


def install_sh(extras: tuple[str, ...], python: str) -> str:
    """Return install.sh: a venv at the given folder, planwatch from the bundle's wheels only."""
    spec = f"planwatch[{','.join(extras)}]" if extras else "planwatch"
    return f"""#!/bin/sh
# 离线安装 planwatch：sh install.sh [安装目录]（默认 /opt/planwatch）
# 需要 Python {python}（python{python} -m venv 可用）；PYTHON=/path/to/python3 可指定解释器。
set -eu
here=$(cd "$(dirname "$0")" && pwd)
target=${{1:-/opt/planwatch}}
python=${{PYTHON:-python{python}}}
(cd "$here/wheels" && sha256sum -c --quiet ../SHA256SUMS)
"$python" -m venv "$target"
"$target/bin/python" -m pip install --no-index --find-links "$here/wheels" '{spec}'
"$target/bin/planwatch" --version
echo "已安装到 $target：$target/bin/planwatch init --db /srv/planwatch/planwatch.sqlite 建库，部署说明见 README"
"""


def install_bat(extras: tuple[str, ...], python: str) -> str:
    """Return install.bat, the same for Windows (the py launcher picks the Python version)."""
    spec = f"planwatch[{','.join(extras)}]" if extras else "planwatch"
    return f"""@echo off
rem 离线安装 planwatch：install.bat [安装目录]（默认 C:\\planwatch）；需要 Python {python}（py -{python}）。
setlocal
set "HERE=%~dp0"
set "TARGET=%~1"
if "%TARGET%"=="" set "TARGET=C:\\planwatch"
py -{python} -m venv "%TARGET%" || exit /b 1
"%TARGET%\\Scripts\\python.exe" -m pip install --no-index --find-links "%HERE%wheels" "{spec}" || exit /b 1
"%TARGET%\\Scripts\\planwatch.exe" --version || exit /b 1
echo 已安装到 %TARGET%
""".replace("\n", "\r\n")


def checksums(folder: Path) -> str:
    """Return ``sha256  name`` lines for every wheel in ``folder`` (the format of ``sha256sum``)."""
    lines = []
    for wheel in sorted(folder.glob("*.whl")):
        lines.append(f"{hashlib.sha256(wheel.read_bytes()).hexdigest()}  {wheel.name}")
    return "\n".join(lines) + "\n"


def wheel_name(path: Path) -> str:
    return canonicalize_name(path.name.split("-", 1)[0])


def build(destination: str | Path, platform_name: str, python: str = "3.11", extras: tuple[str, ...] = ()) -> Path:
    """Write the bundle folder ``destination``: ``wheels/``, ``SHA256SUMS``, install.sh or install.bat.

    The dependencies are walked from planwatch's own wheel with the target's markers (so a
    Windows bundle built on Linux gets colorama), each at the version the lock pins, and
    every downloaded file must have one of the lock's hashes for it.
    """
    if platform_name not in PLATFORMS:
        raise BundleError(f"不支持的平台“{platform_name}”，可选：{'、'.join(PLATFORMS)}")
    unknown = [e for e in extras if e not in EXTRAS]
    if unknown:
        raise BundleError(f"没有可选组件“{'、'.join(unknown)}”，可选：{'、'.join(EXTRAS)}")
    if not re.fullmatch(r"3\.\d{1,2}", python):
        raise BundleError(f"Python 版本“{python}”应写成 3.11 这样的形式")
    target = PLATFORMS[platform_name]
    env = environment(target, python)
    root = project_root()
    pins = read_lock((root / "requirements" / "lock.txt").read_text(encoding="utf-8"))
    with atomic_folder(destination) as folder:
        wheels = folder / "wheels"
        wheels.mkdir()
        _pip([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(wheels), str(root)])
        asked: dict[str, set[str]] = {"planwatch": set(extras)}
        files: dict[str, Path] = {"planwatch": next(wheels.glob("planwatch-*.whl"))}
        pending = ["planwatch"]
        while pending:
            wanted: dict[str, set[str]] = {}
            for name in pending:
                for requirement in requirements_of(files[name]):
                    if needed(requirement, env, asked[name]):
                        wanted.setdefault(canonicalize_name(requirement.name), set()).update(requirement.extras)
            pending = []
            new = [n for n in wanted if n not in files]
            if new:
                _pip(download_command([pin_for(n, pins, env) for n in new], wheels, target, python))
                files.update({wheel_name(w): w for w in wheels.glob("*.whl") if wheel_name(w) in new})
            for name, more in wanted.items():
                if name not in files:
                    raise BundleError(f"没有下载到 {name} 的二进制安装包（平台 {platform_name}，Python {python}）")
                if name in new or not more <= asked.get(name, set()):
                    asked[name] = asked.get(name, set()) | more
                    pending.append(name)
        for name, wheel in files.items():
            if name != "planwatch":
                _check_hash(wheel, pin_for(name, pins, env))
        (folder / "SHA256SUMS").write_text(checksums(wheels), encoding="utf-8")
        if target.windows:
            (folder / "install.bat").write_bytes(install_bat(extras, python).encode("gbk"))
        else:
            script = folder / "install.sh"
            script.write_text(install_sh(extras, python), encoding="utf-8")
            script.chmod(0o755)
    return Path(destination)


def _check_hash(wheel: Path, pin: Pin) -> None:
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if pin.hashes and digest not in pin.hashes:
        raise BundleError(f"{wheel.name} 的 SHA-256 与锁定文件不符，可能被篡改或镜像有误，已停止")


def _pip(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise BundleError(f"pip 下载失败（需能访问 PyPI 或内部镜像）：{detail[-1] if detail else result.returncode}")
