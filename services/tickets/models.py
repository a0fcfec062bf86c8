"""Enterprise problem tickets (企业诉求): the taxonomy, tickets, their timeline, watchers, attachments,
extension requests (延期申请) and per-park SLA policies."""

import uuid
from datetime import datetime
from enum import IntFlag, StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field

from redchain.infra.models_base import TenantOwned, tenant_fk

TZ = sa.DateTime(timezone=True)


class TicketStatus(StrEnum):
    NEW = "NEW"
    ACCEPTED = "ACCEPTED"  # 已受理
    IN_PROGRESS = "IN_PROGRESS"  # 办理中
    WAITING_ON_ENTERPRISE = "WAITING_ON_ENTERPRISE"  # 待企业补充: the resolution clock is paused
    RESOLVED = "RESOLVED"  # 已办结, awaiting the enterprise's confirmation
    CLOSED = "CLOSED"
    REJECTED = "REJECTED"  # 不予受理
    DUPLICATE = "DUPLICATE"  # merged into another ticket
    REOPENED = "REOPENED"


# Statuses in which the SLA clock runs and the sweep looks at a ticket.
CLOCK_RUNNING = (TicketStatus.NEW, TicketStatus.ACCEPTED, TicketStatus.IN_PROGRESS, TicketStatus.REOPENED)
OPEN_STATUSES = (*CLOCK_RUNNING, TicketStatus.WAITING_ON_ENTERPRISE)
# "Problems solved" as the committees count them: resolved, confirmed or not.
SOLVED_STATUSES = (TicketStatus.RESOLVED, TicketStatus.CLOSED)
# Over: no reply, note or file any more (a resolved ticket still takes them: it can be reopened).
FINISHED_STATUSES = (TicketStatus.CLOSED, TicketStatus.REJECTED, TicketStatus.DUPLICATE)


class TicketPriority(StrEnum):
    LOW = "LOW"
    NORMAL = "NORMAL"
    HIGH = "HIGH"
    URGENT = "URGENT"


class SlaMark(IntFlag):
    """SLA thresholds the sweep has acted on (or that no longer apply); stored as `tickets.sla_done`."""

    FIRST_RESPONSE_WARNED = 1
    FIRST_RESPONSE_BREACHED = 2
    RESOLUTION_WARNED = 4
    RESOLUTION_BREACHED = 8
    ESCALATED_TO_ADMIN = 16


def _pending(mark: SlaMark, column: str, extra: str = "") -> str:
    return f"CASE WHEN {extra}sla_done & {int(mark)} = 0 THEN {column} END"


_RUNNING = ", ".join(f"'{s.value}'" for s in CLOCK_RUNNING)
_UNANSWERED = "first_responded_at IS NULL AND "
# The next moment the sweep has something to do for the ticket: an indexed column makes the sweep a range
# scan over the due rows only, however many tickets are open.
SLA_NEXT_AT = (
    f"CASE WHEN status IN ({_RUNNING}) THEN LEAST("
    f"{_pending(SlaMark.FIRST_RESPONSE_WARNED, 'first_response_warn_at', _UNANSWERED)}, "
    f"{_pending(SlaMark.FIRST_RESPONSE_BREACHED, 'first_response_due_at', _UNANSWERED)}, "
    f"{_pending(SlaMark.RESOLUTION_WARNED, 'resolution_warn_at')}, "
    f"{_pending(SlaMark.RESOLUTION_BREACHED, 'resolution_due_at')}, "
    f"{_pending(SlaMark.ESCALATED_TO_ADMIN, 'admin_escalation_at')}) END"
)


class TicketCategory(TenantOwned, table=True):
    """The park's taxonomy: a category (parent_id null) and its aspects ("4 categories / 8 aspects")."""

    __tablename__ = "ticket_categories"
    __table_args__ = (
        sa.UniqueConstraint("tenant_id", "code"),
        tenant_fk(["parent_id"], "ticket_categories"),
        sa.Index("ix_ticket_categories_tenant_id_parent_id", "tenant_id", "parent_id"),
    )
    parent_id: uuid.UUID | None = None
    code: str = Field(max_length=64)
    name: str = Field(max_length=100)
    sort_order: int = 0
    archived_at: datetime | None = Field(default=None, sa_type=TZ)  # type: ignore[call-overload]


class Ticket(TenantOwned, table=True):
    __tablename__ = "tickets"
    __table_args__ = (
        tenant_fk(["enterprise_id"], "enterprises"),
        tenant_fk(["chain_id"], "industry_chains"),
        tenant_fk(["category_id"], "ticket_categories"),
        tenant_fk(["aspect_id"], "ticket_categories"),
        tenant_fk(["visit_id"], "liaison_visits"),
        tenant_fk(["duplicate_of_id"], "tickets"),
        sa.CheckConstraint("satisfaction_rating BETWEEN 1 AND 5", name="satisfaction_rating"),
        sa.Index("ix_tickets_tenant_id_created_at", "tenant_id", "created_at"),
        sa.Index("ix_tickets_tenant_id_enterprise_id_created_at", "tenant_id", "enterprise_id", "created_at"),
        sa.Index("ix_tickets_tenant_id_chain_id_created_at", "tenant_id", "chain_id", "created_at"),
        sa.Index("ix_tickets_tenant_id_assignee_user_id", "tenant_id", "assignee_user_id"),
        sa.Index("ix_tickets_tenant_id_resolved_at", "tenant_id", "resolved_at"),
        sa.Index(
            "ix_tickets_sla_next_at", "sla_next_at", "tenant_id", postgresql_where=sa.text("sla_next_at IS NOT NULL")
        ),
        sa.Index("ix_tickets_resolved_awaiting", "resolved_at", postgresql_where=sa.text("status = 'RESOLVED'")),
    )
    __mapper_args__ = {"eager_defaults": True}  # sla_next_at is computed by PostgreSQL

    enterprise_id: uuid.UUID
    chain_id: uuid.UUID | None = None  # the queue: the enterprise's chain when raised, re-routable
    category_id: uuid.UUID
    aspect_id: uuid.UUID
    title: str = Field(max_length=200)
    description: str = Field(max_length=5000)
    priority: TicketPriority = Field(sa_type=sa.String(16))  # type: ignore[call-overload]
    status: TicketStatus = Field(default=TicketStatus.NEW, sa_type=sa.String(32))  # type: ignore[call-overload]
    version: int = 1
    raised_by: uuid.UUID = Field(foreign_key="users.id")
    on_behalf: bool = False  # raised by park staff for the enterprise (代企业提交)
    visit_id: uuid.UUID | None = None
    assignee_user_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")  # None: the chain's queue
    duplicate_of_id: uuid.UUID | None = None
    updated_at: datetime | None = Field(default=None, sa_type=TZ)  # type: ignore[call-overload]
    first_responded_at: datetime | None = Field(default=None, sa_type=TZ)  # type: ignore[call-overload]
    resolved_at: datetime | None = Field(default=None, sa_type=TZ)  # type: ignore[call-overload]
    closed_at: datetime | None = Field(default=None, sa_type=TZ)  # type: ignore[call-overload]
    # SLA clock. Targets are business seconds from created_at, pushed back by the business time spent
    # paused (waiting on the enterprise, or resolved before a reopening) and by approved extensions.
    first_response_target: int
    resolution_target: int
    sla_paused_seconds: int = 0
    sla_paused_at: datetime | None = Field(default=None, sa_type=TZ)  # type: ignore[call-overload]
    sla_extension_seconds: int = 0
    first_response_warn_at: datetime | None = Field(default=None, sa_type=TZ)  # type: ignore[call-overload]
    first_response_due_at: datetime | None = Field(default=None, sa_type=TZ)  # type: ignore[call-overload]
    resolution_warn_at: datetime | None = Field(default=None, sa_type=TZ)  # type: ignore[call-overload]
    resolution_due_at: datetime | None = Field(default=None, sa_type=TZ)  # type: ignore[call-overload]
    admin_escalation_at: datetime | None = Field(default=None, sa_type=TZ)  # type: ignore[call-overload]
    sla_done: int = Field(default=0, sa_type=sa.SmallInteger)  # type: ignore[call-overload]  # SlaMark bits
    escalation_level: int = Field(default=0, sa_type=sa.SmallInteger)  # type: ignore[call-overload]
    sla_next_at: datetime | None = Field(
        default=None, sa_column=sa.Column(TZ, sa.Computed(SLA_NEXT_AT, persisted=True))
    )
    resolution_seconds: int | None = None  # business seconds to the latest resolution, pauses excluded
    satisfaction_rating: int | None = Field(default=None, sa_type=sa.SmallInteger)  # type: ignore[call-overload]
    satisfaction_comment: str | None = Field(default=None, max_length=1000)
    reminder_count: int = 0


class TicketEventKind(StrEnum):
    CREATED = "CREATED"
    PUBLIC_REPLY = "PUBLIC_REPLY"
    INTERNAL_NOTE = "INTERNAL_NOTE"
    STATUS_CHANGED = "STATUS_CHANGED"
    ASSIGNED = "ASSIGNED"
    ATTACHMENT_ADDED = "ATTACHMENT_ADDED"
    SLA_WARNING = "SLA_WARNING"
    ESCALATED = "ESCALATED"
    EXTENSION_REQUESTED = "EXTENSION_REQUESTED"
    EXTENSION_DECIDED = "EXTENSION_DECIDED"
    REMINDER = "REMINDER"  # 催办
    MERGED = "MERGED"  # another ticket was merged into this one


class Visibility(StrEnum):
    PUBLIC = "PUBLIC"  # the enterprise sees it
    INTERNAL = "INTERNAL"  # park staff only


class TicketEvent(TenantOwned, table=True):
    """One entry of a ticket's timeline, in the order `seq` gives."""

    __tablename__ = "ticket_events"
    __table_args__ = (
        tenant_fk(["ticket_id"], "tickets"),
        sa.Index("ix_ticket_events_tenant_id_ticket_id_seq", "tenant_id", "ticket_id", "seq"),
    )
    __mapper_args__ = {"eager_defaults": True}

    # Insertion order; one ticket's events are written under its row lock, so this is their order.
    seq: int | None = Field(default=None, sa_column=sa.Column(sa.BigInteger, sa.Identity(always=True), nullable=False))
    ticket_id: uuid.UUID
    kind: TicketEventKind = Field(sa_type=sa.String(32))  # type: ignore[call-overload]
    visibility: Visibility = Field(sa_type=sa.String(16))  # type: ignore[call-overload]
    author_user_id: uuid.UUID | None = None  # None: the system (the SLA sweep, auto-close)
    body: str | None = Field(default=None, max_length=5000)
    data: dict[str, Any] = Field(default_factory=dict, sa_type=JSONB)  # type: ignore[call-overload]


class TicketWatcher(TenantOwned, table=True):
    __tablename__ = "ticket_watchers"
    __table_args__ = (
        sa.UniqueConstraint("tenant_id", "ticket_id", "user_id"),
        tenant_fk(["ticket_id"], "tickets"),
    )
    ticket_id: uuid.UUID
    user_id: uuid.UUID = Field(foreign_key="users.id")


class TicketAttachment(TenantOwned, table=True):
    """Metadata; the bytes are kept by the storage adapter under `storage_key`."""

    __tablename__ = "ticket_attachments"
    __table_args__ = (
        tenant_fk(["ticket_id"], "tickets"),
        sa.Index("ix_ticket_attachments_tenant_id_ticket_id", "tenant_id", "ticket_id"),
    )
    ticket_id: uuid.UUID
    filename: str = Field(max_length=200)
    content_type: str = Field(max_length=100)
    size_bytes: int
    sha256: str = Field(max_length=64)
    storage_key: str = Field(max_length=300)
    uploaded_by: uuid.UUID = Field(foreign_key="users.id")


class ExtensionStatus(StrEnum):
    PENDING = "PENDING"
    APPROVED = "APPROVED"
    REFUSED = "REFUSED"


class TicketExtensionRequest(TenantOwned, table=True):
    """延期申请: a handler asks the chain secretary for more time before the deadline passes."""

    __tablename__ = "ticket_extension_requests"
    __table_args__ = (
        tenant_fk(["ticket_id"], "tickets"),
        sa.Index("ix_ticket_extension_requests_tenant_id_ticket_id", "tenant_id", "ticket_id"),
        # One open request per ticket at a time.
        sa.Index(
            "uq_ticket_extension_requests_pending",
            "tenant_id",
            "ticket_id",
            unique=True,
            postgresql_where=sa.text("status = 'PENDING'"),
        ),
    )
    ticket_id: uuid.UUID
    requested_by: uuid.UUID = Field(foreign_key="users.id")
    reason: str = Field(max_length=1000)
    extra_seconds: int  # business seconds asked for
    status: ExtensionStatus = Field(default=ExtensionStatus.PENDING, sa_type=sa.String(16))  # type: ignore[call-overload]
    decided_by: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    decided_at: datetime | None = Field(default=None, sa_type=TZ)  # type: ignore[call-overload]
    decision_note: str | None = Field(default=None, max_length=1000)


class TicketSlaPolicy(TenantOwned, table=True):
    """A park's targets for one priority, in business minutes; without a row the reference targets apply."""

    __tablename__ = "ticket_sla_policies"
    __table_args__ = (sa.UniqueConstraint("tenant_id", "priority"),)
    priority: TicketPriority = Field(sa_type=sa.String(16))  # type: ignore[call-overload]
    first_response_minutes: int
    resolution_minutes: int
    updated_by: uuid.UUID | None = Field(default=None, foreign_key="users.id")
