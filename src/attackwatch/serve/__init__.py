"""The HTTP API (FastAPI) and the dashboard it serves: `attackwatch serve`, `create_app(db_url)`."""
