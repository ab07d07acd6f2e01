"""What every benchmark records beside its figures — the commit measured, the CPU — and the
appending of a dated section to a results file (append only: several scripts write to one)."""
from __future__ import annotations

import platform
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"


def commit() -> str:
    """HEAD's short hash, '+dirty src' when the measured code has uncommitted changes."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "src"], cwd=REPO, capture_output=True,
                               text=True, check=True).stdout.strip()
        return head + ("+dirty src" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def append_section(file_name: str, heading: str, body: str) -> None:
    """Append `### heading` and `body` to bench/file_name."""
    with open(BENCH / file_name, "a", encoding="utf-8") as fh:
        fh.write(f"\n### {heading}\n\n{body}\n")
