"""Liaison domain events, written to the outbox."""

import uuid
from datetime import date

from redchain.infra.outbox import DomainEvent
from redchain.services.liaison.models import AssignmentKind


class AssignmentCreated(DomainEvent, name="liaison.assignment_created"):
    assignment_id: uuid.UUID
    enterprise_id: uuid.UUID
    officer_user_id: uuid.UUID
    kind: AssignmentKind
    starts_on: date


class AssignmentEnded(DomainEvent, name="liaison.assignment_ended"):
    assignment_id: uuid.UUID
    enterprise_id: uuid.UUID
    officer_user_id: uuid.UUID
    ends_on: date


class VisitLogged(DomainEvent, name="liaison.visit_logged"):
    visit_id: uuid.UUID
    assignment_id: uuid.UUID
    enterprise_id: uuid.UUID
    visited_on: date
