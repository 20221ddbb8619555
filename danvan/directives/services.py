"""Every change to the register: validated, in one transaction, in the user's scope."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.services import save_record
from danvan.directives.models import Implementation, ObligationFulfilment
from danvan.directives.symbols import SymbolError, parse_symbol


def apply_symbol(directive, text):
    """Fill number, type and issuer from a symbol as written; a malformed one is refused on the field."""
    text = (text or "").strip()
    if not text:
        directive.symbol = ""
        return directive
    try:
        parsed = parse_symbol(text)
    except SymbolError as error:
        raise ValidationError({"symbol": str(error.message)}) from error
    directive.number, directive.doc_type, directive.issuer_code = parsed.number, parsed.type, parsed.issuer
    directive.symbol = parsed.text
    return directive


@transaction.atomic
def register_directive(user, directive, symbol="", implements=None):
    """Save a directive; with ``implements`` it is recorded as its unit's concretisation of that directive."""
    apply_symbol(directive, symbol if symbol is not None else directive.symbol)
    if not directive.doc_type:
        raise ValidationError({"doc_type": _("Choose the type of document.")})
    save_record(user, directive)
    if implements is not None:
        record_implementation(user, implements, directive.unit, document=directive, implemented_on=directive.issued_on)
    return directive


def implemented_ancestor_ids(directive):
    """Ids of every directive that ``directive`` concretises, directly or through others."""
    seen, frontier = set(), {directive.pk}
    while frontier:
        parents = set(
            Implementation.objects.filter(document_id__in=frontier).values_list("directive_id", flat=True)
        ) - seen
        seen |= parents
        frontier = parents
    return seen


def check_implementation(directive, document):
    if document is None:
        return
    if document.pk == directive.pk:
        raise ValidationError({"document": _("A document cannot implement itself.")})
    if document.pk in implemented_ancestor_ids(directive):
        raise ValidationError({"document": _("%(document)s already leads to %(directive)s: this link would close a cycle.")
                               % {"document": document, "directive": directive}})


@transaction.atomic
def record_implementation(user, directive, unit, document=None, implemented_on=None, description=""):
    implementation = Implementation(
        directive=directive, unit=unit, document=document,
        implemented_on=implemented_on or (document.issued_on if document else None), description=description.strip(),
    )
    return save_implementation(user, implementation)


@transaction.atomic
def save_implementation(user, implementation):
    """Create or edit an implementation link: no self-implementation, no cycle, a document or a description."""
    check_implementation(implementation.directive, implementation.document)
    if implementation.document is None and not implementation.description.strip():
        raise ValidationError({"description": _("Name the unit's own document or describe how it implemented the directive.")})
    return save_record(user, implementation)


@transaction.atomic
def record_fulfilment(user, obligation, unit, year, record=None, description="", fulfilled_on=None, month=None):
    """A unit met an obligation in ``year`` (and ``month``, for a monthly obligation: taken from ``fulfilled_on``
    when not given): by ``record`` (any model instance) or by a description."""
    if unit.level != obligation.level:
        raise ValidationError({"unit": _("This obligation applies to units of level “%(level)s”.") % {"level": obligation.get_level_display()}})
    if year < obligation.first_year or (obligation.last_year and year > obligation.last_year):
        raise ValidationError({"year": _("The obligation does not apply in %(year)s.") % {"year": year}})
    month = _fulfilment_month(obligation, month, fulfilled_on)
    fulfilment = ObligationFulfilment(obligation=obligation, unit=unit, year=year, month=month, description=description.strip(),
                                      fulfilled_on=fulfilled_on)
    if record is not None:
        fulfilment.content_type = ContentType.objects.get_for_model(record)
        fulfilment.object_id = record.pk
    return save_record(user, fulfilment)


def _fulfilment_month(obligation, month, fulfilled_on):
    """The month a fulfilment counts for: required (1–12) for a monthly obligation, none for a yearly one."""
    if not obligation.is_monthly:
        if month not in (None, ""):
            raise ValidationError({"month": _("This obligation is counted per year: leave the month empty.")})
        return None
    if month in (None, ""):
        if fulfilled_on is None:
            raise ValidationError({"month": _("This obligation is counted per month: give the month it counts for.")})
        return fulfilled_on.month
    try:
        month = int(month)
    except (TypeError, ValueError):
        month = 0
    if not 1 <= month <= 12:
        raise ValidationError({"month": _("The month is a number from 1 to 12.")})
    return month
