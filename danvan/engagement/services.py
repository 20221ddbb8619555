"""Every change to dialogues and petitions: validated, scoped, one transaction, lifecycle recorded."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.scoping import unit_within
from danvan.core.services import ensure_all_in_scope, not_in_future, save_record
from danvan.engagement.models import Dialogue
from danvan.people.models import Position


# --- dialogues ------------------------------------------------------------------------------------

def chair_title_on(dialogue):
    """The titles the chair held at the dialogue's unit that day; a chair without one is refused."""
    titles = list(Position.objects.filter(person_id=dialogue.chair_id, organization__unit_id=dialogue.unit_id)
                  .valid_at(dialogue.date).order_by("pk").values_list("title", flat=True))
    if not titles:
        raise ValidationError({"chair": _("%(person)s held no title at %(unit)s on %(date)s: a dialogue is chaired by a leader of its unit.")
                               % {"person": dialogue.chair, "unit": dialogue.unit, "date": dialogue.date.strftime("%d/%m/%Y")}})
    return ", ".join(titles)


@transaction.atomic
def record_dialogue(user, dialogue, organizations=None):
    """Create or edit a dialogue; ``organizations`` (None: unchanged) hold it and sit within its unit."""
    not_in_future("date", dialogue.date)
    if dialogue.chair_id and dialogue.unit_id and dialogue.date:
        dialogue.chair_title = chair_title_on(dialogue)
    if organizations is not None:
        organizations = list(organizations)
        if not organizations:
            raise ValidationError({"organizations": _("Name the organisations that held the dialogue.")})
        ensure_all_in_scope(user, Dialogue, "organizations", organizations)
        for organization in organizations:
            if dialogue.unit_id and not unit_within(organization.unit, dialogue.unit):
                raise ValidationError({"organizations": _("%(organization)s does not sit within %(unit)s.")
                                       % {"organization": organization, "unit": dialogue.unit}})
    elif dialogue.pk is None:
        raise ValidationError({"organizations": _("Name the organisations that held the dialogue.")})
    save_record(user, dialogue)
    if organizations is not None:
        dialogue.organizations.set(organizations)
    return dialogue
