"""The current request's ID, for log lines, audit entries and the X-Request-ID header."""

from contextvars import ContextVar

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)
