"""What the browser tests on the demo world share besides the ``demo_world`` fixture (in ``danvan/conftest.py``)."""

from danvan.core.tests.browser import log_in as browser_log_in
from danvan.demo import build as demo


def log_in(page, base_url, username):
    """Log in as one of the demo's officials, whose password is the demo's."""
    browser_log_in(page, base_url, username, demo.DEMO_PASSWORD)
