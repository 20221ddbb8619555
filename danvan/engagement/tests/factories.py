import datetime

import factory

from danvan.engagement.choices import Channel, DialogueKind
from danvan.engagement.models import Dialogue, Petition, PetitionField, PetitionKind
from danvan.organizations.tests.factories import OrganizationFactory
from danvan.people.tests.factories import PersonFactory, PositionFactory
from danvan.units.tests.factories import CommuneFactory

HELD = datetime.date(2025, 9, 12)


def chair_of(unit, title="Bí thư Đảng ủy", since=datetime.date(2020, 1, 1)):
    """A person holding ``title`` in an organisation of ``unit`` since ``since``: a dialogue there may be chaired by them."""
    return PositionFactory(person=PersonFactory(unit=unit), organization=OrganizationFactory(unit=unit), title=title, valid_from=since).person


class DialogueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dialogue
        skip_postgeneration_save = True

    kind = DialogueKind.PERIODIC
    unit = factory.SubFactory(CommuneFactory)
    chair = factory.LazyAttribute(lambda d: chair_of(d.unit))
    chair_title = "Bí thư Đảng ủy"
    date = HELD
    place = "Hội trường UBND xã"
    participants = 120
    opinions_raised = 15
    opinions_answered = 12

    @factory.post_generation
    def organizations(self, create, extracted, **kwargs):
        if create:
            self.organizations.set(extracted if extracted is not None else [OrganizationFactory(unit=self.unit)])


def petition_kind(name="Kiến nghị", days=10):
    """The seeded kind (a transactional test before may have emptied the catalogue)."""
    return PetitionKind.objects.get_or_create(name=name, defaults={"time_limit_days": days, "legal_basis": "Điều 28 Luật Tiếp công dân 2013"})[0]


def petition_field(name="Hạ tầng"):
    return PetitionField.objects.get_or_create(name=name)[0]


class PetitionFactory(factory.django.DjangoModelFactory):
    """Received on a Monday; ten working days later is the deadline."""

    class Meta:
        model = Petition

    unit = factory.SubFactory(CommuneFactory)
    channel = Channel.LETTER
    kind = factory.LazyFunction(petition_kind)
    field = factory.LazyFunction(petition_field)
    content = factory.Sequence(lambda n: f"Đề nghị sửa chữa đoạn đường liên ấp số {n} bị sạt lở")
    petitioner_name = "Trần Thị Lan"
    petitioner_contact = "0912 345 678"
    received_on = datetime.date(2025, 9, 15)
    deadline = datetime.date(2025, 9, 29)
    assigned_to = factory.SubFactory(OrganizationFactory, unit=factory.SelfAttribute("..unit"))


class HotCaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "engagement.HotCase"

    unit = factory.SubFactory(CommuneFactory)
    name = factory.Sequence(lambda n: f"Vụ việc chợ Mỹ Lồng số {n}")
    description = "Tiểu thương phản ánh việc bố trí lại sạp"
    leader = factory.LazyAttribute(lambda c: chair_of(c.unit))
    leader_title = "Bí thư Đảng ủy"
    opened_on = datetime.date(2025, 9, 1)


class HotCaseEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "engagement.HotCaseEvent"

    case = factory.SubFactory(HotCaseFactory)
    date = datetime.date(2025, 9, 10)
    text = "Tổ công tác làm việc với tiểu thương"


def party_committee(unit, name="Đảng ủy xã Bình An", head="Nguyễn Văn Bình"):
    """The unit's Party committee with its secretary since 2020: it issues the unit's KL 215 report."""
    from danvan.organizations.tests.factories import OrganizationKindFactory

    kind = OrganizationKindFactory(code="dang-uy", name="Đảng ủy", category="party_committee")
    committee = OrganizationFactory(unit=unit, name=name, kind=kind)
    PositionFactory(person=PersonFactory(unit=unit, full_name=head), organization=committee, title="Bí thư Đảng ủy",
                    valid_from=datetime.date(2020, 10, 1))
    return committee
