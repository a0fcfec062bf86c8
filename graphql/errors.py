"""Error conventions: one mapping of domain errors, to top-level `extensions.code` or payload `userErrors`."""

import logging
import re
from collections.abc import Awaitable, Callable, Iterator
from contextlib import suppress
from enum import StrEnum
from functools import cache
from typing import Any, TypeVar

import strawberry
from graphql import GraphQLError
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.extensions import ParserCache, SchemaExtension
from strawberry.types import Info

from redchain.infra.request_context import request_id_var
from redchain.services.errors import CommonErrorCode, DomainError, NotFound, PermissionDenied

log = logging.getLogger("redchain.graphql")
T = TypeVar("T")
P = TypeVar("P")


class ErrorCode(StrEnum):
    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    NOT_FOUND = "NOT_FOUND"
    BAD_USER_INPUT = "BAD_USER_INPUT"
    QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX"
    RATE_LIMITED = "RATE_LIMITED"
    INTERNAL = "INTERNAL"


MESSAGES: dict[ErrorCode, tuple[str, str]] = {
    ErrorCode.UNAUTHENTICATED: ("请先登录", "Authentication required"),
    ErrorCode.FORBIDDEN: ("无权执行此操作", "You are not allowed to do this"),
    ErrorCode.NOT_FOUND: ("对象不存在", "Not found"),
    ErrorCode.BAD_USER_INPUT: ("请求无效", "Bad request"),
    ErrorCode.QUERY_TOO_COMPLEX: ("查询过于复杂", "The query is too complex"),
    ErrorCode.RATE_LIMITED: ("请求过于频繁，请稍后再试", "Too many requests; try again later"),
    ErrorCode.INTERNAL: ("服务器内部错误", "Internal server error"),
}


def message_for(code: ErrorCode, locale: str) -> str:
    zh, en = MESSAGES[code]
    return en if locale == "en" else zh


class ApiError(GraphQLError):
    """A top-level error the client is meant to see: authentication, permission, bad request."""

    def __init__(self, code: ErrorCode, locale: str = "zh", message: str | None = None, **extra: object) -> None:
        super().__init__(message or message_for(code, locale), extensions={"code": code.value, **extra})


def field_path(field: str | None, root: str | None = None) -> list[str] | None:
    """A domain error's field ("enterpriseIds.2" or "days[2].date") as a path under `root`:
    ["input", "enterpriseIds", "2"], ["input", "days", "2", "date"]."""
    if field is None:
        return None
    return [*([root] if root else []), *re.findall(r"[^.\[\]]+", field)]


def top_level_error(exc: DomainError, locale: str) -> ApiError:
    """A domain error that ends a request: out of scope is NOT_FOUND, a refused role FORBIDDEN, any other
    rule BAD_USER_INPUT with the domain's code (`reason`) and the path of the argument at fault (`field`)."""
    if isinstance(exc, PermissionDenied):
        return ApiError(ErrorCode.FORBIDDEN, locale)
    if isinstance(exc, NotFound):
        return ApiError(ErrorCode.NOT_FOUND, locale, field=field_path(exc.field))
    return ApiError(
        ErrorCode.BAD_USER_INPUT,
        locale,
        message=exc.message(locale),
        reason=exc.code.value,
        field=field_path(exc.field),
    )


def error_code_enum(name: str, *codes: type[StrEnum]) -> Any:
    """The GraphQL enum of one context's userError codes, built from its Python code enums and the common ones,
    so a code added to a context's `errors.py` is in the SDL without a second list to keep."""
    sources: tuple[type[StrEnum], ...] = (CommonErrorCode, *codes)
    members = {code.value: code.value for source in sources for code in source}
    enum = StrEnum(name, members)  # type: ignore[misc]
    return strawberry.enum(enum, description=f"Why a mutation of the {name.removesuffix('ErrorCode')} context failed.")


@strawberry.interface(description="A rule or validation failure of a mutation; the mutation changed nothing.")
class UserError:
    field: list[str] | None = strawberry.field(
        description='Path of the argument at fault, e.g. ["input", "enterpriseIds", "2"]; null when no single one is.'
    )
    message: str


@cache
def _user_error_type(payload: Any) -> type[UserError]:
    # The payload's own declaration says which context's error type (and code enum) its userErrors are.
    user_errors = payload.__strawberry_definition__.get_field("user_errors")
    return user_errors.type.of_type  # type: ignore[no-any-return]


def failed(payload: Callable[..., P], exc: DomainError, locale: str, root: str | None = "input") -> P:
    """The payload of a mutation refused by `exc`: its one userError, every other field null."""
    error_type: Any = _user_error_type(payload)  # each context's subclass adds its own `code` field
    error = error_type(field=field_path(exc.field, root), code=exc.code, message=exc.message(locale))
    return payload(user_errors=[error])


async def mutate(
    info: Info,
    payload: Callable[..., P],
    action: Callable[[AsyncSession], Awaitable[T]],
    build: Callable[[T], P],
    root: str | None = "input",
) -> P:
    """A mutation as one unit of work: `action` decodes the input and calls the service; it commits only when no
    rule failed, and `build` makes the payload of its result. A rule failure (a global ID of the input that does
    not decode included) is the payload's userError; a refused permission stays a top-level FORBIDDEN."""
    try:
        async with info.context.unit_of_work() as session:
            result = await action(session)
    except PermissionDenied:
        raise
    except DomainError as exc:
        return failed(payload, exc, info.context.locale, root)
    return build(result)


def _classify(error: GraphQLError, locale: str) -> GraphQLError:
    original = error.original_error
    if isinstance(original, DomainError):
        mapped = top_level_error(original, locale)
        return GraphQLError(mapped.message, nodes=error.nodes, path=error.path, extensions=mapped.extensions)
    if isinstance(original, ApiError) or (original is None and "code" in (error.extensions or {})):
        return error
    if error.path is None:
        # No resolver ran: the document did not parse or validate, or a variable did not coerce
        # (its original error is then the scalar's ValueError). The request itself is wrong.
        error.extensions = {**(error.extensions or {}), "code": ErrorCode.BAD_USER_INPUT.value}
        return error
    log.error(
        "unexpected error in %s", error.path, exc_info=original or error, extra={"request_id": request_id_var.get()}
    )
    return GraphQLError(
        message_for(ErrorCode.INTERNAL, locale),
        nodes=error.nodes,
        path=error.path,
        extensions={"code": ErrorCode.INTERNAL.value, "requestId": request_id_var.get()},
    )


class ErrorCodes(SchemaExtension):
    """Every error leaves with a code; unexpected ones are masked and logged with the request ID."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result and result.errors:
            context = self.execution_context.context
            locale = getattr(context, "locale", "zh")
            result.errors = [_classify(e, locale) for e in result.errors]


class CachedParser(ParserCache):
    """strawberry's ParserCache, except that a document that does not parse is left to strawberry's own
    parse step: raised from this hook, the syntax error would bypass the extensions (no code, no metric)."""

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        with suppress(GraphQLError):
            context.graphql_document = self.cached_parse_document(context.query, **context.parse_options)
        yield
