"""Keeping a dataset current from live sources: `poll` fetches new feed entries (through
attackwatch.ingest.feeds), runs them through the pipeline and stores them. It drives every
stage, so it sits above them all, beside scale/ (the batch path)."""
