"""Loaded by pytest before Django reads its settings (``-p danvan.pytest_plugin`` in pyproject.toml).

The settings refuse to start without a secret key outside development; the suite
runs with no variable set, so it brings a key of its own. Commands the tests start
in a subprocess inherit it.
"""

import os

os.environ.setdefault("DANVAN_SECRET_KEY", "test-only-key-" + "0123456789abcdefghijklmnopqrstuvwxyz" * 2)
