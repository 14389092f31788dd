"""Allow ``python -m planwatch``."""

from planwatch.cli.main import cli

if __name__ == "__main__":
    cli()
