"""The schema: every context's queries and mutations, the Node interface, limits and error codes."""

from pathlib import Path

import strawberry
from strawberry.extensions import ValidationCache
from strawberry.file_uploads import Upload
from strawberry.schema.config import StrawberryConfig

from redchain.graphql.audit.extensions import PersonalDataReads
from redchain.graphql.audit.queries import AuditQuery
from redchain.graphql.audit.types import AuditEntry
from redchain.graphql.auth import PasswordChangeGate
from redchain.graphql.calendar.mutations import CalendarMutation
from redchain.graphql.calendar.queries import CalendarQuery
from redchain.graphql.errors import CachedParser, ErrorCodes
from redchain.graphql.funds.mutations import FundsMutation
from redchain.graphql.funds.queries import FundsQuery
from redchain.graphql.funds.types import FEN_SCALAR, Fen, FundApplication, FundProgram, PaymentBatch
from redchain.graphql.liaison.mutations import LiaisonMutation
from redchain.graphql.liaison.queries import LiaisonQuery
from redchain.graphql.liaison.types import LiaisonAssignment, LiaisonVisit
from redchain.graphql.limits import DocumentLimits
from redchain.graphql.metrics import OperationMetrics
from redchain.graphql.notifications.mutations import NotificationsMutation
from redchain.graphql.notifications.queries import NotificationsQuery
from redchain.graphql.notifications.types import Notification
from redchain.graphql.registry.imports import RegistryImport, RegistryImportMutation, RegistryImportQuery
from redchain.graphql.registry.mutations import RegistryMutation
from redchain.graphql.registry.queries import RegistryQuery
from redchain.graphql.registry.types import Enterprise, IndustryChain, MemberTransfer, PartyMember, PartyOrganization
from redchain.graphql.relay import Node, resolve_node
from redchain.graphql.tenancy.mutations import TenancyMutation
from redchain.graphql.tenancy.queries import TenancyQuery
from redchain.graphql.tenancy.types import ApiKey, Membership, Park, User
from redchain.graphql.tickets.mutations import TicketsMutation
from redchain.graphql.tickets.queries import TicketsQuery
from redchain.graphql.tickets.types import Ticket, TicketAttachment, TicketCategory, TicketEvent, TicketExtensionRequest

SCHEMA_FILE = Path(__file__).parent / "schema.graphql"


@strawberry.type
class Query(
    TenancyQuery,
    AuditQuery,
    NotificationsQuery,
    LiaisonQuery,
    FundsQuery,
    RegistryQuery,
    RegistryImportQuery,
    TicketsQuery,
    CalendarQuery,
):
    node: Node = strawberry.field(resolver=resolve_node, description="Any object by its global ID.")


@strawberry.type
class Mutation(
    TenancyMutation,
    NotificationsMutation,
    LiaisonMutation,
    FundsMutation,
    RegistryMutation,
    RegistryImportMutation,
    TicketsMutation,
    CalendarMutation,
):
    pass


def _parse_upload(value: object) -> object:
    # A file arrives only as a part of a multipart request (the GraphQL multipart spec puts it in the
    # variables); strawberry's own Upload passes anything through, so a string there reached the resolver.
    if not callable(getattr(value, "read", None)):
        raise ValueError("expected a file sent as a part of a multipart request")
    return value


UPLOAD_SCALAR = strawberry.scalar(
    name="Upload", description="Represents a file upload.", serialize=lambda v: v, parse_value=_parse_upload
)

schema = strawberry.Schema(
    query=Query,
    mutation=Mutation,
    types=[
        Park,
        User,
        Membership,
        ApiKey,
        AuditEntry,
        Notification,
        LiaisonAssignment,
        LiaisonVisit,
        FundProgram,
        FundApplication,
        PaymentBatch,
        IndustryChain,
        Enterprise,
        PartyOrganization,
        PartyMember,
        MemberTransfer,
        RegistryImport,
        Ticket,
        TicketCategory,
        TicketEvent,
        TicketAttachment,
        TicketExtensionRequest,
    ],
    extensions=[
        OperationMetrics,  # exits last, so it counts the codes ErrorCodes assigned
        ErrorCodes,
        DocumentLimits,  # before the parser cache: it sets the token bound every parse uses
        PersonalDataReads,
        PasswordChangeGate,
        # Factories, not instances: an extension instance holds its request's execution context.
        # Parsing and validating the same document again is most of a small query's cost.
        lambda: CachedParser(maxsize=512),
        lambda: ValidationCache(maxsize=512),
    ],
    config=StrawberryConfig(auto_camel_case=True, scalar_map={Fen: FEN_SCALAR, Upload: UPLOAD_SCALAR}),
)


def sdl() -> str:
    return schema.as_str() + "\n"
