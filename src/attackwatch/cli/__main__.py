"""`python -m attackwatch.cli ...` runs the command (as `python -m attackwatch` does)."""
from attackwatch.cli import main

raise SystemExit(main())
