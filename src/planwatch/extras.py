"""Optional parts of planwatch and the one message a user gets when one is missing.

The core install is what the demo, the CLI, the web dashboard and the reports need.
Parquet exchange (pyarrow, 170 MB) and PostgreSQL (psycopg with its native libraries)
are extras, so an office that exchanges Excel on SQLite does not carry them. A feature
that needs an extra imports it through :func:`require`, which names the extra to install
instead of ending in a bare ``ModuleNotFoundError``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType


@dataclass(frozen=True)
class Extra:
    """An optional dependency group: its name in ``planwatch[...]``, the module it provides, what it is for."""

    name: str
    module: str
    feature: str


#: extra name -> what it provides (keep in step with [project.optional-dependencies]).
EXTRAS: dict[str, Extra] = {
    "parquet": Extra("parquet", "pyarrow", "Parquet 文件的导入与导出"),
    "postgres": Extra("postgres", "psycopg", "PostgreSQL 数据库"),
}


class MissingExtra(RuntimeError):
    """A feature was asked for whose optional dependency is not installed; the message is Chinese."""

    def __init__(self, extra: Extra) -> None:
        self.extra = extra
        super().__init__(
            f"{extra.feature}需要安装可选组件 planwatch[{extra.name}]（缺少 Python 包 {extra.module}）。"
            f"请运行：pip install 'planwatch[{extra.name}]'；"
            f"内网离线安装时，用 planwatch bundle --extra {extra.name} 生成的安装包。"
        )


def require(extra_name: str, module: str | None = None) -> ModuleType:
    """Import and return ``module`` (default: the extra's own module), or raise :class:`MissingExtra`."""
    extra = EXTRAS[extra_name]
    try:
        return importlib.import_module(module or extra.module)
    except ImportError as exc:
        raise MissingExtra(extra) from exc
