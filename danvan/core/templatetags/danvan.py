from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

# auditlog's own action labels are not translated into Vietnamese.
_ACTION_LABELS = {0: _("created"), 1: _("changed"), 2: _("deleted"), 3: _("viewed")}


@register.filter
def action_label(entry):
    return _ACTION_LABELS.get(entry.action, entry.get_action_display())


@register.filter
def who(user):
    """A user as officials name each other: the full name (or the body they act for), not the login."""
    if not user:
        return ""
    return user.get_full_name() or str(user)
