"""The web face: a status dashboard, item pages and a JSON API (FastAPI + Jinja2)."""

from planwatch.web.app import create_app

__all__ = ["create_app"]
