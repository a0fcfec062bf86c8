"""Liaison domain events, written to the outbox."""

ASSIGNMENT_CREATED = "liaison.assignment_created"
ASSIGNMENT_ENDED = "liaison.assignment_ended"
VISIT_LOGGED = "liaison.visit_logged"
