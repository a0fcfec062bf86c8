"""The schema: every context's queries and mutations, the Node interface, limits and error codes."""

from pathlib import Path

import strawberry
from strawberry.extensions import AddValidationRules, ParserCache, ValidationCache
from strawberry.schema.config import StrawberryConfig

from redchain.graphql.audit.queries import AuditQuery
from redchain.graphql.audit.types import AuditEntry
from redchain.graphql.errors import ErrorCodes
from redchain.graphql.limits import RequestLimitsRule
from redchain.graphql.metrics import OperationMetrics
from redchain.graphql.relay import Node, resolve_node
from redchain.graphql.tenancy.mutations import TenancyMutation
from redchain.graphql.tenancy.queries import TenancyQuery
from redchain.graphql.tenancy.types import ApiKey, Membership, Park, User

SCHEMA_FILE = Path(__file__).parent / "schema.graphql"


@strawberry.type
class Query(TenancyQuery, AuditQuery):
    node: Node = strawberry.field(resolver=resolve_node, description="Any object by its global ID.")


@strawberry.type
class Mutation(TenancyMutation):
    pass


schema = strawberry.Schema(
    query=Query,
    mutation=Mutation,
    types=[Park, User, Membership, ApiKey, AuditEntry],
    extensions=[
        OperationMetrics,  # exits last, so it counts the codes ErrorCodes assigned
        ErrorCodes,
        AddValidationRules([RequestLimitsRule]),
        # Parsing and validating the same document again is most of a small query's cost.
        ParserCache(maxsize=512),
        ValidationCache(maxsize=512),
    ],
    config=StrawberryConfig(auto_camel_case=True),
)


def sdl() -> str:
    return schema.as_str() + "\n"
