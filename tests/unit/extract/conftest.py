"""The extraction tests share reading.py (the extractor with the repository's data)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
