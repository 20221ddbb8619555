"""Factories for the movement: small records on the fake unit trees of ``danvan/conftest.py``."""

import datetime

import factory

from danvan.core import aggregates
from danvan.movement.choices import HolderKind, InitiativeKind, RecognitionLevel, Status
from danvan.movement.models import Field, Initiative, Phase, Recognition, Replication, ResultUpdate
from danvan.organizations.tests.factories import OrganizationFactory
from danvan.units.tests.factories import CommuneFactory


class FieldFactory(factory.django.DjangoModelFactory):
    """Fields are seeded by a migration: reuse one by code."""

    class Meta:
        model = Field
        django_get_or_create = ("code",)

    code = "kinh-te"
    name = "Kinh tế"


class PhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Phase
        django_get_or_create = ("start_year", "end_year")

    start_year = 2016
    end_year = 2020
    name = factory.LazyAttribute(lambda phase: f"{phase.start_year}–{phase.end_year}")


class CountedFactory(factory.django.DjangoModelFactory):
    """Saved as the services save: the statistics' counters (core/aggregates.py) count the record."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        record = model_class(*args, **kwargs)
        with aggregates.tracking(record):
            record.save()
        return record


class InitiativeFactory(CountedFactory):
    """A registered collective model owned by an organisation of its own unit."""

    class Meta:
        model = Initiative
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Mô hình số {n}")
    kind = InitiativeKind.MODEL
    holder = HolderKind.COLLECTIVE
    unit = factory.SubFactory(CommuneFactory)
    owner_organization = factory.SubFactory(OrganizationFactory, unit=factory.SelfAttribute("..unit"))
    phase = factory.SubFactory(PhaseFactory)
    registration_year = 2018
    status = Status.REGISTERED

    @factory.post_generation
    def fields(self, create, extracted, **kwargs):
        if create:
            with aggregates.tracking(self):
                self.fields.set(extracted if extracted is not None else [FieldFactory()])


class RecognitionFactory(CountedFactory):
    class Meta:
        model = Recognition

    initiative = factory.SubFactory(InitiativeFactory, status=Status.RECOGNISED)
    level = RecognitionLevel.COMMUNE
    year = 2019
    decided_on = datetime.date(2019, 12, 1)


class ReplicationFactory(CountedFactory):
    class Meta:
        model = Replication

    origin = factory.SubFactory(InitiativeFactory)
    unit = factory.SubFactory(CommuneFactory)
    adopted_on = datetime.date(2020, 3, 1)


class ResultUpdateFactory(CountedFactory):
    class Meta:
        model = ResultUpdate

    initiative = factory.SubFactory(InitiativeFactory)
    date = datetime.date(2020, 5, 1)
    text = "Kết quả"
