import datetime

import factory

from danvan.engagement.choices import DialogueKind
from danvan.engagement.models import Dialogue
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
