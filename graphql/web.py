"""The web app at `/`: the build of web/ (shipped in the package as web_dist/), deep links falling back to
its index.html, and this deployment's settings written into that page when it is served."""

import json
import mimetypes
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from litestar import Request, Response, get
from litestar.exceptions import NotFoundException
from litestar.response import File

from redchain.infra.settings import Settings

WEB_DIST = Path(__file__).resolve().with_name("web_dist")
# Paths the API answers itself: an unknown one under them is a JSON 404, never the app.
API_PREFIXES = ("graphql", "healthz", "readyz", "metrics", "api")
SETTINGS_ELEMENT = '<script id="redchain-settings" type="application/json">{}</script>'
NOT_BUILT = "The web app is not built: run `make web` (needs Node.js 20 and npm); the API is at /graphql.\n"
# Vite names every file under assets/ by its content hash: a changed file is a new URL.
IMMUTABLE = "public, max-age=31536000, immutable"
INDEX_HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    # Element Plus positions popups with inline styles; scripts come only from this origin.
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'"
    ),
}


@cache
def _version() -> str:
    try:
        return version("redchain")
    except PackageNotFoundError:
        return "dev"


def runtime_settings(settings: Settings) -> dict[str, Any]:
    """What the app reads from its page (web/src/shared/settings.ts): nothing here is baked into the build."""
    return {
        "graphqlPath": "/graphql",
        "defaultLocale": "zh-CN",
        "graphiql": settings.debug,
        "version": _version(),
        # The app warns before the API's idle limit ends the session, and signs out when it does.
        "sessionIdleMinutes": settings.session_idle_minutes,
    }


def render_index(template: str, settings: Settings) -> str:
    payload = json.dumps(runtime_settings(settings), ensure_ascii=False)
    # Inside <script>, "</" could end the element early; JSON allows it escaped.
    element = SETTINGS_ELEMENT.replace("{}", payload.replace("</", "<\\/"))
    return template.replace(SETTINGS_ELEMENT, element, 1)


def _asset(path: str) -> Path | None:
    candidate = (WEB_DIST / path).resolve()
    if not candidate.is_relative_to(WEB_DIST) or not candidate.is_file() or candidate.suffix == ".gz":
        return None
    return candidate


def _file(path: Path, request: Request[Any, Any, Any], cache_control: str) -> File:
    media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    headers = {"Cache-Control": cache_control, "X-Content-Type-Options": "nosniff", "Vary": "Accept-Encoding"}
    gzipped = path.with_name(path.name + ".gz")
    # The build writes a gzip copy beside each large text asset (web/vite.config.ts).
    if "gzip" in request.headers.get("accept-encoding", "") and gzipped.is_file():
        return File(
            gzipped,
            media_type=media_type,
            headers={**headers, "Content-Encoding": "gzip"},
            content_disposition_type="inline",
            filename=path.name,
        )
    return File(path, media_type=media_type, headers=headers, content_disposition_type="inline")


@get(["/", "/{path:path}"], include_in_schema=False, sync_to_thread=False)
def web_app(request: Request[Any, Any, Any]) -> Response[Any] | File:
    # Read from the route, not declared: "/" has no such parameter, and a declared one would be taken from the query.
    path = str(request.path_params.get("path", "")).lstrip("/")
    if path.split("/", 1)[0] in API_PREFIXES:
        raise NotFoundException()
    index = WEB_DIST / "index.html"
    if not index.is_file():
        return Response(NOT_BUILT, media_type="text/plain; charset=utf-8", status_code=404)
    if path and path != "index.html":
        asset = _asset(path)
        if asset is not None:
            return _file(asset, request, IMMUTABLE if path.startswith("assets/") else "public, max-age=3600")
        if path.startswith("assets/"):
            # A missing hashed file is an old build's: answering with the page would be read as JavaScript.
            raise NotFoundException()
    page = render_index(index.read_text(encoding="utf-8"), request.app.state.redchain.settings)
    return Response(page, media_type="text/html; charset=utf-8", headers=INDEX_HEADERS)
