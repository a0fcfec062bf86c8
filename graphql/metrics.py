"""Operation latency and error codes for Prometheus."""

import time
from collections.abc import Iterator

from strawberry.extensions import SchemaExtension

from redchain.infra.metrics import GRAPHQL_ERRORS, GRAPHQL_LATENCY

# Operation names come from clients. Past this many distinct ones a new name counts as "other", so a client
# inventing names cannot grow the metrics (and the process's memory) without bound.
MAX_OPERATION_NAMES = 500
_operation_names: set[str] = set()


def operation_label(name: str | None) -> str:
    if not name or len(name) > 64:
        return "anonymous"
    if name not in _operation_names:
        if len(_operation_names) >= MAX_OPERATION_NAMES:
            return "other"
        _operation_names.add(name)
    return name


class OperationMetrics(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        started = time.perf_counter()
        yield
        ctx = self.execution_context
        try:
            kind = ctx.operation_type.value
        except RuntimeError:  # the document did not parse
            kind = "invalid"
        GRAPHQL_LATENCY.labels(operation_label(ctx.operation_name), kind).observe(time.perf_counter() - started)
        for error in (ctx.result.errors if ctx.result else None) or []:
            GRAPHQL_ERRORS.labels((error.extensions or {}).get("code", "INTERNAL")).inc()
