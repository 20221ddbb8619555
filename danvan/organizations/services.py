"""Every change to organisations and their parents over time: validated, one transaction, through ``save_record``."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.services import save_record
from danvan.core.text import fold
from danvan.organizations.models import Organization, OrganizationLink


def _successors_of(pk):
    """Ids of the organisation ``pk``, the one it merged into, that one's successor … as stored (stops on a stored loop)."""
    chain = []
    while pk is not None and pk not in chain:
        chain.append(pk)
        pk = Organization.objects.filter(pk=pk).values_list("successor_id", flat=True).first()
    return chain


@transaction.atomic
def save_organization(user, organization):
    """Create or edit an organisation; the chain of successors never loops back to it."""
    if organization.pk and organization.successor_id and organization.successor_id != organization.pk:
        if organization.pk in _successors_of(organization.successor_id):
            raise ValidationError({"successor": _("This successor would make a cycle.")})
    return save_record(user, organization)


@transaction.atomic
def link_organization(user, link):
    """Give an organisation a parent for a period, inside the period both existed.

    The model refuses a link to itself and a cycle of parents (the admin writes links too);
    the period is a rule of the pages and the API.
    """
    if link.organization_id:
        link.organization.ensure_covers(link)
    if link.parent_id:
        link.parent.ensure_covers(link)
    return save_record(user, link)


@transaction.atomic
def add_organization(user, organization, parent=None):
    """A new organisation, under ``parent`` from now on if given; a second one of the same name on the unit is refused."""
    same = Organization.objects.filter(unit_id=organization.unit_id, valid_to__isnull=True, search_text__contains=fold(organization.name))
    if any(fold(other.name) == fold(organization.name) for other in same):
        raise ValidationError({"name": _("%(unit)s already has an organisation named “%(name)s”.")
                               % {"unit": organization.unit, "name": organization.name}})
    save_organization(user, organization)
    if parent is not None:
        link_organization(user, OrganizationLink(organization=organization, parent=parent))
    return organization
