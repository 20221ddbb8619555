import datetime

import factory

from danvan.organizations.tests.factories import OrganizationFactory
from danvan.oversight.choices import FollowUpKind, MeetingKind, MissionKind
from danvan.oversight.models import FollowUp, Meeting, Mission, SupervisionPlan
from danvan.units.tests.factories import CommuneFactory


class MissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mission

    kind = MissionKind.SURVEY
    subject = factory.Sequence(lambda n: f"Khảo sát thực hiện chương trình {n}")
    unit = factory.SubFactory(CommuneFactory)
    leading_organization = factory.SubFactory(OrganizationFactory, unit=factory.SelfAttribute("..unit"))
    planned_start = datetime.date(2018, 6, 11)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    kind = MeetingKind.BRIEFING
    title = factory.Sequence(lambda n: f"Hội nghị giao ban {n}")
    unit = factory.SubFactory(CommuneFactory)
    organization = factory.SubFactory(OrganizationFactory, unit=factory.SelfAttribute("..unit"))
    held_on = datetime.date(2018, 10, 3)


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    kind = FollowUpKind.RECOMMENDATION
    mission = factory.SubFactory(MissionFactory)
    text = factory.Sequence(lambda n: f"Tiếp tục thực hiện nhiệm vụ {n}")
    owner_unit = factory.SelfAttribute("mission.unit")
    deadline = datetime.date(2019, 12, 31)


class SupervisionPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupervisionPlan

    title = factory.Sequence(lambda n: f"Kế hoạch giám sát {n}")
    unit = factory.SubFactory(CommuneFactory)
    organization = factory.SubFactory(OrganizationFactory, unit=factory.SelfAttribute("..unit"))
    year = 2019
