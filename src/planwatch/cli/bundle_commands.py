"""``planwatch bundle``: a folder of wheels and an install script for an intranet machine without internet."""

from __future__ import annotations

import click

from planwatch.bundle import PLATFORMS, this_platform
from planwatch.extras import EXTRAS


@click.command("bundle")
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--platform", "platform_name", type=click.Choice(list(PLATFORMS)), default=this_platform,
              show_default="本机", help="目标平台。")
@click.option("--python", "python", default="3.11", show_default=True, help="目标机器的 Python 版本。")
@click.option("--extra", "extras", multiple=True, type=click.Choice(list(EXTRAS)),
              help="同时打包的可选组件（可重复）：parquet、postgres。")
def bundle_command(directory: str, platform_name: str, python: str, extras: tuple[str, ...]) -> None:
    """生成离线安装包：目标平台的全部 wheel、校验和与安装脚本（需在能访问 PyPI 的机器上运行）。

    \b
    例：planwatch bundle planwatch-离线包 --platform win-amd64 --python 3.11
        planwatch bundle planwatch-离线包 --platform linux-aarch64 --extra postgres
    目标机器上：sh install.sh /opt/planwatch（Windows：install.bat C:\\planwatch）
    """
    from planwatch.bundle import BundleError, build

    try:
        folder = build(directory, platform_name, python, tuple(dict.fromkeys(extras)))
    except BundleError as exc:
        raise click.ClickException(str(exc)) from exc
    wheels = sorted((folder / "wheels").glob("*.whl"))
    size = sum(w.stat().st_size for w in wheels)
    script = "install.bat" if PLATFORMS[platform_name].windows else "install.sh"
    where = f"{platform_name}，Python {python}"
    click.echo(f"已生成离线安装包 {folder}：{len(wheels)} 个 wheel，共 {size / 1e6:.1f} MB（{where}）")
    click.echo(f"在目标机器上运行 {script}，或：pip install --no-index --find-links {folder}/wheels planwatch")
