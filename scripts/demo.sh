#!/usr/bin/env bash
# Set up, then run the main job on the bundled example corpus:
#  1. per-article incident reports -> out/reports.jsonl, a table on the terminal, and the score
#     against the corpus's own gold annotations;
#  2. the incident database: the same pages ingested and resolved into out/attackwatch.db,
#     exported as out/incidents.jsonl, with a situation report out/report.html.
# Then `.venv/bin/attackwatch serve --db out/attackwatch.db` opens the dashboard on them.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
mkdir -p out
AW=.venv/bin/attackwatch
$AW extract examples/ --format jsonl > out/reports.jsonl
$AW extract examples/ --format table
echo "wrote out/reports.jsonl ($(wc -l < out/reports.jsonl) reports)"
if [ -f ../shared/eval/score.py ]; then  # the project's scorer, beside the checkout
  python3 ../shared/eval/score.py --gold examples --pred out/reports.jsonl
fi
rm -f out/attackwatch.db out/attackwatch.db-wal out/attackwatch.db-shm
$AW ingest examples/ --db out/attackwatch.db --quiet
$AW export --db out/attackwatch.db --format jsonl -o out/incidents.jsonl
echo "wrote out/incidents.jsonl ($(wc -l < out/incidents.jsonl) incidents)"
$AW lulls --db out/attackwatch.db --min-days 60 --format table
$AW report --db out/attackwatch.db --from 2023-10-01 --to 2024-02-29 -o out/report.html
echo "now try: .venv/bin/attackwatch serve --db out/attackwatch.db  (http://127.0.0.1:8000/)"
