"""Builders for the URL walk (danvan/core/tests/test_url_walk.py): an organisation's report in a unit."""

from danvan.engagement.tests.factories import party_committee
from danvan.organizations.tests.factories import OrganizationFactory
from danvan.reporting.choices import SubmissionStatus
from danvan.reporting.tests.factories import SubmissionFactory


def _submission(unit, marker, pk):
    # The marker in the reporting organisation (a unit's own record), not in the form: forms are national. Sent up, and
    # the unit has its Party committee with its secretary: the report's document opens for its own unit.
    party_committee(unit, name=f"{marker} Đảng ủy", head=f"{marker} Bí thư")
    return SubmissionFactory(id=pk, unit=unit, organization=OrganizationFactory(unit=unit, name=f"{marker} Hội"),
                             status=SubmissionStatus.SUBMITTED)


def walk_builders():
    from danvan.reporting.models import Submission

    return {Submission: _submission}
