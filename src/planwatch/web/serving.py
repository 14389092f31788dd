"""Running the web app as a service: the app factory each worker process calls, and the shared secret.

``planwatch serve --workers N`` starts N uvicorn worker processes. Each imports
:func:`app_from_environment` by name and builds its own app, so what the processes must
share travels in the environment (``PLANWATCH_DATABASE_URL``, ``PLANWATCH_WEB_SECRET``,
``PLANWATCH_LOG_FILE``, ``PLANWATCH_LOG_LEVEL``), and what they must agree on lives in the
database: the signing secret has to be the same in every process, or a form opened from
one worker would be refused by another.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from sqlalchemy.engine import make_url

from planwatch.atomic import create_once
from planwatch.web.csrf import SECRET_ENV

#: The import string uvicorn's workers load (``factory=True``).
FACTORY = "planwatch.web.serving:app_from_environment"
LOG_FILE_ENV = "PLANWATCH_LOG_FILE"
LOG_LEVEL_ENV = "PLANWATCH_LOG_LEVEL"
DATABASE_ENV = "PLANWATCH_DATABASE_URL"


class SecretRequired(ValueError):
    """Several workers need one secret and none could be kept beside the database; the message is Chinese."""


def secret_file_for(database_url: str) -> Path | None:
    """Return where the signing secret of a SQLite database is kept (``<database>.secret``); None otherwise."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    database = Path(url.database).expanduser().resolve()
    return database.with_name(database.name + ".secret")


def shared_secret(database_url: str) -> str:
    """Return the secret every worker signs with: ``PLANWATCH_WEB_SECRET``, else one kept beside the database.

    The file is made once on first use, readable by its owner only.
    """
    given = os.environ.get(SECRET_ENV)
    if given:
        return given
    path = secret_file_for(database_url)
    if path is None:
        raise SecretRequired(
            f"多个工作进程须共用同一签名密钥：请设置环境变量 {SECRET_ENV}（例如 "
            "python3 -c 'import secrets; print(secrets.token_hex(32))' 生成），或使用 --workers 1。"
        )
    text = create_once(path, secrets.token_hex(32) + "\n").strip()
    if len(text) < 32:
        raise SecretRequired(f"签名密钥文件 {path} 内容无效（过短）；删除后重新启动即可自动生成。")
    return text


def app_from_environment():
    """Build one worker's app from the environment the ``serve`` command prepared."""
    from planwatch import logs
    from planwatch.settings import get_settings
    from planwatch.web.app import create_app

    logs.configure(os.environ.get(LOG_FILE_ENV) or None, os.environ.get(LOG_LEVEL_ENV) or "INFO")
    return create_app(database_url=os.environ.get(DATABASE_ENV) or get_settings().database_url)
