import datetime

import factory

from danvan.directives.choices import DirectiveType
from danvan.directives.models import Directive, Implementation, Obligation
from danvan.units.tests.factories import CommuneFactory


class DirectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Directive

    unit = factory.SubFactory(CommuneFactory)
    doc_type = DirectiveType.RESOLUTION
    number = factory.Sequence(lambda n: n + 1)
    issuer_code = "TW"
    symbol = factory.LazyAttribute(lambda d: f"{d.number}-NQ/{d.issuer_code}")
    issued_on = datetime.date(2013, 6, 3)
    subject = factory.Sequence(lambda n: f"Về công tác dân vận {n}")


class ImplementationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Implementation

    directive = factory.SubFactory(DirectiveFactory)
    unit = factory.SelfAttribute("directive.unit")
    description = factory.Sequence(lambda n: f"Đã triển khai {n}")


class ObligationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Obligation

    directive = factory.SubFactory(DirectiveFactory)
    title = factory.Sequence(lambda n: f"Người đứng đầu cấp ủy đối thoại với nhân dân {n}")
    level = 3
    first_year = 2017
