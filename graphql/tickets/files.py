"""GET /api/v1/tickets/attachments/{id}: an attachment's bytes, for whoever may see its ticket."""

import uuid
from typing import Any
from urllib.parse import quote

from litestar import Request, Response, get
from litestar.exceptions import NotAuthorizedException, NotFoundException
from litestar.params import FromPath

from redchain.graphql.auth import authenticate
from redchain.graphql.context import AppState
from redchain.infra.storage import FileMissing, storage_from_settings
from redchain.services.errors import NotFound
from redchain.services.tickets import attachments


@get("/api/v1/tickets/attachments/{attachment_id:uuid}")
async def download_attachment(request: Request[Any, Any, Any], attachment_id: FromPath[uuid.UUID]) -> Response[bytes]:
    state: AppState = request.app.state.redchain
    principal = await authenticate(request, state)
    if principal is None:
        raise NotAuthorizedException()
    actor = principal.in_park()
    if actor is None:  # a platform admin before choosing a park holds no park's files
        raise NotFoundException()
    try:
        async with state.db.transaction(actor.tenant_id, actor.user_id) as session:
            row, data = await attachments.open_attachment(
                session, storage_from_settings(state.settings), actor, attachment_id
            )
    except (NotFound, FileMissing) as exc:
        raise NotFoundException() from exc
    return Response(
        data,
        media_type=row.content_type,
        headers={
            # Always a download: a stored HTML or SVG must never render in the app's origin.
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(row.filename)}",
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "private, no-store",
        },
    )
