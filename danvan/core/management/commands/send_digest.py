import smtplib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _, ngettext

from danvan.core.digest import MailServerMissing, send_digests


class Command(BaseCommand):
    help = "Send each user the daily e-mail digest of what waits for them (run it once a day, e.g. from cron)."

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            try:
                outcome = send_digests()
            except MailServerMissing:
                self.stdout.write(_("No mail server is configured (DANVAN_EMAIL_HOST): no digest was sent."))
                return
            except (OSError, smtplib.SMTPException) as error:
                raise CommandError(_("Cannot reach the mail server %(host)s:%(port)s: %(error)s")
                                   % {"host": settings.EMAIL_HOST, "port": settings.EMAIL_PORT, "error": error}) from error
            for user, error in outcome.failed:
                self.stderr.write(_("Not sent to %(user)s <%(email)s>: %(error)s") % {"user": user.username, "email": user.email, "error": error})
            self.stdout.write(ngettext("Digest sent to %(count)d user.", "Digest sent to %(count)d users.", len(outcome.sent))
                              % {"count": len(outcome.sent)})
