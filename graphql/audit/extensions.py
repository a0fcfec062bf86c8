"""Writes the request's unmasked reads of personal data to the audit log once, after the operation."""

import logging
from collections.abc import AsyncIterator

from strawberry.extensions import SchemaExtension

from redchain.infra.request_context import request_id_var
from redchain.services.audit import service as audit

log = logging.getLogger("redchain.audit")


class PersonalDataReads(SchemaExtension):
    """One `security.personal_data_read` entry per kind and request, however many rows showed it, in a
    short transaction of its own (a query has no unit of work to join)."""

    async def on_operation(self) -> AsyncIterator[None]:
        yield
        context = self.execution_context.context
        reads, actor = getattr(context, "personal_data_reads", None), getattr(context, "actor", None)
        if not reads or actor is None or actor.tenant_id is None:
            return
        try:
            async with context.state.db.transaction(actor.tenant_id, actor.user_id) as session:
                audit.record_personal_data_reads(session, actor, reads)
        except Exception:
            log.exception("personal data reads not recorded", extra={"request_id": request_id_var.get()})
