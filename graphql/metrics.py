"""Operation latency and error codes for Prometheus."""

import time
from collections.abc import Iterator

from strawberry.extensions import SchemaExtension

from redchain.infra.metrics import GRAPHQL_ERRORS, GRAPHQL_LATENCY


class OperationMetrics(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        started = time.perf_counter()
        yield
        ctx = self.execution_context
        name = ctx.operation_name if ctx.operation_name and len(ctx.operation_name) <= 64 else "anonymous"
        try:
            kind = ctx.operation_type.value
        except RuntimeError:  # the document did not parse
            kind = "invalid"
        GRAPHQL_LATENCY.labels(name, kind).observe(time.perf_counter() - started)
        for error in (ctx.result.errors if ctx.result else None) or []:
            GRAPHQL_ERRORS.labels((error.extensions or {}).get("code", "INTERNAL")).inc()
