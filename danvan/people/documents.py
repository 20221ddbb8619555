"""How a person signs an official document: with the dated title they hold in the issuing body when one is recorded."""

from danvan.core.documents.issuers import Signer
from danvan.people.models import Position


def dated_signer(organization, name, title, authority=None):
    """The signer ``name`` with ``title``; when the title is recorded as a position in ``organization`` its dates
    come along, so issuing on a day the title was not held is refused."""
    position = (Position.objects.filter(organization=organization, person__full_name=name, title=title)
                .order_by("-valid_from").first()) if name and title else None
    if position is not None:
        return Signer.holding(name, position, authority=authority)
    return Signer(name, title, authority=authority)
