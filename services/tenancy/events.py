"""Tenancy domain events, written to the outbox."""

MEMBERSHIP_GRANTED = "tenancy.membership_granted"
MEMBERSHIP_REVOKED = "tenancy.membership_revoked"
PARK_CREATED = "tenancy.park_created"
