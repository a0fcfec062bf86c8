"""Tenancy domain events, written to the outbox."""

import uuid

from redchain.infra.outbox import DomainEvent
from redchain.services.permissions import Role


class MembershipGranted(DomainEvent, name="tenancy.membership_granted"):
    membership_id: uuid.UUID
    user_id: uuid.UUID
    role: Role
    granted_by: uuid.UUID | None


class MembershipRevoked(DomainEvent, name="tenancy.membership_revoked"):
    membership_id: uuid.UUID
    user_id: uuid.UUID


class ParkCreated(DomainEvent, name="tenancy.park_created"):
    park_id: uuid.UUID
