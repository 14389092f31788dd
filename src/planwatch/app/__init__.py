"""The application layer: the use cases every face (CLI, pages, API, exports, 催报, reports) calls.

Faces parse input and render output; what a request *means* lives here, once:

* :func:`choose_plan` / :func:`plans_of` — which plan a request is about, of which plans;
* :func:`as_of_for` / :func:`default_as_of` — the board date, with one default rule;
* :class:`Scope` — the filters of a view, by the names the pages show;
* :func:`evaluate_plan` / :func:`board_for` — the board of plan P as of D for a scope;
* :func:`record_approved` — bulk progress the planning office vouches for: checked, warnings
  confirmed, written as approved submissions in one transaction.

Errors are :class:`AppError` (:class:`NotFound`, :class:`Refused`; :class:`Invalid` and
:class:`NeedsConfirmation` for submitted values) with Chinese messages.
"""

from planwatch.app.as_of import check_as_of, default_as_of, month_end
from planwatch.app.board import Evaluation, Narrowed, as_of_for, board_for, evaluate_plan
from planwatch.app.errors import AppError, Invalid, NeedsConfirmation, NotFound, Refused
from planwatch.app.plans import choose_plan, plans_of
from planwatch.app.progress import Submission, check_progress, record_approved
from planwatch.app.scope import Scope

__all__ = [
    "AppError",
    "Evaluation",
    "Invalid",
    "Narrowed",
    "NeedsConfirmation",
    "NotFound",
    "Refused",
    "Scope",
    "Submission",
    "as_of_for",
    "board_for",
    "check_as_of",
    "check_progress",
    "choose_plan",
    "default_as_of",
    "evaluate_plan",
    "month_end",
    "plans_of",
    "record_approved",
]
