"""Imports every table module so metadata is complete for Alembic and the tenancy checks."""

from sqlmodel import SQLModel

import redchain.infra.outbox
import redchain.services.audit.models
import redchain.services.calendar.models
import redchain.services.funds.models
import redchain.services.liaison.models
import redchain.services.notifications.models
import redchain.services.registry.models
import redchain.services.tenancy.models
import redchain.services.tickets.models  # noqa: F401

metadata = SQLModel.metadata
