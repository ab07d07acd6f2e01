#!/usr/bin/env bash
# Set up, then run the main job on the bundled example corpus:
# per-article incident reports -> out/reports.jsonl, a table on the terminal, and the score
# against the corpus's own gold annotations.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
mkdir -p out
.venv/bin/attackwatch extract examples/ --format jsonl > out/reports.jsonl
.venv/bin/attackwatch extract examples/ --format table
echo "wrote out/reports.jsonl ($(wc -l < out/reports.jsonl) reports)"
if [ -f ../shared/eval/score.py ]; then  # the project's scorer, beside the checkout
  python3 ../shared/eval/score.py --gold examples --pred out/reports.jsonl
fi
