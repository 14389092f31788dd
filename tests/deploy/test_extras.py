"""Optional parts: asking for Parquet or PostgreSQL without its extra says which extra to install.

The modules are made unimportable the way Python itself marks a missing module
(``sys.modules[name] = None``), so the real code paths run up to the import.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from planwatch.cli.main import cli
from planwatch.exports.writers import write_parquet
from planwatch.extras import MissingExtra


def block(monkeypatch: pytest.MonkeyPatch, *modules: str) -> None:
    for name in modules:
        monkeypatch.setitem(sys.modules, name, None)


@pytest.mark.parametrize(
    ("args", "blocked", "extra"),
    [
        (["import", "{tmp}/项目进展.parquet", "--db", "{tmp}/p.sqlite"], ("pyarrow", "pyarrow.parquet"), "parquet"),
        (["init", "--db", "postgresql+psycopg://planner@localhost/planwatch"], ("psycopg",), "postgres"),
        (["init", "--db", "postgresql://planner@localhost/planwatch"], ("psycopg",), "postgres"),
    ],
)
def test_a_command_that_needs_a_missing_extra_names_it_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], blocked: tuple[str, ...], extra: str
) -> None:
    (tmp_path / "项目进展.parquet").write_bytes(b"PAR1")
    block(monkeypatch, *blocked)
    result = CliRunner().invoke(cli, [a.format(tmp=tmp_path) for a in args])
    assert result.exit_code == 1, result.output
    assert f"需要安装可选组件 planwatch[{extra}]" in result.output
    assert f"pip install 'planwatch[{extra}]'" in result.output
    assert "Traceback" not in result.output


def test_a_parquet_export_without_pyarrow_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    block(monkeypatch, "pyarrow", "pyarrow.parquet")
    with pytest.raises(MissingExtra, match=r"planwatch\[parquet\]"):
        write_parquet({"重大项目": []}, tmp_path / "out")
    assert list(tmp_path.iterdir()) == []
