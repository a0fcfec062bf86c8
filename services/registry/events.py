"""Registry domain events, written to the outbox. Payloads carry IDs and dates, never personal data."""

ORGANIZATION_CREATED = "registry.organization_created"
# The funds context listens for this one: a newly formed organisation is owed its start-up fund.
ORGANIZATION_FORMED = "registry.organization_formed"
ORGANIZATION_DISSOLVED = "registry.organization_dissolved"
MEMBER_TRANSFERRED = "registry.member_transferred"
ENTERPRISE_ARCHIVED = "registry.enterprise_archived"
CHAIN_ARCHIVED = "registry.chain_archived"
# A spreadsheet upload waits for the worker; the worker reports when it is done.
IMPORT_REQUESTED = "registry.import_requested"
IMPORT_FINISHED = "registry.import_finished"
