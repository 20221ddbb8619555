"""Every change to organisations and their parents over time: validated, one transaction, through ``save_record``."""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from danvan.core.choices import Level, Role
from danvan.core.scoping import Scope, subtree_q
from danvan.core.services import require_role, save_record
from danvan.core.text import fold
from danvan.organizations.models import Organization, OrganizationKind, OrganizationLink


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


# --- the standard organisations of a commune ----------------------------------------------------

# (kind code, how the name begins): "Đảng ủy xã Thạnh Yên", "Ban công tác Mặt trận ấp Kinh Mới".
COMMUNE_BODIES = [
    ("dang-uy-xa", "Đảng ủy"),
    ("ubnd", "UBND"),
    ("ubmttq", "Ủy ban MTTQ Việt Nam"),
    ("hoi-ccb", "Hội Cựu chiến binh"),
    ("hoi-nong-dan", "Hội Nông dân"),
    ("hoi-lhpn", "Hội Liên hiệp Phụ nữ"),
    ("doan-tncs", "Đoàn TNCS Hồ Chí Minh"),
    ("cong-doan", "Công đoàn"),
]
HAMLET_BODY = ("ban-cong-tac-mat-tran", "Ban công tác Mặt trận")
# Not every commune has a trade union of its own: it is set up only when the administrator asks.
OPTIONAL_BODIES = {"cong-doan"}


def _units():
    return Organization._meta.get_field("unit").related_model.objects


def standard_communes(areas):
    """The current communes the standard organisations are set up for: each area that is a commune, and the
    current communes within each area that is a province or a (legacy) district."""
    query = models.Q(pk__in=[])
    for area in areas:
        query |= subtree_q(area.path)
    return _units().current().filter(query, level=Level.COMMUNE).order_by("name")


def missing_standard_organizations(communes, codes):
    """The standard organisations (unsaved) that the ``communes`` lack among the kinds ``codes``: a body of a
    kind counts as there when an organisation of that kind is still valid on the unit, whatever its name."""
    kinds = {kind.code: kind for kind in OrganizationKind.objects.filter(code__in=codes)}
    wanted_commune = [(code, prefix) for code, prefix in COMMUNE_BODIES if code in kinds]
    communes = list(communes)
    hamlets = list(_units().current().filter(parent__in=communes, level=Level.HAMLET).order_by("name")) \
        if HAMLET_BODY[0] in kinds else []
    present = set(Organization.objects.filter(valid_to__isnull=True, unit__in=[*communes, *hamlets], kind__in=kinds.values())
                  .values_list("unit_id", "kind_id"))
    missing = []
    for unit, bodies in [*((commune, wanted_commune) for commune in communes), *((hamlet, [HAMLET_BODY]) for hamlet in hamlets)]:
        for code, prefix in bodies:
            kind = kinds[code]
            if (unit.pk, kind.pk) not in present:
                missing.append(Organization(name=f"{prefix} {unit}", kind=kind, unit=unit, valid_from=unit.valid_from))
    return missing


@transaction.atomic
def set_up_standard_organizations(user, communes, codes):
    """Create, in one transaction, the standard organisations the ``communes`` (and their hamlets) lack;
    running it again creates nothing. Returns what was created."""
    require_role(user, Role.ADMINISTRATOR)
    scope = Scope.for_user(user)
    outside = [str(commune) for commune in communes if not scope.contains(commune)]
    if outside:
        raise ValidationError({"communes": _("Outside the units you work on: %(units)s.") % {"units": ", ".join(outside)}})
    return [save_organization(user, organization) for organization in missing_standard_organizations(communes, codes)]


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
