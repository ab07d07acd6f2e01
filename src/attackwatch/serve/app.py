"""The FastAPI application: `create_app(db_url, token=None, private=False)`.

Routers: incidents/articles/facets (reads), stats (reads), writes (bearer token), plus the
optional routers listed in EXTRA_ROUTERS (the analytics endpoints /api/alerts and /api/lulls).
Swagger UI at /docs is served from the installed fastapi-offline package (no CDN).
"""
from __future__ import annotations

import importlib
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, AsyncIterator

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from attackwatch.serve.deps import StoreCache, require_read
from attackwatch.serve.limits import BodyLimitMiddleware
from attackwatch.serve.responses import SafeJSONResponse, error
from attackwatch.serve.result_cache import ResultCache

STATIC_DIR = Path(__file__).parent / "static"
MAX_BODY_BYTES = 6 * 1024 * 1024  # a 5 MB page plus multipart/JSON overhead

# Routers other helpers provide, included when importable (module attribute `router`).
EXTRA_ROUTERS = ("attackwatch.serve.analytics_routes",)


def _message(exc: RequestValidationError) -> str:
    """Pydantic's error list as one line naming each parameter at fault."""
    parts = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body", "header")]
        parts.append(f"{'.'.join(loc) or 'body'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def _error_schema_everywhere(app: FastAPI) -> None:
    """Make the OpenAPI document say what the app really sends for 422: {"detail": str}."""
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = original()
        for path in schema.get("paths", {}).values():
            for op in path.values():
                response = op.get("responses", {}).get("422")
                if response:
                    response["content"] = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorDetail"}}}
        schemas = schema.setdefault("components", {}).setdefault("schemas", {})
        schemas.pop("HTTPValidationError", None)
        schemas.pop("ValidationError", None)
        schemas["ErrorDetail"] = {"title": "ErrorDetail", "type": "object", "required": ["detail"],
                                  "properties": {"detail": {"type": "string", "title": "Detail"}}}
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def create_app(db_url: str, token: str | None = None, private: bool = False) -> FastAPI:
    from fastapi_offline import FastAPIOffline

    if private and not token:
        raise ValueError("--private needs a token (--token or ATTACKWATCH_TOKEN): reads would be impossible")
    stores = StoreCache(db_url)
    stores.get()  # open once now: a bad path or a too-new schema fails at start, not on the first request

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close_all()

    app = FastAPIOffline(title="AttackWatch API", version="0.1.0", lifespan=lifespan,
                         default_response_class=SafeJSONResponse,
                         description="Incidents of Iran-aligned militia attacks on US forces, with their evidence.")
    app.state.db_url = db_url
    app.state.token = token
    app.state.private = private
    app.state.stores = stores
    app.state.results = ResultCache()

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> SafeJSONResponse:
        return error(exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None))

    from starlette.exceptions import HTTPException as StarletteHTTPException

    @app.exception_handler(StarletteHTTPException)
    async def starlette_error(request: Request, exc: StarletteHTTPException) -> SafeJSONResponse:
        return error(exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> SafeJSONResponse:
        return error(422, _message(exc))

    from attackwatch.serve import routes_changes, routes_incidents, routes_map, routes_review, routes_stats, routes_write

    for module in (routes_incidents, routes_stats, routes_write, routes_review, routes_map, routes_changes):
        app.include_router(module.router)
    app.include_router(routes_write.ingest_router)
    app.include_router(routes_review.write_router)
    for name in EXTRA_ROUTERS:  # the place for routers other modules contribute
        try:
            extra = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:  # the module exists but something it imports is missing: say so
                raise
            continue
        app.include_router(extra.router, dependencies=[Depends(require_read)])

    @app.get("/", include_in_schema=False)
    async def dashboard() -> Any:
        index = STATIC_DIR / "index.html"
        if not index.is_file():
            return error(404, "the dashboard is not installed (serve/static/index.html is missing)")
        return FileResponse(index, media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC_DIR, check_dir=False), name="static")
    app.add_middleware(BodyLimitMiddleware, max_bytes=MAX_BODY_BYTES)
    _error_schema_everywhere(app)
    return app
