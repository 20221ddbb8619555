"""Read side of commendation: the counts the movement's statistics show (registered in ``apps.py``)."""

from django.db.models import Count, Q

from danvan.awards.models import ProposedRecipient, Recipient
from danvan.core.choices import HolderKind
from danvan.core.statistics import in_units


def commendation_section(units, span):
    """Recipients of the decisions issued in ``units`` over ``span`` (collectives, individuals) and
    the recipients proposed there; the keys are those of the statistics API."""
    granted = Recipient.objects.filter(
        in_units("decision__issuing_body__unit", units), decision__date__year__gte=span.from_year, decision__date__year__lte=span.to_year
    ).aggregate(
        total=Count("pk"),
        collective=Count("pk", filter=Q(kind=HolderKind.COLLECTIVE)),
        individual=Count("pk", filter=Q(kind=HolderKind.INDIVIDUAL)),
    )
    proposed = ProposedRecipient.objects.filter(
        in_units("proposal__proposing_body__unit", units), proposal__date__year__gte=span.from_year, proposal__date__year__lte=span.to_year
    ).count()
    return {
        "commended": granted["total"],
        "commended_by_recipient": {"collective": granted["collective"], "individual": granted["individual"]},
        "proposed_for_commendation": proposed,
    }


def _recipient_counts():
    return {
        "collectives": Count("recipients", filter=Q(recipients__kind=HolderKind.COLLECTIVE)),
        "individuals": Count("recipients", filter=Q(recipients__kind=HolderKind.INDIVIDUAL)),
    }


def with_recipient_counts(decisions):
    """Each decision with its numbers of collectives and individuals (one query for the list)."""
    return decisions.annotate(**_recipient_counts())


def totals_by_form(decisions):
    """Collectives and individuals commended by the listed decisions, per form of commendation."""
    return decisions.values("form__name").annotate(**_recipient_counts()).order_by("form__name")
