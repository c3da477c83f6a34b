"""Makes the helper module beside these tests (``_posts``) importable.

The suite runs with ``--import-mode=importlib``, which leaves ``sys.path`` alone, so the
folder is added here, once, for the tests in it.
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)
