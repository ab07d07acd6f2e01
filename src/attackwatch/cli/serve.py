"""`attackwatch serve`: the REST API and the dashboard over an incident database (uvicorn)."""
from __future__ import annotations

import argparse
import os
import sys


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from attackwatch.serve.app import create_app
    from attackwatch.store import default_url

    token = args.token or os.environ.get("ATTACKWATCH_TOKEN") or None
    app = create_app(args.db or default_url(), token=token, private=args.private)
    if args.host not in ("127.0.0.1", "localhost", "::1") and not token:
        print("attackwatch: serving on a public interface without a token (read-only)", file=sys.stderr)
    writes = "writes need the bearer token" if token else "read-only (no token)"
    reads = "reads need the token (--private)" if args.private else "reads open"
    print(f"attackwatch: serving {app.state.db_url} on http://{args.host}:{args.port}/ ({reads}; {writes})",
          file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level, proxy_headers=False,
                server_header=False)
    return 0


def register(sub: argparse._SubParsersAction, db_default: str | None) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("serve", help="the REST API (/docs) and the dashboard (/) over an incident database")
    p.add_argument("--db", default=db_default, help="SQLite file or postgresql:// URL (default: ATTACKWATCH_DB or ./attackwatch.db)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--token", help="bearer token for writes (default: ATTACKWATCH_TOKEN; none = read-only)")
    p.add_argument("--private", action="store_true", help="require the token for reads too")
    p.add_argument("--log-level", default="warning", choices=("critical", "error", "warning", "info", "debug"))
    p.set_defaults(func=cmd_serve)
