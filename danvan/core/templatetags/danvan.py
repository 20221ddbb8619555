from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from danvan.core import links
from danvan.core.choices import Role

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


@register.simple_tag
def record_url(name, pk):
    """{% url name pk %} for a record's id, the pattern resolved once per name (a list's rows, see core/links.py)."""
    return links.record_url(name, pk)


@register.inclusion_tag("core/_import_buttons.html", takes_context=True)
def import_buttons(context, url_name):
    """"Nhập từ Excel" and "Tải mẫu" beside a list, for those who may import (an editor of their unit)."""
    user = context["request"].user
    return {"import_url": reverse(url_name), "may_import": user.is_authenticated and user.can(Role.EDITOR)}
