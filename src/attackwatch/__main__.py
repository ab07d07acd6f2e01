"""`python -m attackwatch ...` runs the CLI (handy with PYTHONPATH pointing at another checkout)."""
from attackwatch.cli import main

raise SystemExit(main())
