"""Registry domain events, written to the outbox. Payloads carry IDs and dates, never personal data."""

import uuid
from datetime import date

from redchain.infra.outbox import DomainEvent
from redchain.services.registry.models import ImportKind, ImportStatus, OrganizationKind, OrganizationStatus


class OrganizationCreated(DomainEvent, name="registry.organization_created"):
    organization_id: uuid.UUID


class _OrganizationStatusChanged(DomainEvent):
    organization_id: uuid.UUID
    status: OrganizationStatus
    on: date
    kind: OrganizationKind
    chain_id: uuid.UUID | None
    enterprise_ids: list[uuid.UUID]


# The funds context listens for this one: a newly formed organisation is owed its start-up fund.
class OrganizationFormed(_OrganizationStatusChanged, name="registry.organization_formed"):
    pass


class OrganizationDissolved(_OrganizationStatusChanged, name="registry.organization_dissolved"):
    pass


class MemberTransferred(DomainEvent, name="registry.member_transferred"):
    member_id: uuid.UUID
    transfer_id: uuid.UUID
    from_organization_id: uuid.UUID | None
    to_organization_id: uuid.UUID | None
    on: date


class EnterpriseArchived(DomainEvent, name="registry.enterprise_archived"):
    enterprise_id: uuid.UUID


class ChainArchived(DomainEvent, name="registry.chain_archived"):
    chain_id: uuid.UUID


# A spreadsheet upload waits for the worker; the worker reports when it is done.
class ImportRequested(DomainEvent, name="registry.import_requested"):
    import_id: uuid.UUID
    kind: ImportKind


class ImportFinished(DomainEvent, name="registry.import_finished"):
    import_id: uuid.UUID
    status: ImportStatus
    total_rows: int
    created_rows: int
    updated_rows: int
    unchanged_rows: int
    error_rows: int
