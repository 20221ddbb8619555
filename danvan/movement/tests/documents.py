"""The movement's registered documents built for tests, for the clerk's checks over every kind of document."""

import datetime
from decimal import Decimal

from danvan.accounts.tests.factories import UserFactory
from danvan.core.choices import Role
from danvan.movement import services
from danvan.movement.choices import AppraisalOutcome, HolderKind, RecognitionLevel, Status
from danvan.movement.documents import appraisal_record
from danvan.movement.models import Criterion
from danvan.movement.services import STEERING_COMMITTEE_KIND
from danvan.movement.tests.factories import InitiativeFactory
from danvan.organizations.tests.factories import OrganizationFactory, OrganizationKindFactory

COUNCIL = "Nguyễn Văn An – Trưởng Ban Dân vận; Trần Thị Bích – Chủ tịch Ủy ban MTTQ"


def appraised(commune, user, appraisers=COUNCIL):
    """A collective model of ``commune`` appraised at the grassroots level on 20/7/2020, every criterion met and scored."""
    initiative = InitiativeFactory(unit=commune, status=Status.REGISTERED, holder=HolderKind.COLLECTIVE, name="Tổ nhân dân tự quản")
    criteria = list(Criterion.objects.filter(holder=HolderKind.COLLECTIVE))
    checks = [(criterion, True, f"Minh chứng {index}", Decimal(min(criterion.max_score or 10, 5 + index)))
              for index, criterion in enumerate(criteria)]
    return services.appraise(user, initiative, level=RecognitionLevel.COMMUNE, year=2020, outcome=AppraisalOutcome.MET,
                             checks=checks, appraisers=appraisers, date=datetime.date(2020, 7, 20), note="Hội đồng thống nhất.")


def steering_committee(commune):
    kind = OrganizationKindFactory(code=STEERING_COMMITTEE_KIND, name="Ban Chỉ đạo", category="steering_committee")
    return OrganizationFactory(unit=commune, name=f"Ban Chỉ đạo {commune}", kind=kind)


def appraisal_record_document(unit, communes):
    """The commune steering committee's record of a model's appraisal (Party format, biên bản)."""
    steering_committee(communes[0])
    user = UserFactory(unit=unit, role=Role.APPROVER)
    return appraisal_record(user, appraised(communes[0], user))
