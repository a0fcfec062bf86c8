"""Funds domain events, written to the outbox."""

PROGRAM_CREATED = "funds.program_created"
PROGRAM_BUDGET_CHANGED = "funds.program_budget_changed"
# Every status change of an application; the workers notify its applicant, and start the payment
# when it enters PAYING.
APPLICATION_TRANSITIONED = "funds.application_transitioned"
BATCH_CREATED = "funds.batch_created"
BATCH_EXECUTED = "funds.batch_executed"
BATCH_DISCARDED = "funds.batch_discarded"
