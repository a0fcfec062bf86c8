"""The web app at `/`: a build served with the right caching, deep links falling back to the page, the
API's own paths keeping their answers, and one plain line when there is no build."""

import gzip
import json
import re
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from redchain.graphql import web
from redchain.graphql.errors import ErrorCode
from redchain.infra.settings import Settings

ASSET = "assets/index-Bx9f3Q1a.js"
PAGE = f"""<!doctype html><html><head>
<script id="redchain-settings" type="application/json">{{}}</script>
<script type="module" src="/{ASSET}"></script></head><body><div id="app"></div></body></html>"""


@pytest.fixture
def build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A build as Vite lays it out: index.html, hashed assets (with their gzip copies), public files."""
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    script = b"console.log('redchain');" * 100
    (tmp_path / ASSET).write_bytes(script)
    (tmp_path / f"{ASSET}.gz").write_bytes(gzip.compress(script))
    (tmp_path / "favicon.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    monkeypatch.setattr(web, "WEB_DIST", tmp_path.resolve())
    return tmp_path


def page_settings(body: str) -> dict[str, Any]:
    match = re.search(r'<script id="redchain-settings" type="application/json">(.*?)</script>', body)
    assert match, body
    return json.loads(match.group(1))  # type: ignore[no-any-return]


@pytest.mark.parametrize("path", ["/", "/enterprises", "/enterprises/RW50ZXJwcmlzZTox", "/sign-in?reason=expired"])
async def test_every_deep_link_gets_the_page_uncached_with_this_deployments_settings(
    client: AsyncTestClient[Any], settings: Settings, build: Path, path: str
) -> None:
    response = await client.get(path)

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["cache-control"] == "no-store"
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert page_settings(response.text) == {
        "graphqlPath": "/graphql",
        "defaultLocale": "zh-CN",
        "graphiql": False,  # the test settings have DEBUG=false
        "version": web.runtime_settings(settings)["version"],
        "sessionIdleMinutes": settings.session_idle_minutes,
    }


def test_a_setting_cannot_end_the_script_element(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(web, "_version", lambda: "1.0</script><script>alert(1)</script>")

    rendered = web.render_index(PAGE, settings.model_copy(update={"debug": True}))

    assert rendered.count("</script>") == PAGE.count("</script>")
    assert page_settings(rendered)["version"] == "1.0</script><script>alert(1)</script>"
    assert page_settings(rendered)["graphiql"] is True


async def test_hashed_assets_are_immutable_and_gzipped_when_the_browser_accepts_it(
    client: AsyncTestClient[Any], build: Path
) -> None:
    plain = await client.get(f"/{ASSET}", headers={"Accept-Encoding": "identity"})
    compressed = await client.get(f"/{ASSET}", headers={"Accept-Encoding": "gzip, br"})

    for response in (plain, compressed):
        assert response.status_code == 200
        assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert "javascript" in response.headers["content-type"]
        assert response.content == (build / ASSET).read_bytes()  # httpx decodes the gzip body
    assert "content-encoding" not in plain.headers
    assert compressed.headers["content-encoding"] == "gzip"
    assert compressed.headers["vary"] == "Accept-Encoding"


async def test_public_files_are_cached_briefly(client: AsyncTestClient[Any], build: Path) -> None:
    response = await client.get("/favicon.svg")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert response.headers["cache-control"] == "public, max-age=3600"


HIDDEN = ["/assets/index-OLDHASH1.js", f"/{ASSET}.gz", "/assets/..%2f..%2f..%2f..%2fetc%2fpasswd"]


@pytest.mark.parametrize("path", HIDDEN)
async def test_a_missing_or_hidden_asset_is_a_404_not_the_page(
    client: AsyncTestClient[Any], build: Path, path: str
) -> None:
    response = await client.get(path)

    assert response.status_code == 404
    assert "<html" not in response.text


@pytest.mark.parametrize("path", ["/api/v2/nothing", "/api/v1/tickets/attachments/not-a-uuid", "/graphql/extra"])
async def test_unknown_api_paths_stay_json_404s(client: AsyncTestClient[Any], build: Path, path: str) -> None:
    response = await client.get(path)

    assert response.status_code == 404
    assert [e["extensions"]["code"] for e in response.json()["errors"]] == [ErrorCode.NOT_FOUND.value]


async def test_the_api_keeps_its_own_paths(client: AsyncTestClient[Any], build: Path) -> None:
    graphql = await client.post("/graphql", json={"query": "{ me { roles } }"})
    health = await client.get("/healthz")
    metrics = await client.get("/metrics")
    me = await client.get("/api/v1/me")

    assert [e["extensions"]["code"] for e in graphql.json()["errors"]] == [ErrorCode.UNAUTHENTICATED.value]
    assert health.json() == {"status": "ok"}
    assert metrics.headers["content-type"].startswith("text/plain")
    assert me.status_code == 401


@pytest.fixture
def no_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(web, "WEB_DIST", tmp_path.resolve())


async def test_without_a_build_the_page_says_how_to_build_it(client: AsyncTestClient[Any], no_build: None) -> None:
    response = await client.get("/")
    deep = await client.get("/enterprises")

    assert response.status_code == deep.status_code == 404
    assert response.text == deep.text == web.NOT_BUILT
    assert response.text.count("\n") == 1 and "make web" in response.text
