import datetime

import factory

from danvan.awards.models import CommendationDecision, CommendationForm, CommendationProposal, Recipient
from danvan.organizations.tests.factories import OrganizationFactory


class CommendationFormFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommendationForm
        django_get_or_create = ("code",)

    code = "giay-khen"
    name = "Giấy khen"


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommendationDecision

    number = factory.Sequence(lambda n: f"{n}-QĐ/HU")
    date = datetime.date(2020, 8, 4)
    issuing_body = factory.SubFactory(OrganizationFactory)
    form = factory.SubFactory(CommendationFormFactory)
    reason = "Phong trào thi đua “Dân vận khéo” giai đoạn 2016–2020"


class RecipientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recipient

    decision = factory.SubFactory(DecisionFactory)
    kind = "collective"
    organization = factory.SubFactory(OrganizationFactory, unit=factory.SelfAttribute("..decision.issuing_body.unit"))


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommendationProposal

    proposing_body = factory.SubFactory(OrganizationFactory)
    addressed_to = factory.SubFactory(OrganizationFactory)
    form = factory.SubFactory(CommendationFormFactory)
    date = datetime.date(2020, 7, 1)
    reason = "Đề nghị khen thưởng"
