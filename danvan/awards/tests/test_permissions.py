"""Commendation decisions, pages and API, as anonymous, as each role and as a user of another unit (``core/tests/cases.py``).

An editor may open the form to prepare a decision; only an approver issues it.
"""

from danvan.awards.models import CommendationDecision
from danvan.awards.tests.factories import CommendationFormFactory, DecisionFactory
from danvan.core.choices import Role
from danvan.core.tests.cases import ApiCases, MARKER, PageCases
from danvan.organizations.tests.factories import OrganizationFactory


class DecisionFixtures:
    model = CommendationDecision
    write_role = Role.APPROVER

    def make(self, tree, unit):
        return DecisionFactory(issuing_body=OrganizationFactory(unit=unit), number=f"{MARKER}-QĐ", reason=MARKER)

    def shown(self, record):
        return record.number


class TestDecisionPages(DecisionFixtures, PageCases):
    page_role = Role.EDITOR
    list_route, detail_route, create_route = "awards:decision-list", "awards:decision-detail", "awards:decision-create"

    def create_data(self, tree):
        return {"number": "12-QĐ/ĐU", "date": "20/11/2025", "issuing_body": OrganizationFactory(unit=tree.cc1).pk,
                "form": CommendationFormFactory().pk, "signer": "Nguyễn Văn Tám", "signer_title": "Bí thư",
                "reason": "Thành tích trong phong trào “Dân vận khéo” năm 2025", "phase": ""}


class TestDecisionApi(DecisionFixtures, ApiCases):
    api_url = "/api/v1/commendation-decisions/"
    can_update = False  # a decision changes through its actions (recipients added), not by PATCH

    def create_data(self, tree):
        return {"number": "12-QĐ/ĐU", "date": "2025-11-20", "issuing_body": OrganizationFactory(unit=tree.cc1).pk,
                "form": CommendationFormFactory().pk, "signer": "Nguyễn Văn Tám", "signer_title": "Bí thư",
                "reason": "Thành tích trong phong trào “Dân vận khéo” năm 2025", "recipients": []}

    unchecked = ("recipients",)
