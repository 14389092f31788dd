"""The page templates and the filters and names every template uses, in one place.

Routes import ``templates`` from here, not from :mod:`planwatch.web.app`: the app factory
imports the routes, so routes importing the app back made a circle.
"""

from __future__ import annotations

from pathlib import Path

from fastapi.templating import Jinja2Templates

from planwatch.app import proposals
from planwatch.web import csrf, labels, services

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=HERE / "templates")
templates.env.filters.update(
    number=services.format_number,
    percent=services.format_percent,
    pp=services.format_pp,
)
templates.env.globals.update(
    LIGHTS=labels.LIGHTS,
    KINDS=labels.KINDS,
    ROLLUPS=labels.ROLLUPS,
    month_ends=services.month_ends,
    csrf_token=csrf.form_token,
    pending_proposals=lambda request, plan_code: proposals.pending_count(request.app.state.store, plan_code),
    CSRF_FIELD=csrf.FIELD,
)
