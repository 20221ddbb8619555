"""Builders for the URL walk (danvan/core/tests/test_url_walk.py): an organisation's report in a unit."""

from danvan.organizations.tests.factories import OrganizationFactory
from danvan.reporting.tests.factories import SubmissionFactory


def _submission(unit, marker, pk):
    # The marker in the reporting organisation (a unit's own record), not in the form: forms are national.
    return SubmissionFactory(id=pk, unit=unit, organization=OrganizationFactory(unit=unit, name=f"{marker} Hội"))


def walk_builders():
    from danvan.reporting.models import Submission

    return {Submission: _submission}
