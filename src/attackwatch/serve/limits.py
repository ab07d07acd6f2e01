"""ASGI middleware: a cap on request body size (413 before the body is read into memory, also
for chunked uploads with no Content-Length) and security headers on every response."""
from __future__ import annotations

from typing import Any, Awaitable, Callable

from fastapi import HTTPException

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]

SECURITY_HEADERS = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY")]


class BodyTooLarge(HTTPException):
    """Raised from `receive` once a streamed body passes the cap: an HTTPException, so FastAPI's
    body parsing lets it through (it turns other errors into 400) and the app answers 413."""

    def __init__(self, max_bytes: int):
        super().__init__(413, f"request body too large (limit {max_bytes // (1024 * 1024)} MB)")


class BodyLimitMiddleware:
    def __init__(self, app: Any, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: dict[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = {**message, "headers": list(message.get("headers", [])) + SECURITY_HEADERS}
            await send(message)

        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await self._reject(send_with_headers)
            return
        seen = 0

        async def counting_receive() -> dict[str, Any]:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        try:
            await self.app(scope, counting_receive, send_with_headers)
        except BodyTooLarge:
            if not started:
                await self._reject(send_with_headers)

    async def _reject(self, send: Send) -> None:
        from attackwatch.serve.responses import safe_json_bytes

        body = safe_json_bytes({"detail": f"request body too large (limit {self.max_bytes // (1024 * 1024)} MB)"})
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})
