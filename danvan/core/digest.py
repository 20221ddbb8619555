"""The daily e-mail digest of "Việc của tôi": each user's inbox sections, sent to them in a mail.

The same builders as the page (``core.inbox``), so the mail and the page never disagree; a user
gets a mail only on a day something waits, and not at all once they have turned it off; at most one a day
(``User.digest_sent_on``), however often the command runs.
"""

import dataclasses
import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import ngettext

from danvan.core import inbox

ITEMS_PER_SECTION = 5  # a mail names the first few; the link opens the rest


class MailServerMissing(Exception):
    """No SMTP host is configured: nothing can be sent."""


@dataclasses.dataclass
class Outcome:
    sent: list = dataclasses.field(default_factory=list)
    failed: list = dataclasses.field(default_factory=list)  # (user, reason)


def absolute(path):
    return f"{settings.SITE_URL}{path}"


def recipients(today):
    """Who may get today's mail: active, opted in, with an address, and not yet sent one today."""
    return (get_user_model().objects.filter(is_active=True, receives_digest=True).exclude(email="")
            .filter(Q(digest_sent_on__isnull=True) | Q(digest_sent_on__lt=today))
            .select_related("unit").order_by("pk"))


def _claim(user, today):
    """Mark today's mail as sent to ``user`` before sending; False when another run claimed it first."""
    return bool(get_user_model().objects.filter(pk=user.pk).exclude(digest_sent_on=today).update(digest_sent_on=today))


def _release(user):
    """The mail did not go: the next run may try again today."""
    get_user_model().objects.filter(pk=user.pk).update(digest_sent_on=user.digest_sent_on)


def _sections(user):
    """(section, count, [(item, detail, link)]) for each section with something waiting."""
    found = []
    for section in inbox.sections_for(user):
        count = section.count
        if count:
            items = [(item, detail, absolute(item.get_absolute_url())) for item, detail in section.first(ITEMS_PER_SECTION)]
            found.append((section, count, items, absolute(section.url)))
    return found


def message_for(user, today=None):
    """The mail for ``user``, or None when nothing waits for them."""
    sections = _sections(user)
    if not sections:
        return None
    total = sum(count for _, count, _, _ in sections)
    day = date_format(today or timezone.localdate(), "SHORT_DATE_FORMAT")
    context = {
        "user": user, "name": user.get_full_name() or user.username, "sections": sections, "total": total, "day": day,
        "inbox_url": absolute(reverse("core:inbox")), "settings_url": absolute(reverse("accounts:me")),
    }
    subject = ngettext(
        "My work – %(count)d item waiting for you, %(day)s", "My work – %(count)d items waiting for you, %(day)s", total,
    ) % {"count": total, "day": day}
    message = EmailMultiAlternatives(subject, render_to_string("core/email/digest.txt", context), to=[user.email])
    message.attach_alternative(render_to_string("core/email/digest.html", context), "text/html")
    return message


def send_digests(today=None):
    """One mail to each user something waits for, all over one SMTP connection."""
    if not settings.EMAIL_HOST:
        raise MailServerMissing
    today = today or timezone.localdate()
    outcome = Outcome()
    with translation.override(settings.LANGUAGE_CODE), get_connection() as connection:
        for user in recipients(today):
            message = message_for(user, today)
            if message is None or not _claim(user, today):
                continue
            try:
                connection.send_messages([message])
            except smtplib.SMTPException as error:  # one refused address must not stop everyone else's mail
                _release(user)
                outcome.failed.append((user, error))
            except BaseException:
                _release(user)
                raise
            else:
                outcome.sent.append(user)
    return outcome
