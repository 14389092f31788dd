#!/usr/bin/env bash
# Regenerate the lock files from pyproject.toml after changing a dependency:
#   requirements/lock.txt      core + the parquet and postgres extras (what an office deploys; planwatch bundle uses it)
#   requirements/lock-dev.txt  the same + the dev extra (what .ci/run installs)
# Universal (one file for Linux x86-64/aarch64 and Windows), with hashes, for Python 3.11+.
# Needs uv (pip install uv); the network is needed only here, never at install time.
set -euo pipefail
cd "$(dirname "$0")/.."
uv=${UV:-$(command -v uv || echo .venv/bin/uv)}
common=(--universal --python-version 3.11 --generate-hashes --no-header --quiet)
"$uv" pip compile pyproject.toml --extra parquet --extra postgres "${common[@]}" -o requirements/lock.txt
"$uv" pip compile pyproject.toml --extra dev --extra parquet --extra postgres "${common[@]}" -o requirements/lock-dev.txt
echo "已更新 requirements/lock.txt 与 requirements/lock-dev.txt"
