"""API tokens that expire after a while without use and end with the session or the password.

A token idle for longer than ``settings.API_TOKEN_IDLE_HOURS`` is refused (401) and
deleted; logging in again through ``api:token`` issues a new one. Use is recorded at
most once a minute, so that an active client does not write on every request.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token

from danvan.accounts.models import TokenActivity

RECORD_USE_EVERY = datetime.timedelta(minutes=1)


def _idle_limit():
    return datetime.timedelta(hours=settings.API_TOKEN_IDLE_HOURS)


def _last_used(token):
    last_used = TokenActivity.objects.filter(token=token).values_list("last_used", flat=True).first()
    return last_used or token.created


def _record_use(token, now):
    TokenActivity.objects.update_or_create(token=token, defaults={"last_used": now})


class ExpiringTokenAuthentication(TokenAuthentication):
    """DRF's token authentication, refusing a token left unused for too long."""

    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        now = timezone.now()
        last_used = _last_used(token)
        if now - last_used > _idle_limit():
            token.delete()
            raise exceptions.AuthenticationFailed(
                _("This API token has expired: it was not used for %(hours)s hours. Ask for a new one with your "
                  "user name and password.") % {"hours": f"{settings.API_TOKEN_IDLE_HOURS:g}"}
            )
        if now - last_used >= RECORD_USE_EVERY:
            _record_use(token, now)
        return user, token


@transaction.atomic
def issue_token(user):
    """The user's token, a new one if theirs has expired (an old key is never revived)."""
    now = timezone.now()
    token = Token.objects.filter(user=user).first()
    if token is not None and now - _last_used(token) > _idle_limit():
        token.delete()
        token = None
    if token is None:
        token = Token.objects.create(user=user)
    _record_use(token, now)
    return token


def revoke_tokens(user):
    """End every API token of ``user``: at logout and when the password changes."""
    Token.objects.filter(user=user).delete()


def revoke_tokens_at_logout(sender, request, user, **kwargs):
    if user is not None:
        revoke_tokens(user)

