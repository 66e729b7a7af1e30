"""Log lines an operator can read: a refusal is one line with the user and the path.

Django logs every 403 with the exception's traceback, although a refused request is the rules
working, not an error. This filter turns such records into one line and keeps real errors
(5xx) as they are.
"""

from __future__ import annotations

import logging

REFUSALS = (403, 404, 405)


def _who(request) -> str:
    user = getattr(request, "user", None)
    if user is None or not getattr(user, "is_authenticated", False):
        return "anonym"
    return user.get_username()


class RefusalsOnOneLine(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if status not in REFUSALS:
            return True
        request = getattr(record, "request", None)
        reason = record.exc_info[1] if record.exc_info and record.exc_info[1] is not None else None
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        path = getattr(request, "path", "?")
        method = getattr(request, "method", "")
        detail = f" ({reason})" if reason and str(reason) else ""
        record.msg, record.args = "%s %s %s refused for %s%s", (status, method, path, _who(request), detail)
        return True
