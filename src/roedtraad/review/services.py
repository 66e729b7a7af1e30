"""Comments on goals during review: who may write them, and marking them resolved."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from roedtraad.contracts.models import Goal
from roedtraad.contracts.workflow import WorkflowError, require
from roedtraad.review.models import GoalComment

MAX_COMMENT_LENGTH = 5000


def add_comment(goal: Goal, user, text: str) -> GoalComment:
    """A comment on the goal by its holder, the head of area or the director (not a reader)."""
    require(user, "comment", goal.contract, _("Du kan læse kontrakten, men ikke kommentere den."))
    if goal.deleted_at is not None:
        raise WorkflowError(_("Målet er slettet og kan ikke kommenteres."))
    text = text.strip()
    if not text:
        raise WorkflowError(_("Kommentaren er tom."))
    if len(text) > MAX_COMMENT_LENGTH:
        raise WorkflowError(_("Kommentaren er for lang (højst %(max)s tegn).") % {"max": MAX_COMMENT_LENGTH})
    return GoalComment.objects.create(goal=goal, author=user, text=text)


@transaction.atomic
def resolve_comment(comment: GoalComment, user) -> GoalComment:
    """Mark a comment as dealt with; anyone who may comment on the goal may resolve it."""
    stored = GoalComment.objects.select_for_update().select_related("goal__contract").get(pk=comment.pk)
    require(user, "comment", stored.goal.contract, _("Du kan ikke markere kommentarer som løst."))
    if stored.resolved_at is not None:
        raise WorkflowError(_("Kommentaren er allerede markeret som løst."))
    stored.resolved_at = timezone.now()
    stored.resolved_by = user
    stored.save(update_fields=["resolved_at", "resolved_by"])
    comment.resolved_at, comment.resolved_by = stored.resolved_at, stored.resolved_by
    return comment


def open_comments(goal: Goal):
    return goal.comments.filter(resolved_at__isnull=True).select_related("author")
