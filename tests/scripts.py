"""Run a script of ``validation/`` as its own process and read the JSON line it prints.

Tests never import ``validation/`` (tests/test_architecture.py checks it): a
test about a validation figure runs the script as a user would, with
``--json`` (or the script's own flag for it), and reads the last line of its
output.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_validation(script: str, *args: str, timeout: float = 1800) -> dict:
    """The JSON object printed last by ``python -m validation.<script> *args``."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run(
        [sys.executable, "-m", f"validation.{script}", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])
