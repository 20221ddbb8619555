import datetime

import factory

from danvan.core.choices import Level
from danvan.reporting.choices import PeriodType
from danvan.reporting.models import FormDeadline, Indicator, ReportForm, ReportingPeriod, Submission
from danvan.units.tests.factories import CommuneFactory

NINE_MONTHS_2018 = (datetime.date(2018, 1, 1), datetime.date(2018, 9, 30))


def indicators(*codes):
    return list(Indicator.objects.filter(code__in=codes))


class ReportFormFactory(factory.django.DjangoModelFactory):
    """The 9-month report of the communes (a district before 2025, the province after), due on the 20th of September."""

    class Meta:
        model = ReportForm
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"bc-9t-{n}")
    name = "Báo cáo công tác dân vận 9 tháng"
    period_type = PeriodType.NINE_MONTHS
    sections = "Tình hình, công tác lãnh đạo chỉ đạo\nKết quả\nHạn chế, nguyên nhân\nPhương hướng, nhiệm vụ"
    levels = [Level.COMMUNE]
    first_year = 2018

    @factory.post_generation
    def codes(self, create, extracted, **kwargs):
        if create:
            self.indicators.set(indicators(*(extracted or ("movement.registered", "movement.recognised.commune",
                                                           "social.poor_households_out", "members.eligible"))))
            FormDeadline.objects.get_or_create(form=self, level=Level.COMMUNE, defaults={"days_after_end": -10})


class PeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportingPeriod
        django_get_or_create = ("form", "start", "end")

    form = factory.SubFactory(ReportFormFactory)
    start, end = NINE_MONTHS_2018


class SubmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Submission

    period = factory.SubFactory(PeriodFactory)
    form = factory.LazyAttribute(lambda s: s.period.form)
    unit = factory.SubFactory(CommuneFactory)
    deadline = factory.LazyAttribute(lambda s: s.period.end - datetime.timedelta(days=10))
