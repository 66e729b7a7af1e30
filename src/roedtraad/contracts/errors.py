"""The domain's errors, one of each: every message is Danish and fit to show the user.

`WorkflowError`: a step cannot be taken (with `problems`, if any). `ContractLocked`: a change to
an entered or closed contract — raised by the models' guard and by the services alike, and also a
`ValidationError`, so forms and the admin show it as one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from roedtraad.contracts.models import Contract


class WorkflowError(Exception):
    """A step cannot be taken; `message` (and `problems`, if any) are fit to show the user."""

    def __init__(self, message: str, problems: list[str] | tuple[str, ...] = ()):
        self.message = message
        self.problems = list(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        if not self.problems:
            return self.message
        return self.message + "\n" + "\n".join(f"- {p}" for p in self.problems)


class ContractLocked(WorkflowError, ValidationError):  # type: ignore[misc]  # both keep `message` a str
    """The contract is entered or closed: changes need a new revision."""

    def __init__(self, contract: Contract | str):
        if isinstance(contract, str):
            message = contract
        else:
            message = _("Kontrakten %(contract)s er indgået og låst. Opret en ny revision for at ændre den.") % {
                "contract": contract
            }
        ValidationError.__init__(self, message, code="locked")
        self.problems = []
