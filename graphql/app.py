"""The Litestar application: /graphql, a plain JSON /api/v1/me, health, readiness and metrics."""

import logging
import re
import time
import uuid
from typing import Any, cast

from cross_web import HTTPException as StrawberryHTTPException
from litestar import Litestar, Request, Response, get
from litestar.background_tasks import BackgroundTasks
from litestar.datastructures import State
from litestar.di import Provide
from litestar.exceptions import HTTPException as LitestarHTTPException
from litestar.types import ASGIApp, HTTPScope, Message, Receive, ReceiveMessage, Scope, Send
from redis.asyncio import Redis
from sqlalchemy import text
from strawberry.http import GraphQLHTTPResponse
from strawberry.http.parse_content_type import parse_content_type
from strawberry.litestar import make_graphql_controller
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.types import ExecutionResult

from redchain.graphql.auth import authenticate, client_ip
from redchain.graphql.context import AppState, Context, request_locale
from redchain.graphql.errors import ErrorCode, message_for
from redchain.graphql.input_guard import BadString, check_request
from redchain.graphql.schema import schema
from redchain.graphql.tickets.files import download_attachment
from redchain.graphql.web import web_app
from redchain.infra import outbox
from redchain.infra.db import Database
from redchain.infra.logging import configure_logging
from redchain.infra.metrics import HTTP_LATENCY, render
from redchain.infra.request_context import request_id_var
from redchain.infra.settings import get_settings, startup_problem
from redchain.services.tenancy import service as tenancy

log = logging.getLogger("redchain.api")
REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
CLIENT_CLOSED_REQUEST = 499
STATUS_CODES = {
    400: ErrorCode.BAD_USER_INPUT,
    401: ErrorCode.UNAUTHENTICATED,
    403: ErrorCode.FORBIDDEN,
    404: ErrorCode.NOT_FOUND,
    405: ErrorCode.BAD_USER_INPUT,
    413: ErrorCode.QUERY_TOO_COMPLEX,
    415: ErrorCode.BAD_USER_INPUT,
    429: ErrorCode.RATE_LIMITED,
}


def error_response(
    status: int,
    locale: str,
    detail: str | None = None,
    headers: dict[str, str] | None = None,
    **extra: str,
) -> Response[dict[str, Any]]:
    code = STATUS_CODES.get(status, ErrorCode.INTERNAL)
    extensions: dict[str, Any] = {"code": code.value, "requestId": request_id_var.get()}
    if detail and code is not ErrorCode.INTERNAL:
        extensions.update(reason=detail, **extra)
    body = {"errors": [{"message": message_for(code, locale), "extensions": extensions}]}
    return Response(body, status_code=status, headers=headers)


def app_state(request: Request[Any, Any, Any]) -> AppState:
    return request.app.state.redchain  # type: ignore[no-any-return]


async def get_context(request: Request[Any, Any, Any]) -> Context:
    state = app_state(request)
    return Context(
        state=state,
        principal=await authenticate(request, state),
        locale=request_locale(request),
        client_ip=client_ip(request),
        loaders={},
    )


_BaseController = make_graphql_controller(
    schema,
    path="/graphql",
    graphql_ide="graphiql" if get_settings().debug else None,
    context_getter=get_context,
    multipart_uploads_enabled=True,
)


def _is_request_error(result: ExecutionResult) -> bool:
    # Parse and validation failures have no path and no data: the request was refused as a whole.
    return result.data is None and bool(result.errors) and all(e.path is None for e in result.errors or [])


def _fresh_response() -> Response[Any]:
    return Response({}, background=BackgroundTasks([]))


class GraphQLController(_BaseController):  # type: ignore[valid-type, misc]
    # Uploads (imports, attachments) need room; parse_http_body holds every other body to max_body_bytes.
    request_max_body_size = get_settings().max_upload_bytes
    # strawberry provides the response in a worker thread (sync_to_thread=True): a thread hop on every
    # request for an empty object (measured here: ~100 µs wall, ~50 µs CPU).
    dependencies = {**_BaseController.dependencies, "response": Provide(_fresh_response, sync_to_thread=False)}

    async def execute_request(self, request: Request[Any, Any, Any], context: Any, root_value: Any) -> Response:
        try:
            return await self.run(request, context=context, root_value=root_value)
        except StrawberryHTTPException as exc:
            headers = {"Allow": "POST"} if exc.status_code == 405 else None
            return error_response(exc.status_code, request_locale(request), exc.reason, headers)
        except BadString as exc:
            return error_response(400, request_locale(request), exc.reason, variable=exc.where)

    async def execute_single(self, *args: Any, **kwargs: Any) -> ExecutionResult:
        try:
            return await super().execute_single(*args, **kwargs)  # type: ignore[no-any-return]
        except StrawberryHTTPException as exc:
            if isinstance(exc.__cause__, InvalidOperationTypeError):
                # GraphQL over HTTP: a mutation over GET is 405 (strawberry answers 400).
                raise StrawberryHTTPException(405, exc.reason) from exc.__cause__
            raise

    async def parse_http_body(self, request: Any) -> Any:
        if request.method != "GET" and not self._accepts(request.content_type or ""):
            # GraphQL over HTTP: an unsupported media type is 415 (strawberry answers 400).
            raise StrawberryHTTPException(415, "Unsupported content type")
        is_upload = parse_content_type(request.content_type or "")[0] == "multipart/form-data"
        if not is_upload and len(await request.get_body()) > get_settings().max_body_bytes:
            raise StrawberryHTTPException(413, "Request Entity Too Large")
        try:
            data = await super().parse_http_body(request)
            for item in data if isinstance(data, list) else [data]:
                check_request(item.variables, item.operation_name)
        except RecursionError as exc:  # JSON nested a few thousand levels deep
            raise StrawberryHTTPException(400, "NESTED_TOO_DEEPLY") from exc
        return data

    def _accepts(self, content_type: str) -> bool:
        media_type = parse_content_type(content_type)[0]
        return media_type == "application/json" or (
            self.multipart_uploads_enabled and media_type == "multipart/form-data"
        )

    async def process_result(self, request: Request[Any, Any, Any], result: ExecutionResult) -> GraphQLHTTPResponse:
        if _is_request_error(result):
            self.temporal_response.status_code = 400
        return await super().process_result(request, result)


@get("/healthz", sync_to_thread=False)
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@get("/readyz")
async def readyz(request: Request[Any, Any, Any]) -> Response[dict[str, str]]:
    state = app_state(request)
    checks: dict[str, str] = {}
    try:
        async with state.db.app_engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
        checks["database"] = "ok"
    except Exception as exc:  # noqa: BLE001 - any failure means not ready
        checks["database"] = f"error: {type(exc).__name__}"
    try:
        await state.redis.ping()
        checks["redis"] = "ok"
    except Exception as exc:  # noqa: BLE001
        checks["redis"] = f"error: {type(exc).__name__}"
    ready = all(v == "ok" for v in checks.values())
    return Response({"status": "ready" if ready else "not ready", **checks}, status_code=200 if ready else 503)


@get("/metrics")
async def metrics(request: Request[Any, Any, Any]) -> Response[bytes]:
    state = app_state(request)
    try:
        async with state.db.owner_transaction() as session:
            pending = await outbox.pending_count(session)
    except Exception:  # noqa: BLE001 - metrics must render while the database is away
        pending = None
    body, content_type = await render(state.redis, pending)
    return Response(body, media_type=content_type)


@get("/api/v1/me")
async def rest_me(request: Request[Any, Any, Any]) -> Response[dict[str, Any]]:
    """The signed-in user as plain JSON: the same authentication and SQL as the `me` query."""
    state = app_state(request)
    actor = await authenticate(request, state)
    if actor is None or actor.user_id is None:
        return error_response(401, request_locale(request))
    async with state.db.transaction(actor.tenant_id, actor.user_id) as session:
        user = await tenancy.get_user(session, actor.user_id)
    assert user is not None
    return Response({"id": str(user.id), "email": user.email, "displayName": user.display_name})


def request_id_middleware(app: ASGIApp) -> ASGIApp:
    """Assigns a request ID (or keeps a sane incoming one), echoes it, and times the request."""

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        incoming = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if REQUEST_ID.match(incoming) else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        status = 500
        completed = client_gone = False

        async def receive_watching() -> ReceiveMessage:
            nonlocal client_gone
            message = await receive()
            client_gone = client_gone or (message["type"] == "http.disconnect" and not completed)
            return message

        async def send_with_id(message: Message) -> None:
            nonlocal status, completed
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", []), (b"x-request-id", request_id.encode())]
            elif message["type"] == "http.response.body" and not message.get("more_body", False):
                completed = True
            await send(message)

        try:
            await app(scope, receive_watching, send_with_id)
        finally:
            if client_gone:
                # The client left before its answer was complete (nginx's 499): whatever status the app
                # chose then (a 500 for a body cut short), nobody received it and the server did not fail.
                status = CLIENT_CLOSED_REQUEST
            elapsed = time.perf_counter() - started
            method = cast("HTTPScope", scope)["method"]
            path = scope["path"] if scope["path"] in ("/graphql", "/api/v1/me", "/healthz", "/readyz") else "other"
            HTTP_LATENCY.labels(method, path, str(status)).observe(elapsed)
            # The access log (uvicorn's is off): one JSON line per request, with its request ID.
            log.info("%s %s %s %.1fms", method, scope["path"], status, elapsed * 1000)
            request_id_var.reset(token)

    return middleware


def http_exception_handler(request: Request[Any, Any, Any], exc: LitestarHTTPException) -> Response[Any]:
    return error_response(exc.status_code, request_locale(request), exc.detail, exc.headers)


def internal_error_handler(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    log.error("unhandled error", exc_info=exc)
    return error_response(500, request_locale(request))


async def _startup(app: Litestar) -> None:
    settings = get_settings()
    if problem := startup_problem(settings):
        raise RuntimeError(problem)
    assert settings.database_url and settings.redis_url
    app.state.redchain = AppState(
        settings=settings,
        db=Database.connect(settings, settings.database_url),
        redis=Redis.from_url(settings.redis_url, socket_timeout=2, socket_connect_timeout=2),
    )


async def _shutdown(app: Litestar) -> None:
    state: AppState | None = getattr(app.state, "redchain", None)
    if state is None:  # the startup refused: nothing to close, and its error is the one to read
        return
    await state.db.dispose()
    await state.redis.aclose()


def create_app() -> Litestar:
    settings = get_settings()
    configure_logging()
    app = Litestar(
        route_handlers=[GraphQLController, healthz, readyz, metrics, rest_me, download_attachment, web_app],
        exception_handlers={LitestarHTTPException: http_exception_handler, Exception: internal_error_handler},
        on_startup=[_startup],
        on_shutdown=[_shutdown],
        request_max_body_size=settings.max_body_bytes,
        state=State(),
        debug=False,  # never send stack traces to clients, whatever the setting
    )
    # Outside Litestar's own exception handling, not in `middleware=`: routing errors (404, 405) are raised
    # before route middleware runs, and their responses need the request ID too.
    app.asgi_handler = request_id_middleware(app.asgi_handler)
    return app
