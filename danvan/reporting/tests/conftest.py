import pytest

from danvan.reporting.catalogue import load_indicators
from danvan.reporting.models import Indicator


@pytest.fixture(autouse=True)
def indicators(db):
    """The catalogue a migration seeds: a test that empties the tables (a live server's, say) takes it away."""
    if not Indicator.objects.exists():
        load_indicators(Indicator)
