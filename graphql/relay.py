"""Relay conventions: opaque global IDs, the Node interface, cursor connections."""

import base64
import binascii
import uuid
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, Generic, TypeVar

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader
from strawberry.types import Info

from redchain.graphql.errors import ApiError, ErrorCode
from redchain.infra.pagination import InvalidCursor, Page, PageRequest
from redchain.infra.settings import get_settings
from redchain.services.errors import CommonErrorCode, DomainError

T = TypeVar("T")


def encode_id(type_name: str, value: uuid.UUID) -> strawberry.ID:
    return strawberry.ID(base64.urlsafe_b64encode(f"{type_name}:{value}".encode()).decode().rstrip("="))


class InvalidId(DomainError):
    # Malformed, or the ID of another type: a userError at the input's path in a mutation, BAD_USER_INPUT in a query.
    code = CommonErrorCode.INVALID
    message_zh = "ID 无效"
    message_en = "Not a valid ID here"


def decode_any_id(global_id: str, *, field: str = "id") -> tuple[str, uuid.UUID]:
    try:
        raw = base64.urlsafe_b64decode(global_id + "=" * (-len(global_id) % 4)).decode()
        type_name, value = raw.split(":", 1)
        return type_name, uuid.UUID(value)
    except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
        raise InvalidId(field) from exc


def decode_id(global_id: str, expected: str, *, field: str = "id") -> uuid.UUID:
    """The UUID inside a global ID of type `expected`; `field` is the ID's path in the arguments, for the error."""
    type_name, value = decode_any_id(global_id, field=field)
    if type_name != expected:
        raise InvalidId(field)
    return value


def decode_optional_id(global_id: str | None, expected: str, *, field: str = "id") -> uuid.UUID | None:
    return None if global_id is None else decode_id(global_id, expected, field=field)


def decode_ids(global_ids: list[strawberry.ID], expected: str, *, field: str) -> list[uuid.UUID]:
    """A list of IDs; the first bad one is named by its index (`enterpriseIds.2`)."""
    return [decode_id(value, expected, field=f"{field}.{index}") for index, value in enumerate(global_ids)]


@strawberry.interface(description="An object with a globally unique, opaque ID.")
class Node:
    id: strawberry.ID


# type name -> loader of one node by UUID for the current actor (None when out of scope).
NodeResolver = Callable[[Info, uuid.UUID], Awaitable[Any | None]]
NODE_RESOLVERS: dict[str, NodeResolver] = {}


def node_resolver(type_name: str) -> Callable[[NodeResolver], NodeResolver]:
    def register(fn: NodeResolver) -> NodeResolver:
        NODE_RESOLVERS[type_name] = fn
        return fn

    return register


def loaded_node(type_name: str, loader: type[DataLoader[uuid.UUID, Any]], to_node: Callable[[Any], Any]) -> None:
    """The common node resolver: the type's scoped by-ID DataLoader, then its GraphQL object."""

    async def resolve(info: Info, value: uuid.UUID) -> Any | None:
        row = await info.context.loader(loader).load(value)
        return to_node(row) if row else None

    NODE_RESOLVERS[type_name] = resolve


async def resolve_node(info: Info, global_id: Annotated[strawberry.ID, strawberry.argument(name="id")]) -> Node:
    info.context.require_principal()
    type_name, value = decode_any_id(global_id)
    resolver = NODE_RESOLVERS.get(type_name)
    found = await resolver(info, value) if resolver else None
    if found is None:
        raise ApiError(ErrorCode.NOT_FOUND, info.context.locale)
    return found  # type: ignore[no-any-return]


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    node: T
    cursor: str


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    count_total: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="All matching objects, across pages. Counted only when asked for.")
    async def total_count(self) -> int:
        return await self.count_total()

    @strawberry.field(description="The nodes of this page, without their cursors.")
    def nodes(self) -> list[T]:
        return [edge.node for edge in self.edges]


def page_request(first: int | None, after: str | None, locale: str) -> PageRequest:
    cap = get_settings().max_page_size
    if first is None:
        first = min(20, cap)
    if first < 0 or first > cap:
        message = f"first must be between 0 and {cap}" if locale == "en" else f"first 必须在 0 到 {cap} 之间"
        raise ApiError(ErrorCode.BAD_USER_INPUT, locale, reason="PAGE_SIZE", message=message)
    return PageRequest(first=first, after=after)


async def paged(
    info: Info,
    first: int | None,
    after: str | None,
    to_node: Callable[[Any], T],
    fetch: Callable[[AsyncSession, PageRequest], Awaitable[Page[Any]]],
    count: Callable[[AsyncSession], Awaitable[int]],
) -> Connection[T]:
    """A connection from a service's page and count functions, each in its own read transaction."""
    context = info.context
    request = page_request(first, after, context.locale)
    try:
        async with context.read() as session:
            page = await fetch(session, request)
    except InvalidCursor as exc:
        raise ApiError(ErrorCode.BAD_USER_INPUT, context.locale, reason="MALFORMED_CURSOR") from exc

    async def count_total() -> int:
        async with context.read() as session:
            return await count(session)

    edges = [Edge(node=to_node(row), cursor=cursor) for row, cursor in zip(page.rows, page.cursors, strict=True)]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=page.has_next_page,
            has_previous_page=page.has_previous_page,
            start_cursor=page.cursors[0] if page.cursors else None,
            end_cursor=page.cursors[-1] if page.cursors else None,
        ),
        count_total=count_total,
    )
