"""A small local HTTP server for the feed tests: http.server in a thread on a free port.

Routes are `Route`s (status, content type, body, optional ETag with 304 handling, optional
delay before answering); every request is recorded (path, headers, monotonic time) so tests
can check what the client sent and when. robots.txt is an ordinary route.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    delay: float = 0.0  # seconds to wait before answering (a slow server)
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Seen:
    path: str
    headers: dict[str, str]
    at: float
    host: str


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        fs = self.server.owner
        headers = {k.lower(): v for k, v in self.headers.items()}
        with fs.lock:
            fs.requests.append(Seen(self.path, headers, time.monotonic(), headers.get("host", "")))
        route = fs.routes.get(self.path)
        if route is None:
            self._send(404, "text/plain", b"not found", {})
            return
        if route.delay:
            time.sleep(route.delay)
        if route.etag and headers.get("if-none-match") == route.etag:
            self._send(304, None, b"", {"ETag": route.etag})
            return
        extra = dict(route.headers)
        if route.etag:
            extra["ETag"] = route.etag
        self._send(route.status, route.content_type, route.body, extra)

    def _send(self, status: int, content_type: str | None, body: bytes, headers: dict[str, str]) -> None:
        try:
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            for k, v in headers.items():
                self.send_header(k, v)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
            pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    owner: "FeedServer"


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Seen] = []
        self.lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.owner = self
        self.port = self._server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def start(self) -> "FeedServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: str | bytes = b"", **kw: object) -> None:
        self.routes[path] = Route(body=body.encode("utf-8") if isinstance(body, str) else body, **kw)  # type: ignore[arg-type]

    def paths(self) -> list[str]:
        with self.lock:
            return [r.path for r in self.requests]

    def count(self, path: str) -> int:
        return self.paths().count(path)


# -- a small news site: our own prose, written for these tests (not taken from any outlet) -----

def article_html(title: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><title>{title}</title></head><body>\n"
            f"<nav><a href='/'>Home</a> | <a href='/world'>World</a> | <a href='/about'>About</a></nav>\n"
            f"<article><h1>{title}</h1>\n{body}\n</article>\n<footer>Copyright Test Gazette</footer></body></html>")


HARIR = article_html("Drones strike base near Erbil", [
    "Two explosive-laden drones struck Harir air base in Erbil province on Monday, wounding two American service "
    "members, a US defense official told reporters.",
    "The Islamic Resistance in Iraq said in a statement that its fighters had launched the drones at the base in "
    "response to US support for Israel.",
    "The official said one of the drones was shot down by air defences before it reached the perimeter, while the "
    "second hit an empty storage building."])
ASAD = article_html("Rockets hit Ain al-Asad air base", [
    "Four rockets landed inside Ain al-Asad air base in Anbar province on Wednesday evening, an Iraqi security "
    "source said, causing minor damage to a hangar.",
    "No casualties were reported among coalition personnel, according to a statement from the US-led coalition.",
    "Kata'ib Hezbollah claimed the attack in a short message posted online, saying it would continue to target "
    "American forces in Iraq."])
CONOCO = article_html("Drone attack on US base in eastern Syria", [
    "A one-way attack drone targeted US forces at the Conoco gas field in Deir ez-Zor province on Thursday, a US "
    "military official said.",
    "The drone was intercepted before it reached the base, and there were no injuries or damage, the official added."])
MEMBERS = article_html("Members only", ["Rockets struck a base in Syria on Friday, an official said."])
# a page with nothing but navigation: no article text to extract
LINKS_ONLY = "<!doctype html><html><head><title>Live</title></head><body><nav><a href='/'>Home</a></nav></body></html>"

RSS_ETAG = '"world-rss-v1"'


def rss(base: str) -> str:
    items = [
        ("Drones strike base near Erbil", "/articles/harir-drones.html", "Tue, 09 Jan 2024 01:30:00 +0300"),
        ("Rockets hit Ain al-Asad", "/articles/asad-rockets.html?utm_source=rss&amp;utm_medium=feed", "Wed, 10 Jan 2024 21:00:00 +0300"),
        ("Members only", "/private/members-only.html", "Thu, 11 Jan 2024 09:00:00 +0000"),
        ("Map of the bases", "/media/map.png", "Thu, 11 Jan 2024 10:00:00 +0000"),
        ("Live updates", "/articles/live.html", "Thu, 11 Jan 2024 11:00:00 +0000"),
    ]
    body = "".join(f"<item><title>{t}</title><link>{base}{p}</link><pubDate>{d}</pubDate></item>" for t, p, d in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Test Gazette: World</title>'
            f"<link>{base}/</link><description>test feed</description>{body}</channel></rss>")


def atom(base: str) -> str:
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Test Gazette: Syria</title><id>urn:test:syria</id><updated>2024-01-12T00:40:00+03:00</updated>"
            f"<entry><title>Drone attack on US base in eastern Syria</title><id>urn:test:1</id>"
            f'<link rel="alternate" href="{base}/articles/conoco-drone.html"/>'
            f"<published>2024-01-12T00:40:00+03:00</published><updated>2024-01-12T00:40:00+03:00</updated></entry>"
            f"<entry><title>Drones strike base near Erbil</title><id>urn:test:2</id>"
            f'<link rel="alternate" href="{base}/articles/harir-drones.html?utm_campaign=syria#comments"/>'
            f"<updated>2024-01-09T01:30:00+03:00</updated></entry></feed>")


def build_news_site(server: FeedServer) -> FeedServer:
    """Two good feeds (RSS with an ETag, Atom), three broken ones (500, slow, malformed),
    article pages, a PNG, a page with no article, and a robots.txt that disallows /private/."""
    base = server.base
    server.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    server.add("/feeds/world.rss", rss(base), content_type="application/rss+xml", etag=RSS_ETAG)
    server.add("/feeds/syria.atom", atom(base), content_type="application/atom+xml")
    server.add("/feeds/down.rss", "internal error", status=500, content_type="text/plain")
    server.add("/feeds/slow.rss", rss(base), content_type="application/rss+xml", delay=1.5)
    server.add("/feeds/broken.xml", "<rss><channel><title>oops</title><item><link>", content_type="application/xml")
    server.add("/articles/harir-drones.html", HARIR)
    server.add("/articles/asad-rockets.html", ASAD)
    server.add("/articles/conoco-drone.html", CONOCO)
    server.add("/articles/live.html", LINKS_ONLY)
    server.add("/private/members-only.html", MEMBERS)
    server.add("/media/map.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, content_type="image/png")
    return server
