from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NEWSFLOW = Path(sys.executable).parent / "newsflow"


@pytest.fixture
def newsflow() -> Callable[..., subprocess.CompletedProcess]:
    """Run the installed `newsflow` command as a user would."""

    def run(
        *args: str, stdin: bytes | None = None, env: dict | None = None, timeout: float = 300
    ) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(NEWSFLOW), *args],
            input=stdin,
            capture_output=True,
            cwd=REPO,
            env={**os.environ, "COLUMNS": "200", **(env or {})},
            timeout=timeout,
            check=False,
        )

    return run
