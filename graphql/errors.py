"""Error conventions: top-level errors carry `extensions.code`; rule failures are payload `userErrors`."""

import logging
from collections.abc import Awaitable, Callable, Iterator
from contextlib import suppress
from enum import StrEnum
from typing import TypeVar

import strawberry
from graphql import GraphQLError
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.extensions import ParserCache, SchemaExtension
from strawberry.types import Info

from redchain.infra.request_context import request_id_var
from redchain.services.errors import DomainError, PermissionDenied

log = logging.getLogger("redchain.graphql")
T = TypeVar("T")


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


@strawberry.type(description="A rule or validation failure of a mutation; the mutation changed nothing.")
class UserError:
    field: str | None = strawberry.field(description="The input field at fault, camelCase, if one is.")
    code: str
    message: str


def user_error(exc: DomainError, locale: str) -> UserError:
    return UserError(field=exc.field, code=exc.code.value, message=exc.message(locale))


async def mutate(info: Info, action: Callable[[AsyncSession], Awaitable[T]]) -> tuple[T | None, list[UserError]]:
    """Runs `action(session)` as one unit of work: it commits only if no rule failed."""
    context = info.context
    try:
        async with context.unit_of_work() as session:
            return await action(session), []
    except PermissionDenied as exc:
        raise ApiError(ErrorCode.FORBIDDEN, context.locale) from exc
    except DomainError as exc:
        return None, [user_error(exc, context.locale)]


def _classify(error: GraphQLError, locale: str) -> GraphQLError:
    original = error.original_error
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
