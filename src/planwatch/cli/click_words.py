"""click's own messages in Chinese: a table of click's message templates, installed once.

click words its usage errors through ``gettext`` (``_("No such option {name!r}.")``);
:func:`install` gives click's modules a ``gettext`` and ``ngettext`` that look the
template up here, so a mistyped option reads ``错误：没有 '--plna' 这个选项。`` in the same
language as every other message. A template missing from the table stays in English.
"""

from __future__ import annotations

import importlib

#: click's message template → ours (the same ``{placeholders}``).
MESSAGES: dict[str, str] = {
    "Error: {message}": "错误：{message}",
    "Usage:": "用法：",
    "Try '{command} {option}' for help.": "运行 '{command} {option}' 查看帮助。",
    "Aborted!": "已取消。",
    "No such option {name!r}.": "没有 {name!r} 这个选项。",
    "Did you mean {possibility}?": "您是否想输入 {possibility}？",
    "(Possible options: {possibilities})": "（可能的选项：{possibilities}）",
    "No such command {name!r}.": "没有 {name!r} 这个命令。",
    "Missing command.": "缺少命令。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少{param_type}",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "Option {name!r} does not take a value.": "选项 {name!r} 不接受值。",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name!r} 需要 {nargs} 个值。",
    "Got unexpected extra argument ({args})": "多出了参数（{args}）",
    "Got unexpected extra arguments ({args})": "多出了参数（{args}）",
    "{value!r} is not one of {choices}.": "{value!r} 不是可选值，应为 {choices} 之一。",
    "{value!r} is not {choice}.": "{value!r} 不是可选值，应为 {choice}。",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} 不是有效的是/否值，可用：{states}",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是文件，不是文件夹。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是文件夹，不是文件。",
    "{name} {filename!r} is not readable.": "{name} {filename!r} 无法读取。",
    "{name} {filename!r} is not writable.": "{name} {filename!r} 无法写入。",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    "file": "文件",
    "directory": "文件夹",
    "path": "路径",
    "integer": "整数",
    "float": "数字",
    "Options": "选项",
    "Commands": "命令",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "default: {default}": "默认：{default}",
    "%(prog)s, version %(version)s": "%(prog)s，版本 %(version)s",
}

#: click's modules that word messages.
CLICK_MODULES = (
    "click.core",
    "click.exceptions",
    "click.types",
    "click.parser",
    "click.formatting",
    "click.decorators",
)


def gettext(message: str) -> str:
    """Return our wording of a click message template (the template itself when we have none)."""
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Return our wording of a click message that has a plural (Chinese words have none)."""
    return gettext(singular if n == 1 else plural)


def install() -> None:
    """Make click word its messages from :data:`MESSAGES` (idempotent)."""
    for name in CLICK_MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
