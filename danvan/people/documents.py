"""How a person signs an official document: with the dated title they hold in the issuing body when one is recorded."""

from danvan.core.documents.issuers import HEAD_TITLE_FIRST_WORDS, Signer, is_deputy
from danvan.core.text import fold
from danvan.people.models import Position


def dated_signer(organization, name, title, authority=None):
    """The signer ``name`` with ``title``; when the title is recorded as a position in ``organization`` its dates
    come along, so issuing on a day the title was not held is refused."""
    position = (Position.objects.filter(organization=organization, person__full_name=name, title=title)
                .order_by("-valid_from").first()) if name and title else None
    if position is not None:
        return Signer.holding(name, position, authority=authority)
    return Signer(name, title, authority=authority)


def _rank(position):
    """0 for a head ("Bí thư", "Trưởng ban", "Chủ tịch"), 1 for their deputy, None for a member (who does not sign)."""
    words = position.title.split()
    deputy = is_deputy(position.title)
    head = words[1:] if deputy else words
    if not head or fold(head[0]) not in HEAD_TITLE_FIRST_WORDS:
        return None
    return int(deputy)


def head_signer(organization, on_date):
    """Who signs for ``organization`` that day: its head, else a deputy (K/T, or T/M for a Party committee)."""
    ranked = [(rank, position.pk, position) for position in organization.positions.valid_at(on_date).select_related("person")
              if (rank := _rank(position)) is not None]
    if not ranked:
        return None
    position = min(ranked)[2]
    return Signer.holding(position.person.full_name, position)
