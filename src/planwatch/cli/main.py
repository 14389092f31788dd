"""The ``planwatch`` command group.

Subcommands are loaded lazily from the modules named in ``COMMANDS`` so that
``planwatch text`` does not pay for importing SQLAlchemy, and so that each layer keeps
its commands in its own module.
"""

from __future__ import annotations

import importlib

import click

from planwatch.cli import click_words

click_words.install()  # click's own usage errors in Chinese, like every other message

# command name -> "module:attribute" of a click.Command
COMMANDS: dict[str, str] = {
    "text": "planwatch.cli.document_commands:text_command",
    "outline": "planwatch.cli.document_commands:outline_command",
    "extract": "planwatch.cli.extract_commands:extract_command",
    "init": "planwatch.cli.store_commands:init_command",
    "status": "planwatch.cli.monitor_commands:status_command",
    "alerts": "planwatch.cli.monitor_commands:alerts_command",
    "template": "planwatch.cli.exchange_commands:template_command",
    "import": "planwatch.cli.exchange_commands:import_command",
    "export": "planwatch.cli.exchange_commands:export_command",
    "audit": "planwatch.cli.audit:audit_command",
    "chase": "planwatch.cli.chase_commands:chase_command",
    "ingest": "planwatch.cli.ingest_commands:ingest_command",
    "proposals": "planwatch.cli.ingest_commands:proposals_command",
    "demo": "planwatch.cli.demo_commands:demo_command",
    "serve": "planwatch.cli.web_commands:serve_command",
    "user": "planwatch.cli.user_commands:user_group",
    "backup": "planwatch.cli.backup_commands:backup_command",
    "restore": "planwatch.cli.backup_commands:restore_command",
    "bundle": "planwatch.cli.bundle_commands:bundle_command",
    "report": "planwatch.cli.report_commands:report_command",
    "library": "planwatch.cli.library_commands:library_command",
    "panel": "planwatch.cli.library_commands:panel_command",
}


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module only when it is invoked."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                return None  # command not built yet
            raise
        return getattr(module, attr)

    def invoke(self, ctx: click.Context):
        """Run the subcommand; a feature whose optional part is missing ends in one Chinese line naming the extra."""
        from planwatch.extras import MissingExtra

        try:
            return super().invoke(ctx)
        except MissingExtra as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="planwatch")
def cli() -> None:
    """planwatch：国民经济和社会发展计划执行监测。

    Read reports into facts, hold the plan, take progress, and tell what is on track.
    """
